#!/bin/sh
# Startup of the desktop application on a large workspace: milliseconds from
# process start until the main window is shown with the Escalations table's
# first rows loaded, against the same-run reference of
# `sqlite3 FILE "SELECT count(*) FROM tickets"`. Target: under 2000 ms.
#
#   startup_bench.sh ESCDESK ESCALATION_DESK [TICKETS [FILE]]
#
# The workspace is built once (bench/make_workspace.sh) and reused while it
# holds TICKETS tickets.
set -eu
escdesk=$1
app=$2
tickets=${3:-1000000}
file=${4:-${TMPDIR:-/tmp}/escdesk-bench-$tickets.escdesk}
runs=5
here=$(dirname "$0")

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

if [ ! -f "$file" ] || [ "$(sqlite3 "$file" 'SELECT count(*) FROM tickets' 2>/dev/null)" != "$tickets" ]; then
    echo "building a workspace of $tickets tickets: $file"
    start=$(now_ms)
    "$here/make_workspace.sh" "$escdesk" "$file" "$tickets"
    echo "  built in $(($(now_ms) - start)) ms"
fi
events=$(sqlite3 "$file" 'SELECT count(*) FROM ticket_events')
echo "workspace: $file ($tickets tickets, $events events, $(du -h "$file" | cut -f1))"

reference=$(for i in $(seq $runs); do
    start=$(now_ms)
    sqlite3 "$file" 'SELECT count(*) FROM tickets' >/dev/null
    echo $(($(now_ms) - start))
done | median)

inside=""
wall=""
for i in $(seq $runs); do
    start=$(now_ms)
    line=$(QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$app" --db "$file" --measure-startup 2>/dev/null)
    wall="$wall $(($(now_ms) - start))"
    inside="$inside $(echo "$line" | awk '{ print $2 }')"
done
inside_median=$(echo $inside | tr ' ' '\n' | median)
wall_median=$(echo $wall | tr ' ' '\n' | median)

echo "reference  sqlite3 count(*) of tickets      median ${reference} ms"
echo "startup    window shown + first rows loaded  median ${inside_median} ms  (runs:${inside})"
echo "           whole process, start to exit      median ${wall_median} ms  (runs:${wall})"
if [ "$inside_median" -lt 2000 ]; then
    echo "target     < 2000 ms: met"
else
    echo "target     < 2000 ms: MISSED"
    exit 1
fi
