"""The sections a page ends with when its kind asks for them (scripts/page_kinds.py), rendered from the
link graph (scripts/site_graph.py) and appended to the page as Markdown, so that they are validated and
printed:

- "Referenced by": the pages that link to it, one line each naming the sections the links sit in,
  folded after BACKLINKS_SHOWN pages;
- "Related by tags": pages sharing its tags that it does not already link to.

Generated sections do not count as links: the graph is what authors wrote. They are wrapped in
`data-search-exclude`, so they stay out of the search index (scripts/hooks/search_index.py): they name
other pages' subjects.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from site_graph import Graph, for_nav, out_of_search, render_backlinks, render_related

_graph: Graph | None = None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _graph
    _graph = for_nav(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    info = _graph.pages.get(page.file.src_uri) if _graph else None
    if info is None or not info.kind.generated_sections:
        return markdown
    generated = render_backlinks(_graph, info.src_uri) + render_related(_graph, info.src_uri)
    return markdown.rstrip("\n") + "\n" + (out_of_search(generated) if generated else "")
