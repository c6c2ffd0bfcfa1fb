#!/usr/bin/env bash
# Renders the sample briefing and both charts into Output/, then the sample's editions in French,
# Spanish, Arabic, Chinese and Russian (Output/outcome4-fr.pdf …), the sample tracked over time, and
# the sample in the brand style of Assets/samples/brand.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build -c release --static-swift-stdlib --product folio
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
# The made-up report tracked over three biennia: its briefing (English and Arabic) and progress chart.
over_time=Assets/samples/results-over-time.yaml
$folio check "$over_time"
$folio render "$over_time" -o Output/results-over-time.pdf
$folio render "$over_time" --language ar -o Output/results-over-time-ar.pdf
$folio chart "$over_time" --kind progress -o Output/results-over-time-progress.png
# The made-up organisation's look (Assets/samples/brand): SVG logo in English and Arabic, PNG logo.
brand=Assets/samples/brand
$folio render "$sample" --style "$brand/brand.yaml" -o Output/brand.pdf
$folio render "$sample" --style "$brand/brand.yaml" --language ar -o Output/brand-ar.pdf
$folio render "$sample" --style "$brand/brand-png.yaml" -o Output/brand-png.pdf
