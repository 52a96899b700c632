#!/bin/sh
# GUI responsiveness during an import (issue: event loop latency under
# 100 ms during a 1,000,000-row import): generates ROWS deterministic
# tickets (default 1,000,000) with generate_tickets, imports them through
# the desktop import machinery into a fresh workspace and prints the event
# loop's largest gap.
#
# usage: bench/import_latency.sh BUILD_DIR [ROWS] [WORK_DIR]
set -eu

build=${1:?usage: import_latency.sh BUILD_DIR [ROWS] [WORK_DIR]}
rows=${2:-1000000}
work=${3:-$(mktemp -d)}
mkdir -p "$work"
csv="$work/latency-$rows.csv"
db="$work/latency-$rows.escdesk"
[ -f "$csv" ] || "$build/bench/generate_tickets" "$rows" "$csv"
rm -f "$db" "$db-wal" "$db-shm"
echo "importing $rows tickets through the import wizard ..."
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/bench_import_latency" "$csv" "$db"
