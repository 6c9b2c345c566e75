#!/usr/bin/env bash
# The one test command for Vigía, used by developers and by CI (.ci/run):
#
#   ./scripts/test.sh
#
# On a fresh Debian 12 machine with the .NET 10 SDK (as root, or as a developer
# with sudo) it:
#   1. installs the system packages the tests need, only if missing (so a
#      second run does no apt at all): chromium, fonts-liberation2,
#      poppler-utils, libgdiplus, and postgresql if no initdb is found;
#   2. restores the local dotnet tools (dotnet-tools.json);
#   3. starts a throwaway PostgreSQL (scripts/pg.sh) and exports
#      VIGIA_TEST_POSTGRES; it is stopped and deleted on exit, Ctrl-C included;
#   4. checks formatting (dotnet format whitespace --verify-no-changes; the
#      style and analyzer rules that `dotnet format` would also fix are errors
#      in the build, so checking them twice only cost a minute and a half);
#   5. builds Release and runs every test project, writing TRX to TestResults/,
#      in a time zone and a language that are not Colombia's (TZ=Asia/Tokyo,
#      LANG=tr_TR.UTF-8 unless VIGIA_TEST_TZ / VIGIA_TEST_LANG say otherwise):
#      the tests set their own culture and clocks, so anything that leans on
#      the machine's shows up as a failure here rather than on a server;
#   6. prints how long each test project took, then, as the LAST line,
#      "N passed, N failed, N skipped" counted from the TRX files (a formatting
#      failure counts as one more failed), and exits non-zero if anything failed.
#
# Environment:
#   CHROMIUM_PATH     browser for Playwright (default /usr/bin/chromium); exported.
#   VIGIA_PG_PORT     first port to try for the throwaway PostgreSQL (default 55432).
#   VIGIA_SKIP_DEPS=1 skip the system-package step (e.g. no root/sudo and you
#                     know what you are doing).
#   VIGIA_TEST_TZ, VIGIA_TEST_LANG
#                     time zone and locale the tests run in (default Asia/Tokyo
#                     and tr_TR.UTF-8: far from Colombia's, and Turkish casing
#                     breaks code that compares text in the machine's culture).
#
# Exported for the tests:
#   VIGIA_TEST_POSTGRES="Host=127.0.0.1;Port=PORT;Username=postgres;Password=postgres;Database=postgres"
#   CHROMIUM_PATH
#
# To run a single test project by hand against the throwaway PostgreSQL:
#   source scripts/pg.sh && pg_start
#   dotnet test tests/Vigia.Core.Tests
#   pg_stop
# or in one line:
#   scripts/run-with-postgres.sh dotnet test tests/Vigia.Core.Tests

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

# shellcheck source=scripts/pg.sh
. "$REPO_ROOT/scripts/pg.sh"

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Keep dotnet quiet and deterministic even outside CI's preset environment.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
if [ "${CI:-}" = true ]; then
    # One-shot run: no MSBuild worker nodes left waiting for reuse after
    # .ci/run exits (the compiler server is shut down in cleanup()).
    export MSBUILDDISABLENODEREUSE=1
fi

readonly APT_PACKAGES=(chromium fonts-liberation2 poppler-utils libgdiplus python3-rdflib)
readonly RESULTS_DIR=TestResults

# Scratch dir for logs of this run (apt output); removed on exit.
WORK_TMP="$(mktemp -d "${TMPDIR:-/tmp}/vigia-test.XXXXXX")"

# --- output helpers -----------------------------------------------------------

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }

# The closing line CI reads. Must be the last thing printed, so every caller
# stops the database (quietly) before calling it.
summary_line() { # passed failed [skipped]
    if [ "$#" -ge 3 ]; then
        printf '%d passed, %d failed, %d skipped\n' "$1" "$2" "$3"
    else
        printf '%d passed, %d failed\n' "$1" "$2"
    fi
}

# A step that makes running tests impossible (no packages, no database, no
# build): report it as one failed check and stop.
abort_run() {
    warn "$*"
    pg_stop || true
    summary_line 0 1
    exit 1
}

# --- cleanup --------------------------------------------------------------------

cleanup() {
    # Silent: test.sh's last line must stay the summary.
    pg_stop >/dev/null 2>&1 || true
    rm -rf "$WORK_TMP"
    if [ "${CI:-}" = true ]; then
        # Don't leave VBCSCompiler/Razor servers idling after CI's run. Not done
        # for developers: the warm compiler server is what makes reruns fast.
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap runs (bash waits for the
# foreground dotnet process to end first, so nothing is left behind).
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. system packages ----------------------------------------------------------

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_system_packages() {
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        if [ "$pkg" = chromium ] && [ -x "$CHROMIUM_PATH" ] && [ "$CHROMIUM_PATH" != /usr/bin/chromium ]; then
            continue # a custom browser was given and exists; no need for Debian's
        fi
        pkg_installed "$pkg" || missing+=("$pkg")
    done
    # postgresql-15 is in the image but may be absent elsewhere; look for the
    # binary rather than a package name so any major version will do.
    _vigia_pg_bindir >/dev/null || missing+=(postgresql)

    if [ "${#missing[@]}" -eq 0 ]; then
        note "all present: ${APT_PACKAGES[*]} postgresql"
        return 0
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            abort_run "missing system packages: ${missing[*]}. Not root and no sudo, so they cannot be installed; ask an administrator to run: apt-get install ${missing[*]} (or set VIGIA_SKIP_DEPS=1 to try anyway)"
        fi
    fi

    note "installing: ${missing[*]} (apt-get update + install, log in $WORK_TMP/apt.log)"
    # apt-get update only now that something must be installed. Retry a few
    # times: another apt on the machine may hold the lists lock for a while.
    local try
    for try in 1 2 3 4 5; do
        if "${sudo[@]}" apt-get update -qq >>"$WORK_TMP/apt.log" 2>&1; then
            break
        fi
        [ "$try" -lt 5 ] || { tail -n 30 "$WORK_TMP/apt.log" >&2; abort_run "apt-get update failed"; }
        sleep 10
    done
    # DPkg::Lock::Timeout waits for a concurrent dpkg instead of failing at once.
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o DPkg::Lock::Timeout=600 "${missing[@]}" >>"$WORK_TMP/apt.log" 2>&1; then
        tail -n 30 "$WORK_TMP/apt.log" >&2
        abort_run "apt-get install ${missing[*]} failed"
    fi
    _vigia_pg_bindir >/dev/null || abort_run "postgresql installed but initdb still not found under /usr/lib/postgresql/*/bin"
}

# --- 6. counting results ------------------------------------------------------------

# Prints "passed failed skipped" summed over all TRX files (0 0 0 if none).
# failed includes error/timeout/aborted outcomes. Skipped: the VSTest TRX
# logger leaves notExecuted at 0 for xunit's [Fact(Skip=...)] (seen with
# xunit 2.9.3: total=4 executed=3 passed=2 failed=1 notExecuted=0), so a skip
# shows up only as total - executed; take whichever is larger.
count_trx() {
    local files=()
    mapfile -t files < <(find "$RESULTS_DIR" -name '*.trx' -type f 2>/dev/null)
    if [ "${#files[@]}" -eq 0 ]; then
        echo "0 0 0"
        return 0
    fi
    { grep -ho '<Counters [^>]*>' "${files[@]}" || true; } | awk '
        { for (i = 1; i <= NF; i++) { split($i, a, "="); gsub(/[">\/]/, "", a[2]); v[a[1]] += a[2] } }
        END {
            skipped = v["total"] - v["executed"]
            if (v["notExecuted"] > skipped) skipped = v["notExecuted"]
            printf "%d %d %d\n", v["passed"], v["failed"] + v["error"] + v["timeout"] + v["aborted"], skipped
        }'
}

# Prints "Project: N tests in M s" per TRX file, from the run's own start and
# finish times (the projects overlap, so these do not add up to the total).
print_project_times() {
    local files=()
    mapfile -t files < <(find "$RESULTS_DIR" -name '*.trx' -type f 2>/dev/null | sort)
    [ "${#files[@]}" -gt 0 ] || return 0
    python3 - "${files[@]}" <<'PY' || true
import re, sys
from datetime import datetime
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    times = re.search(r'<Times [^>]*start="([^"]+)"[^>]*finish="([^"]+)"', text)
    storage = re.search(r'codeBase="([^"]+)"', text)
    total = re.search(r'<Counters total="(\d+)"', text)
    if not (times and storage and total):
        continue
    def parse(t):
        t = re.sub(r"(\.\d{6})\d*", r"\1", t)
        return datetime.fromisoformat(t)
    seconds = (parse(times.group(2)) - parse(times.group(1))).total_seconds()
    name = re.sub(r"\.dll$", "", storage.group(1).split("/")[-1], flags=re.I)
    print(f"    {name}: {total.group(1)} tests in {seconds:.0f} s")
PY
}

# --- main ---------------------------------------------------------------------------

main() {
    local start=$SECONDS format_failed=0 test_rc=0 passed failed skipped

    step "System packages"
    if [ "${VIGIA_SKIP_DEPS:-0}" = 1 ]; then
        note "skipped (VIGIA_SKIP_DEPS=1)"
    else
        ensure_system_packages
    fi
    [ -x "$CHROMIUM_PATH" ] || warn "CHROMIUM_PATH=$CHROMIUM_PATH is not executable; browser tests will fail"
    note "($((SECONDS - start)) s)"

    step "dotnet tool restore"
    dotnet tool restore >/dev/null || abort_run "dotnet tool restore failed"

    step "Throwaway PostgreSQL"
    pg_start || abort_run "could not start the throwaway PostgreSQL"
    note "VIGIA_TEST_POSTGRES=$VIGIA_TEST_POSTGRES"
    note "CHROMIUM_PATH=$CHROMIUM_PATH"

    step "dotnet format whitespace --verify-no-changes"
    local t=$SECONDS
    if dotnet format whitespace Vigia.slnx --verify-no-changes; then
        note "formatting OK ($((SECONDS - t)) s)"
    else
        # Counted as a failed check, but keep going so the tests still run and
        # the summary line is printed.
        format_failed=1
        warn "dotnet format found files to fix (run: dotnet format Vigia.slnx); counted as 1 failed"
    fi

    step "dotnet build -c Release"
    t=$SECONDS
    if ! dotnet build Vigia.slnx -c Release; then
        warn "build failed"
        pg_stop || true
        summary_line 0 1
        exit 1
    fi
    note "build OK ($((SECONDS - t)) s)"

    local test_tz="${VIGIA_TEST_TZ:-Asia/Tokyo}" test_lang="${VIGIA_TEST_LANG:-tr_TR.UTF-8}"
    step "dotnet test -c Release (TZ=$test_tz LANG=$test_lang)"
    t=$SECONDS
    rm -rf "$RESULTS_DIR"
    # --blame-hang-timeout: a hung test (e.g. a browser waiting forever) is
    # killed and reported instead of eating CI's 90-minute budget. The test
    # projects run side by side (the browser project, the longest, first).
    # DOTNET_CLI_UI_LANGUAGE keeps the runner's own messages in English (they
    # would follow LANG), so the log stays readable; the culture is still Turkish.
    env TZ="$test_tz" LANG="$test_lang" LC_ALL="$test_lang" DOTNET_CLI_UI_LANGUAGE=en \
        dotnet test Vigia.slnx -c Release --no-build \
        --logger trx --results-directory "$RESULTS_DIR" \
        --blame-hang-timeout 15m --blame-hang-dump-type none || test_rc=$?
    note "tests ran ($((SECONDS - t)) s, exit code $test_rc)"
    print_project_times

    read -r passed failed skipped < <(count_trx)
    failed=$((failed + format_failed))
    if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # dotnet test failed without a failing test in the TRX (crashed test
        # host, missing TRX...): still a failure.
        warn "dotnet test exited with $test_rc but no failed test was recorded; counted as 1 failed"
        failed=1
    fi
    if [ "$((passed + failed + skipped))" -eq 0 ]; then
        warn "no tests were found"
    fi

    # Stop the database before the summary so nothing prints after it.
    pg_stop >/dev/null 2>&1 || true
    printf '\n(total %d s)\n' "$((SECONDS - start))"
    summary_line "$passed" "$failed" "$skipped"
    [ "$failed" -eq 0 ]
}

main "$@"
