#!/usr/bin/env bash
# Builds the Debian package of a build tree, unpacks it into a scratch root
# and checks it as a user would meet it: the installed programs run from
# there (no build-tree paths, no LD_LIBRARY_PATH), the desktop entry and the
# AppStream metadata validate, the manual pages render without warnings and
# cover every command and option, and bash completion offers the commands,
# options and values.
#
#   packaging/check-package.sh BUILD_DIR [WORK_DIR]
#
# BUILD_DIR must be built (all targets). WORK_DIR (default BUILD_DIR/package-check)
# receives the .deb in deb/, the unpacked root in root/ and the screenshots in
# shots/. Exit status 0 when every check passes.
set -euo pipefail
build=$(cd "$1" && pwd)
work=${2:-$build/package-check}
app_id=io.github.escalation_desk.EscalationDesk

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
step() { echo "== $* (${SECONDS} s)"; }

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

step "Building the package (cpack)"
cpack --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; exit 1; }
deb=$(find "$work/deb" -maxdepth 1 -name '*.deb' | head -n 1)
[[ -n $deb ]] || { cat "$work/cpack.log"; echo "FAIL: cpack wrote no .deb" >&2; exit 1; }
echo "$(basename "$deb") ($(du -h "$deb" | cut -f1))"

step "Package control fields"
dpkg-deb --field "$deb" Package Version Architecture Section Priority Maintainer Installed-Size Depends Recommends
depends=$(dpkg-deb --field "$deb" Depends)
[[ $(dpkg-deb --field "$deb" Package) == escalation-desk ]] || fail "package name is not escalation-desk"
project_version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[[ $(dpkg-deb --field "$deb" Version) == "$project_version" ]] ||
    fail "package version $(dpkg-deb --field "$deb" Version) is not the project version $project_version"
# Each version bump comes with its release notes: the newest entries of the
# Debian changelog and of the AppStream releases name the project version.
source_dir=$(cd "$(dirname "$0")/.." && pwd)
changelog_version=$(dpkg-parsechangelog -l "$source_dir/packaging/changelog" -S Version)
[[ $changelog_version == "$project_version" ]] ||
    fail "packaging/changelog's newest entry is $changelog_version, the project is $project_version"
release_version=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' \
    "$source_dir/packaging/io.github.escalation_desk.EscalationDesk.metainfo.xml.in" | head -n 1)
[[ $release_version == "$project_version" ]] ||
    fail "the metainfo's newest release is $release_version, the project is $project_version"
# The libraries the programs link must be dependencies (from dpkg-shlibdeps).
depended=" $(sed 's/ *([^)]*)//g; s/,/ /g' <<< "$depends") "
for library in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 \
    libqt6printsupport6 libsqlite3-0 libcsv3 libssl3 libc6 libstdc++6 tzdata; do
    [[ $depended == *" $library "* ]] || fail "Depends lacks $library"
done

# lintian is not among the build dependencies (it is large); where it is
# installed, the package must pass it too.
if command -v lintian > /dev/null; then
    step "lintian (Debian policy)"
    lintian --fail-on error,warning --tag-display-limit 0 "$deb" > "$work/lintian.log" 2>&1 ||
        fail "lintian reports errors or warnings"
    grep -v 'running with root privileges' "$work/lintian.log" || echo "clean"
fi

step "Unpacking into a scratch root (dpkg -x)"
root=$work/root
dpkg -x "$deb" "$root"
expected_paths=(
    usr/bin/escdesk
    usr/bin/escalation-desk
    "usr/share/applications/$app_id.desktop"
    "usr/share/mime/packages/$app_id.xml"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    usr/share/man/man1/escdesk.1.gz
    usr/share/man/man1/escalation-desk.1.gz
    usr/share/bash-completion/completions/escdesk
    usr/share/bash-completion/completions/escalation-desk
    usr/share/doc/escalation-desk/README.md
    usr/share/doc/escalation-desk/copyright
    usr/share/doc/escalation-desk/changelog.gz
)
for size in 16 24 32 48 64 128 256 512; do
    expected_paths+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected_paths[@]}"; do
    [[ -s $root/$path ]] || fail "the package lacks /$path"
done
for size in 16 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [[ -f $png ]] && ! file "$png" | grep -q "PNG image data, $size x $size" &&
        fail "/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png is not a ${size}x${size} PNG"
done
empty=$(find "$root" -type d -empty -printf '/%P\n')
[[ -z $empty ]] || fail "the package holds empty directories: $empty"
echo "$(find "$root" -type f | wc -l) files"

step "Installed programs: stripped, no RPATH into the build tree"
for program in escdesk escalation-desk; do
    binary=$root/usr/bin/$program
    if readelf -d "$binary" | grep -Eq 'RPATH|RUNPATH'; then
        fail "$program carries an RPATH: $(readelf -d "$binary" | grep -E 'RPATH|RUNPATH')"
    fi
    file "$binary" | grep -q ', stripped' || fail "$program is not stripped"
    if strings "$binary" | grep -qF "$build"; then
        fail "$program names the build tree $build"
    fi
done

# Run as a user would: from the installed files, with the system's libraries only.
run() { env -u LD_LIBRARY_PATH PATH="$root/usr/bin:/usr/bin:/bin" "$@"; }

step "escdesk --version (installed)"
version_line=$(run escdesk --version)
echo "$version_line"
[[ $version_line == "escdesk $project_version" ]] || fail "escdesk --version printed '$version_line'"

step "escalation-desk --version (installed, no display)"
gui_version=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
    PATH="$root/usr/bin:/usr/bin:/bin" escalation-desk --version 2> /dev/null) || true
echo "$gui_version"
[[ $gui_version == "escalation-desk $project_version" ]] ||
    fail "escalation-desk --version printed '$gui_version'"

step "escalation-desk --screenshots (installed, offscreen)"
run escdesk demo --db "$work/demo.escdesk" --tickets 4000 --end "$(date +%F)" > /dev/null
if ! QT_QPA_PLATFORM=offscreen run escalation-desk --db "$work/demo.escdesk" \
    --screenshots "$work/shots" > "$work/screenshots.log" 2>&1; then
    cat "$work/screenshots.log"
    fail "the installed escalation-desk --screenshots failed"
fi
shots=$(find "$work/shots" -name '*.png' 2>/dev/null | wc -l)
saved=$(grep -c '^saved ' "$work/screenshots.log" || true)
echo "$shots screenshots"
((shots >= 9 && shots == saved)) || fail "expected a PNG of every page (at least 9), found $shots of $saved saved"
for shot in "$work"/shots/*.png; do
    [[ -f $shot ]] || continue
    file "$shot" | grep -q 'PNG image data, 1360 x 860' || fail "$(basename "$shot") is not a 1360x860 PNG"
done

step "desktop-file-validate"
if desktop-file-validate "$root/usr/share/applications/$app_id.desktop"; then
    echo "valid"
else
    fail "desktop-file-validate"
fi

step "The workspace file type (shared-mime-info)"
mime_db=$work/mime
mkdir -p "$mime_db/packages"
cp "$root/usr/share/mime/packages/$app_id.xml" "$mime_db/packages/"
XDG_DATA_DIRS=$work update-mime-database "$mime_db" 2>&1 | tee "$work/mime.log"
[[ ! -s $work/mime.log ]] || fail "update-mime-database complained"
grep -qx 'application/x-escalation-desk-workspace:\*\.escdesk' "$mime_db/globs" ||
    fail "the MIME database does not map *.escdesk to application/x-escalation-desk-workspace"
grep -q 'application/x-escalation-desk-workspace' "$root/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry does not open workspace files"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli validate"
# The tree as a whole: the metainfo, its desktop entry and its icon together.
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"
# The screenshots it shows are the README's (docs/screenshots/), by file name.
for image in $(sed -n 's|.*<image[^>]*>\(.*\)</image>.*|\1|p' "$root/usr/share/metainfo/$app_id.metainfo.xml"); do
    [[ -f $source_dir/docs/screenshots/$(basename "$image") ]] ||
        fail "the metainfo shows $image, which is not in docs/screenshots/"
done

step "Manual pages render without warnings (man -l, groff -ww)"
for page in escdesk escalation-desk; do
    gz=$root/usr/share/man/man1/$page.1.gz
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l "$gz" 2>&1 > "$work/$page.txt") || true
    [[ -z $warnings ]] || fail "man $page: $warnings"
    [[ $(wc -l < "$work/$page.txt") -gt 20 ]] || fail "man $page rendered $(wc -l < "$work/$page.txt") lines"
    echo "$page(1): $(wc -l < "$work/$page.txt") lines"
done

step "The escdesk manual covers every command and option"
commands=$(run escdesk --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
manual=$work/escdesk.txt
# The options every command shares are described once, under COMMON OPTIONS;
# the others in the command's own section.
common=" --db --from --to --tz --json --as-of --help --help-all "
for command in $commands; do
    grep -Eq "^   $command( |$)" "$manual" || fail "man escdesk has no section for '$command'"
    section=$(awk -v name="$command" '
        /^   [a-z]/ { inside = ($1 == name) }
        /^[A-Z]/ { inside = 0 }
        inside' "$manual")
    for option in $(run escdesk "$command" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'); do
        [[ $common == *" $option "* ]] && continue
        grep -qF -- "$option" <<< "$section" || fail "man escdesk: the section on $command does not describe $option"
    done
done
echo "$(echo "$commands" | wc -w) commands checked"

step "bash completion"
completions=$root/usr/share/bash-completion/completions
complete_words() {
    # complete_words PROGRAM WORD... : the completions offered for the last word,
    # by the completion the package installs for PROGRAM.
    env -u LD_LIBRARY_PATH PATH="$root/usr/bin:/usr/bin:/bin" bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        source "$0"
        COMP_WORDS=("${@}")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        function=$(complete -p "$1" | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
        "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' "$completions/$1" "$@"
}
expect_completion() {
    # expect_completion "EXPECTED" WORD... : exactly these completions.
    local expected=$1 got
    shift
    got=$(complete_words "$@")
    if [[ "${got% }" == "$expected" ]]; then
        echo "  $* -> $expected"
    else
        fail "completing '$*': expected '$expected', got '${got% }'"
    fi
}
expect_completion "import import-batches import-rejects" escdesk im
expect_completion "tickets" escdesk import --kind ti
expect_completion "accounts actions checklist-runs decisions events history known-issues tickets" escdesk import --kind ""
expect_completion "freshdesk jira servicenow zendesk" escdesk import --preset ""
expect_completion "--page-size" escdesk report --pa
expect_completion "--granularity" escdesk trend --g
expect_completion "month week" escdesk trend --granularity ""
expect_completion "monthly quarterly weekly" escdesk report --out x.pdf ""
expect_completion "action decision" escdesk review ""
expect_completion "add done list update" escdesk review --db w.escdesk action ""
expect_completion "add list" escdesk review decision ""
expect_completion "get list set" escdesk settings ""
expect_completion "renewal_window_days report_recipients report_sender reporting_tz user_name" escdesk settings set ""
expect_completion "arr_band" escdesk segments --by ar
expect_completion "list tick" escdesk checklist ""
expect_completion "draft export history import replay suggest validate" escdesk matrix --db w.escdesk ""
expect_completion "diff discard export import publish" escdesk matrix --db w.escdesk draft ""
expect_completion "Europe/Berlin" escdesk summary --tz Europe/Berl
expect_completion "$work/demo.escdesk" escdesk summary --db "$work/dem"
touch "$work/tickets.csv"
expect_completion "$work/tickets.csv" escdesk import --kind tickets "$work/tick"
mkdir -p "$work/shots-dir"
expect_completion "--screenshot-import --screenshots" escalation-desk --scr
expect_completion "$work/shots-dir" escalation-desk --screenshots "$work/shots-"
expect_completion "$work/demo.escdesk" escalation-desk "$work/dem"
# Every command's options, as its --help lists them.
for command in $commands; do
    listed=$(run escdesk "$command" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' |
        grep -v '^--help-all$' | sort | tr '\n' ' ')
    offered=$(complete_words escdesk "$command" --)
    [[ "$offered" == "$listed" ]] || fail "completing 'escdesk $command --': '$offered', --help lists '$listed'"
done

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "Package $(basename "$deb"): every check passed."
