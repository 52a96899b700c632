#!/usr/bin/env bash
# Every test: install what is needed; build everything with GCC, warnings
# as errors, and run the GUI suites through CTest; prove that the build used
# nothing the install script does not install (scripts/check-deps.sh); then
# one clang build with AddressSanitizer and UndefinedBehaviorSanitizer runs
# the core suites and holds the libFuzzer targets, which then run for 60
# seconds side by side on two cores; and the formatting check.
#
# Each suite is built and run once, the core suites under the sanitizers:
# building them in both trees cost minutes of a run that must stay well under
# 15 minutes on two cores. For the same reason the GCC build optimises at -O1
# (a third less compile time than -O3; the Release tree of scripts/demo.sh
# and the benchmarks keep -O3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)

bash "$root/scripts/install-deps.sh"
mkdir -p "$root/build"

echo "== Build (GCC, -O1, -Werror) and the GUI suites"
bash "$root/scripts/build.sh" "$root/build/ci" -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" -DESCDESK_WERROR=ON -DESCDESK_BUILD_BENCH=OFF \
    -DESCDESK_CORE_SUITES=OFF
QT_QPA_PLATFORM=offscreen ctest --test-dir "$root/build/ci" --output-on-failure -j "$jobs"

echo "== Dependencies: the build used only what scripts/install-deps.sh installs"
bash "$root/scripts/check-deps.sh" "$root/build/ci"
# The guard must be able to fail: Qt Charts' CMake package needs Qt OpenGL's
# development files, so a list without them has to be caught.
if bash "$root/scripts/check-deps.sh" "$root/build/ci" --without libqt6opengl6-dev 2> /dev/null; then
    echo "scripts/check-deps.sh did not notice libqt6opengl6-dev missing from the list" >&2
    exit 1
fi
echo "Dependencies: a list without libqt6opengl6-dev is refused, as it must be."

echo "== Core suites under AddressSanitizer + UndefinedBehaviorSanitizer (clang), with the fuzzers"
# One build for both (ESCDESK_FUZZ implies the sanitizers): cheaper on a
# two-core machine than a sanitizer build and a fuzzing build.
CC=clang CXX=clang++ bash "$root/scripts/build.sh" "$root/build/fuzz" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only \
    -DESCDESK_WERROR=ON -DESCDESK_FUZZ=ON -DESCDESK_BUILD_GUI=OFF -DESCDESK_BUILD_BENCH=OFF
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build/fuzz" --output-on-failure -j "$jobs" -L core
bash "$root/scripts/check-deps.sh" "$root/build/fuzz"
# All five at once on two cores: one round of 60 s instead of two of 45 s,
# each fuzzer getting about 24 s of CPU (the full test run stays under 15
# minutes on two cores: 861 s with two rounds at f05194b).
ESCDESK_FUZZ_JOBS=5 ESCDESK_FUZZ_BUILD="$root/build/fuzz" bash "$root/scripts/fuzz.sh" 60

if command -v clang-format > /dev/null; then
    echo "== Formatting (.clang-format)"
    git -C "$root" ls-files '*.cpp' '*.h' | (cd "$root" && xargs clang-format --dry-run -Werror)
fi
