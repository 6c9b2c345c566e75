#!/usr/bin/env bash
# 200 simulated users for 60 s against Vigía on loopback (issue 14; bench/README.md): citizens browsing public pages,
# Responsables reporting with a PDF as evidence. Not a test (no timing assertions anywhere in the suite).
#   bench/load.sh                      # Release, --demo, SQLite, 200 users, 60 s
#   USERS=50 SECONDS_TO_RUN=20 CONFIGURATION=Debug bench/load.sh
# Prints a table of requests, errors (must be 0), p50/p99 by kind; exits non-zero when any request failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
PORT="${VIGIA_PORT:-5393}"
USERS="${USERS:-200}"
SECONDS_TO_RUN="${SECONDS_TO_RUN:-60}"
CONFIGURATION="${CONFIGURATION:-Release}"
WORK="$(mktemp -d /tmp/vigia-load.XXXXXX)"
VIGIA_PID=""
cleanup() {
    [ -n "$VIGIA_PID" ] && kill "$VIGIA_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "Building Vigía and the load tool ($CONFIGURATION)…"
    dotnet build -c "$CONFIGURATION" src/Vigia.Web -v quiet -nologo >/dev/null
    dotnet build -c "$CONFIGURATION" bench/Vigia.Load -v quiet -nologo >/dev/null
fi
DLL="$ROOT/src/Vigia.Web/bin/$CONFIGURATION/net10.0/Vigia.Web.dll"
LOAD="$ROOT/bench/Vigia.Load/bin/$CONFIGURATION/net10.0/Vigia.Load.dll"

mkdir -p "$WORK/data"
(
    cd "$ROOT/src/Vigia.Web"
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Vigia="Data Source=$WORK/data/vigia.db" \
    Uploads__Root="$WORK/data/uploads" \
    Audit__KeyFile="$WORK/data/audit-key" \
    Security__SignInAttemptsPerMinute=100000 \
    Security__PublicFormPostsPerMinute=100000 \
    Logging__LogLevel__Default=Warning \
    exec dotnet "$DLL" --demo --urls "http://127.0.0.1:$PORT"
) >"$WORK/vigia.log" 2>&1 &
VIGIA_PID=$!
echo "Waiting for Vigía on port $PORT…"
for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/salud" 2>/dev/null && break
    kill -0 "$VIGIA_PID" 2>/dev/null || { cat "$WORK/vigia.log"; exit 1; }
    sleep 0.5
done
echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
dotnet "$LOAD" "http://127.0.0.1:$PORT/" "$USERS" "$SECONDS_TO_RUN" || rc=$?
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); Vigía RSS $(awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$VIGIA_PID/status")"
grep -E " fail|crit" "$WORK/vigia.log" | head -20 || true
exit "$rc"
