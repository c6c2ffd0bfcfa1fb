#!/usr/bin/env bash
# Runs the whole test suite (installing what it needs first).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build --product folio
swift test --disable-swift-testing "$@"
