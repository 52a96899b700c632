#!/bin/sh
# The events import benchmark (issue #19 item 4): a deterministic events CSV
# for TICKETS tickets (bench/generate_events.cpp, about 1.96 events a
# ticket), in the order of its tickets and shuffled, imported into a
# workspace that holds those tickets (bench/generate_tickets.cpp) and no
# events yet, against the sqlite3 shell loading the same file in the same run:
#   reference  sqlite3 .import into a table of the same columns, then the
#              three indexes of ticket_events built on it (identity, by kind,
#              facts by ticket) — the same table and indexes, built the
#              fastest way the shell has
#   plain      sqlite3 .import into a table without indexes (context only)
# Target: escdesk <= 1.5x the reference, sorted or shuffled. Then the same at
# a tenth of the size: the per-row cost of the large shuffled import may not
# grow by more than 30 % over the small one's (exit status 1), measured in
# CPU time (user + sys), which the other work on a busy machine disturbs
# less than wall time; wall times are printed too.
#
# usage: bench/events_import_bench.sh BUILD_DIR [TICKETS] [WORK_DIR]
set -eu

build=${1:?usage: events_import_bench.sh BUILD_DIR [TICKETS] [WORK_DIR]}
large=${2:-1000000}
work=${3:-$(mktemp -d)}
small=$((large / 10))
escdesk="$build/app/escdesk"
mkdir -p "$work"

measure() { # LABEL COMMAND... → "wall KB user sys" into $work/LABEL.time
    label=$1
    shift
    /usr/bin/time -f "%e %M %U %S" -o "$work/$label.time" "$@" >"$work/$label.out" 2>"$work/$label.err"
}
seconds() { cut -d' ' -f1 "$work/$1.time"; }
cpu() { awk '{ printf "%.2f", $3 + $4 }' "$work/$1.time"; }
megabytes() { awk '{ printf "%.0f", $2 / 1024 }' "$work/$1.time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

reference() { # LABEL FILE: .import, then the indexes of ticket_events
    rm -f "$work/reference.db"
    sqlite3 "$work/reference.db" "CREATE TABLE t(ticket_id TEXT, occurred_at, event, from_tier,
      to_tier, actor, decision_type, note);" >/dev/null
    measure "$1" sqlite3 -cmd ".mode csv" "$work/reference.db" ".import --skip 1 $2 t" \
        "CREATE UNIQUE INDEX t_identity ON t(ticket_id, occurred_at, event, ifnull(from_tier, -1),
           ifnull(to_tier, -1));
         CREATE INDEX t_by_kind ON t(event, occurred_at);
         CREATE INDEX t_facts ON t(ticket_id, occurred_at, event, from_tier, to_tier);"
}
plain() { # LABEL FILE
    rm -f "$work/plain.db"
    measure "$1" sqlite3 -cmd ".mode csv" "$work/plain.db" ".import $2 t"
}
ours() { # LABEL FILE TICKETS
    cp "$work/tickets-$3.db" "$work/workspace.db"
    measure "$1" "$escdesk" import --db "$work/workspace.db" --kind events --json "$2"
}

for n in "$small" "$large"; do
    echo "generating $n tickets and their events in $work ..."
    "$build/bench/generate_tickets" "$n" "$work/tickets-$n.csv"
    "$build/bench/generate_events" "$n" "$work/events-$n.csv"
    "$build/bench/generate_events" "$n" "$work/events-$n-shuffled.csv" shuffled
    rm -f "$work/tickets-$n.db"
    "$escdesk" import --db "$work/tickets-$n.db" --kind tickets "$work/tickets-$n.csv" \
        >/dev/null 2>&1
    rm -f "$work/tickets-$n.csv"
done
sync

printf '%-40s %8s %8s %7s  %s\n' "" "wall s" "cpu s" "peak MB" "ratio wall (cpu)"
row() { # LABEL RUN REFERENCE_RUN [TARGET]
    printf '%-40s %8s %8s %7s' "$1" "$(seconds "$2")" "$(cpu "$2")" "$(megabytes "$2")"
    if [ -n "$3" ]; then
        printf '  %s (%s)' "$(ratio "$(seconds "$2")" "$(seconds "$3")")" \
            "$(ratio "$(cpu "$2")" "$(cpu "$3")")"
    fi
    if [ -n "${4:-}" ]; then
        printf '  target <= %s' "$4"
    fi
    echo
}
for n in "$small" "$large"; do
    events=$(($(wc -l <"$work/events-$n.csv") - 1))
    echo "$n tickets, $events events, $(du -m "$work/events-$n.csv" | cut -f1) MB;" \
        "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    for order in sorted shuffled; do
        file="$work/events-$n.csv"
        [ "$order" = shuffled ] && file="$work/events-$n-shuffled.csv"
        reference "reference-$n-$order" "$file"
        plain "plain-$n-$order" "$file"
        ours "ours-$n-$order" "$file" "$n"
        row "sqlite3 .import + indexes, $order" "reference-$n-$order" ""
        row "sqlite3 .import, no index, $order" "plain-$n-$order" ""
        row "escdesk import --kind events, $order" "ours-$n-$order" "reference-$n-$order" 1.5
        echo "  $(cat "$work/ours-$n-$order.out")"
    done
    echo "$events" >"$work/events-$n.count"
done

# Per-row CPU cost of the shuffled import, large against small.
perRow() { awk -v c="$(cpu "ours-$1-shuffled")" -v n="$(cat "$work/events-$1.count")" \
    'BEGIN { printf "%.3f", c / n * 1e6 }'; }
growth=$(ratio "$(perRow "$large")" "$(perRow "$small")")
echo "per-row cpu, shuffled: $(perRow "$small") us at $small tickets," \
    "$(perRow "$large") us at $large tickets: x$growth (limit 1.30)"
if awk -v g="$growth" 'BEGIN { exit !(g > 1.30) }'; then
    echo "FAIL: the per-row cost grows with the size of the import"
    exit 1
fi
