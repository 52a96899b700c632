#!/usr/bin/env bash
# The main job: install what is needed, build, create the demo workspace and
# open it — in the desktop application when there is a display, otherwise
# print its headline figures and save screenshots of every page.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/release"
workspace="$root/build/demo-workspace.escdesk"
screenshots="$root/build/screenshots"

bash "$root/scripts/install-deps.sh"
mkdir -p "$root/build"
# Only the two programs and the libraries they link: the test suites and
# benchmarks are scripts/test.sh's job, and would triple the wait.
bash "$root/scripts/build.sh" "$build" -DCMAKE_BUILD_TYPE=Release -DESCDESK_BUILD_BENCH=OFF \
    --target escdesk escalation-desk

if [[ ! -f "$workspace" ]]; then
    echo "Creating the demo workspace $workspace"
    "$build/app/escdesk" demo --db "$workspace"
fi

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec "$build/app/escalation-desk" --db "$workspace"
fi

echo
echo "No display: the demo workspace's headline figures (last 30 days):"
"$build/app/escdesk" summary --db "$workspace"
echo
QT_QPA_PLATFORM=offscreen "$build/app/escalation-desk" --db "$workspace" \
    --screenshots "$screenshots"
echo "Screenshots of the main window are in $screenshots"
