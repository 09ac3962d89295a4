"""Markers: `<!-- generate: NAME [ARGUMENT] -->` in a page, replaced at build time by what a hook generates.

One namespace and one dispatcher. A hook registers each marker it generates, with the arguments it
accepts, when it is loaded; at its point in the build it expands the markers it owns. Before any hook
expands anything, page_metadata.py reports, through problems(), every marker the build does not know and
every HTML comment that looks like a marker but is not written as one: the strict build fails, naming
the file. CONTRIBUTING.md ("Generated content") lists the markers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_source import FENCE

MARKER = re.compile(r"<!--\s*generate:\s*(?P<name>[\w-]+)(?:[ \t]+(?P<argument>[\w.-]+))?\s*-->")
# An HTML comment of one word, or of `word: something`: meant for the build, whether or not it is a marker.
MARKER_LIKE = re.compile(r"<!--\s*(?P<body>[\w/-]+(?::[^>]*?)?)\s*-->")
# Markers of other tools, left to them.
FOREIGN = {"material/tags"}

Renderer = Callable[..., str]  # (argument, page, config, files) -> Markdown


@dataclass(frozen=True)
class MarkerKind:
    name: str
    render: Renderer
    arguments: tuple[str, ...]  # empty: takes no argument
    meaning: str


REGISTERED: dict[str, MarkerKind] = {}


def register(name: str, render: Renderer, meaning: str, arguments: tuple[str, ...] = ()) -> None:
    REGISTERED[name] = MarkerKind(name, render, arguments, meaning)


def _outside_fences(markdown: str) -> str:
    return FENCE.sub(lambda fence: "\n" * fence.group(0).count("\n"), markdown)


def problems(markdown: str) -> list[str]:
    """What is wrong with a page's markers, as phrases following "Doc file 'x.md' ..."."""
    found = []
    text = _outside_fences(markdown)
    for comment in MARKER_LIKE.finditer(text):
        body = comment["body"].strip()
        if body in FOREIGN:
            continue
        marker = MARKER.fullmatch(comment.group(0))
        if marker is None:
            found.append(
                f"has the comment '{comment.group(0)}', which is no marker: write `<!-- generate: NAME -->` "
                f"(known: {', '.join(REGISTERED)}), or a comment of more than one word"
            )
            continue
        kind = REGISTERED.get(marker["name"])
        argument = marker["argument"]
        if kind is None:
            found.append(
                f"has the marker '{comment.group(0)}', which the build does not know (known: {', '.join(REGISTERED)})"
            )
        elif kind.arguments and argument not in kind.arguments:
            found.append(
                f"has the marker '{comment.group(0)}', whose argument must be one of: {', '.join(kind.arguments)}"
            )
        elif not kind.arguments and argument:
            found.append(f"has the marker '{comment.group(0)}', which takes no argument")
    return found


def expand(markdown: str, names: tuple[str, ...], *context) -> str:
    """Replace the markers `names` (registered by the calling hook) with what they generate.
    context: passed on to each renderer after the argument (page, config, files)."""
    if "generate:" not in markdown:
        return markdown

    def render(marker: re.Match) -> str:
        kind = REGISTERED.get(marker["name"])
        if marker["name"] not in names or kind is None:
            return marker.group(0)
        if (kind.arguments and marker["argument"] not in kind.arguments) or (not kind.arguments and marker["argument"]):
            return marker.group(0)  # reported by problems()
        return kind.render(marker["argument"], *context)

    out, position = [], 0
    for fence in FENCE.finditer(markdown):  # a marker shown in a code block stays as written
        out += [MARKER.sub(render, markdown[position : fence.start()]), fence.group(0)]
        position = fence.end()
    return "".join(out) + MARKER.sub(render, markdown[position:])
