#!/usr/bin/env bash
# `npm run edition [-- build options]`: set up what the build needs (Ghostscript only with --press-ready),
# then build the edition with the given options.
set -euo pipefail
cd "$(dirname "$0")/.."
press=
for arg in "$@"; do [ "$arg" = --press-ready ] && press=press; done
bash scripts/setup.sh edition $press
exec node bin/zhuanban.mjs build "$@"
