#!/usr/bin/env bash
# Regenerates the README's screenshots from the screenshot mode of the
# desktop application on the demo workspace, so they stay current: every
# page, the Welcome page (00-welcome), the user guide (98-help) and the
# dashboard in the dark theme (99-dashboard-dark).
# Usage: scripts/update-screenshots.sh [BUILD_DIR]   (default: build/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The demo ends today so that the pages' default periods ("last 30 days") show data.
"$build/app/escdesk" demo --db "$scratch/demo.escdesk" --end "$(date +%F)" > /dev/null
QT_QPA_PLATFORM=offscreen "$build/app/escalation-desk" --db "$scratch/demo.escdesk" \
    --screenshots "$scratch/shots" > /dev/null 2>&1
mkdir -p "$root/docs/screenshots"
rm -f "$root/docs/screenshots/"*.png
cp "$scratch/shots/"*.png "$root/docs/screenshots/"
ls "$root/docs/screenshots"
