#!/bin/sh
# Memory of a streaming import (issue: resource bounds): generates a
# canonical tickets CSV of about 2 GB (bench/generate_tickets, 6,000,000
# rows by default), imports it into an empty workspace and prints the peak
# resident set size (GNU time's %M), next to the same import of a file ten
# times smaller: a reader that streams keeps the peak far below the file's
# size, whatever the size. The files are removed at the end.
#
# usage: bench/import_2gb_bench.sh BUILD_DIR [ROWS] [WORK_DIR]
#        (BUILD_DIR: a Release build with app/escdesk and bench/generate_tickets)
set -eu

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
