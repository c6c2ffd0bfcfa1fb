#!/usr/bin/env bash
# Benchmarks `folio build` on a made-up project of 200 targets (50 sources × briefing, country
# briefings, chart set, deck): a full build with --jobs 1 and with --jobs 2, then the no-op build
# (whole process, median of 20 runs). Usage: Scripts/bench-build.sh [FOLDER]  (default /tmp/folio-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product folio >/dev/null
folio="$PWD/.build/release/folio"
dir="${1:-/tmp/folio-bench}"
rm -rf "$dir" && mkdir -p "$dir/data"
{
    echo "date: 2016-03-01"
    echo "sources:"
    for i in $(seq 1 50); do
        "$folio" synthesize --outcomes $((i % 3 + 1)) --indicators 3 --countries $((12 + i % 7)) -o "$dir/data/s$i.json" >/dev/null
        echo "  s$i: data/s$i.json"
    done
    cat <<'YAML'
targets:
  - briefing: "*"
  - countries: "*"
  - charts: "*"
    style: slides
    formats: [png, svg]
    scales: [1]
  - deck: "*"
    scale: 1
YAML
} > "$dir/folio.yaml"
touch -d '1 minute ago' "$dir"/data/*.json

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

one=$(seconds "$folio" build -C "$dir" --jobs 1)
rm -rf "$dir/Output"
two=$(seconds "$folio" build -C "$dir" --jobs 2)
echo "$("$folio" build -C "$dir" --dry-run --force | grep -c '^would build') targets in $dir"
printf 'full build, --jobs 1: %.2f s\n' "$one"
printf 'full build, --jobs 2: %.2f s (speed-up %.2f×)\n' "$two" "$(echo "$one / $two" | bc -l)"
times=()
for _ in $(seq 1 20); do times+=("$(seconds "$folio" build -C "$dir")"); done
printf 'no-op build, whole process: median %.0f ms over 20 runs\n' \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 10p | awk '{print $1 * 1000}')"
