#!/bin/sh
# Memory of a streaming import (issue: resource bounds): generates a
# canonical tickets CSV of about 2 GB (bench/generate_tickets, 6,000,000
# rows by default), imports it into an empty workspace and prints the peak
# resident set size (GNU time's %M), next to the same import of a file ten
# times smaller, and the ratio of the two peaks. An import that streams
# holds no per-row structure that grows with the file, so the two peaks are
# about the same: the script fails (exit 1) when the big file's peak exceeds
# the small one's by more than MAX_RATIO (default 1.25). The files are
# removed at the end.
#
# usage: bench/import_2gb_bench.sh BUILD_DIR [ROWS] [WORK_DIR]
#        (BUILD_DIR: a Release build with app/escdesk and bench/generate_tickets)
set -eu
max_ratio=${MAX_RATIO:-1.25}

build=${1:?usage: import_2gb_bench.sh BUILD_DIR [ROWS] [WORK_DIR]}
rows=${2:-6000000}
work=${3:-$(mktemp -d)}
escdesk="$build/app/escdesk"
generate="$build/bench/generate_tickets"
mkdir -p "$work"
trap 'rm -f "$work"/big.csv "$work"/small.csv "$work"/*.escdesk* "$work"/*.time "$work"/*.out "$work"/*.err' EXIT

# LABEL CSV: imports CSV into a new workspace; "seconds peak-KB" in LABEL.time.
import_file() {
    rm -f "$work/$1.escdesk" "$work/$1.escdesk-wal" "$work/$1.escdesk-shm"
    /usr/bin/time -f "%e %M" -o "$work/$1.time" \
        "$escdesk" import --db "$work/$1.escdesk" --kind tickets --json "$2" \
        > "$work/$1.out" 2> "$work/$1.err"
}

echo "generating $rows tickets and $((rows / 10)) tickets in $work ..."
"$generate" "$rows" "$work/big.csv"
"$generate" $((rows / 10)) "$work/small.csv"
import_file small "$work/small.csv"
import_file big "$work/big.csv"

report() { # LABEL CSV
    megabytes=$(du -m "$2" | cut -f1)
    awk -v label="$1" -v size="$megabytes" '{ printf "%-6s file %6d MB: %7.1f s, peak RSS %5.0f MB\n", label, size, $1, $2 / 1024 }' "$work/$1.time"
}
report small "$work/small.csv"
report big "$work/big.csv"
echo "big: $(cat "$work/big.out")"
small_kb=$(cut -d' ' -f2 "$work/small.time")
big_kb=$(cut -d' ' -f2 "$work/big.time")
awk -v s="$small_kb" -v b="$big_kb" -v max="$max_ratio" 'BEGIN {
    ratio = b / s
    printf "peak RSS small %.0f MB, big %.0f MB: big/small %.2f (bound <= %s): %s\n",
        s / 1024, b / 1024, ratio, max, ratio <= max ? "flat" : "GROWS WITH THE FILE"
    exit ratio <= max ? 0 : 1
}'
