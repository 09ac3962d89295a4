"""Listings gathered from every page's conventions (CONTRIBUTING.md, "Generated content"):

- `<!-- generate: decision-guides -->`: every diagram whose accTitle asks "Which …?" (or "What …", "How to
  choose …", "Choosing …", or names a decision), linked to the section it sits in;
- `<!-- generate: exam-traps -->`: the first sentence of every "Exam tip", "Exam trap" and "Correction"
  box of the listed pages, linked to the section it sits in.

Both are kept out of search: they repeat what the pages say.
"""

from __future__ import annotations

import re

import page_markers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from site_graph import Graph, for_nav, out_of_search, relative

DECISION_GUIDE = re.compile(r"^(which|what|how to choose|choosing)\b|decision", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def render_decision_guides(graph: Graph, current: str) -> str:
    lines = []
    for page in graph.pages.values():
        for title, _section, anchor in page.diagrams:
            if DECISION_GUIDE.search(title) and page.src_uri != current:
                target = relative(page.src_uri, current) + (f"#{anchor}" if anchor else "")
                lines.append(f"- [{title}]({target}) — on [{page.title}]({relative(page.src_uri, current)})")
    return "\n".join(lines) if lines else "No decision guide yet."


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
        if not page.traps or not page.kind.listed:
            continue
        lines += ["", f"### [{page.title}]({relative(page.src_uri, current)})", ""]
        for kind, text, _section, anchor in page.traps:
            target = relative(page.src_uri, current) + (f"#{anchor}" if anchor else "")
            label = "Correction to the notes" if kind == "Correction" else "Trap"
            lines.append(f"- **{label}:** {first_sentence(text)} [More]({target})")
    return "\n".join(lines) if lines else "No exam trap recorded yet."


_graph: Graph | None = None

page_markers.register(
    "decision-guides",
    lambda argument, page, config, files: out_of_search(render_decision_guides(_graph, page.file.src_uri)),
    'every "Which …?" diagram of the site, linked to its section',
)
page_markers.register(
    "exam-traps",
    lambda argument, page, config, files: out_of_search(render_exam_traps(_graph, page.file.src_uri)),
    'the first sentence of every "Exam tip", "Exam trap" and "Correction" box, linked to its section',
)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _graph
    _graph = for_nav(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return page_markers.expand(markdown, ("decision-guides", "exam-traps"), page, config, files)
