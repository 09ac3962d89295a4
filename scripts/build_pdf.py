"""make pdf: the whole site as one PDF, dist/aws-ml-notes.pdf.

The site is built a second time from mkdocs-print.yml, with the print-site plugin (so plain
builds stay fast), served on 127.0.0.1, and its print page is printed by
headless Chromium (diagrams and formulas arrive drawn at build time): in the light
scheme, with a cover, contents with page numbers, bookmarks from the headings, page
numbers (CSS @page rules in overrides/assets/stylesheets/extra.css), the self-check
answers gathered in an answer key at the end, and links that work inside the document.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
import time
from pathlib import Path

from browser import launch_options
from site_build import ROOT, strict_build
from site_server import serve

PDF = ROOT / "dist" / "aws-ml-notes.pdf"
PRINT_SITE = ROOT / ".cache" / "print-site"
# The print page holds every page, its diagrams and formulas drawn at build time; a busy CI machine is
# slow to lay it out, so the limit is generous.
PRINT_PAGE_TIMEOUT_S = 300

PREPARE_JS = """
async () => {
  const book = document.getElementById("print-site-page");
  // Self-check answers go to an answer key at the end: each question keeps a link to its answer, and each
  // answer links back. The answers are numbered through the whole document.
  const key = document.createElement("section");
  key.className = "print-page answer-key";
  key.id = "answer-key";
  key.innerHTML = '<h1 id="answer-key-title">Answer key</h1>';
  let chapter = null;
  document.querySelectorAll("#print-site-page details.question").forEach((details, index) => {
    const n = index + 1;
    const page = details.closest("section.print-page");
    const pageHeading = page && page.querySelector("h1");
    if (pageHeading && page !== chapter) {
      chapter = page;
      const heading = document.createElement("h2");
      heading.id = "answer-key-" + page.id;
      heading.innerHTML = '<a href="#' + pageHeading.id + '">' + pageHeading.textContent.replace(/\u00b6$/, "") + "</a>";
      key.append(heading);
    }
    const summary = details.querySelector(":scope > summary");
    const question = document.createElement("div");
    question.className = "admonition question self-check";
    question.id = "question-" + n;
    question.innerHTML = '<p class="admonition-title">' + n + ". " + summary.innerHTML + "</p>" +
      '<p class="self-check__answer-link"><a href="#answer-' + n + '">Answer ' + n + "</a> in the answer key</p>";
    const answer = document.createElement("div");
    answer.className = "answer-key__answer";
    answer.id = "answer-" + n;
    summary.remove();
    answer.innerHTML = '<p class="answer-key__question"><a href="#question-' + n + '">' + n + ".</a> " +
      summary.innerHTML + "</p>" + details.innerHTML;
    key.append(answer);
    details.replaceWith(question);
  });
  if (chapter) {
    book.append(key);
    const entry = document.createElement("li");
    entry.className = "md-nav__item";
    entry.innerHTML = '<a class="md-nav__link" href="#answer-key-title"><span class="md-ellipsis">Answer key</span></a>';
    document.querySelector("#print-page-toc nav > ul").append(entry);
  }
  // Each entry of the contents gets a box for its page number, filled in after a first printing.
  document.querySelectorAll("#print-page-toc a.md-nav__link").forEach((link) => {
    const number = document.createElement("span");
    number.className = "toc-page-number";
    link.append(number);
  });
  await document.fonts.ready;
  const diagrams = document.querySelectorAll("div.mermaid");
  const rendered = document.querySelectorAll("div.mermaid > svg:not([aria-roledescription=error])");
  return { diagrams: diagrams.length, rendered: rendered.length, answers: key.querySelectorAll(".answer-key__answer").length };
}
"""

# The contents' links, in order, with the element each leads to (shown ones only: deeper levels are hidden).
TOC_TARGETS_JS = """
() => [...document.querySelectorAll("#print-page-toc a.md-nav__link")]
  .filter((link) => link.offsetParent !== null)
  .map((link) => decodeURIComponent(new URL(link.href).hash.slice(1)))
"""

# For the first printing, which only places the pages: everything but the headings (the contents' targets)
# hidden. Hidden boxes keep their size, so every page break falls where it falls in the real printing, and
# nothing is painted (the diagrams): that printing takes half the time.
PLACING_ONLY_JS = """
(hide) => {
  if (hide) {
    const style = document.createElement("style");
    style.id = "placing-only";
    style.textContent = "body * { visibility: hidden !important } " +
      ":is(h1, h2, h3, h4, h5, h6), :is(h1, h2, h3, h4, h5, h6) * { visibility: visible !important }";
    document.head.append(style);
  } else {
    document.getElementById("placing-only").remove();
  }
}
"""

FILL_TOC_JS = """
(numbers) => {
  const links = [...document.querySelectorAll("#print-page-toc a.md-nav__link")].filter((l) => l.offsetParent !== null);
  links.forEach((link, index) => { link.querySelector(".toc-page-number").textContent = numbers[index]; });
}
"""


def target_pages(pdf: Path, targets: list[str]) -> list[int]:
    """The page (from 1) each link of the contents leads to: Chromium writes each internal link as a named
    destination, "/" and the target element's id."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    destinations = {name.lstrip("/"): destination for name, destination in reader.named_destinations.items()}
    if not targets:
        raise SystemExit("build_pdf: the contents have no entries to number")
    missing = [target for target in targets if target not in destinations]
    if missing:
        raise SystemExit(f"build_pdf: the PDF has no destination for these contents entries: {missing[:10]}")
    return [reader.get_destination_page_number(destinations[target]) + 1 for target in targets]


def git_version() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def build_print_site(site_dir: Path = PRINT_SITE) -> None:
    shutil.rmtree(site_dir, ignore_errors=True)
    env = {"SITE_BUILD_DATE": datetime.date.today().isoformat(), "SITE_BUILD_VERSION": git_version()}
    strict_build(site_dir, env, variant="print")


# The viewport: A4's text width (210 mm less 2 x 14 mm margins, extra.css), so that what the page measures on
# screen is what paper gets (printing lays the page out at the paper's size whatever the viewport).
A4_TEXT_WIDTH_PX = round((210 - 2 * 14) / 25.4 * 96)


def print_pdf(target: Path, site_dir: Path = PRINT_SITE, inspect=None) -> dict:
    """Print the print page to `target`; inspect(page), if given, sees the page as it is printed."""
    from playwright.sync_api import sync_playwright

    target.parent.mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context(color_scheme="light", viewport={"width": A4_TEXT_WIDTH_PX, "height": 1000})
        page = context.new_page()
        page.emulate_media(media="print")  # the contents are shown in print only: the scripts below measure them
        page.goto(base_url + "print_page/", wait_until="load", timeout=PRINT_PAGE_TIMEOUT_S * 1000)
        state = page.evaluate(PREPARE_JS)
        if state["rendered"] != state["diagrams"]:
            raise SystemExit(f"build_pdf: only {state['rendered']} of {state['diagrams']} diagrams rendered")
        if inspect is not None:
            inspect(page)
        options = dict(
            path=str(target),
            format="A4",
            print_background=True,
            outline=True,
            tagged=True,
            prefer_css_page_size=True,  # size, margins and page numbers: @page in extra.css
        )
        # Chromium cannot number the contents itself: print once, read where each entry landed, fill in the
        # numbers (their boxes have a fixed width, so nothing moves) and print again. The first printing only
        # places the pages: without tags and bookmarks, which change no page break, and with nothing but the
        # headings shown (PLACING_ONLY_JS), it takes 20 s where the real one takes 47 s.
        # tests/test_artifacts.py checks each printed number against the page its entry leads to.
        page.evaluate(PLACING_ONLY_JS, True)
        page.pdf(**{**options, "outline": False, "tagged": False})
        page.evaluate(PLACING_ONLY_JS, False)
        page.evaluate(FILL_TOC_JS, target_pages(target, page.evaluate(TOC_TARGETS_JS)))
        page.pdf(**options)
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
    print(
        f"{args.output}: {size:.1f} MB, {state['diagrams']} diagrams; "
        f"build {built - started:.1f} s, print {done - built:.1f} s, total {done - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
