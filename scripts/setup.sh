#!/usr/bin/env bash
# Set-up for `npm run edition` and `npm test`; installs only what is missing, so a second run is quick.
#   bash scripts/setup.sh edition         what a build needs: npm packages and a browser
#   bash scripts/setup.sh edition press   … plus Ghostscript (for --press-ready)
#   bash scripts/setup.sh test            … plus the test-only tools: poppler-utils (pdffonts, pdftotext,
#                                         pdftoppm), Ghostscript and the Noto CJK system fonts (the preflight
#                                         tests build a deliberately bad Type 3 PDF with them)
# With apt-get (Debian/Ubuntu) it installs what is missing; elsewhere it prints the exact commands for
# Homebrew (macOS), dnf (Fedora) or pacman (Arch) and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'zhuanban setup: %s\n' "$*" >&2; }
purpose="${1:-edition}"
press="${2:-}"

# 1. npm dependencies (install scripts are not needed: esbuild ships its binary as a package).
if [ ! -d node_modules/puppeteer ] || [ ! -d node_modules/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  PUPPETEER_SKIP_DOWNLOAD="${PUPPETEER_SKIP_DOWNLOAD:-1}" npm ci --no-audit --no-fund --loglevel=error
fi

# 2. A browser, looked for in the order the build uses: ZHUANBAN_CHROMIUM / PUPPETEER_EXECUTABLE_PATH,
#    a system Chromium or Chrome, puppeteer's own chrome-headless-shell.
have_browser() {
  for v in "${ZHUANBAN_CHROMIUM:-}" "${PUPPETEER_EXECUTABLE_PATH:-}"; do [ -n "$v" ] && [ -x "$v" ] && return 0; done
  for c in chromium chromium-browser google-chrome google-chrome-stable chrome; do command -v "$c" >/dev/null 2>&1 && return 0; done
  for p in /usr/lib/chromium/chromium /opt/google/chrome/chrome /snap/bin/chromium \
    "/Applications/Chromium.app/Contents/MacOS/Chromium" "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
    [ -x "$p" ] && return 0
  done
  compgen -G "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}/chrome-headless-shell/*/*/chrome-headless-shell*" >/dev/null 2>&1
}
have_cjk_fonts() {
  [ -d /usr/share/fonts/opentype/noto ] && return 0
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'
}

# Each missing tool by its role; the package names per package manager follow.
missing=()
have_browser || missing+=(browser)
if [ "$purpose" = test ] || [ "$press" = press ]; then command -v gs >/dev/null 2>&1 || missing+=(ghostscript); fi
if [ "$purpose" = test ]; then
  command -v pdffonts >/dev/null 2>&1 || missing+=(poppler)
  have_cjk_fonts || missing+=(cjk-fonts)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

# role → package name for one package manager
pkg() {
  case "$1:$2" in
    apt:browser) echo chromium ;; apt:ghostscript) echo ghostscript ;; apt:poppler) echo poppler-utils ;; apt:cjk-fonts) echo fonts-noto-cjk ;;
    brew:browser) echo '--cask chromium' ;; brew:ghostscript) echo ghostscript ;; brew:poppler) echo poppler ;; brew:cjk-fonts) echo '--cask font-noto-sans-cjk' ;;
    dnf:browser) echo chromium ;; dnf:ghostscript) echo ghostscript ;; dnf:poppler) echo poppler-utils ;; dnf:cjk-fonts) echo google-noto-sans-cjk-fonts ;;
    pacman:browser) echo chromium ;; pacman:ghostscript) echo ghostscript ;; pacman:poppler) echo poppler ;; pacman:cjk-fonts) echo noto-fonts-cjk ;;
  esac
}
names() { local out=(); for m in "${missing[@]}"; do out+=("$(pkg "$1" "$m")"); done; echo "${out[*]}"; }

print_commands() {
  say "missing: ${missing[*]}. Install them with one of:"
  local brew_lines=()
  for m in "${missing[@]}"; do brew_lines+=("brew install $(pkg brew "$m")"); done
  say "  macOS (Homebrew):  $(IFS=';'; echo "${brew_lines[*]}" | sed 's/;/ \&\& /g')"
  say "  Fedora (dnf):      sudo dnf install -y $(names dnf)"
  say "  Arch (pacman):     sudo pacman -S --needed $(names pacman)"
  say "  Debian/Ubuntu:     sudo apt-get install -y $(names apt)"
  if [[ " ${missing[*]} " == *" browser "* ]]; then
    say "  a browser can also be named (ZHUANBAN_CHROMIUM=/path/to/chrome) or fetched by puppeteer:"
    say "    npx puppeteer browsers install chrome-headless-shell"
  fi
}

if ! command -v apt-get >/dev/null 2>&1; then print_commands; exit 1; fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else print_commands; exit 1; fi
else SUDO=; fi
packages=$(names apt)
say "installing Debian packages: $packages"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$SUDO apt-get update -qq >&2 || { say "apt-get update failed (no network to the mirrors?)"; print_commands; exit 1; }
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $packages >&2 || { say "apt-get install $packages failed"; print_commands; exit 1; }
