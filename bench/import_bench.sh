#!/bin/sh
# The import benchmark (SPEC §4): a deterministic canonical tickets CSV of
# ROWS rows (default 1,000,000), timed through
#   1. sqlite3 -cmd ".mode csv" DB ".import FILE t"   (the reference)
#   2. escdesk import into an empty workspace           (target <= 1.5x)
#   3. escdesk import of the same file again            (all unchanged; <= 0.5x)
#   4. escdesk import of an export with 1% changed rows (1% updated)
#   5. the sqlite3 reference again, to show the machine's drift
# Wall times from /usr/bin/time; peak memory is the maximum resident set size
# (target < 300 MB). Ratios are against the mean of the two reference runs,
# for wall time and, in parentheses, for CPU time (user + sys), which a busy
# machine disturbs less.
#
# usage: bench/import_bench.sh BUILD_DIR [ROWS] [WORK_DIR]
set -eu

build=${1:?usage: import_bench.sh BUILD_DIR [ROWS] [WORK_DIR]}
rows=${2:-1000000}
work=${3:-$(mktemp -d)}
escdesk="$build/app/escdesk"
generate="$build/bench/generate_tickets"
mkdir -p "$work"

measure() { # LABEL COMMAND... → prints "seconds kilobytes" into $work/LABEL.time
    label=$1
    shift
    /usr/bin/time -f "%e %M %U %S" -o "$work/$label.time" "$@" >"$work/$label.out" 2>"$work/$label.err"
}

echo "generating $rows tickets in $work ..."
"$generate" "$rows" "$work/tickets.csv"
"$generate" "$rows" "$work/tickets-1pct.csv" 10
sync

load=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f "$work/reference.db"
measure sqlite_before sqlite3 -cmd ".mode csv" "$work/reference.db" ".import $work/tickets.csv t"
rm -f "$work/workspace.db" "$work/workspace.db-wal" "$work/workspace.db-shm"
measure full "$escdesk" import --db "$work/workspace.db" --kind tickets --json "$work/tickets.csv"
measure unchanged "$escdesk" import --db "$work/workspace.db" --kind tickets --json "$work/tickets.csv"
measure changed "$escdesk" import --db "$work/workspace.db" --kind tickets --json "$work/tickets-1pct.csv"
measure read_only "$build/bench/read_csv" "$work/tickets.csv"
# Context: the same .import into a table with the tickets table's three
# indexes, in WAL mode as a workspace is.
rm -f "$work/indexed.db" "$work/indexed.db-wal" "$work/indexed.db-shm"
sqlite3 "$work/indexed.db" "PRAGMA journal_mode = WAL;
CREATE TABLE t(ticket_id TEXT UNIQUE, created_at, first_response_at, resolved_at, closed_at,
  status, priority, channel, account_id, product_area, root_cause, reason_code, subject,
  description, assignee, grp, tier, escalated, escalated_at, resolution_type, resolution_notes,
  handle_time_min, csat, tags, region);
CREATE INDEX t_created ON t(created_at); CREATE INDEX t_account ON t(account_id);" >/dev/null
measure sqlite_indexed sqlite3 -cmd ".mode csv" "$work/indexed.db" ".import --skip 1 $work/tickets.csv t"
rm -f "$work/reference.db"
measure sqlite_after sqlite3 -cmd ".mode csv" "$work/reference.db" ".import $work/tickets.csv t"

seconds() { cut -d' ' -f1 "$work/$1.time"; }
megabytes() { awk '{ printf "%.0f", $2 / 1024 }' "$work/$1.time"; }
cpu() { awk '{ printf "%.2f", $3 + $4 }' "$work/$1.time"; }
reference=$(awk -v a="$(seconds sqlite_before)" -v b="$(seconds sqlite_after)" \
    'BEGIN { printf "%.2f", (a + b) / 2 }')
ratio() { awk -v a="$(seconds "$1")" -v r="$reference" 'BEGIN { printf "%.2f", a / r }'; }
cpuReference=$(awk -v a="$(cpu sqlite_before)" -v b="$(cpu sqlite_after)" \
    'BEGIN { printf "%.2f", (a + b) / 2 }')
cpuRatio() { awk -v a="$(cpu "$1")" -v r="$cpuReference" 'BEGIN { printf "%.2f", a / r }'; }

size=$(du -m "$work/tickets.csv" | cut -f1)
echo "file: $rows rows, $size MB"
echo "load average before the runs: $load"
printf '%-34s %8s %8s %7s  %s\n' "" "wall s" "cpu s" "peak MB" "ratio wall (cpu)"
row() { # LABEL RUN [TARGET]
    printf '%-34s %8s %8s %7s' "$1" "$(seconds "$2")" "$(cpu "$2")" "$(megabytes "$2")"
    printf '  %s (%s)' "$(ratio "$2")" "$(cpuRatio "$2")"
    if [ -n "${3:-}" ]; then
        printf '  target <= %s' "$3"
    fi
    echo
}
row "sqlite3 .import (before)" sqlite_before
row "sqlite3 .import (after)" sqlite_after
row "escdesk import, empty store" full 1.5
row "escdesk re-import, all unchanged" unchanged 0.5
row "escdesk import, 1% changed" changed
row "reader alone (parse, SHA-256)" read_only
row "sqlite3 .import, indexed, WAL" sqlite_indexed
for run in full unchanged changed; do
    echo "$run: $(cat "$work/$run.out")"
done
