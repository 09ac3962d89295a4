"""Links inside Mermaid diagrams, written like Markdown links.

In a diagram, `click Node "../sagemaker/training.md" "Training jobs"` names the
Markdown file, relative to the page, as ordinary links do. MkDocs never sees
these links (they live in the diagram's source), so this hook resolves each
one to the target page's URL for the current build (directory URLs on the
hosted site, .html files in the offline bundle) and fails the strict build
when the file does not exist.
"""

from __future__ import annotations

import logging
import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.diagram_links")

MERMAID_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*mermaid\b.*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)
CLICK_LINK = re.compile(r'^(?P<head>\s*click\s+\S+\s+(?:href\s+)?")(?P<target>[^"#]+\.md)(?P<anchor>#[^"]*)?(?P<tail>".*)$', re.M)


def resolve(target: str, page: Page, files: Files) -> str | None:
    src_dir = posixpath.dirname(page.file.src_uri)
    target_file = files.get_file_from_path(posixpath.normpath(posixpath.join(src_dir, target)))
    if target_file is None or not target_file.is_documentation_page():
        return None
    return target_file.url_relative_to(page.file)


def print_build(config: MkDocsConfig) -> bool:
    print_site = config.plugins.get("print-site")
    return bool(print_site and print_site.config.get("enabled"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The PDF's print page joins every page into one document, where a link relative to the
    # original page leads nowhere: there the diagrams are drawings and the text carries the links.
    drop_links = print_build(config)

    def rewrite_click(match: re.Match) -> str:
        url = resolve(match["target"], page, files)
        if url is None:
            log.warning(
                "Doc file '%s' has a diagram link to '%s', which is not found among documentation files.",
                page.file.src_uri,
                match["target"],
            )
            return match.group(0)
        if drop_links:
            return ""
        return f'{match["head"]}{url}{match["anchor"] or ""}{match["tail"]}'

    return MERMAID_FENCE.sub(lambda fence: CLICK_LINK.sub(rewrite_click, fence.group(0)), markdown)
