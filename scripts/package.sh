#!/usr/bin/env bash
# Builds the Debian package with one command on a fresh Debian 12 machine:
# installs what is needed, builds a Release tree in build/package, makes
# build/escalation-desk_<version>_<arch>.deb and checks it
# (packaging/check-package.sh: installs it into a scratch root with dpkg -x,
# runs the installed programs from there, validates the desktop entry, the
# AppStream metadata, the manual pages and the shell completion).
#
#   bash scripts/package.sh [BUILD_DIR]     (default: build/package)
#   sudo apt install ./build/escalation-desk_*.deb
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/package}

bash "$root/scripts/install-deps.sh"
mkdir -p "$root/build"
echo "== Build (Release): the programs, their icons, manual pages and changelog"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release > "$build.configure.log" 2>&1 ||
    { cat "$build.configure.log"; exit 1; }
cmake --build "$build" --target escdesk escalation-desk escdesk_package_files
echo "== Package"
bash "$root/packaging/check-package.sh" "$build" "$build/package-check"

deb=$(find "$build/package-check/deb" -maxdepth 1 -name '*.deb' | head -n 1)
cp "$deb" "$root/build/"
echo "Install it with: sudo apt install $root/build/$(basename "$deb")"
