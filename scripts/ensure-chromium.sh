#!/usr/bin/env bash
# Make sure a Chromium the browser checks and the PDF can drive is installed. Prints its path.
# Installs Debian's `chromium` package where none is found, and `chromium-headless-shell`, which
# Playwright drives where it is present (scripts/browser.py): the same Blink at half the processor time.
set -euo pipefail

find_browser() {
  for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && { command -v "$candidate"; return 0; }
  done
  return 1
}

# apt-get install PACKAGES...: fails where this user cannot install packages.
install_packages() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: not root and no sudo to install $*." >&2; return 1; }
    sudo="sudo"
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "error: apt-get is not available to install $*." >&2; return 1; }
  echo "Installing Debian's $*..." >&2
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

if ! find_browser >/dev/null; then
  install_packages chromium chromium-headless-shell || install_packages chromium || {
    echo "error: the browser checks and the PDF need Chromium: install it (apt-get install chromium)" >&2
    echo "       or set CHROMIUM=/path/to/chrome." >&2
    exit 1
  }
elif ! command -v chromium-headless-shell >/dev/null 2>&1; then
  # Optional: without it, the browser itself is driven, more slowly.
  install_packages chromium-headless-shell || echo "warning: chromium-headless-shell not installed" >&2
fi
find_browser || { echo "error: chromium installed but not found on PATH." >&2; exit 1; }
