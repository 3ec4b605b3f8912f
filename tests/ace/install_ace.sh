#!/usr/bin/env bash
# Installs Ace by DAISY (the EPUB accessibility checker the suite runs) into BUILD_DIR/ace, from
# the npm registry, unless that version is there already. Puppeteer's own browser download is
# skipped: Ace drives Debian's chromium (the README's set-up installs it).
# Usage: tests/ace/install_ace.sh BUILD_DIR
set -euo pipefail
version=1.4.6
dir="$1/ace"
installed="$dir/node_modules/@daisy/ace-cli/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$version\"" "$installed"; then
  exit 0
fi
mkdir -p "$dir"
PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$dir" --no-audit --no-fund --no-save \
  "@daisy/ace-cli@$version"
