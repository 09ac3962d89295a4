"""What a page declares, checked before anything is generated, and metadata derived from its content.

- The front matter: a key nothing reads (a misspelt `exam_domian`) or an unknown `kind` fails the strict
  build, naming the file (scripts/page_kinds.py).
- The markers (scripts/page_markers.py): an unknown `<!-- generate: ... -->`, a bad argument, or a comment
  that looks like a marker but is not written as one fails the strict build, naming the file.
- Every topic page opens with a one-line summary under its title (see CONTRIBUTING.md). That sentence
  becomes the page's meta description, which search engines and link previews show, unless the front
  matter sets one.
"""

from __future__ import annotations

import html
import logging
import re

import page_kinds
import page_markers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.page_metadata")

FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


def summary_of(page_html: str) -> str | None:
    match = FIRST_PARAGRAPH.search(page_html)
    if not match:
        return None
    text = html.unescape(TAG.sub("", match.group(1)))
    return " ".join(text.split()) or None


# Before every other hook's on_page_markdown (0): what they generate is not checked here.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    for problem in page_kinds.problems(page.meta) + page_markers.problems(markdown):
        log.warning("Doc file '%s' %s.", page.file.src_uri, problem)
    return markdown


# Before maths.py (50) typesets the formulas: the description keeps their TeX.
@event_priority(100)
def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files) -> str:
    if not page.meta.get("description"):
        summary = summary_of(page_html)
        if summary:
            # Material writes it into an attribute as it is: a quotation mark would end the description.
            page.meta["description"] = html.escape(summary, quote=True)
    return page_html
