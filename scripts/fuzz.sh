#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a
# bounded time, as many at once as there are cores:
#
#   scripts/fuzz.sh SECONDS [TARGET...]      (default: every target in fuzz/)
#
# The build tree is $ESCDESK_FUZZ_BUILD (default build/fuzz). Each target
# starts from its seeds in fuzz/corpus/TARGET and grows a working corpus in
# BUILD/fuzz-corpus/TARGET; a crash, leak, timeout or sanitizer report leaves
# the input in BUILD/fuzz-artifacts/TARGET/ and makes the script fail. Keep
# such an input in tests/data/fuzz-regressions/TARGET/ once it is fixed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
build=${ESCDESK_FUZZ_BUILD:-$root/build/fuzz}
jobs=${ESCDESK_FUZZ_JOBS:-$(nproc)}

targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=($(ls "$root/fuzz/corpus"))
fi

mkdir -p "$build"
if [[ ! -f "$build/build.ninja" ]] || ! grep -q 'ESCDESK_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DESCDESK_WERROR=ON -DESCDESK_FUZZ=ON -DESCDESK_BUILD_GUI=OFF \
        > "$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
fi
cmake --build "$build" --target "${targets[@]}"

# One target: its own working corpus and artifact directory, a log, and a
# one-line verdict. libFuzzer exits non-zero on any finding.
run_target() {
    local target=$1
    local corpus="$build/fuzz-corpus/$target" artifacts="$build/fuzz-artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    local log="$build/fuzz-logs/$target.log"
    mkdir -p "$(dirname "$log")"
    local status=0
    ASAN_OPTIONS=detect_leaks=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/fuzz/$target" "$corpus" "$root/fuzz/corpus/$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" > "$log" 2>&1 || status=$?
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    if ((status == 0)); then
        echo "$target: clean, $runs runs in ${seconds}s"
    else
        echo "$target: FAILED (exit $status) after $runs runs; see $log"
        grep -m1 -E 'ERROR: |runtime error|fuzz invariant|Test unit written' "$log" || true
        tail -n 40 "$log"
        return 1
    fi
}

echo "== Fuzzing ${#targets[@]} targets for ${seconds}s each, $jobs at a time"
failed=0
running=0
for target in "${targets[@]}"; do
    run_target "$target" &
    running=$((running + 1))
    if ((running >= jobs)); then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while ((running > 0)); do
    wait -n || failed=1
    running=$((running - 1))
done
exit $failed
