#!/usr/bin/env bash
# Proves that a build used nothing scripts/install-deps.sh does not install.
#
#   scripts/check-deps.sh BUILD_DIR [--without PACKAGE]...
#
# The machines that build this project keep whatever was ever installed by
# hand, so a green build there proves nothing about a fresh one. This looks
# at what a finished Ninja build tree really used —
#   - every CMake file the configure step read (build.ninja's RERUN_CMAKE
#     inputs: package configurations, find modules),
#   - every header the compiler read (ninja's dependency log),
#   - every program and library CMake found that the build runs or links,
#   - every shared library the built programs load (ldd) —
# maps each file outside the source and build trees to its Debian package,
# and fails unless that package is one install-deps.sh names, one of their
# dependencies (recursively, without recommends), or part of every Debian
# system (Essential or Priority: required). A file no package owns fails
# too: it was installed by hand.
#
# --without PACKAGE checks against the list less PACKAGE: scripts/test.sh
# uses it to show that the guard fails when a needed package goes missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
shift
without=()
while (($# > 0)); do
    [[ "$1" == "--without" && $# -ge 2 ]] || { echo "usage: $0 BUILD_DIR [--without PACKAGE]..." >&2; exit 2; }
    without+=("$2")
    shift 2
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- what the build used ---------------------------------------------------

used_files() {
    # CMake inputs of the configure step.
    sed -n 's/^build build\.ninja: RERUN_CMAKE | //p' "$build/build.ninja" | tr ' ' '\n'
    # Headers read by the compiler.
    ninja -C "$build" -t deps 2>/dev/null | sed -n 's/^    //p'
    # Programs and libraries CMake found and the build runs or links
    # (compilers, tools, libraries); found ones nothing uses do not count.
    sed -n 's/^[^#/]*:FILEPATH=\(\/.*\)$/\1/p' "$build/CMakeCache.txt" |
        while read -r found; do
            grep -qF -- "$found" "$build/build.ninja" "$build/CMakeFiles/rules.ninja" &&
                echo "$found"
        done
    # Shared libraries the built programs and libraries load.
    find "$build" -type f \( -perm -u+x -o -name '*.so*' \) -not -path '*/CMakeFiles/*' |
        while read -r binary; do
            file -b "$binary" | grep -q '^ELF' || continue
            ldd "$binary" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p'
        done
}

used_files | grep '^/' | sort -u |
    grep -v -e "^$root/" -e "^$build/" -e '^/tmp/' -e '^/proc/' > "$work/used" || true

# ---- which package owns each file -----------------------------------------

# Each used file under the names a package may list it by: as used, and its
# real path (a symlink such as /usr/bin/c++ belongs to no package, what it
# points to does); each also with and without /usr, since with merged /usr a
# package may list /lib/x/libfoo.so for what is found as /usr/lib/x/libfoo.so.
while read -r path; do
    [[ -e "$path" ]] || continue
    for name in "$path" "$(readlink -f "$path")"; do
        echo "$path $name"
        case "$name" in
            /usr/lib/* | /usr/bin/* | /usr/sbin/*) echo "$path ${name#/usr}" ;;
            /lib/* | /bin/* | /sbin/*) echo "$path /usr$name" ;;
        esac
    done
done < "$work/used" > "$work/names"

# Every file of every installed package, as "path package".
for list in /var/lib/dpkg/info/*.list; do
    package=$(basename "$list" .list)
    sed "s|\$| ${package%%:*}|" "$list"
done > "$work/owners"

# ---- what the install list brings in ---------------------------------------

mapfile -t listed < <(bash "$root/scripts/install-deps.sh" --list)
keep=()
for package in "${listed[@]}"; do
    skip=0
    for dropped in "${without[@]}"; do
        [[ "$package" == "$dropped" ]] && skip=1
    done
    ((skip)) || keep+=("$package")
done

{
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances "${keep[@]}" | grep -v '^ ' | tr -d '<>'
    # What every Debian system has.
    dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' |
        awk '$2 == "yes" || $3 == "required" { print $1 }'
} | sed 's/:.*//' | sort -u > "$work/allowed"

# ---- the verdict -------------------------------------------------------------

awk -v allowed="$work/allowed" -v owners="$work/owners" -v build="$build" '
    BEGIN {
        while ((getline line < allowed) > 0) ok[line] = 1
        while ((getline line < owners) > 0) {
            split(line, field, " ")
            known = (field[1] in owner) ? owner[field[1]] " " : ""
            owner[field[1]] = known field[2]
        }
    }
    # "used-path candidate-name": a used file is provided when any of its
    # names belongs to an allowed package.
    {
        seen[$1] = 1
        if (!($2 in owner)) next
        owned[$1] = 1
        n = split(owner[$2], packages, " ")
        for (i = 1; i <= n; i++) if (packages[i] in ok) provided[$1] = 1
        if (!($1 in provided)) owners_of[$1] = owner[$2]
    }
    END {
        for (path in seen) {
            if (path in provided) continue
            if (path in owned) print "  " path ": from " owners_of[path] \
                ", which scripts/install-deps.sh does not install"
            else print "  " path ": no Debian package owns it (installed by hand?)"
            bad++
        }
        if (bad) {
            printf "The build in %s used %d file(s) the install script does not provide:\n", \
                build, bad > "/dev/stderr"
            exit 1
        }
    }' "$work/names" > "$work/problems" || {
    sort -t: -k2 "$work/problems" | head -40 >&2
    echo "Add the package(s) to scripts/install-deps.sh." >&2
    exit 1
}
echo "Dependencies: the build in $build used $(wc -l < "$work/used") files from" \
    "$(wc -l < "$work/allowed") packages the install script provides; nothing else."
