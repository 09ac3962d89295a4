"""Formulas typeset at build time with the pinned KaTeX, run by Node (scripts/maths/render.cjs).

pymdownx.arithmatex (generic mode) leaves `\\( ... \\)` and `\\[ ... \\]` in elements of class
"arithmatex"; this hook replaces their content with KaTeX's HTML (and MathML, for screen readers), so
that no page loads KaTeX's script. A page with formulas links KaTeX's stylesheet (whose fonts load only
as they are used) from its content, where Material's instant navigation brings it along. Rendered
formulas are cached in .cache/maths/ under a hash of the formula and KaTeX's version. A formula KaTeX
cannot parse fails the strict build, naming the file and the formula.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from site_build import print_build

log = logging.getLogger("mkdocs.hooks.maths")

ROOT = Path(__file__).resolve().parents[2]
RENDERER = ROOT / "scripts" / "maths" / "render.cjs"
CACHE_DIR = ROOT / ".cache" / "maths"
STYLESHEET = "assets/vendor/katex/katex.min.css"  # served by vendor_assets.py
FORMULA = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.S)
DELIMITERS = re.compile(r"^\\[\[(](?P<tex>.*)\\[\])]$", re.S)


def katex_version() -> str:
    package = ROOT / "node_modules" / "katex" / "package.json"
    if not package.exists():
        raise PluginError("maths: KaTeX is missing from node_modules; run `make install` (npm ci).")
    return json.loads(package.read_text(encoding="utf-8"))["version"]


_version: str | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _version
    _version = katex_version()
    return config


def render(formulas: list[tuple[str, bool]]) -> list[dict]:
    try:
        result = subprocess.run(
            ["node", str(RENDERER)], input=json.dumps(formulas), capture_output=True, text=True, cwd=ROOT, check=True
        )
    except FileNotFoundError as error:
        raise PluginError("maths: Node.js is needed to typeset the formulas (`node` not found).") from error
    except subprocess.CalledProcessError as error:
        raise PluginError(f"maths: {RENDERER.name} failed:\n{error.stderr}") from error
    return json.loads(result.stdout)


# After search_index.py and page_metadata.py (100), which read the TeX; before print-site (0), which keeps the HTML.
@event_priority(50)
def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    matches = list(FORMULA.finditer(page_html))
    if not matches:
        return page_html
    formulas, keys, rendered = [], [], {}
    for match in matches:
        source = html.unescape(match["tex"]).strip()
        delimited = DELIMITERS.match(source)
        formula = (delimited["tex"].strip() if delimited else source, match["tag"] == "div")
        key = hashlib.sha256(json.dumps([_version, *formula]).encode("utf-8")).hexdigest()
        formulas.append(formula)
        keys.append(key)
        cached = CACHE_DIR / f"{key}.html"
        if cached.exists():
            rendered[key] = cached.read_text(encoding="utf-8")
    missing = [(formula, key) for formula, key in zip(formulas, keys) if key not in rendered]
    if missing:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for (formula, key), result in zip(missing, render([formula for formula, _ in missing])):
            if "error" in result:
                log.warning(
                    "Doc file '%s': KaTeX cannot typeset the formula '%s': %s",
                    page.file.src_uri,
                    formula[0],
                    result["error"],
                )
                continue
            rendered[key] = result["html"]
            partial = CACHE_DIR / f"{key}.{os.getpid()}.tmp"
            partial.write_text(result["html"], encoding="utf-8")
            partial.replace(CACHE_DIR / f"{key}.html")
    pieces, last = [], 0
    for match, key in zip(matches, keys):
        pieces.append(page_html[last : match.start()])
        if key in rendered:
            pieces.append(f'<{match["tag"]} class="arithmatex">{rendered[key]}</{match["tag"]}>')
        else:
            pieces.append(match.group(0))
        last = match.end()
    pieces.append(page_html[last:])
    # The PDF's print page holds every page's content at print_page/.
    base = "print_page/" if print_build(config) else page.url
    return f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, base)}">\n' + "".join(pieces)
