#!/bin/sh
# Builds a workspace of N generated tickets with their escalation events.
#   make_workspace.sh ESCDESK FILE N
# Uses `escdesk demo` when this build has it, else the SQL recipe beside
# this script (a recursive CTE; about 10 s per million tickets).
set -eu
escdesk=$1
file=$2
tickets=$3
here=$(dirname "$0")
rm -f "$file" "$file-wal" "$file-shm"
if "$escdesk" demo --help >/dev/null 2>&1; then
    "$escdesk" demo --db "$file" --tickets "$tickets"
    exit 0
fi
# Opening the file once creates the empty workspace (schema, settings).
"$escdesk" summary --db "$file" >/dev/null
sed -e "s/@N@/$tickets/g" -e "s/@NOW@/$(date +%s)/g" "$here/fill_workspace.sql" |
    sqlite3 "$file" >/dev/null
