"""The headless Chromium that the checks, the PDF and the benchmarks drive (through Playwright)."""

from __future__ import annotations

import shutil


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium not found: run `make browser` (scripts/ensure-chromium.sh) to install it")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
