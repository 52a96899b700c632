#!/usr/bin/env bash
# Times the analyses of `escdesk` on a large demo workspace against the same
# aggregates written as plain SQL in the sqlite3 shell on the same file.
#
#   bench/bench_analyses.sh BUILD_DIR [TICKETS]
#
# BUILD_DIR holds app/escdesk. TICKETS (default 1000000) sizes the demo
# workspace, which is built once (about a minute for a million tickets) and
# reused: ESCDESK_BENCH_DB names the file (default
# /tmp/escdesk-bench-TICKETS.db). For each command and each range it prints
# the median wall and CPU time of 3 runs, the peak RSS, the sqlite3 times and
# the ratios ours / sqlite3. ESCDESK_BENCH_RUNS changes the number of runs;
# ESCDESK_BENCH_RANGES picks the ranges among "default 30d full" (default:
# each command's own default period — the last 30 days, for trend the last
# 13 weeks — ending on the workspace's last day; 30d: the same 30 days for
# every command; full: the whole workspace).
#
# `trend` is timed per week and per month (the yardstick groups the same
# counts by week or by month). ESCDESK_BENCH_COMMANDS picks the commands
# among "metrics segments root-causes trend trend-month clusters summary"
# (default: all).
#
# Each row ends with a verdict against issue #19's target: "met" when the
# command takes at most 100 ms wall and no longer than its plain-SQL
# yardstick (ratio <= 1.0), else "MISSED". `report weekly` is timed against
# the SQL of the figures a weekly report shows.
#
# Scaling check: the whole-range `metrics` is timed on a second workspace of
# ESCDESK_BENCH_SCALE_TICKETS tickets (default 100000, built alike when
# missing; ESCDESK_BENCH_SCALE_DB names it). The script exits 1 when the
# CPU time per ticket on the large workspace exceeds the small one's by
# more than 30 % (ESCDESK_BENCH_SCALE=0 skips the check).
#
# On a shared machine compare the CPU columns.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 BUILD_DIR [TICKETS]" >&2
    exit 2
fi
build_dir=$1
tickets=${2:-1000000}
escdesk="$build_dir/app/escdesk"
db=${ESCDESK_BENCH_DB:-/tmp/escdesk-bench-$tickets.db}
runs=${ESCDESK_BENCH_RUNS:-3}
end_day=2026-11-26

command -v sqlite3 >/dev/null || { echo "sqlite3 shell not found" >&2; exit 1; }
[[ -x $escdesk ]] || { echo "$escdesk not built" >&2; exit 1; }

if [[ ! -s $db ]]; then
    echo "Building the demo workspace $db ($tickets tickets)…"
    "$escdesk" demo --db "$db" --tickets "$tickets" --end "$end_day" >/dev/null
fi
zone=$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'reporting_tz'")
zone=${zone:-UTC}

# Local midnight of a date in the reporting zone, as UTC seconds.
epoch_of() { TZ=$zone date -d "$1 00:00" +%s; }

# Runs "$@" $runs times; prints "median_wall_s median_cpu_s peak_rss_mb"
# (cpu: user + system seconds, steadier than wall time on a shared machine).
measure() {
    local walls=() cpus=() peak=0 timing wall cpu rss
    timing=$(mktemp)
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

# The SQL that gives the same headline figures as each command.
sql_for() {
    local command=$1 from=$2 to=$3
    local escalated="EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.id
                             AND e.event = 'escalated')"
    case $command in
    metrics)
        cat <<SQL
SELECT count(*), count(first_at), avg((first_at - created_at) / 60.0)
FROM (SELECT t.created_at, (SELECT min(occurred_at) FROM ticket_events e
                            WHERE e.ticket = t.id AND e.event = 'escalated') AS first_at
      FROM tickets t WHERE t.created_at >= $from AND t.created_at < $to);
SELECT count(*), avg((SELECT min(c.occurred_at) FROM ticket_events c
                      WHERE c.ticket = e.ticket AND c.event = 'claimed'
                        AND c.occurred_at >= e.occurred_at) - e.occurred_at) / 60.0
FROM ticket_events e
WHERE e.event = 'escalated' AND e.occurred_at >= $from AND e.occurred_at < $to;
SQL
        ;;
    segments)
        cat <<SQL
SELECT a.segment, count(*), sum($escalated)
FROM tickets t LEFT JOIN accounts a ON a.account_id = t.account_id
WHERE t.created_at >= $from AND t.created_at < $to GROUP BY a.segment;
SQL
        ;;
    trend)
        cat <<SQL
SELECT strftime('%Y-%W', t.created_at, 'unixepoch'), count(*), sum($escalated)
FROM tickets t WHERE t.created_at >= $from AND t.created_at < $to GROUP BY 1;
SQL
        ;;
    trend-month)
        cat <<SQL
SELECT strftime('%Y-%m', t.created_at, 'unixepoch'), count(*), sum($escalated)
FROM tickets t WHERE t.created_at >= $from AND t.created_at < $to GROUP BY 1;
SQL
        ;;
    root-causes)
        cat <<SQL
SELECT coalesce(nullif(t.root_cause, ''), 'Unspecified') AS cause, count(*)
FROM ticket_events e JOIN tickets t ON t.id = e.ticket
WHERE e.event = 'escalated' AND e.occurred_at >= $from AND e.occurred_at < $to
GROUP BY cause ORDER BY 2 DESC, 1;
SQL
        ;;
    clusters)
        # No SQL computes the clusters (TF-IDF, cosine, duplicates): the
        # yardstick reads every input the command needs and nothing more —
        # each escalated ticket's first escalation in the window, its id,
        # subject and description (the terms), product area, root cause,
        # account with its ARR, and the known issues. It replaced a count of
        # the tickets' text alone, which read no accounts and no first
        # escalations; this one takes about twice as long.
        cat <<SQL
SELECT count(*), count(DISTINCT t.account_id), sum(a.arr),
       sum(length(t.ticket_id) + length(t.subject) + length(t.description)
           + length(t.product_area) + length(t.root_cause))
FROM (SELECT ticket, min(occurred_at) AS first_at FROM ticket_events
      WHERE event = 'escalated' AND occurred_at >= $from AND occurred_at < $to
      GROUP BY ticket) e
JOIN tickets t ON t.id = e.ticket LEFT JOIN accounts a ON a.account_id = t.account_id;
SELECT count(*), sum(length(keywords)) FROM known_issues;
SQL
        ;;
    summary)
        cat <<SQL
SELECT (SELECT count(*) FROM tickets), (SELECT count(*) FROM ticket_events),
       (SELECT count(*) FROM accounts), (SELECT count(*) FROM known_issues);
SELECT count(*), sum($escalated)
FROM tickets t WHERE t.created_at >= $from AND t.created_at < $to;
SQL
        ;;
    report-weekly)
        # A weekly report shows the week's metrics against the week before,
        # its root causes and clusters, and the 13 weeks' trend.
        local week=$((7 * 24 * 3600))
        sql_for metrics "$from" "$to"
        sql_for metrics "$((from - week))" "$from"
        sql_for root-causes "$from" "$to"
        sql_for clusters "$from" "$to"
        sql_for trend "$((to - 13 * week))" "$to"
        ;;
    esac
}

# met: at most 100 ms wall and no slower than the yardstick.
verdict_of() {
    awk -v wall="$1" -v ref="$2" 'BEGIN { print (wall <= 0.10 && wall <= ref) ? "met" : "MISSED" }'
}

ratio_of() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "-" }'
}

# bench_range FROM TO [TREND_FROM]: every command over [FROM, TO); trend
# from TREND_FROM when given.
bench_range() {
    local from_day=$1 to_day=$2 trend_day=${3:-$1}
    local from to
    to=$(epoch_of "$to_day")
    echo
    echo "Range $from_day .. $to_day (exclusive)$([[ $trend_day != "$from_day" ]] &&
        echo ", trend from $trend_day"), $zone, $runs runs each"
    print_header
    local sqlfile
    sqlfile=$(mktemp)
    for command in ${ESCDESK_BENCH_COMMANDS:-metrics segments root-causes trend trend-month \
        clusters summary}; do
        local extra=() first=$from_day run=$command label=$command
        [[ $command == trend ]] && extra=(--granularity week) && first=$trend_day &&
            label="trend week"
        [[ $command == trend-month ]] && run=trend && extra=(--granularity month) &&
            first=$trend_day && label="trend month"
        from=$(epoch_of "$first")
        read -r wall cpu rss < <(measure "$escdesk" "$run" --db "$db" --from "$first" \
            --to "$to_day" --json "${extra[@]}")
        sql_for "$command" "$from" "$to" >"$sqlfile"
        read -r sql_wall sql_cpu _ < <(measure sqlite3 -readonly "$db" -init "$sqlfile" .quit)
        print_row "$label" "$wall" "$cpu" "$rss" "$sql_wall" "$sql_cpu"
    done
    rm -f "$sqlfile"
}

print_header() {
    printf '%-14s %9s %9s %9s %12s %12s %7s %7s  %s\n' command "wall (s)" "cpu (s)" "RSS (MB)" \
        "sqlite3 wall" "sqlite3 cpu" "ratio" "cpu" "target"
}

# print_row COMMAND WALL CPU RSS SQL_WALL SQL_CPU
print_row() {
    printf '%-14s %9s %9s %9s %12s %12s %7s %7s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6" \
        "$(ratio_of "$2" "$5")" "$(ratio_of "$3" "$6")" "$(verdict_of "$2" "$5")"
}

# The weekly report as of the day after the last one, against its SQL.
bench_report() {
    local as_of week_end week_start from to sqlfile out
    as_of="$(date -d "$end_day + 1 day" +%F)T00:00:00Z"
    # The report's week: the last complete Monday-to-Monday week before as_of.
    local after_end weekday
    after_end=$(date -d "$end_day + 1 day" +%F)
    weekday=$(date -d "$after_end" +%u) # 1 = Monday
    week_end=$(date -d "$after_end - $((weekday - 1)) days" +%F)
    week_start=$(date -d "$week_end - 7 days" +%F)
    from=$(epoch_of "$week_start")
    to=$(epoch_of "$week_end")
    sqlfile=$(mktemp)
    out=$(mktemp --suffix=.md)
    echo
    echo "Weekly report as of $as_of (week $week_start .. $week_end), $runs runs each"
    print_header
    read -r wall cpu rss < <(measure "$escdesk" report weekly --db "$db" --format md \
        --as-of "$as_of" --out "$out")
    sql_for report-weekly "$from" "$to" >"$sqlfile"
    read -r sql_wall sql_cpu _ < <(measure sqlite3 -readonly "$db" -init "$sqlfile" .quit)
    print_row "report weekly" "$wall" "$cpu" "$rss" "$sql_wall" "$sql_cpu"
    rm -f "$sqlfile" "$out"
}

# scaling_check: CPU per ticket of the whole-range metrics, small vs large.
scaling_check() {
    local small_tickets=${ESCDESK_BENCH_SCALE_TICKETS:-100000}
    local small_db=${ESCDESK_BENCH_SCALE_DB:-/tmp/escdesk-bench-$small_tickets.db}
    if [[ ! -s $small_db ]]; then
        echo "Building the demo workspace $small_db ($small_tickets tickets)…"
        "$escdesk" demo --db "$small_db" --tickets "$small_tickets" --end "$end_day" >/dev/null
    fi
    "$escdesk" metrics --db "$small_db" --json >/dev/null # keeps its outcomes
    local large_count small_count
    large_count=$(sqlite3 "$db" 'SELECT count(*) FROM tickets')
    small_count=$(sqlite3 "$small_db" 'SELECT count(*) FROM tickets')
    local args=(metrics --from 2026-05-01 --to 2026-11-27 --json)
    read -r small_wall small_cpu _ < <(measure "$escdesk" "${args[@]}" --db "$small_db")
    read -r large_wall large_cpu _ < <(measure "$escdesk" "${args[@]}" --db "$db")
    echo
    echo "Scaling, whole-range metrics: $small_count tickets ${small_wall} s wall" \
        "${small_cpu} s cpu; $large_count tickets ${large_wall} s wall ${large_cpu} s cpu"
    awk -v sc="$small_cpu" -v sn="$small_count" -v lc="$large_cpu" -v ln="$large_count" 'BEGIN {
        small = sc / sn; large = lc / ln
        growth = small > 0 ? large / small : 0
        printf "CPU per ticket: %.3g s small, %.3g s large (x%.2f): %s\n", small, large, growth,
            growth <= 1.3 ? "linear (within 30 %)" : "MISSED: grows more than 30 %"
        exit growth <= 1.3 ? 0 : 1
    }'
}

echo "escdesk analyses on $db ($(sqlite3 "$db" 'SELECT count(*) FROM tickets') tickets," \
    "$(sqlite3 "$db" 'SELECT count(*) FROM ticket_events') events), $(nproc) cores"
# The analyses sum each ticket's outcome as kept in the workspace
# (metrics/OutcomeStore.h); the first analysis after an import decides and
# keeps them for every ticket. Time that once, from nothing kept: every
# figure below is then of a workspace whose outcomes are kept.
sqlite3 "$db" "DELETE FROM escalation_outcomes; DELETE FROM ticket_outcomes" 2>/dev/null || true
first=$(mktemp)
/usr/bin/time -f '%e %U %S %M' -o "$first" "$escdesk" metrics --db "$db" --json >/dev/null
read -r wall user sys rss < <(tail -n1 "$first")
rm -f "$first"
echo "First analysis with no outcome kept (keeps every ticket's): $wall s wall," \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') s cpu, $((rss / 1024)) MB"
echo "(RSS counts the pages of the workspace file that SQLite maps and touches.)"

ranges=${ESCDESK_BENCH_RANGES:-default 30d full}
after_end=$(date -d "$end_day + 1 day" +%F)
[[ $ranges == *default* ]] &&
    bench_range "$(date -d "$after_end - 30 days" +%F)" "$after_end" \
        "$(date -d "$after_end - 91 days" +%F)"
[[ $ranges == *30d* ]] && bench_range 2026-10-27 "$end_day"
[[ $ranges == *full* ]] && bench_range 2026-05-01 2026-11-27
bench_report
echo "(load: $(cut -d' ' -f1-3 /proc/loadavg))"
[[ ${ESCDESK_BENCH_SCALE:-1} == 0 ]] && exit 0
scaling_check
