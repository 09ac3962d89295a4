"""The site's link graph: what every page links to, in which section, and what is listed from it.

Read from the Markdown sources of the pages in the navigation, before any page is rendered: authored
links (Markdown links and diagram `click` links to other pages, with the section each sits in), headings,
tags, the page kind, diagram titles and "Exam tip" / "Correction" boxes. The hooks that generate sections
and listings from it (backlinks.py, glossary.py, site_listings.py, exam_map.py) share one graph a build:
for_nav() builds it on the first call.

Built in time linear in the links: inbound links and the pages of each tag are indexed once, not searched
for each page.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from markdown_source import (
    ACC_TITLE,
    ADMONITION,
    CLICK_LINK,
    FENCE,
    LINK,
    Line,
    admonition_body,
    front_matter,
    is_diagram,
    link_path,
    plain_text,
    walk,
)
from page_kinds import Kind, kind_of

# Sections the build appends (backlinks.py): not authored, so they end what is read of a page.
GENERATED_HEADINGS = ("Referenced by", "Related by tags")
# Boxes listed on the exam-traps page: an admonition whose title starts with one of these.
TRAP_TITLES = ("Exam tip", "Exam trap", "Correction")
PART = re.compile(r"\w+")  # a token, as the glossary counts terms: hyphens split words
FIRST_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*$", re.M)


@dataclass
class Link:
    source: str
    target: str
    section: str | None  # heading text, None for the page's introduction
    anchor: str | None  # the section's id


@dataclass
class PageInfo:
    src_uri: str
    title: str
    tags: list[str]
    kind: Kind
    markdown: str
    links: list[Link] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (text, id)
    diagrams: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (accTitle, section, anchor)
    traps: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)  # (kind, text, section, anchor)

    @cached_property
    def prose(self) -> str:
        """The page's Markdown without its fenced blocks: what a reader reads (a diagram's `flowchart TB`
        is no use of the abbreviation TB)."""
        return FENCE.sub("", self.markdown)

    @cached_property
    def words(self) -> Counter:
        return Counter(PART.findall(self.prose))

    @cached_property
    def outbound_pages(self) -> list[str]:
        return sorted({link.target for link in self.links if link.target != self.src_uri})


@dataclass(repr=False)
class Graph:
    pages: dict[str, PageInfo]  # in navigation order

    def __repr__(self) -> str:  # what a failing check prints
        return f"Graph({len(self.pages)} pages)"

    @cached_property
    def _inbound(self) -> dict[str, list[Link]]:
        """target: the links to it, one per linking section, in navigation order."""
        index: dict[str, list[Link]] = {uri: [] for uri in self.pages}
        seen: set[tuple[str, str, str | None]] = set()
        for page in self.pages.values():
            for link in page.links:
                key = (link.target, link.source, link.section)
                if link.source != link.target and key not in seen:
                    seen.add(key)
                    index[link.target].append(link)
        return index

    @cached_property
    def _by_tag(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for page in self.pages.values():
            if page.kind.listed:
                for tag in page.tags:
                    index.setdefault(tag, []).append(page.src_uri)
        return index

    @cached_property
    def _order(self) -> dict[str, int]:
        return {uri: i for i, uri in enumerate(self.pages)}

    def inbound(self, target: str) -> list[Link]:
        return self._inbound.get(target, [])

    def outbound_pages(self, source: str) -> list[str]:
        return self.pages[source].outbound_pages

    def related_by_tags(self, src_uri: str, limit: int = 5) -> list[tuple[str, list[str]]]:
        """Listed pages sharing the most tags with this one (then in navigation order), not linked from it."""
        page = self.pages[src_uri]
        excluded = {src_uri, *page.outbound_pages}
        lists = [self._by_tag[tag] for tag in page.tags if tag in self._by_tag]
        if len(lists) == 1:  # one tag: the first pages of its list, in navigation order
            found = []
            for uri in lists[0]:
                if uri not in excluded:
                    found.append(uri)
                    if len(found) == limit:
                        break
        else:  # counted and ranked by the C code of Counter and sorted: no Python call per candidate
            shared_count = Counter(chain.from_iterable(lists))
            for uri in excluded:
                shared_count.pop(uri, None)
            ranked = sorted(shared_count, key=self._order.__getitem__)
            ranked.sort(key=shared_count.__getitem__, reverse=True)  # stable: navigation order within a count
            found = ranked[:limit]
        return [(uri, [tag for tag in page.tags if tag in self.pages[uri].tags]) for uri in found]

    def orphans(self) -> list[str]:
        """Pages that must be linked from another page and are not."""
        return [uri for uri, page in self.pages.items() if page.kind.needs_inbound and not self.inbound(uri)]

    def under_linked(self) -> list[str]:
        """Pages linking to fewer other pages than their kind asks, as messages."""
        return [
            f"{uri} links to {len(page.outbound_pages)} other page(s); a {page.kind.name} page links to at least {page.kind.links_out}"
            for uri, page in self.pages.items()
            if len(page.outbound_pages) < page.kind.links_out
        ]


def read_page(src_uri: str, source: str, known: set[str]) -> PageInfo:
    body, meta = front_matter(source)
    first_heading = FIRST_HEADING.search(body)
    title = meta.get("title") or (plain_text(first_heading.group(1)) if first_heading else src_uri)
    info = PageInfo(src_uri, str(title), list(meta.get("tags") or []), kind_of(meta), body)
    here = posixpath.dirname(src_uri)

    def resolve(target: str) -> str | None:
        path = link_path(target)
        if path is None:
            return None
        resolved = posixpath.normpath(posixpath.join(here, path))
        return resolved if resolved in known else None

    lines = body.split("\n")
    section: tuple[str | None, str | None] = (None, None)
    for item in walk(body):
        if not isinstance(item, Line):  # a fence
            if is_diagram(item):
                for click in CLICK_LINK.finditer(item["body"]):
                    if target := resolve(click["target"]):
                        info.links.append(Link(src_uri, target, *section))
                for title in ACC_TITLE.finditer(item["body"]):
                    info.diagrams.append((title["title"], *section))
            continue
        if item.heading:
            if item.section[0] in GENERATED_HEADINGS:
                break
            section = item.section
            info.headings.append(section)
            continue
        box = ADMONITION.match(item.text)
        if box and box["title"] and box["title"].startswith(TRAP_TITLES):
            text = admonition_body(lines, item.number)
            if text:
                kind = next(prefix for prefix in TRAP_TITLES if box["title"].startswith(prefix))
                info.traps.append((kind, text, *section))
        for link in LINK.finditer(item.text):
            if target := resolve(link["target"]):
                info.links.append(Link(src_uri, target, *section))
    return info


def build_graph(sources: list[tuple[str, str]]) -> Graph:
    """sources: (src_uri, Markdown with front matter) of every page, in navigation order."""
    known = {src_uri for src_uri, _ in sources}
    return Graph({src_uri: read_page(src_uri, source, known) for src_uri, source in sources})


_built: tuple[object, Graph] | None = None


def for_nav(nav) -> Graph:
    """The graph of a build's navigation (mkdocs.structure.nav.Navigation), built once a build."""
    global _built
    if _built is None or _built[0] is not nav:
        _built = (nav, build_graph([(page.file.src_uri, page.file.content_string) for page in nav.pages]))
    return _built[1]


# "Referenced by" shows this many linking pages; the rest are folded, one click away, and left out in print
# (extra.css: Material opens every folded block for printing).
BACKLINKS_SHOWN = 6


def render_backlinks(graph: Graph, src_uri: str) -> str:
    """One line per linking page, in navigation order, naming the sections the links are in."""
    by_page: dict[str, list[Link]] = {}
    for link in graph.inbound(src_uri):
        by_page.setdefault(link.source, []).append(link)
    if not by_page:
        return ""
    items = []
    for source, links in by_page.items():
        href = relative(source, src_uri)
        places = [f"[{link.section}]({href}#{link.anchor})" if link.section else "its introduction" for link in links]
        where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
        items.append(f"[{graph.pages[source].title}]({href}), in {where}")
    lines = ["", "## Referenced by {#referenced-by}", ""] + [f"- {item}" for item in items[:BACKLINKS_SHOWN]]
    folded = items[BACKLINKS_SHOWN:]
    if folded:
        plural = "s" if len(folded) > 1 else ""
        lines += ["", f'??? abstract more-backlinks "{len(folded)} more page{plural} link here"', ""]
        lines += [f"    - {item}" for item in folded]
    return "\n".join(lines) + "\n"


def render_related(graph: Graph, src_uri: str) -> str:
    related = graph.related_by_tags(src_uri)
    if not related:
        return ""
    lines = ["", "## Related by tags {#related-by-tags}", ""]
    for uri, shared in related:
        lines.append(f"- [{graph.pages[uri].title}]({relative(uri, src_uri)}): {', '.join(shared)}")
    return "\n".join(lines) + "\n"


def out_of_search(markdown: str) -> str:
    """Generated Markdown, kept out of the search index (scripts/hooks/search_index.py)."""
    return f'\n<div markdown="1" data-search-exclude>\n\n{markdown.strip(chr(10))}\n\n</div>\n'


def relative(target: str, current: str) -> str:
    """The link from page `current` to page `target`, both below docs/."""
    return _relative_to_folder(target, posixpath.dirname(current) or ".")


@functools.cache
def _relative_to_folder(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)
