"""Page metadata derived from the content, so that it is written once.

Every topic page opens with a one-line summary under its title (see
CONTRIBUTING.md). That sentence becomes the page's meta description, which
search engines and link previews show, unless the front matter sets one.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


def summary_of(page_html: str) -> str | None:
    match = FIRST_PARAGRAPH.search(page_html)
    if not match:
        return None
    text = html.unescape(TAG.sub("", match.group(1)))
    return " ".join(text.split()) or None


# Before maths.py (50) typesets the formulas: the description keeps their TeX.
@event_priority(100)
def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files) -> str:
    if not page.meta.get("description"):
        summary = summary_of(page_html)
        if summary:
            page.meta["description"] = summary
    return page_html
