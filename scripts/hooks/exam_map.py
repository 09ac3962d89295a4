"""The exam map, generated from each page's `exam_domain` front matter.

`<!-- exam-map -->` in a page is replaced by one section per exam domain
(as configured under `extra.exam_domains` in mkdocs.yml), listing every page
that names it, in navigation order, then the pages outside the domains.
A content page without a domain, or with one that is not configured, is a
warning, so the strict build fails and names it.
"""

from __future__ import annotations

import logging
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

log = logging.getLogger("mkdocs.hooks.exam_map")

MARKER = "<!-- exam-map -->"
# Pages about the site rather than about ML on AWS need no domain.
NO_DOMAIN_NEEDED = ("index.md", "resources/")

_pages: list[tuple[str, str, str | None]] = []  # (src_uri, title, domain) in nav order


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    domains = config.extra.get("exam_domains", {})
    _pages.clear()
    for page in nav.pages:
        meta = get_data(page.file.content_string)[1]
        domain = meta.get("exam_domain")
        title = meta.get("title") or page.title or page.file.src_uri
        if domain is None and not page.file.src_uri.startswith(NO_DOMAIN_NEEDED):
            log.warning("Doc file '%s' has no 'exam_domain' in its front matter (one of: %s).",
                        page.file.src_uri, ", ".join(domains))
        elif domain is not None and domain not in domains:
            log.warning("Doc file '%s' has exam_domain '%s', which is not under extra.exam_domains in mkdocs.yml.",
                        page.file.src_uri, domain)
        _pages.append((page.file.src_uri, title, domain))
    return nav


def render_map(current: Page, config: MkDocsConfig) -> str:
    here = posixpath.dirname(current.file.src_uri)

    def link(src_uri: str, title: str) -> str:
        return f"- [{title}]({posixpath.relpath(src_uri, here or '.')})"

    lines: list[str] = []
    for key, domain in config.extra.get("exam_domains", {}).items():
        pages = [(src, title) for src, title, page_domain in _pages if page_domain == key]
        lines += [f"## {domain['title']} ({domain['weight']}%) {{#{key}}}", "",
                  f"{len(pages)} pages.", ""]
        lines += [link(src, title) for src, title in pages] + [""]
    others = [(src, title) for src, title, domain in _pages if domain is None and src != current.file.src_uri]
    lines += ["## Around the exam {#around-the-exam}", "", "Pages about the site and how to study.", ""]
    lines += [link(src, title) for src, title in others] + [""]
    return "\n".join(lines)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER in markdown:
        # A generated listing: out of the search index (scripts/hooks/search_index.py), like the backlinks.
        markdown = markdown.replace(MARKER, f'<div markdown="1" data-search-exclude>\n\n{render_map(page, config)}\n\n</div>')
    return markdown
