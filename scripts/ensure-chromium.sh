#!/usr/bin/env bash
# Make sure a Chromium the browser checks and the PDF can drive is installed.
# Prints its path. Installs Debian's `chromium` package where none is found.
set -euo pipefail

find_browser() {
  for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && { command -v "$candidate"; return 0; }
  done
  return 1
}

if find_browser; then exit 0; fi

echo "No Chromium found; installing Debian's chromium package..." >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "error: Chromium is missing and this user can neither install packages (not root) nor use sudo." >&2
  echo "       Install it yourself (apt-get install chromium) or set CHROMIUM=/path/to/chrome." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Chromium is missing and apt-get is not available to install it." >&2
  echo "       Install Chromium or Chrome with your package manager, or set CHROMIUM=/path/to/chrome." >&2
  exit 1
fi
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2 || {
  echo "error: 'apt-get install chromium' failed; the browser checks and the PDF need Chromium." >&2
  exit 1
}
find_browser || { echo "error: chromium installed but not found on PATH." >&2; exit 1; }
