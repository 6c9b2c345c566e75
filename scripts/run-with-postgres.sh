#!/usr/bin/env bash
# Runs one command against a throwaway PostgreSQL (see scripts/pg.sh), e.g.
#
#   scripts/run-with-postgres.sh dotnet test tests/Vigia.Core.Tests
#   scripts/run-with-postgres.sh bash -c 'psql "host=127.0.0.1 port=$VIGIA_PG_PORT_USED user=postgres" -c "select version()"'
#
# VIGIA_TEST_POSTGRES is exported to the command; the server is stopped and its
# directory deleted afterwards, also on failure or Ctrl-C. Exits with the
# command's exit code.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: scripts/run-with-postgres.sh COMMAND [ARGS...]" >&2
    exit 2
fi

# shellcheck source=scripts/pg.sh
. "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

trap 'pg_stop >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_start
rc=0
"$@" || rc=$?
exit "$rc"
