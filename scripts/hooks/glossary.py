"""The abbreviations of includes/abbreviations.md: the hover tooltips on every page, and the glossary.

`<!-- generate: glossary -->` becomes every abbreviation with the page that explains it, one table per
letter under a line of A-Z jumps, kept out of search.
"""

from __future__ import annotations

import re
from pathlib import Path

import page_markers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from site_graph import PART, Graph, for_nav, out_of_search, relative

ABBREVIATIONS_PATH = Path("includes") / "abbreviations.md"
ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.+?)\s*$", re.M)


def abbreviations(root: Path) -> list[tuple[str, str]]:
    """(term, definition) of every abbreviation, from the project at `root`."""
    text = (root / ABBREVIATIONS_PATH).read_text(encoding="utf-8")
    return [(m["term"], m["definition"]) for m in ABBREVIATION.finditer(text)]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The hover tooltips: abbr's glossary, loaded once from the file the glossary page lists. Appending
    # the file to every page instead (snippets' auto_append) sends its definitions through the block
    # parser on each page, which took three quarters of the Markdown conversion time.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(abbreviations(Path(config.config_file_path).parent))
    return config


def explaining_page(graph: Graph, term: str) -> str | None:
    """The listed page that explains a term best: in its title, then its headings, then most often used.
    A use joined to another word by a hyphen counts ("HLS-based")."""
    word = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
    best, best_score = None, 0
    for page in graph.pages.values():
        if not page.kind.listed:
            continue
        score = 100 * bool(word.search(page.title)) + 10 * sum(bool(word.search(text)) for text, _ in page.headings)
        # A term made of word characters is a whole token: count it from the page's tokens, counted once,
        # instead of searching the page again for each of the glossary's terms.
        score += page.words[term] if PART.fullmatch(term) else len(word.findall(page.prose))
        if score > best_score:
            best, best_score = page.src_uri, score
    return best


def render_glossary(graph: Graph, root: Path, current: str) -> str:
    """The glossary as one table per initial letter, under a line of A-Z jumps."""
    by_letter: dict[str, list[str]] = {}
    for term, definition in sorted(abbreviations(root), key=lambda item: item[0].lower()):
        page = explaining_page(graph, term)
        where = f"[{graph.pages[page].title}]({relative(page, current)})" if page else "not used on the site yet"
        letter = term[0].upper() if term[0].isalpha() else "#"
        by_letter.setdefault(letter, []).append(f"| {term} | {definition.replace('|', '/')} | {where} |")
    jumps = " · ".join(f"[{letter}](#glossary-{letter.lower()})" for letter in by_letter)
    lines = [f'<nav class="glossary-jumps" aria-label="Glossary by letter" markdown="1">{jumps}</nav>']
    for letter, rows in by_letter.items():
        lines += ["", f"## {letter} {{#glossary-{letter.lower()}}}", "", "| Term | Meaning | Explained in |"]
        lines += ["|---|---|---|", *rows]
    return "\n".join(lines)


_graph: Graph | None = None


def render_marker(argument, page: Page, config: MkDocsConfig, files: Files) -> str:
    return out_of_search(render_glossary(_graph, Path(config.config_file_path).parent, page.file.src_uri))


page_markers.register("glossary", render_marker, "every abbreviation, its meaning and the page that explains it")


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _graph
    _graph = for_nav(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return page_markers.expand(markdown, ("glossary",), page, config, files)
