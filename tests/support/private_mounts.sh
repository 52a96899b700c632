#!/usr/bin/env bash
# Runs a test suite in a mount namespace of its own (as root of a user
# namespace), so that it may mount places read-only for itself alone
# (ReadOnlyPlace.h). Where namespaces are not allowed the suite runs as it
# is and falls back on file permissions, or skips what needs a mount.
if unshare --user --map-root-user --mount true 2> /dev/null; then
    exec unshare --user --map-root-user --mount env ESCDESK_PRIVATE_MOUNTS=1 "$@"
fi
exec "$@"
