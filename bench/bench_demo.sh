#!/bin/sh
# Times `escdesk demo` for a large workspace (default 1,000,000 tickets) and,
# as a reference measured in the same run on the same disk, the time the
# sqlite3 shell takes merely to copy the generated tickets table into a fresh
# file. The ratio says how close generation comes to plain SQLite write speed.
#
# Usage: bench/bench_demo.sh [ESCDESK] [TICKETS]
#   ESCDESK  the escdesk binary (default: build/app/escdesk)
#   TICKETS  number of tickets (default: 1000000)
# Needs GNU time (/usr/bin/time) and the sqlite3 shell.
set -eu

escdesk=${1:-build/app/escdesk}
tickets=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for tool in /usr/bin/time sqlite3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench_demo: $tool is needed" >&2
        exit 2
    fi
done

now() { date +%s.%N; }

# Generation: wall time, CPU time and peak resident memory of the process.
/usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" \
    "$escdesk" demo --db "$work/gen.db" --tickets "$tickets" --seed 1 --end 2026-11-15 \
    >"$work/demo.txt" 2>"$work/demo.err"
read -r wall user sys rss_kb <"$work/time.txt"
size=$(stat -c %s "$work/gen.db")

# Reference: copy the tickets table as it is into a new file, in one
# transaction (the shell's default for one statement).
start=$(now)
sqlite3 "$work/copy.db" "ATTACH '$work/gen.db' AS g; CREATE TABLE t AS SELECT * FROM g.tickets;"
end=$(now)
copy=$(echo "$end - $start" | bc -l)

awk -v n="$tickets" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss_kb" \
    -v size="$size" -v copy="$copy" 'BEGIN {
    printf "escdesk demo --tickets %d\n", n
    printf "  wall time          %8.2f s   (cpu %.2f s user + %.2f s system)\n", wall, user, sys
    printf "  peak memory (RSS)  %8.1f MiB\n", rss / 1024
    printf "  workspace size     %8.1f MiB\n", size / 1048576
    printf "  tickets per second %8.0f\n", n / wall
    printf "reference: sqlite3 copying the generated tickets table into a new file\n"
    printf "  wall time          %8.2f s\n", copy
    printf "ratio demo / copy    %8.2f\n", wall / copy
}'
