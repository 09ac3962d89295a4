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

# A JavaScript expression: a promise for the end of the page's rendering (overrides/assets/javascripts/
# lazy-renderers.js), rejected after 30 s so that a renderer that never runs fails with a reason
# instead of hanging the caller (Playwright's evaluate has no time-out of its own).
RENDERERS_SETTLED = (
    "Promise.race([window.renderersSettled, new Promise((_, reject) => setTimeout(() => reject(new Error("
    "'window.renderersSettled did not settle within 30 s: the diagram and maths renderer never ran on ' "
    "+ location.href)), 30000))])"
)
