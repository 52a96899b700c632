#!/usr/bin/env bash
# Installs the Debian 12 packages Escalation Desk needs to build, run and
# test. Packages already present are skipped; with nothing missing, nothing
# is downloaded (so this also works offline on a prepared machine).
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ pkg-config
    # the sanitizer and fuzzing build (scripts/fuzz.sh): clang, its runtime
    # libraries (libFuzzer, ASan, UBSan), llvm-symbolizer for readable stack
    # traces (llvm-14), and clang-format for the style check
    clang libclang-rt-14-dev llvm-14 clang-format
    # Qt 6: Core/Gui/Widgets/Test (base), Charts, SVG icons, linguist tools
    qt6-base-dev libqt6charts6-dev libqt6svg6-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev
    # storage, dates, CSV
    libsqlite3-dev sqlite3 libboost-date-time-dev libcsv-dev libssl-dev
    # time zone data for QTimeZone (IANA names)
    tzdata
    # fonts for rendering under the offscreen platform (screenshots, tests)
    fonts-dejavu-core
    # PDF checks in tests (pdftoppm)
    poppler-utils
    # the benchmark scripts: GNU time for peak memory, bc for arithmetic
    time bc
    # the Debian package (scripts/package.sh, the "package" test): dpkg-deb and
    # dpkg-shlibdeps, icons rendered from SVG, validators for the desktop entry,
    # AppStream metadata, file type and manual pages, bash completion for its test
    dpkg-dev file binutils librsvg2-bin desktop-file-utils appstream man-db groff-base
    shared-mime-info bash-completion
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    echo "All build dependencies are installed."
    exit 0
fi

echo "Installing: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
