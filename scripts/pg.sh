#!/usr/bin/env bash
# Throwaway PostgreSQL for Vigía's tests.
#
# A fresh cluster in a mktemp directory, listening only on 127.0.0.1 on a free
# port (55432 unless taken), its unix socket inside that directory, trust auth
# and durability switched off (fsync/synchronous_commit/full_page_writes): it is
# for tests only and is deleted when stopped. The system's own cluster (the
# Debian "main" cluster on 5432) is never touched.
#
# Two ways to use it:
#
#   source scripts/pg.sh && pg_start   # exports VIGIA_TEST_POSTGRES in this shell
#   dotnet test tests/Vigia.Core.Tests
#   pg_stop                           # stops the server and deletes its directory
#
#   eval "$(scripts/pg.sh start)"      # same, from any shell; prints `export` lines
#   scripts/pg.sh status
#   scripts/pg.sh stop
#
# scripts/run-with-postgres.sh CMD... does start + CMD + stop in one go.
#
# Environment:
#   VIGIA_PG_PORT   first port to try (default 55432); the next free one is used if taken.
#
# Exported by pg_start:
#   VIGIA_TEST_POSTGRES  Npgsql connection string to the maintenance database
#                        ("postgres"); the test fixtures create their own databases from it.
#   VIGIA_PG_DIR, VIGIA_PG_BIN, VIGIA_PG_PORT_USED  bookkeeping for pg_stop.
#
# When run as root, initdb/pg_ctl run as the `postgres` OS user (initdb refuses
# to run as root); otherwise they run as the calling user.
#
# This file is meant to be sourced, so it does not change shell options itself
# (no `set -e` leaking into an interactive shell); every function checks its own
# errors and returns non-zero.

# Where `scripts/pg.sh start` (the non-sourced form) remembers the running server
# so that a later `scripts/pg.sh stop` from another shell can find it.
_VIGIA_PG_STATE_FILE="${TMPDIR:-/tmp}/vigia-test-pg.$(id -u).env"

# Prints the directory holding initdb and pg_ctl: the newest Debian
# /usr/lib/postgresql/<ver>/bin, else wherever initdb is on PATH.
_vigia_pg_bindir() {
    local candidate best=""
    for candidate in /usr/lib/postgresql/*/bin; do
        if [ ! -x "$candidate/initdb" ] || [ ! -x "$candidate/pg_ctl" ]; then
            continue
        fi
        best="$(printf '%s\n%s\n' "$best" "$candidate" | sed '/^$/d' | sort -V | tail -n 1)"
    done
    if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best="$(dirname "$(command -v initdb)")"
    fi
    [ -n "$best" ] || return 1
    printf '%s\n' "$best"
}

# Runs a PostgreSQL server binary as the user that owns the cluster: `postgres`
# when we are root, ourselves otherwise. `cd /` first, because as root the
# current directory (e.g. /root) is often unreadable to `postgres` and initdb
# would warn or fail about it.
_vigia_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# True when something already accepts TCP connections on 127.0.0.1:$1
# (also catches servers listening on 0.0.0.0). Pure bash, no ss/netstat needed.
_vigia_pg_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_start() {
    if [ -n "${VIGIA_PG_DIR:-}" ] && [ -d "${VIGIA_PG_DIR}/data" ]; then
        echo "pg.sh: a throwaway PostgreSQL is already running from this shell (port ${VIGIA_PG_PORT_USED:-?})" >&2
        return 0
    fi

    local bin dir port attempts
    if ! bin="$(_vigia_pg_bindir)"; then
        echo "pg.sh: PostgreSQL server binaries (initdb, pg_ctl) not found; install the 'postgresql' package (apt-get install postgresql)" >&2
        return 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "pg.sh: running as root but there is no 'postgres' OS user to own the cluster (initdb refuses to run as root)" >&2
        return 1
    fi

    dir="$(mktemp -d "${TMPDIR:-/tmp}/vigia-pg.XXXXXX")" || return 1
    if [ "$(id -u)" -eq 0 ]; then
        # The whole temp dir (data + socket + logs) belongs to the server user.
        chown postgres:postgres "$dir" || { rm -rf "$dir"; return 1; }
    fi
    chmod 700 "$dir"

    # --no-sync: nothing here needs to survive a crash, and it saves seconds.
    if ! _vigia_pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust \
        -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        echo "pg.sh: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        return 1
    fi

    # Loopback only, socket in our own dir (not /var/run/postgresql, which
    # belongs to the system cluster), no durability. max_connections is raised
    # because every test class gets its own database and therefore its own
    # Npgsql pool.
    cat >>"$dir/data/postgresql.conf" <<EOF

# --- Vigía throwaway test cluster (scripts/pg.sh) ---
# The server's own clock and language must not depend on the machine's either
# (initdb copies TZ into the configuration): UTC and untranslated messages.
timezone = 'UTC'
log_timezone = 'UTC'
lc_messages = 'C'
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF

    # Try the preferred port, then the next ones. The in-use probe avoids the
    # common case; the retry on "could not bind" covers a race with another
    # process grabbing the port between the probe and the start.
    port="${VIGIA_PG_PORT:-55432}"
    attempts=0
    while :; do
        attempts=$((attempts + 1))
        if [ "$attempts" -gt 50 ]; then
            echo "pg.sh: no free port found from ${VIGIA_PG_PORT:-55432} to $((port - 1))" >&2
            rm -rf "$dir"
            return 1
        fi
        if _vigia_pg_port_in_use "$port"; then
            port=$((port + 1))
            continue
        fi
        : >"$dir/server.log"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/server.log"
        if _vigia_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port" start >/dev/null 2>&1; then
            break
        fi
        if grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' "$dir/server.log"; then
            port=$((port + 1))
            continue
        fi
        echo "pg.sh: PostgreSQL failed to start; its log:" >&2
        cat "$dir/server.log" >&2
        _vigia_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
        rm -rf "$dir"
        return 1
    done

    export VIGIA_PG_DIR="$dir" VIGIA_PG_BIN="$bin" VIGIA_PG_PORT_USED="$port"
    # Password is ignored under trust auth, but keeps the string valid if a
    # fixture or a developer's cluster uses password auth.
    export VIGIA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
    echo "pg.sh: throwaway PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (dir $dir)" >&2
    echo "pg.sh: psql -h 127.0.0.1 -p $port -U postgres" >&2
}

# Stops the server started by pg_start (if any) and deletes its directory.
# Idempotent and quiet on success, so it is safe in traps and after the
# summary line of scripts/test.sh.
pg_stop() {
    local dir="${VIGIA_PG_DIR:-}" bin="${VIGIA_PG_BIN:-}"
    [ -n "$dir" ] || return 0
    # Refuse to rm -rf anything that is not one of our mktemp directories.
    case "$dir" in
        */vigia-pg.*) ;;
        *)
            echo "pg.sh: refusing to delete unexpected directory '$dir'" >&2
            return 1
            ;;
    esac
    if [ -f "$dir/data/postmaster.pid" ]; then
        [ -n "$bin" ] || bin="$(_vigia_pg_bindir)"
        _vigia_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            _vigia_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1
    fi
    rm -rf "$dir"
    unset VIGIA_PG_DIR VIGIA_PG_BIN VIGIA_PG_PORT_USED VIGIA_TEST_POSTGRES
}

# --- command-line form: scripts/pg.sh start|stop|status ---------------------
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start)
            if [ -f "$_VIGIA_PG_STATE_FILE" ]; then
                echo "pg.sh: already started (state in $_VIGIA_PG_STATE_FILE); run 'scripts/pg.sh stop' first" >&2
                exit 1
            fi
            pg_start
            {
                printf 'export VIGIA_PG_DIR=%q\n' "$VIGIA_PG_DIR"
                printf 'export VIGIA_PG_BIN=%q\n' "$VIGIA_PG_BIN"
                printf 'export VIGIA_PG_PORT_USED=%q\n' "$VIGIA_PG_PORT_USED"
                printf 'export VIGIA_TEST_POSTGRES=%q\n' "$VIGIA_TEST_POSTGRES"
            } >"$_VIGIA_PG_STATE_FILE"
            # stdout is meant for eval "$(scripts/pg.sh start)".
            cat "$_VIGIA_PG_STATE_FILE"
            ;;
        stop)
            if [ ! -f "$_VIGIA_PG_STATE_FILE" ]; then
                echo "pg.sh: nothing to stop (no $_VIGIA_PG_STATE_FILE)" >&2
                exit 0
            fi
            # shellcheck disable=SC1090
            . "$_VIGIA_PG_STATE_FILE"
            pg_stop
            rm -f "$_VIGIA_PG_STATE_FILE"
            ;;
        status)
            if [ -f "$_VIGIA_PG_STATE_FILE" ]; then
                cat "$_VIGIA_PG_STATE_FILE"
            else
                echo "pg.sh: not started via 'scripts/pg.sh start'" >&2
                exit 1
            fi
            ;;
        *)
            echo "usage: scripts/pg.sh start|stop|status   (or: source scripts/pg.sh && pg_start; ...; pg_stop)" >&2
            exit 2
            ;;
    esac
fi
