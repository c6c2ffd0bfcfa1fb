#!/usr/bin/env bash
# Installs the Debian packages Folio needs, only those missing, so a warm machine pays nothing.
set -euo pipefail
# fonts-droid-fallback draws Chinese (and other scripts the bundled Noto fonts lack) through fontconfig;
# libhyphen-dev and the hyphen-* dictionaries hyphenate en, fr, es and ru; iso-codes feeds
# Scripts/make-country-table; librsvg2-2 draws SVG logos as vectors (loaded on first use); libreoffice-impress renders
# the decks' native charts to PDF in the tests (about 250 MB installed without recommends, a minute
# or two to install); libdeflate-dev compresses PNGs; pngcheck checks them in the tests; libssl-dev's
# libcrypto gives SHA-256 (fingerprints, ETags).
packages=(pkg-config libcairo2-dev libpango1.0-dev zlib1g-dev poppler-utils qpdf fonts-droid-fallback libxml2-utils
          libhyphen-dev hyphen-en-us hyphen-fr hyphen-es hyphen-ru iso-codes unzip librsvg2-2 libreoffice-impress
          libdeflate-dev pngcheck libssl-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# python-pptx reads the decks back in the tests, openpyxl the workbooks (PyPI).
for module in pptx:python-pptx openpyxl:openpyxl; do
  if ! python3 -c "import ${module%%:*}" >/dev/null 2>&1; then
    echo "setup: installing ${module#*:}" >&2
    python3 -m pip install --quiet "${module#*:}" >/dev/null 2>&1 \
      || python3 -m pip install --quiet --break-system-packages "${module#*:}" >/dev/null 2>&1 \
      || echo "setup: could not install ${module#*:}" >&2
  fi
done
# The browser test (Scripts/browser-test): Debian's Chromium and chromedriver, Selenium from PyPI.
# Optional: without them the suite still runs and says the browser test was skipped.
browser_missing=()
for p in chromium chromium-driver; do
  dpkg -s "$p" >/dev/null 2>&1 || browser_missing+=("$p")
done
if [ ${#browser_missing[@]} -gt 0 ]; then
  echo "setup: installing ${browser_missing[*]} (for the browser test)" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${browser_missing[@]}" >/dev/null; } || echo "setup: could not install ${browser_missing[*]}" >&2
fi
if ! python3 -c "import selenium" >/dev/null 2>&1; then
  echo "setup: installing selenium (for the browser test)" >&2
  python3 -m pip install --quiet selenium >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages selenium >/dev/null 2>&1 \
    || echo "setup: could not install selenium" >&2
fi
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
command -v swift >/dev/null || { echo "setup: Swift 6 is needed (swift not on PATH)" >&2; exit 1; }
