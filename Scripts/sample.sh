#!/usr/bin/env bash
# Renders the sample briefing and both charts into Output/, then the sample's editions in French,
# Spanish, Arabic, Chinese and Russian (Output/outcome4-fr.pdf …).
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
for language in fr es ar zh ru; do
  $folio render "$sample" --language "$language" -o "Output/outcome4-$language.pdf"
  $folio chart "$sample" --kind targets --language "$language" -o "Output/outcome4-targets-$language.png"
done
