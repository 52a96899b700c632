#!/usr/bin/env bash
# Configures and builds one build tree:
#   scripts/build.sh DIR [CMAKE_ARGS...] [--target TARGET...]
# Without --target everything is built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$1
shift
cmake_args=()
while (($# > 0)) && [[ "$1" != "--target" ]]; do
    cmake_args+=("$1")
    shift
done
cmake -S "$root" -B "$build_dir" -G Ninja "${cmake_args[@]}" > "$build_dir.configure.log" 2>&1 ||
    { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" "$@"
