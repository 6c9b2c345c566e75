#!/usr/bin/env bash
# Issue 15: a synthetic nation on one PostgreSQL, the consolidated views against hand-written SQL (bench/README.md).
#   bench/nation.sh                      # 1,100 entities, year 2025, seed 1
#   ENTITIES=200 bench/nation.sh
# Starts a throwaway PostgreSQL (scripts/pg.sh), generates the nation with the CLI (timed), starts Vigía in Release
# on it with the output cache off (every request computes), and for each address measures the median latency with
# wrk (1 connection, so the figure is one request's cost) beside the median execution time of a hand-written SQL
# aggregate of the same figures (EXPLAIN ANALYZE, ten runs). Writes the table between the "nation:results" markers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
ENTITIES="${ENTITIES:-1100}"
YEAR="${YEAR:-2025}"
SEED="${SEED:-1}"
AT="${AT:-$YEAR-12-31}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
VIGIA_PORT="${VIGIA_PORT:-5393}"
export VIGIA_PG_PORT="${VIGIA_PG_PORT:-55490}"
LOAD_AT_START="$(cut -d" " -f1-3 /proc/loadavg)"
WORK="$(mktemp -d /tmp/vigia-nation.XXXXXX)"
VIGIA_PID=""

# shellcheck source=scripts/pg.sh
. "$ROOT/scripts/pg.sh"
cleanup() {
    [ -n "$VIGIA_PID" ] && kill "$VIGIA_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    pg_stop || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk curl psql; do
    if ! command -v "$tool" >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk curl postgresql-client >/dev/null
        break
    fi
done

pg_start >/dev/null
ADMIN="$VIGIA_TEST_POSTGRES"
PGURL="postgresql://postgres:postgres@127.0.0.1:$VIGIA_PG_PORT_USED/vigia_nation"
psql "postgresql://postgres:postgres@127.0.0.1:$VIGIA_PG_PORT_USED/postgres" -qc "CREATE DATABASE vigia_nation" >/dev/null
CONNECTION="${ADMIN/Database=postgres/Database=vigia_nation}"

echo "Building Vigía (Release)…"
dotnet build -c Release src/Vigia.Web -v quiet -nologo >/dev/null
dotnet build -c Release src/Vigia.Cli -v quiet -nologo >/dev/null
export Database__Provider=Postgres ConnectionStrings__Vigia="$CONNECTION" Audit__KeyFile="$WORK/audit-key" Uploads__Root="$WORK/uploads"

echo "Generating $ENTITIES entities…"
GEN_START=$(date +%s.%N)
dotnet src/Vigia.Cli/bin/Release/net10.0/Vigia.Cli.dll synthetic generate --entities "$ENTITIES" --year "$YEAR" --seed "$SEED" --at "$AT" | tee "$WORK/generate.txt"
GEN_SECONDS=$(echo "$(date +%s.%N) - $GEN_START" | bc)

(
    cd "$ROOT/src/Vigia.Web"
    ASPNETCORE_ENVIRONMENT=Production Vigia__LoadDemoPlan=false Caching__Enabled=false Logging__LogLevel__Default=Warning \
    exec dotnet "$ROOT/src/Vigia.Web/bin/Release/net10.0/Vigia.Web.dll" --urls "http://127.0.0.1:$VIGIA_PORT"
) >"$WORK/vigia.log" 2>&1 &
VIGIA_PID=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$VIGIA_PORT/" 2>/dev/null && break
    kill -0 "$VIGIA_PID" 2>/dev/null || { cat "$WORK/vigia.log"; exit 1; }
    sleep 0.5
done
RSS_IDLE=$(awk '/VmRSS/{print $2}' "/proc/$VIGIA_PID/status")

q() { psql "$PGURL" -qtAc "$1"; }
# Months counted at AT (ComplianceCalculator.MonthsCounted): the month if AT is its last day, else the one before.
MONTHS=$(python3 -c "import calendar,sys; y,m,d=map(int,sys.argv[1].split('-')); print(m if d==calendar.monthrange(y,m)[1] else m-1)" "$AT")
BIT=$(( 1 << MONTHS ))
ENTITY=$(q "SELECT e.\"Slug\" FROM \"Entities\" e WHERE e.\"DepartmentId\" = 76 AND e.\"HostEntityId\" IS NOT NULL ORDER BY e.\"Id\" LIMIT 1")
PLAN=$(q "SELECT p.\"Id\" FROM \"Plans\" p JOIN \"Entities\" e ON e.\"Id\" = p.\"EntityId\" WHERE e.\"Slug\" = '$ENTITY' AND p.\"Year\" = $YEAR")
FOLLOWUP=$(q "SELECT \"Id\" FROM \"FollowUps\" WHERE \"PlanId\" = $PLAN AND \"PublishedAt\" IS NOT NULL ORDER BY \"CutOffDate\" DESC LIMIT 1")

# The same figures by hand: per plan (or component), activities programmed and completed from the stored verdicts.
ACTIVITIES="SELECT s.\"PlanId\", s.\"ComponentNumber\", s.\"ActivityId\",
    bool_or(s.\"Programmed\" & $BIT <> 0) AS programmed,
    bool_and(s.\"Programmed\" & $BIT = 0 OR s.\"Completed\" & $BIT <> 0) AS done
  FROM \"ActionComplianceStates\" s GROUP BY s.\"PlanId\", s.\"ComponentNumber\", s.\"ActivityId\""
RANKING="SELECT p.\"Id\", e.\"Name\", count(*) FILTER (WHERE a.programmed) AS programmed, count(*) FILTER (WHERE a.programmed AND a.done) AS completed
  FROM ($ACTIVITIES) a JOIN \"Plans\" p ON p.\"Id\" = a.\"PlanId\" JOIN \"Entities\" e ON e.\"Id\" = p.\"EntityId\"
  WHERE p.\"Year\" = $YEAR %s GROUP BY p.\"Id\", e.\"Name\"
  ORDER BY count(*) FILTER (WHERE a.programmed AND a.done)::numeric / NULLIF(count(*) FILTER (WHERE a.programmed), 0) DESC NULLS LAST, 4 DESC, 2"
# shellcheck disable=SC2059
SQL_NATION=$(printf "$RANKING" "")
# shellcheck disable=SC2059
SQL_DEPARTMENT=$(printf "$RANKING" "AND e.\"DepartmentId\" = 76")
SQL_DASHBOARD="SELECT a.\"ComponentNumber\", count(*) FILTER (WHERE a.programmed), count(*) FILTER (WHERE a.programmed AND a.done)
  FROM ($ACTIVITIES) a WHERE a.\"PlanId\" = $PLAN GROUP BY a.\"ComponentNumber\" ORDER BY 1"
SQL_FOLLOWUP="SELECT \"SnapshotJson\" FROM \"FollowUps\" WHERE \"Id\" = ${FOLLOWUP:-0}"

sql_median() {
    local times=()
    for _ in $(seq 1 10); do
        times+=("$(psql "$PGURL" -qtAc "EXPLAIN (ANALYZE, FORMAT JSON) $1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (a[5]+a[6])/2}'
}
page_median() {
    # wrk's latency distribution: the 50th percentile of one connection's requests, in ms.
    wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency "$1" | awk '/^ +50%/{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}'
}

BASE="http://127.0.0.1:$VIGIA_PORT"
declare -a ROWS
RSS_PEAK=$RSS_IDLE
for row in \
    "Ranking nacional|/tablero/nacional?anio=$YEAR&fecha=$AT|$SQL_NATION" \
    "Departamento (Valle del Cauca)|/tablero/departamentos/valle-del-cauca?anio=$YEAR&fecha=$AT|$SQL_DEPARTMENT" \
    "Tablero de una entidad|/planes/$ENTITY/$YEAR/tablero?fecha=$AT|$SQL_DASHBOARD" \
    "Informe de seguimiento|/seguimientos/${FOLLOWUP:-0}|$SQL_FOLLOWUP" \
    "Datos abiertos nacionales (CSV)|/datos/$YEAR/nacional.csv?fecha=$AT|$SQL_NATION"; do
    IFS='|' read -r name path sql <<<"$row"
    status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
    page=$(page_median "$BASE$path")
    floor=$(sql_median "$sql")
    rss=$(awk '/VmRSS/{print $2}' "/proc/$VIGIA_PID/status"); [ "$rss" -gt "$RSS_PEAK" ] && RSS_PEAK=$rss
    ratio=$(echo "scale=1; $page / $floor" | bc)
    ROWS+=("| $name | \`${path%%\?*}\` | $status | $page | $floor | ${ratio}× |")
    echo "$name: $page ms (SQL $floor ms, ${ratio}×)"
done
HWM=$(awk '/VmHWM/{print $2}' "/proc/$VIGIA_PID/status")
psql "$PGURL" -qtAc "EXPLAIN (ANALYZE, BUFFERS) $SQL_NATION" >"$WORK/explain-nation.txt"
psql "$PGURL" -qtAc "EXPLAIN (ANALYZE, BUFFERS) $SQL_DASHBOARD" >"$WORK/explain-dashboard.txt"

{
    echo "Run on $(date -u '+%Y-%m-%d %H:%M') UTC: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr); load average at start $LOAD_AT_START."
    echo "PostgreSQL $(q 'SHOW server_version'), $ENTITIES entities (seed $SEED, year $YEAR, at $AT), generated in $(printf '%.0f' "$GEN_SECONDS") s:"
    echo "$(grep -E '^(Generado|Cumplimiento)' "$WORK/generate.txt" | sed 's/^/> /')"
    echo
    echo "Vigía Release, output cache off (every request computes). Page: median of one connection's requests for ${SECONDS_PER_RUN} s (wrk). SQL: median execution time of ten EXPLAIN ANALYZE runs of a hand-written aggregate of the same figures over the stored verdicts (the follow-up report: reading its frozen snapshot)."
    echo
    echo "| View | Address | HTTP | Vigía p50 ms | Hand-written SQL ms | Ratio |"
    echo "|---|---|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Vigía's resident memory: $((RSS_IDLE / 1024)) MB after start-up, $((RSS_PEAK / 1024)) MB at the highest reading between views, $((HWM / 1024)) MB high-water mark."
    echo
    echo "Query plan of the hand-written national ranking:"
    echo
    echo '```'
    cat "$WORK/explain-nation.txt"
    echo '```'
} >"$WORK/results.md"

python3 - "$ROOT/bench/README.md" "$WORK/results.md" <<'EOF'
import sys, re
readme, results = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
block = "<!-- nation:results -->\n" + results + "<!-- /nation:results -->"
if "<!-- nation:results -->" in text:
    text = re.sub(r"<!-- nation:results -->.*?<!-- /nation:results -->", lambda _: block, text, flags=re.S)
else:
    text += "\n" + block + "\n"
open(readme, "w").write(text)
EOF
cat "$WORK/results.md"
