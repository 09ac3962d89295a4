"""print-site's renaming of heading ids, in linear time (the print build, make pdf).

To keep ids unique on the print page, print-site (2.9) prefixes the id of every h1-h6, sup and li tag with
its page's key, finding tags with `<([^\\s]+).*?id="..."`. On a line with no space in a long run of
characters, as KaTeX's and the diagrams' markup has, that pattern backtracks over the line for every `<`:
19 of the print build's 32 seconds went there. This hook gives print-site a pattern that finds the same tags
in one pass. On every page of the site the print page is the same, byte for byte; where a tag follows
another on the same line, print-site's pattern starts at the first and skips the second, this one does not.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from site_build import print_build

# print-site's tags (lower case, as Markdown writes them) and its case-insensitive `id=`.
RENAMED_TAG = re.compile(r'<(h[1-6]|sup|li)(\s[^>]*?)?\s(?i:id)="([^"]*)"[^>]*>')


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """print-site's update_anchor_ids: `id="x"` of each h1-h6, sup and li becomes `id="{page_key}-x"`."""

    def rename(tag: re.Match) -> str:
        return tag.group().replace(tag.group(3), f"{page_key}-{tag.group(3)}")

    return RENAMED_TAG.sub(rename, page_html)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if print_build(config):
        from mkdocs_print_site_plugin import urls

        urls.update_anchor_ids = update_anchor_ids
    return config
