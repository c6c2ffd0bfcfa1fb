#!/usr/bin/env bash
# Renders the sample briefing and both charts into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build -c release --product folio
folio=.build/release/folio
sample=Assets/samples/outcome4.yaml
$folio check "$sample"
$folio render "$sample" -o Output/outcome4.pdf
$folio chart "$sample" --kind targets -o Output/outcome4-targets.png
$folio chart "$sample" --kind regions -o Output/outcome4-regions.png
