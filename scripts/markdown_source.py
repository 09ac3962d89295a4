"""How a page's Markdown source is read, written once for the hooks, the checks and the benchmarks.

What the site's conventions are built from (CONTRIBUTING.md states them): fenced blocks (a diagram is a
`mermaid` fence, indented or not), headings and their ids, links to other pages, a diagram's `click`
links and `accTitle`, admonitions and their titles, and the front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.extensions.toc import slugify
from mkdocs.utils.meta import get_data

# A fenced block at any indentation (inside a list item or an admonition too), closed at the same one.
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
# An ATX heading with its optional attribute list id: `## Title {#id}`.
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t]*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$")
# An inline link (not an image), with its text and its target as written (fragment included).
LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
# A diagram's node link: click id "page.md#anchor" "tooltip".
CLICK_LINK = re.compile(
    r'^(?P<head>\s*click\s+\S+\s+(?:href\s+)?")(?P<target>[^"#]+\.md)(?P<anchor>#[^"]*)?(?P<tail>".*)$', re.M
)
ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*(?P<title>.+?)\s*$", re.M)
ACC_DESCR = re.compile(r"^(?P<head>\s*accDescr\s*:\s*)(?P<text>.+?)\s*$", re.M)
# A flowchart node with its label: id[label], id(label), id{label}, id[(label)], id([label]), id((label)) …
NODE = re.compile(
    r"(?P<id>\b[A-Za-z_][\w-]*)(?P<open>\[\[|\[\(|\(\[|\(\(|\{\{|\[/|\[|\(|\{|>)"
    r"(?P<label>\"[^\"]*\"|[^\"\[\](){}]*)(?P<close>\]\]|\)\]|\]\)|\)\)|\}\}|/\]|\]|\)|\})"
    r"(?P<cls>:::[\w-]+)?"
)
SUBGRAPH = re.compile(r'^\s*subgraph\s+[\w-]+\s*\[(?P<label>"[^"]*"|[^\]]*)\]', re.M)
# A box: !!! type "Title", ??? type "Title" (folded) or ???+ (open), with optional extra classes.
ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)(?P<classes>(?:[ \t]+[\w-]+)*)"
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[`*_]")


def front_matter(source: str) -> tuple[str, dict]:
    """(the Markdown body, the front matter), as MkDocs reads them."""
    return get_data(source)


def plain_text(raw: str) -> str:
    """Inline Markdown as the reader sees it: links become their text, no code or emphasis marks."""
    return INLINE_MARKUP.sub(lambda m: m.group(1) or "", raw).strip()


def heading_id(match: re.Match) -> str:
    """The id MkDocs gives a HEADING match: its `{#id}`, or the slug of its text."""
    return match["id"] or slugify(plain_text(match["text"]), "-")


def link_path(target: str) -> str | None:
    """The page a link target names (`other.md` of `other.md#part`), or None if it names no Markdown page."""
    path = target.partition("#")[0]
    return path if path.endswith(".md") and "://" not in path else None


def diagram_labels(body: str) -> list[str]:
    """The labels a diagram's reader sees: its nodes' and its subgraphs' (a <br/> read as a space)."""
    labels = [m["label"] for m in SUBGRAPH.finditer(body)]
    for line in body.splitlines():
        if not line.strip().startswith(("click", "accTitle", "accDescr", "classDef", "class ", "style", "%%")):
            labels += [m["label"] for m in NODE.finditer(line)]
    return [label for label in (re.sub(r"<br\s*/?>", " ", raw.strip('"')).strip() for raw in labels) if label]


def is_diagram(fence: re.Match) -> bool:
    return fence["info"].strip().startswith("mermaid")


def diagrams(markdown: str) -> Iterator[re.Match]:
    """Every Mermaid fence of a page, indented ones included."""
    return (fence for fence in FENCE.finditer(markdown) if is_diagram(fence))


@dataclass
class Line:
    """A line of a page outside its fences, with the section it sits in."""

    number: int  # 0-based
    text: str  # without its newline
    section: tuple[str, str] | None  # (heading text, id) of the nearest heading above, None in the introduction
    heading: bool = False  # the line is that heading


def walk(markdown: str, min_level: int = 2) -> Iterator[Line | re.Match]:
    """A page in reading order: each line outside fences (a Line, headings of `min_level` and deeper
    setting the section), and each fence once, as its FENCE match, where it starts."""
    fence_at = {markdown.count("\n", 0, m.start()): m for m in FENCE.finditer(markdown)}
    lines = markdown.split("\n")
    section: tuple[str, str] | None = None
    number = 0
    while number < len(lines):
        fence = fence_at.get(number)
        if fence is not None:
            yield fence
            number += fence.group(0).count("\n") + 1
            continue
        heading = HEADING.match(lines[number])
        is_section = bool(heading) and len(heading["level"]) >= min_level
        if is_section:
            section = (plain_text(heading["text"]), heading_id(heading))
        yield Line(number, lines[number], section, is_section)
        number += 1


def admonition_body(lines: list[str], start: int) -> str:
    """The text of the box whose opening line is lines[start]: the lines indented under it, joined."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    block = []
    for following in lines[start + 1 :]:
        if following.strip() and len(following) - len(following.lstrip()) <= indent:
            break
        block.append(following.strip())
    return " ".join(" ".join(block).split())
