"""The site's link graph, and what is generated from it.

Before any page is rendered, every page's Markdown is read and its authored
links (Markdown links and diagram `click` links to other pages, with the
section each one sits in) and tags are collected. Then each page gets, as
Markdown appended to it (so it is validated, searchable and printed):

- "Referenced by": the pages that link to it, one line each naming the sections the links sit in,
  folded after BACKLINKS_SHOWN pages;
- "Related by tags": pages sharing its tags that it does not already link to.

Markers in pages are replaced by generated lists:

- `<!-- glossary -->`: every abbreviation of includes/abbreviations.md (the
  hover tooltips' source), with the page that explains it, one table per letter under A-Z jumps;
- `<!-- decision-guides -->`: every "which ...?" diagram of the site;
- `<!-- exam-traps -->`: the first sentence of every "Exam tip" and "Correction"
  admonition, linked to the section it sits in.

Generated sections do not count as links: the graph is what authors wrote. They are
wrapped in `data-search-exclude`, so they stay out of the search index
(scripts/hooks/search_index.py): they name other pages' subjects.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S)
HEADING = re.compile(r"^(#{2,6})[ \t]+(.+?)[ \t]*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$")
MD_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?(?:\s+\"[^\"]*\")?\)")
CLICK_LINK = re.compile(r'^\s*click\s+\S+\s+(?:href\s+)?"(?P<target>[^"#]+\.md)(?:#[^"]*)?"', re.M)
ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*(?P<title>.+?)\s*$", re.M)
TRAP_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s+\w+\s+"(?P<kind>Exam tip|Exam trap|Correction)[^"]*"\s*$')
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.+?)\s*$", re.M)
PART = re.compile(r"\w+")  # a token, as the glossary counts terms: hyphens split words
INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[`*_]")

GENERATED_HEADINGS = ("Referenced by", "Related by tags")
DECISION_GUIDE = re.compile(r"^(which|what|how to choose|choosing)\b|decision", re.I)
# Pages about the site itself: they neither earn nor give backlinks and related pages.
META_PAGES = (
    "resources/exam-map.md",
    "resources/exam-map-specialty.md",
    "resources/tags.md",
    "resources/glossary.md",
    "resources/decision-guides.md",
    "resources/exam-traps.md",
)


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
    markdown: str
    links: list[Link] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (text, id)
    diagrams: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (accTitle, section, anchor)
    traps: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)  # (kind, text, section, anchor)

    @cached_property
    def words(self) -> Counter:
        return Counter(PART.findall(self.markdown))


@dataclass
class Graph:
    pages: dict[str, PageInfo]  # in navigation order

    def inbound(self, target: str) -> list[Link]:
        seen, result = set(), []
        for page in self.pages.values():
            for link in page.links:
                key = (link.source, link.section)
                if link.target == target and link.source != target and key not in seen:
                    seen.add(key)
                    result.append(link)
        return result

    def outbound_pages(self, source: str) -> list[str]:
        return sorted({link.target for link in self.pages[source].links if link.target != source})

    def related_by_tags(self, src_uri: str, limit: int = 5) -> list[tuple[str, list[str]]]:
        page = self.pages[src_uri]
        linked = set(self.outbound_pages(src_uri))
        candidates = []
        for other in self.pages.values():
            if other.src_uri in (src_uri, *META_PAGES) or other.src_uri in linked:
                continue
            shared = [tag for tag in page.tags if tag in other.tags]
            if shared:
                candidates.append((-len(shared), other.src_uri, shared))
        order = {uri: i for i, uri in enumerate(self.pages)}
        candidates.sort(key=lambda item: (item[0], order[item[1]]))
        return [(uri, shared) for _, uri, shared in candidates[:limit]]


def heading_text(raw: str) -> str:
    return INLINE_MARKUP.sub(lambda m: m.group(1) or "", raw).strip()


def read_page(src_uri: str, source: str, known: set[str]) -> PageInfo:
    body, meta = get_data(source)
    first_heading = re.search(r"^#[ \t]+(.+?)[ \t]*$", body, re.M)
    title = meta.get("title") or (heading_text(first_heading.group(1)) if first_heading else src_uri)
    info = PageInfo(src_uri=src_uri, title=str(title), tags=list(meta.get("tags") or []), markdown=body)
    here = posixpath.dirname(src_uri)

    def resolve(target: str) -> str | None:
        resolved = posixpath.normpath(posixpath.join(here, target))
        return resolved if resolved in known else None

    section: tuple[str | None, str | None] = (None, None)
    fences = {m.start(): m for m in FENCE.finditer(body)}
    position = 0
    lines = body.splitlines(keepends=True)
    for number, line in enumerate(lines):
        start, position = position, position + len(line)
        fence = next((m for s, m in fences.items() if s <= start < m.end()), None)
        if fence is not None:
            if start == fence.start() and fence["info"].strip().startswith("mermaid"):
                for click in CLICK_LINK.finditer(fence["body"]):
                    if target := resolve(click["target"]):
                        info.links.append(Link(src_uri, target, *section))
                for title in ACC_TITLE.finditer(fence["body"]):
                    info.diagrams.append((title["title"], *section))
            continue
        trap = TRAP_ADMONITION.match(line.rstrip("\n"))
        if trap:
            block = []
            for following in lines[number + 1 :]:
                if following.strip() and not following.startswith("    "):
                    break
                block.append(following.strip())
            text = " ".join(" ".join(block).split())
            if text:
                info.traps.append((trap["kind"], text, *section))
        heading = HEADING.match(line.rstrip("\n"))
        if heading:
            text = heading_text(heading.group(2))
            if text in GENERATED_HEADINGS:
                break
            section = (text, heading["id"] or slugify(text, "-"))
            info.headings.append(section)
            continue
        for link in MD_LINK.finditer(line):
            if target := resolve(link["target"]):
                info.links.append(Link(src_uri, target, *section))
    return info


def build_graph(sources: list[tuple[str, str]]) -> Graph:
    """sources: (src_uri, Markdown with front matter) of every page, in navigation order."""
    known = {src_uri for src_uri, _ in sources}
    return Graph({src_uri: read_page(src_uri, source, known) for src_uri, source in sources})


def out_of_search(markdown: str) -> str:
    """Generated Markdown, kept out of the search index (scripts/hooks/search_index.py)."""
    return f'\n<div markdown="1" data-search-exclude>\n\n{markdown.strip(chr(10))}\n\n</div>\n'


def relative(target: str, current: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(current) or ".")


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
        lines += [
            "",
            f'??? abstract more-backlinks "{len(folded)} more page{"s" if len(folded) > 1 else ""} link here"',
            "",
        ]
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


def abbreviations(config: MkDocsConfig) -> list[tuple[str, str]]:
    path = Path(config.config_file_path).parent / "includes" / "abbreviations.md"
    return [(m["term"], m["definition"]) for m in ABBREVIATION.finditer(path.read_text(encoding="utf-8"))]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The hover tooltips: abbr's glossary, loaded once from the file the glossary page lists. Appending
    # the file to every page instead (snippets' auto_append) sends its definitions through the block
    # parser on each page, which took three quarters of the Markdown conversion time.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(abbreviations(config))
    return config


def explaining_page(graph: Graph, term: str) -> str | None:
    """The content page that explains a term best: in its title, then its headings, then most often used.
    A use joined to another word by a hyphen counts ("HLS-based")."""
    word = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
    best, best_score = None, 0
    for page in graph.pages.values():
        if page.src_uri in META_PAGES or page.src_uri == "index.md":
            continue
        score = 100 * bool(word.search(page.title)) + 10 * sum(bool(word.search(text)) for text, _ in page.headings)
        # A term made of word characters is a whole token: count it from the page's tokens, counted once,
        # instead of searching the page again for each of the glossary's terms.
        score += page.words[term] if PART.fullmatch(term) else len(word.findall(page.markdown))
        if score > best_score:
            best, best_score = page.src_uri, score
    return best


def render_glossary(graph: Graph, config: MkDocsConfig, current: str) -> str:
    """The glossary as one table per initial letter, under a line of A-Z jumps."""
    by_letter: dict[str, list[str]] = {}
    for term, definition in sorted(abbreviations(config), key=lambda item: item[0].lower()):
        page = explaining_page(graph, term)
        where = f"[{graph.pages[page].title}]({relative(page, current)})" if page else "not used on the site yet"
        letter = term[0].upper() if term[0].isalpha() else "#"
        by_letter.setdefault(letter, []).append(f"| {term} | {definition.replace('|', '/')} | {where} |")
    jumps = " · ".join(f"[{letter}](#glossary-{letter.lower()})" for letter in by_letter)
    lines = [f'<nav class="glossary-jumps" aria-label="Glossary by letter" markdown="1">{jumps}</nav>']
    for letter, rows in by_letter.items():
        lines += [
            "",
            f"## {letter} {{#glossary-{letter.lower()}}}",
            "",
            "| Term | Meaning | Explained in |",
            "|---|---|---|",
            *rows,
        ]
    return "\n".join(lines)


def render_decision_guides(graph: Graph, current: str) -> str:
    lines = []
    for page in graph.pages.values():
        for title, _section, anchor in page.diagrams:
            if DECISION_GUIDE.search(title) and page.src_uri != current:
                target = relative(page.src_uri, current) + (f"#{anchor}" if anchor else "")
                lines.append(f"- [{title}]({target}) — on [{page.title}]({relative(page.src_uri, current)})")
    return "\n".join(lines) if lines else "No decision guide yet."


MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence of a box, as Markdown; its links become text (their paths are relative to
    another page), and a sentence cut short loses its emphasis so no marker is left open."""
    sentence = SENTENCE_END.split(MARKDOWN_LINK.sub(r"\1", text).lstrip("- "), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return EMPHASIS.sub("", sentence[: limit - 1].rsplit(" ", 1)[0]).replace("`", "") + "…"


def render_exam_traps(graph: Graph, current: str) -> str:
    lines = []
    for page in graph.pages.values():
        if not page.traps or page.src_uri in META_PAGES:
            continue
        lines += ["", f"### [{page.title}]({relative(page.src_uri, current)})", ""]
        for kind, text, _section, anchor in page.traps:
            target = relative(page.src_uri, current) + (f"#{anchor}" if anchor else "")
            label = "Correction to the notes" if kind == "Correction" else "Trap"
            lines.append(f"- **{label}:** {first_sentence(text)} [More]({target})")
    return "\n".join(lines) if lines else "No exam trap recorded yet."


_graph: Graph | None = None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _graph
    _graph = build_graph([(page.file.src_uri, page.file.content_string) for page in nav.pages])
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _graph is None or page.file.src_uri not in _graph.pages:
        return markdown
    src_uri = page.file.src_uri
    if "<!-- glossary -->" in markdown:
        markdown = markdown.replace("<!-- glossary -->", out_of_search(render_glossary(_graph, config, src_uri)))
    if "<!-- exam-traps -->" in markdown:
        markdown = markdown.replace("<!-- exam-traps -->", out_of_search(render_exam_traps(_graph, src_uri)))
    if "<!-- decision-guides -->" in markdown:
        markdown = markdown.replace("<!-- decision-guides -->", out_of_search(render_decision_guides(_graph, src_uri)))
    if src_uri in META_PAGES or src_uri == "index.md":
        return markdown
    generated = render_backlinks(_graph, src_uri) + render_related(_graph, src_uri)
    return markdown.rstrip("\n") + "\n" + (out_of_search(generated) if generated else "")
