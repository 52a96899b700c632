#!/bin/sh
# Times the escalation risk model on a 1,000,000-ticket demo workspace:
# reading and training (target under a minute) and scoring one ticket
# (target under a millisecond). The workspace is built once (about 20 s)
# and kept for later runs.
#
# Usage: bench/bench_risk.sh BUILD_DIR [TICKETS] [FILE]
set -eu
build=$1
tickets=${2:-1000000}
file=${3:-/tmp/escdesk-bench-risk-$tickets.escdesk}
if [ ! -f "$file" ]; then
    "$build/app/escdesk" demo --db "$file" --tickets "$tickets" --end 2026-11-26 >/dev/null
fi
/usr/bin/time -f 'peak memory %M KiB, %e s wall' "$build/bench/bench_risk" "$file"
