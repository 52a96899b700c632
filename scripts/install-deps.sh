#!/usr/bin/env bash
# Installs the Debian 12 packages Escalation Desk needs to build, run and
# test. Packages already present are skipped; with nothing missing, nothing
# is downloaded and the package lists are not refreshed, so this also works
# offline on a prepared machine.
#
#   scripts/install-deps.sh          install what is missing
#   scripts/install-deps.sh --list   print the package list, one a line
#
# Every name here must be a real package, not a virtual one that another
# package provides: dpkg never reports a virtual name as installed, so it
# would look missing on every run. The script checks that after installing,
# and scripts/check-deps.sh proves in every test run that the build uses
# nothing this list does not bring in.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ pkg-config
    # the sanitizer and fuzzing build (scripts/fuzz.sh): clang, its runtime
    # libraries (libFuzzer, ASan, UBSan), llvm-symbolizer for readable stack
    # traces (llvm-14), and clang-format for the style check
    clang libclang-rt-14-dev llvm-14 clang-format
    # Qt 6: Core/Gui/Widgets/Test (base), Charts, SVG icons, linguist tools.
    # Qt Charts' CMake package looks for Qt OpenGL's, which neither
    # qt6-charts-dev nor qt6-base-dev depends on.
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev
    qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    # storage, dates, CSV
    libsqlite3-dev sqlite3 libboost-date-time-dev libcsv-dev libssl-dev
    # Fisher's exact test for small segments (Boost.Math's hypergeometric
    # distribution, header-only)
    libboost-math-dev
    # time zone data for QTimeZone (IANA names)
    tzdata
    # fonts for rendering under the offscreen platform (screenshots, tests)
    fonts-dejavu-core
    # PDF checks in tests (pdftoppm, pdftotext)
    poppler-utils
    # tst_hostile_content parses the report e-mail with Python's email
    # package (default policy), run as /usr/bin/python3: Debian's, whatever
    # else is first on PATH
    python3
    # the benchmark scripts: GNU time for peak memory, bc for arithmetic
    time bc
    # the Debian package (scripts/package.sh, the "package" test): dpkg-deb and
    # dpkg-shlibdeps, icons rendered from SVG, validators for the desktop entry,
    # AppStream metadata, file type and manual pages, bash completion for its test
    dpkg-dev file binutils librsvg2-bin desktop-file-utils appstream man-db groff-base
    shared-mime-info bash-completion
)

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

not_installed() {
    local package status
    for package in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || echo "$package"
    done
}

mapfile -t missing < <(not_installed "${packages[@]}")
if ((${#missing[@]} == 0)); then
    echo "All ${#packages[@]} build dependencies are installed; nothing to download."
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

mapfile -t still_missing < <(not_installed "${packages[@]}")
if ((${#still_missing[@]} > 0)); then
    echo "scripts/install-deps.sh names packages that are not installed after installing:" \
        "${still_missing[*]} (a virtual name? list the real package that provides it)" >&2
    exit 1
fi
