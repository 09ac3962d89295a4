"""make pdf: the whole site as one PDF, dist/aws-ml-notes.pdf.

The site is built a second time with the print-site plugin enabled (so plain
builds stay fast), served on 127.0.0.1, and its print page is printed by
headless Chromium (diagrams and formulas arrive drawn at build time): in the light
scheme, with a cover, contents, bookmarks from the headings, page numbers
(CSS @page rules in overrides/assets/stylesheets/extra.css),
and links that work inside the document.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from site_build import strict_build  # noqa: E402
from site_server import serve  # noqa: E402
from browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

PDF = ROOT / "dist" / "aws-ml-notes.pdf"
PRINT_SITE = ROOT / ".cache" / "print-site"
# The print page holds every page, its diagrams and formulas drawn at build time; a busy CI machine is
# slow to lay it out, so the limit is generous.
PRINT_PAGE_TIMEOUT_S = 300

PREPARE_JS = """
async () => {
  // Collapsed self-check answers are printed open.
  document.querySelectorAll("details").forEach((details) => { details.open = true; });
  await document.fonts.ready;
  const diagrams = document.querySelectorAll("div.mermaid");
  const rendered = document.querySelectorAll("div.mermaid > svg:not([aria-roledescription=error])");
  return { diagrams: diagrams.length, rendered: rendered.length };
}
"""


def git_version() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def build_print_site(site_dir: Path = PRINT_SITE) -> None:
    shutil.rmtree(site_dir, ignore_errors=True)
    env = {
        **os.environ,
        "SITE_PRINT": "true",
        "SITE_BUILD_DATE": datetime.date.today().isoformat(),
        "SITE_BUILD_VERSION": git_version(),
        "NO_MKDOCS_2_WARNING": "1",
    }
    strict_build(site_dir, env)


def print_pdf(target: Path, site_dir: Path = PRINT_SITE) -> dict:
    from playwright.sync_api import sync_playwright

    target.parent.mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme="light")
        page = context.new_page()
        page.goto(base_url + "print_page/", wait_until="load", timeout=PRINT_PAGE_TIMEOUT_S * 1000)
        state = page.evaluate(PREPARE_JS)
        if state["rendered"] != state["diagrams"]:
            raise SystemExit(f"build_pdf: only {state['rendered']} of {state['diagrams']} diagrams rendered")
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            outline=True,
            tagged=True,
            prefer_css_page_size=True,  # size, margins and page numbers: @page in extra.css
        )
        browser.close()
    return state


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=PDF, help=f"the PDF to write (default: {PDF.relative_to(ROOT)})")
    parser.add_argument("--site-dir", type=Path, default=PRINT_SITE, help="where to build the print site")
    args = parser.parse_args()
    started = time.perf_counter()
    build_print_site(args.site_dir)
    built = time.perf_counter()
    state = print_pdf(args.output, args.site_dir)
    done = time.perf_counter()
    size = args.output.stat().st_size / 1e6
    print(f"{args.output}: {size:.1f} MB, {state['diagrams']} diagrams; "
          f"build {built - started:.1f} s, print {done - built:.1f} s, total {done - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
