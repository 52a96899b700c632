#!/bin/sh
# The import benchmark (SPEC §4): a deterministic canonical tickets CSV of
# ROWS rows (default 1,000,000), timed through
#   1. sqlite3 -cmd ".mode csv" DB ".import FILE t"   (the reference)
#   2. escdesk import into an empty workspace           (target <= 1.5x)
#   3. escdesk import of the same file again            (all unchanged; <= 0.5x)
#   4. escdesk import of an export with 1% changed rows (1% updated)
#   5. the sqlite3 reference again, to show the machine's drift
# Wall times from /usr/bin/time; peak memory is the maximum resident set size
# (target < 300 MB). Ratios are against the mean of the two reference runs.
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
    /usr/bin/time -f "%e %M" -o "$work/$label.time" "$@" >"$work/$label.out" 2>"$work/$label.err"
}

echo "generating $rows tickets in $work ..."
"$generate" "$rows" "$work/tickets.csv"
"$generate" "$rows" "$work/tickets-1pct.csv" 10
sync

rm -f "$work/reference.db"
measure sqlite_before sqlite3 -cmd ".mode csv" "$work/reference.db" ".import $work/tickets.csv t"
rm -f "$work/workspace.db" "$work/workspace.db-wal" "$work/workspace.db-shm"
measure full "$escdesk" import --db "$work/workspace.db" --kind tickets --json "$work/tickets.csv"
measure unchanged "$escdesk" import --db "$work/workspace.db" --kind tickets --json "$work/tickets.csv"
measure changed "$escdesk" import --db "$work/workspace.db" --kind tickets --json "$work/tickets-1pct.csv"
rm -f "$work/reference.db"
measure sqlite_after sqlite3 -cmd ".mode csv" "$work/reference.db" ".import $work/tickets.csv t"

seconds() { cut -d' ' -f1 "$work/$1.time"; }
megabytes() { awk '{ printf "%.0f", $2 / 1024 }' "$work/$1.time"; }
reference=$(awk -v a="$(seconds sqlite_before)" -v b="$(seconds sqlite_after)" \
    'BEGIN { printf "%.2f", (a + b) / 2 }')
ratio() { awk -v a="$(seconds "$1")" -v r="$reference" 'BEGIN { printf "%.2f", a / r }'; }

size=$(du -m "$work/tickets.csv" | cut -f1)
echo "file: $rows rows, $size MB"
printf '%-38s %8s s %6s MB\n' "sqlite3 .import (before)" "$(seconds sqlite_before)" "$(megabytes sqlite_before)"
printf '%-38s %8s s %6s MB\n' "sqlite3 .import (after)" "$(seconds sqlite_after)" "$(megabytes sqlite_after)"
printf '%-38s %8s s %6s MB  ratio %s (target <= 1.5)\n' "escdesk import, empty store" "$(seconds full)" "$(megabytes full)" "$(ratio full)"
printf '%-38s %8s s %6s MB  ratio %s (target <= 0.5)\n' "escdesk re-import, all unchanged" "$(seconds unchanged)" "$(megabytes unchanged)" "$(ratio unchanged)"
printf '%-38s %8s s %6s MB  ratio %s\n' "escdesk import, 1% changed" "$(seconds changed)" "$(megabytes changed)" "$(ratio changed)"
for run in full unchanged changed; do
    echo "$run: $(cat "$work/$run.out")"
done
