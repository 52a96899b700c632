#!/usr/bin/env bash
# Times `escdesk matrix replay` — a quarter's tickets run through the
# published matrix and a draft side by side — on a large demo workspace,
# against `escdesk metrics` over the same period in the same run.
#
#   bench/bench_replay.sh BUILD_DIR [TICKETS]
#
# BUILD_DIR holds app/escdesk (a Release build). The source workspace is
# ESCDESK_BENCH_DB (default /tmp/escdesk-bench-TICKETS.db, built like
# bench_analyses.sh builds it when missing); it is never written: the
# commands run on a copy, ESCDESK_BENCH_COPY (default
# /tmp/escdesk-bench-replay-TICKETS.db), made once. The period is the quarter
# ESCDESK_BENCH_FROM .. ESCDESK_BENCH_TO (default 2026-09-01 .. 2026-12-01,
# half-open, in the workspace's reporting zone). The draft is the published
# matrix with the High resolution targets halved and the "VIP account" rule
# sent to Tier 3, so that both the SLA results and the rules' verdicts move.
#
# Each command runs once to warm up (the first metrics run keeps the
# period's outcomes), then ESCDESK_BENCH_RUNS times (default 3); the script
# prints the median wall and CPU seconds, the peak RSS and the ratio replay /
# metrics. On a shared machine compare the CPU columns.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 BUILD_DIR [TICKETS]" >&2
    exit 2
fi
build_dir=$1
tickets=${2:-1000000}
escdesk="$build_dir/app/escdesk"
source_db=${ESCDESK_BENCH_DB:-/tmp/escdesk-bench-$tickets.db}
db=${ESCDESK_BENCH_COPY:-/tmp/escdesk-bench-replay-$tickets.db}
runs=${ESCDESK_BENCH_RUNS:-3}
from=${ESCDESK_BENCH_FROM:-2026-09-01}
to=${ESCDESK_BENCH_TO:-2026-12-01}

[[ -x $escdesk ]] || { echo "$escdesk not built" >&2; exit 1; }
if [[ ! -s $source_db ]]; then
    echo "Building the demo workspace $source_db ($tickets tickets)…"
    "$escdesk" demo --db "$source_db" --tickets "$tickets" --end 2026-11-26 >/dev/null
fi
if [[ ! -s $db ]]; then
    echo "Copying $source_db to $db (the source is left untouched)…"
    sqlite3 "$source_db" ".backup '$db'"
fi

draft=$(mktemp --suffix=.json)
trap 'rm -f "$draft"' EXIT
"$escdesk" matrix export - --db "$db" | python3 -c '
import json, sys
m = json.load(sys.stdin)
for p in m["sla_policies"]:
    if p["priority"] == "High":
        p["resolution_min"] //= 2
for r in m["severity_rules"]:
    if r["name"] == "VIP account":
        r["target_tier"] = 3
json.dump(m, sys.stdout, indent=4)' >"$draft"

# Runs "$@" $runs times after one warm-up; prints "median_wall_s
# median_cpu_s peak_rss_mb" (cpu: user + system seconds).
measure() {
    local walls=() cpus=() peak=0 timing wall user sys rss
    timing=$(mktemp)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@" >/dev/null 2>&1 ||
            { echo "failed: $*" >&2; exit 1; }
        read -r wall user sys rss < <(tail -n1 "$timing")
        walls+=("$wall")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
        ((rss > peak)) && peak=$rss
    done
    rm -f "$timing"
    local middle=$(((runs + 1) / 2))
    echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${middle}p")" \
        "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${middle}p")" "$((peak / 1024))"
}

period=(--from "$from" --to "$to" --db "$db")
moved=$("$escdesk" matrix replay "$draft" "${period[@]}" --json |
    python3 -c 'import json, sys; r = json.load(sys.stdin)
print(len(r["changed_tickets"]), "changed,", len(r["flagged_earlier"]), "flagged earlier")')
read -r replay_wall replay_cpu replay_rss < <(measure "$escdesk" matrix replay "$draft" "${period[@]}" --json)
read -r metrics_wall metrics_cpu metrics_rss < <(measure "$escdesk" metrics "${period[@]}" --json)
zone=$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'reporting_tz'")
zone=${zone:-UTC}
epoch_of() { TZ=$zone date -d "$1 00:00" +%s; }
tickets_in=$(sqlite3 "$db" "SELECT count(*) FROM tickets
    WHERE created_at >= $(epoch_of "$from") AND created_at < $(epoch_of "$to")")

echo "Workspace $db ($tickets tickets); period $from .. $to ($zone): $tickets_in tickets"
echo "Replay: $moved"
printf '%-10s %8s %8s %8s\n' command wall_s cpu_s rss_mb
printf '%-10s %8s %8s %8s\n' replay "$replay_wall" "$replay_cpu" "$replay_rss"
printf '%-10s %8s %8s %8s\n' metrics "$metrics_wall" "$metrics_cpu" "$metrics_rss"
awk -v rw="$replay_wall" -v mw="$metrics_wall" -v rc="$replay_cpu" -v mc="$metrics_cpu" \
    'BEGIN { printf "ratio replay / metrics: wall %.1f, cpu %.1f\n",
             rw / (mw > 0 ? mw : 0.01), rc / (mc > 0 ? mc : 0.01) }'
