#!/usr/bin/env bash
# Runs the whole test suite (installing what it needs first), then the browser test of the
# front page when Chromium, chromedriver and Selenium are there (and says so when they are not).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
# Each step's time, so a slow CI run shows which step grew.
step() { echo "== $1 (at ${SECONDS}s)"; }
step "build"
# One build of everything, tests and the folio binary they run, with the flags `swift test` uses:
# `swift build --product folio` first would compile every module twice (testing off, then on).
swift build --build-tests

# The ThreadSanitizer build (below) compiles everything again in its own scratch folder; it starts now,
# beside the tests, which spend much of their time waiting on the programs they check (LibreOffice,
# python-pptx, poppler, a live server), so the two together take less time than one after the other.
tsan_build_log=$(mktemp)
tsan_build_pid=""
# A failing step stops the script: the build in the background stops with it.
trap 'if [ -n "$tsan_build_pid" ]; then pkill -TERM -P "$tsan_build_pid" 2>/dev/null; kill "$tsan_build_pid" 2>/dev/null; fi; rm -f "$tsan_build_log"' EXIT
if [ -z "${FOLIO_SKIP_TSAN:-}" ]; then
  nice -n 5 swift build --build-tests --sanitize=thread --scratch-path .build-tsan >"$tsan_build_log" 2>&1 &
  tsan_build_pid=$!
fi
step "tests"
swift test --skip-build --disable-swift-testing "$@"
step "API contract"
./Scripts/api-contract --folio .build/debug/folio  # the OpenAPI contract against a live server (schemathesis)

# ThreadSanitizer over the tests where threads meet: the service, the builds (in process, and the
# folio binary they start, watch included), parallel renders. Its own scratch folder, so the plain
# build above stays as it is. Reports go to files (a child process's stderr is the test's to read)
# and fail the run; Scripts/tsan.supp names the only races let through: inside glib, fontconfig,
# HarfBuzz, Pango and Cairo, each with its reason. FOLIO_SKIP_TSAN=1 skips it, and says so.
if [ -n "${FOLIO_SKIP_TSAN:-}" ]; then
  echo "SKIPPED ThreadSanitizer run (FOLIO_SKIP_TSAN is set)"
else
  tsan_reports=$(mktemp -d)
  tsan_filter='FolioServiceTests|FolioBuildTests|Threads|Concurren|Parallel'
  # The kill test checks whole files after SIGKILL, not threads, and takes two minutes under TSan.
  tsan_skip='testKillingABuildMidwayLeavesOnlyWholeFiles'
  build_status=0
  step "waiting for the ThreadSanitizer build"
  wait "$tsan_build_pid" || build_status=$?
  tsan_build_pid=""
  if [ "$build_status" -ne 0 ]; then
    cat "$tsan_build_log" >&2
    echo "ThreadSanitizer build failed" >&2
    exit 1
  fi
  step "ThreadSanitizer tests"
  status=0
  FOLIO_BINARY="$PWD/.build-tsan/debug/folio" \
  TSAN_OPTIONS="suppressions=$PWD/Scripts/tsan.supp log_path=$tsan_reports/report halt_on_error=0 history_size=4" \
    swift test --skip-build --sanitize=thread --scratch-path .build-tsan --disable-swift-testing --filter "$tsan_filter" --skip "$tsan_skip" \
    || status=$?
  if compgen -G "$tsan_reports/report.*" >/dev/null; then
    cat "$tsan_reports"/report.*
    echo "ThreadSanitizer: $(cat "$tsan_reports"/report.* | grep -c '^WARNING: ThreadSanitizer') report(s) above" >&2
    status=1
  fi
  rm -rf "$tsan_reports"
  [ "$status" -eq 0 ] || { echo "ThreadSanitizer run failed" >&2; exit "$status"; }
  echo "ThreadSanitizer: no race reported"
fi
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
python3 -c "import selenium" >/dev/null 2>&1 || missing="$missing selenium"
if [ -n "$missing" ]; then
  echo "SKIPPED browser test: not installed:$missing (Scripts/setup.sh installs them)"
else
  step "browser test"
  ./Scripts/browser-test --folio .build/debug/folio
fi
step "done"
