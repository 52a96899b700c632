#!/bin/sh
# Memory of the desktop application visiting every page of a large
# workspace (escalation-desk --measure-memory): the peak resident memory
# while each page loads and the highest of them, the process's peak from
# start to exit (the application resets the kernel's high-water mark between
# pages, so /usr/bin/time's figure is only the last page's), against the
# same-run reference of the sqlite3 shell counting the tickets.
# Target: under 400 MB (400,000 kB) on 1,000,000 tickets.
#
#   gui_memory.sh ESCDESK ESCALATION_DESK [TICKETS [FILE]]
#
# Warm: after a first visit has kept what the pages keep (the metric
# outcomes, the segment counts, the risk features and the risk model); the
# first visit's own peak is printed too. The workspace is
# built once (bench/make_workspace.sh) and reused while it holds TICKETS
# tickets; the runs use a copy of it, removed afterwards.
set -eu
escdesk=$1
app=$2
tickets=${3:-1000000}
file=${4:-${TMPDIR:-/tmp}/escdesk-bench-$tickets.escdesk}
target_kb=400000
here=$(dirname "$0")
work=$(mktemp -d "${TMPDIR:-/tmp}/gui-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT

mb() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1000 }'; }

if [ ! -f "$file" ] || [ "$(sqlite3 "$file" 'SELECT count(*) FROM tickets' 2>/dev/null)" != "$tickets" ]; then
    echo "building a workspace of $tickets tickets: $file"
    "$here/make_workspace.sh" "$escdesk" "$file" "$tickets"
fi
copy="$work/memory.escdesk"
cp "$file" "$copy"
echo "workspace: $file ($tickets tickets, $(du -h "$file" | cut -f1)); load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Visits every page; the app's lines in $work/pages, the process's peak
# (kB), wall and CPU seconds in $work/time.
visit() {
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} /usr/bin/time -f '%M %e %U %S' -o "$work/time" \
        "$app" --db "$copy" --measure-memory >"$work/pages" 2>/dev/null
}

/usr/bin/time -f '%M' -o "$work/reference" sqlite3 "$copy" 'SELECT count(*) FROM tickets' >/dev/null
reference_kb=$(cat "$work/reference")

visit
first_kb=$(awk '/^peak_kb / { print $2 }' "$work/pages")
first_wall=$(awk '{ print $2 }' "$work/time")
visit
peak_kb=$(awk '/^peak_kb / { print $2 }' "$work/pages")

echo "reference  sqlite3 count(*) of tickets: peak $(mb "$reference_kb")"
echo "page                          peak while loading   resident once shown   shown after"
awk '/^page / { printf "  %-28s %10.0f MB %16.0f MB %12d ms\n", $2, $4 / 1000, $6 / 1000, $8 }' "$work/pages"
echo "warm       every page visited: peak $(mb "$peak_kb") (wall $(awk '{ print $2 }' "$work/time") s, CPU $(awk '{ print $3 + $4 }' "$work/time") s)"
echo "           ratio to the reference $(awk -v a="$peak_kb" -v b="$reference_kb" 'BEGIN { printf "%.1f", a / b }')x"
echo "first      visit (keeps the outcomes and what the pages keep): peak $(mb "$first_kb") (wall ${first_wall} s)"
echo "load       $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$peak_kb" -le "$target_kb" ]; then
    echo "target     peak <= 400 MB: met"
else
    echo "target     peak <= 400 MB: MISSED"
    exit 1
fi
