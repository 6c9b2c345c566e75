#!/usr/bin/env bash
# Vigía's public pages against nginx serving the very same bytes, with wrk (bench/README.md).
#   bench/public-pages.sh            # Release build, --demo, SQLite, 64 connections, 2 alternating rounds of 5 s
#   SECONDS_PER_RUN=10 ROUNDS=3 bench/public-pages.sh
# Writes the table into bench/README.md between the "bench:results" markers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
VIGIA_PORT="${VIGIA_PORT:-5391}"
NGINX_PORT="${NGINX_PORT:-5392}"
FLOOR_PORT="${FLOOR_PORT:-5393}"
CONNECTIONS="${CONNECTIONS:-64}"
LOAD_AT_START="$(cut -d" " -f1-3 /proc/loadavg)"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-5}"
ROUNDS="${ROUNDS:-2}"
INITIALIZE_SEPARATELY="${INITIALIZE_SEPARATELY:-1}"
# The runtime settings of the documented service (deploy/vigia.service, its Environment=DOTNET_… lines), as an
# installation runs Vigía; SERVICE_ENVIRONMENT=0 starts it with the runtime's defaults instead.
SERVICE_ENVIRONMENT="${SERVICE_ENVIRONMENT:-1}"
URLS=(/ /planes/2022 /planes/2022/componente/3 /datos/2022/acciones.csv /api/plans/2022 /tablero /seguimientos)
WORK="$(mktemp -d /tmp/vigia-bench.XXXXXX)"
VIGIA_PID=""; NGINX_PID=""; FLOOR_PID=""
cleanup() {
    [ -n "$VIGIA_PID" ] && kill "$VIGIA_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    [ -n "$FLOOR_PID" ] && kill "$FLOOR_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk nginx curl; do
    if ! command -v "$tool" >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx curl >/dev/null
        break
    fi
done

echo "Building Vigía (Release)…"
dotnet build -c Release src/Vigia.Web -v quiet -nologo >/dev/null
# Bare Kestrel writing the same bytes from memory: how much of the distance to nginx is Kestrel's own.
dotnet build -c Release bench/Vigia.KestrelFloor -v quiet -nologo >/dev/null
DLL="$ROOT/src/Vigia.Web/bin/Release/net10.0/Vigia.Web.dll"

mkdir -p "$WORK/data" "$WORK/www" "$WORK/tmp"
SERVICE_VARS=()
if [ "$SERVICE_ENVIRONMENT" = 1 ]; then
    mapfile -t SERVICE_VARS < <(sed -n 's/^Environment=\(DOTNET_[A-Za-z0-9_]*=.*\)$/\1/p' deploy/vigia.service)
fi
if [ "${#SERVICE_VARS[@]}" -gt 0 ]; then
    RUNTIME_NOTE="with the runtime settings of deploy/vigia.service ($(printf '`%s` ' "${SERVICE_VARS[@]}" | sed 's/ $//'))"
else
    RUNTIME_NOTE="with the runtime's default settings (no DOTNET_ variables)"
fi
run_vigia() {
    cd "$ROOT/src/Vigia.Web"
    local var
    for var in "${SERVICE_VARS[@]}"; do export "${var?}"; done
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Vigia="Data Source=$WORK/data/vigia.db" \
    Uploads__Root="$WORK/data/uploads" \
    Audit__KeyFile="$WORK/data/audit-key" \
    Logging__LogLevel__Default=Warning \
    exec dotnet "$DLL" --demo "$@"
}
# As a deployment does it: the database is migrated and the demo plan imported and simulated by a step of its own
# (--initialize-only), then the server starts on it; INITIALIZE_SEPARATELY=0 has the server do it at its own start.
if [ "$INITIALIZE_SEPARATELY" = 1 ]; then
    echo "Initialising the database (--initialize-only)…"
    INIT_START=$(date +%s.%N)
    ( run_vigia --initialize-only ) >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log"; exit 1; }
    INIT_SECONDS=$(awk -v s="$INIT_START" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
    START_NOTE="the database migrated, the demo plan imported and simulated beforehand by \`--initialize-only\` (${INIT_SECONDS} s), as a deployment step would"
else
    START_NOTE="the server migrating, importing and simulating the demo at its own start"
fi
( run_vigia --urls "http://127.0.0.1:$VIGIA_PORT" ) >"$WORK/vigia.log" 2>&1 &
VIGIA_PID=$!
echo "Waiting for Vigía on port $VIGIA_PORT…"
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$VIGIA_PORT/" 2>/dev/null && break
    kill -0 "$VIGIA_PID" 2>/dev/null || { cat "$WORK/vigia.log"; exit 1; }
    sleep 0.5
done
# The dotnet process itself (the subshell exec'd into it).
RSS_IDLE=$(awk '/VmRSS/{print $2}' "/proc/$VIGIA_PID/status")

for url in "${URLS[@]}"; do
    case "$url" in
        *.csv) target="$WORK/www$url" ;;
        *) target="$WORK/www${url%/}/pagina.html" ;;
    esac
    mkdir -p "$(dirname "$target")"
    # With the headers Vigía sent, for the Kestrel floor to send the same (curl writes them with CRLF endings).
    curl -fsS -D "$target.headers" -o "$target" "http://127.0.0.1:$VIGIA_PORT$url"
    # The gzip answer Vigía gives a browser or a harvester, beside it (nginx's gzip_static serves it as is).
    curl -fsS -D "$target.gz.headers" -H "Accept-Encoding: gzip" -o "$target.gz" "http://127.0.0.1:$VIGIA_PORT$url"
done
chmod -R a+rX "$WORK"
python3 bench/nginx-conf.py "$WORK" "$NGINX_PORT" "${URLS[@]}" >"$WORK/nginx.conf"
nginx -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 40); do curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null && break; sleep 0.25; done
dotnet "$ROOT/bench/Vigia.KestrelFloor/bin/Release/net10.0/Vigia.KestrelFloor.dll" "$WORK/www" "$FLOOR_PORT" >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!
for _ in $(seq 1 80); do curl -fsS -o /dev/null "http://127.0.0.1:$FLOOR_PORT/" 2>/dev/null && break; sleep 0.25; done
# Two kinds of client: one that takes the answer as it is (identity) and one that asks for gzip, as browsers and
# harvesters do (the bytes on the wire are then the compressed ones, for all three servers).
ENCODINGS=(identity gzip)
accept() { [ "$1" = gzip ] && echo "Accept-Encoding: gzip" || echo "Accept-Encoding: identity"; }
for encoding in "${ENCODINGS[@]}"; do
    header="$(accept "$encoding")"
    for url in "${URLS[@]}"; do
        cmp -s <(curl -fsS -H "$header" "http://127.0.0.1:$VIGIA_PORT$url") <(curl -fsS -H "$header" "http://127.0.0.1:$FLOOR_PORT$url") \
            || { echo "the Kestrel floor does not serve the same bytes for $url ($encoding)" >&2; exit 1; }
        cmp -s <(curl -fsS -H "$header" "http://127.0.0.1:$VIGIA_PORT$url") <(curl -fsS -H "$header" "http://127.0.0.1:$NGINX_PORT$url") \
            || { echo "nginx does not serve the same bytes for $url ($encoding)" >&2; exit 1; }
    done
done

# wrk's --latency output: "Requests/sec: N" and the 50% / 99% lines, in ms.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}'; }
run() { # server port url encoding -> "rps p50 p99"
    local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "$(accept "$4")" "http://127.0.0.1:$2$3")
    local rps p50 p99
    rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out" | to_ms)
    p99=$(awk '$1=="99%"{print $2}' <<<"$out" | to_ms)
    echo "$rps $p50 $p99"
}

# One uncounted warm-up run per address and server: .NET compiles its hot paths again (tiered JIT) in the first seconds.
for encoding in "${ENCODINGS[@]}"; do
    for url in "${URLS[@]}"; do
        for port in "$VIGIA_PORT" "$NGINX_PORT" "$FLOOR_PORT"; do wrk -t2 -c"$CONNECTIONS" -d2s -H "$(accept "$encoding")" "http://127.0.0.1:$port$url" >/dev/null; done
    done
done
# Vigía's resident memory sampled every quarter second while the load runs (start-up, which imports the demo, apart).
RSS_SAMPLES="$WORK/rss"
( while kill -0 "$VIGIA_PID" 2>/dev/null; do awk '/VmRSS/{print $2}' "/proc/$VIGIA_PID/status" >>"$RSS_SAMPLES"; sleep 0.25; done ) &
SAMPLER_PID=$!
declare -A V_RPS V_P50 V_P99 N_RPS N_P50 N_P99 F_RPS
KEYS=()
for encoding in "${ENCODINGS[@]}"; do for url in "${URLS[@]}"; do KEYS+=("$encoding $url"); done; done
for key in "${KEYS[@]}"; do V_RPS[$key]=0; V_P50[$key]=0; V_P99[$key]=0; N_RPS[$key]=0; N_P50[$key]=0; N_P99[$key]=0; F_RPS[$key]=0; done
for round in $(seq 1 "$ROUNDS"); do
    for key in "${KEYS[@]}"; do
        read -r encoding url <<<"$key"
        read -r r a b <<<"$(run vigia "$VIGIA_PORT" "$url" "$encoding")"
        V_RPS[$key]=$(awk -v x="${V_RPS[$key]}" -v y="$r" 'BEGIN{print x+y}')
        V_P50[$key]=$(awk -v x="${V_P50[$key]}" -v y="$a" 'BEGIN{print x+y}')
        V_P99[$key]=$(awk -v x="${V_P99[$key]}" -v y="$b" 'BEGIN{print (y>x)?y:x}')
        read -r r a b <<<"$(run nginx "$NGINX_PORT" "$url" "$encoding")"
        N_RPS[$key]=$(awk -v x="${N_RPS[$key]}" -v y="$r" 'BEGIN{print x+y}')
        N_P50[$key]=$(awk -v x="${N_P50[$key]}" -v y="$a" 'BEGIN{print x+y}')
        N_P99[$key]=$(awk -v x="${N_P99[$key]}" -v y="$b" 'BEGIN{print (y>x)?y:x}')
        read -r r a b <<<"$(run floor "$FLOOR_PORT" "$url" "$encoding")"
        F_RPS[$key]=$(awk -v x="${F_RPS[$key]}" -v y="$r" 'BEGIN{print x+y}')
        echo "round $round $url ($encoding) done"
    done
done
kill "$SAMPLER_PID" 2>/dev/null || true
RSS_LOAD=$(awk '/VmRSS/{print $2}' "/proc/$VIGIA_PID/status")
RSS_UNDER_LOAD=$(sort -n "$RSS_SAMPLES" | tail -1)
RSS_PEAK=$(awk '/VmHWM/{print $2}' "/proc/$VIGIA_PID/status")

TABLE="$WORK/table.md"
{
    echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(uname -sr);"
    echo "wrk -t2 -c$CONNECTIONS, one uncounted 2 s warm-up per address and server, then $ROUNDS alternating rounds of ${SECONDS_PER_RUN} s per address and server (req/s and p50 averaged over the rounds, p99 the worst round)."
    echo "Kestrel floor: bench/Vigia.KestrelFloor, bare Kestrel writing the same bytes and headers from memory (no Vigía code)."
    echo "Vigía: Release, --demo, SQLite, ${START_NOTE}, ${RUNTIME_NOTE}. nginx $(nginx -v 2>&1 | sed 's#.*/##'): the same bytes from files (sendfile, gzip_static for the gzip answers) with the headers Vigía sent (add_header, bench/nginx-conf.py). Load average when the run began: ${LOAD_AT_START}."
    echo
    echo "| Address | Client asks for | Bytes sent | Vigía req/s | nginx req/s | Ratio | Vigía p50 ms | Vigía p99 ms | nginx p50 ms | nginx p99 ms | Kestrel floor req/s | Vigía / floor |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for key in "${KEYS[@]}"; do
        read -r encoding url <<<"$key"
        bytes=$(curl -fsS -H "$(accept "$encoding")" "http://127.0.0.1:$NGINX_PORT$url" | wc -c)
        awk -v u="$url" -v e="$encoding" -v s="$bytes" -v n="$ROUNDS" -v vr="${V_RPS[$key]}" -v nr="${N_RPS[$key]}" -v v5="${V_P50[$key]}" -v v9="${V_P99[$key]}" \
            -v n5="${N_P50[$key]}" -v n9="${N_P99[$key]}" -v fr="${F_RPS[$key]}" \
            'BEGIN{printf "| `%s` | %s | %d | %.0f | %.0f | %.2f× | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f× |\n", u, e, s, vr/n, nr/n, (nr>0)?vr/nr:0, v5/n, v9, n5/n, n9, fr/n, (fr>0)?vr/fr:0}'
    done
    echo
    echo "Vigía's resident memory (/proc/PID/status): $((RSS_IDLE/1024)) MB after start-up, at most $((RSS_UNDER_LOAD/1024)) MB while loaded (sampled every 0.25 s), $((RSS_LOAD/1024)) MB after the load; $((RSS_PEAK/1024)) MB at its peak since the process started."
} >"$TABLE"
cat "$TABLE"
python3 - "$ROOT/bench/README.md" "$TABLE" <<'PY'
import sys, re
readme, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(readme, encoding="utf-8").read()
text = re.sub(r"(<!-- bench:results -->\n).*?(<!-- /bench:results -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
open(readme, "w", encoding="utf-8").write(text)
PY
