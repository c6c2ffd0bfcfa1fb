#!/usr/bin/env bash
# Runs the whole test suite (installing what it needs first), then the browser test of the
# front page when Chromium, chromedriver and Selenium are there (and says so when they are not).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build --product folio
swift test --disable-swift-testing "$@"
./Scripts/api-contract --folio .build/debug/folio  # the OpenAPI contract against a live server (schemathesis)
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
python3 -c "import selenium" >/dev/null 2>&1 || missing="$missing selenium"
if [ -n "$missing" ]; then
  echo "SKIPPED browser test: not installed:$missing (Scripts/setup.sh installs them)"
else
  ./Scripts/browser-test --folio .build/debug/folio
fi
