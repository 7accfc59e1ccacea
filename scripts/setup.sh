#!/usr/bin/env bash
# Set-up for `npm run edition` and `npm test`: installs only what is missing, so a second
# run is quick. Debian packages: chromium (the browser puppeteer drives; nothing downloads a
# browser), poppler-utils (pdffonts/pdftotext/pdftoppm for checks), ghostscript (PDF/X),
# fonts-noto-cjk (only to build the deliberately bad Type 3 PDF in the preflight tests).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'zhuanban setup: %s\n' "$*" >&2; }

# 1. npm dependencies (install scripts are not needed: esbuild ships its binary as a package).
if [ ! -d node_modules/puppeteer ] || [ ! -d node_modules/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 2. Debian packages, each checked by the command it provides.
missing=()
[ -n "${ZHUANBAN_CHROMIUM:-}" ] && [ -x "${ZHUANBAN_CHROMIUM}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
      say "missing Debian packages: ${missing[*]}"
      say "run as root: apt-get update && apt-get install -y ${missing[*]}  (or set ZHUANBAN_CHROMIUM to a Chromium binary)"
      exit 1
    fi
  else SUDO=; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing ${missing[*]} and no apt-get on this machine; install them with your package manager"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2 || { say "apt-get update failed (no network to Debian's mirrors?)"; exit 1; }
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || { say "apt-get install ${missing[*]} failed"; exit 1; }
fi
