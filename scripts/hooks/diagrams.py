"""Mermaid diagrams, drawn once at build time and inlined in the page as SVG.

Authors write ```mermaid fences (mkdocs-mermaid2-plugin's fence); Mermaid's settings are the plugin's
`arguments` in mkdocs.yml and the library is the file its `javascript` names (the pinned Mermaid in
node_modules). This hook:

- resolves `click Node "../sagemaker/training.md#section" "Tooltip"`, a link written like a Markdown link
  (the file relative to the page), to the target page's URL for the current build (directory URLs on the
  hosted site, .html files offline); a missing file fails the strict build here, a missing anchor in
  MkDocs's own anchor check, which this hook hands the link to;
- draws every diagram in headless Chromium (one browser for the build, started only when a diagram is not
  in the cache) and replaces the fence's <div class="mermaid"> content with the SVG: node links become plain
  <a href> with their tooltip as <title>, so that linkchecker and crawlers follow them; an invalid diagram
  fails the strict build, naming the file and the diagram's title;
- fails the strict build on a diagram too big to read when shrunk to the text column: wider than
  MAX_WIDTH_PX or taller than MAX_HEIGHT_PX at natural size (redraw it top-down, or split it);
- caches each SVG in .cache/diagrams/ under a hash of its source, Mermaid's version, its settings and the
  theme CSS, so that a rebuild (and `make serve` after an edit) draws only what changed; a node link is
  drawn as a placeholder and the build's own URL put in afterwards (none in the print build), so that the
  site, the offline bundle and the PDF share one drawing of each diagram;
- colours the SVG through Material's --md-mermaid-* CSS variables (overrides/diagram-theme.css, passed to
  Mermaid as themeCSS), so that the light and dark schemes need no second drawing;
- unregisters mermaid2's own page handler, which would re-parse every page to add the library to it.

Its page handler runs at priority 50: after search_index.py (100), which reads the diagram's title and
description from its source, and before print-site (0), which keeps each page's HTML for the PDF.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import posixpath
import re
from pathlib import Path

from browser import launch_options
from markdown_source import ACC_TITLE, CLICK_LINK, FENCE, is_diagram
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from site_build import print_build

log = logging.getLogger("mkdocs.hooks.diagrams")
# mermaid2 reports its settings on every build, and per page what this hook now does: its warnings still show.
logging.getLogger("mkdocs.plugins.mermaid2.util").setLevel(logging.WARNING)

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / ".cache" / "diagrams"
THEME_CSS = "diagram-theme.css"  # in the theme's custom_dir (overrides/)
# Mermaid draws labels at 16 px. The text column is 688 px wide on a 1366 px laptop and on A4 paper (182 mm),
# and extra.css shrinks a diagram to fit it: at 900 px natural width labels are still 12 px on the laptop and
# 9 pt on paper. On paper a diagram is at most 24 cm tall (extra.css): at 1500 px natural height its labels
# are 7 pt. Phones get a full-screen view instead (overrides/assets/javascripts/diagrams.js).
MAX_WIDTH_PX = 900
MAX_HEIGHT_PX = 1500
# Bump when the drawing or what is cached changes in a way the hash does not see.
RENDERER_VERSION = 2

# A node link in the source the page hands over (its URL already the build's), and as drawn from a placeholder.
DRAWN_CLICK = re.compile(r'^(?P<head>\s*click\s+\S+\s+(?:href\s+)?")(?P<href>[^"]*)(?P<tail>".*)$', re.M)
PLACEHOLDER = "#diagram-link-{}"
# The <a> of a node link carries the node's position (transform): without the link it becomes a <g>.
PLACEHOLDER_LINK = re.compile(
    r'<a href="#diagram-link-(?P<n>\d+)"(?P<rest>[^>]*)>(?P<title><title>[^<]*</title>)?(?P<inner>.*?)</a>', re.S
)
# What mermaid2.fence_mermaid writes: the source, unescaped, in a div.
DIAGRAM_DIV = re.compile(r'<div\s+class="mermaid">(?P<source>.*?)\n</div>', re.S)
# A node link as Mermaid writes it (xlink:href only), with the tooltip it leaves on the node's group.
SVG_LINK = re.compile(
    r'<a xlink:href="(?P<href>[^"]*)"(?P<rest>[^>]*)>(?:<g (?P<group>[^>]*?) title="(?P<tooltip>[^"]*)")?'
)
# Edge geometry kept for Mermaid's editor and animations, which a static drawing does not use.
EDGE_POINTS = re.compile(r' data-points="[^"]*"')
SVG_OPEN = re.compile(
    r'<svg (?P<attributes>[^>]*?viewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"[^>]*)>'
)

RENDER_PAGE = """<!doctype html><html><head><style>
/* The font stack Material gives the page, so that labels are measured as readers' browsers set them. */
body { --md-mermaid-font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif;
       font-family: var(--md-mermaid-font-family); font-size: 16px; }
</style></head><body></body></html>"""

RENDER_JS = """async ([id, source]) => {
  try { return { svg: (await mermaid.render(id, source)).svg }; }
  catch (error) { document.getElementById(id)?.remove(); document.getElementById("d" + id)?.remove();
                  return { error: String((error && error.message) || error) }; }
}"""


def resolve(target: str, page: Page, files: Files):
    src_dir = posixpath.dirname(page.file.src_uri)
    target_file = files.get_file_from_path(posixpath.normpath(posixpath.join(src_dir, target)))
    if target_file is None or not target_file.is_documentation_page():
        return None
    return target_file


class Renderer:
    """Mermaid in one headless Chromium tab, started on the first diagram the cache lacks."""

    def __init__(self, library: Path, settings: dict) -> None:
        self.library, self.settings = library, settings
        self._playwright = self._browser = self._tab = None

    def render(self, diagram_id: str, source: str) -> dict:
        if self._tab is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(**launch_options())
            self._tab = self._browser.new_page()
            self._tab.set_content(RENDER_PAGE)
            self._tab.add_script_tag(path=str(self.library))
            self._tab.evaluate("settings => mermaid.initialize(settings)", self.settings)
        return self._tab.evaluate(RENDER_JS, [diagram_id, source])

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()
        self._playwright = self._browser = self._tab = None


class Diagrams:
    def __init__(self, config: MkDocsConfig) -> None:
        mermaid2 = config.plugins.get("mermaid2")
        if mermaid2 is None:
            raise PluginError("diagrams: the mermaid2 plugin must be listed in mkdocs.yml (its fence and settings).")
        config_dir = Path(config.config_file_path).parent
        self.library = config_dir / (mermaid2.config.get("javascript") or "")
        if not self.library.is_file() or self.library.suffix != ".js":
            raise PluginError(
                f"diagrams: mermaid2's `javascript` must name the pinned Mermaid in node_modules "
                f"(found {mermaid2.config.get('javascript')!r}); run `make install` (npm ci)."
            )
        version = json.loads((self.library.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
        theme = Path(config.theme.custom_dir or "") / THEME_CSS
        if not theme.is_file():
            raise PluginError(f"diagrams: {theme} is missing: the theme CSS the diagrams are drawn with.")
        self.settings = {
            **mermaid2.config["arguments"],
            "startOnLoad": False,
            "themeCSS": theme.read_text(encoding="utf-8"),
        }
        self.key_base = json.dumps([RENDERER_VERSION, version, self.settings], sort_keys=True)
        self.renderer = Renderer(self.library, self.settings)
        self.anchors: dict[str, list[tuple[str, str, str]]] = {}  # page src -> [(target src, anchor, link)]
        self.drawn = self.cached = 0
        # mermaid2 would parse every page with BeautifulSoup to add the library: nothing is left to add.
        events = config.plugins.events["post_page"]
        events[:] = [method for method in events if getattr(method, "__self__", None) is not mermaid2]

    def svg(self, source: str, page: Page, links: bool = True) -> str | None:
        """The drawing of a diagram, its node links leading to their URLs (or, without `links`, gone)."""
        hrefs: list[str] = []

        def placeholder(click: re.Match) -> str:
            hrefs.append(click["href"])
            return f"{click['head']}{PLACEHOLDER.format(len(hrefs) - 1)}{click['tail']}"

        source = DRAWN_CLICK.sub(placeholder, source)
        svg = self.drawing(source, page)
        if svg is None:
            return None

        def put_link(link: re.Match) -> str:
            if not links:
                return f"<g{link['rest']}>{link['inner']}</g>"
            href = html.escape(hrefs[int(link["n"])])
            return f'<a href="{href}"{link["rest"]}>{link["title"] or ""}{link["inner"]}</a>'

        return PLACEHOLDER_LINK.sub(put_link, svg)

    def drawing(self, source: str, page: Page) -> str | None:
        digest = hashlib.sha256((self.key_base + source).encode("utf-8")).hexdigest()
        cached = CACHE_DIR / f"{digest}.svg"
        if cached.exists():
            self.cached += 1
            svg = cached.read_text(encoding="utf-8")
        else:
            result = self.renderer.render(f"diagram-{digest[:12]}", source)
            if "error" in result:
                log.warning(
                    "Doc file '%s': the diagram '%s' is not valid Mermaid: %s",
                    page.file.src_uri,
                    title_of(source),
                    " ".join(result["error"].split()),
                )
                return None
            self.drawn += 1
            svg = finish(result["svg"])
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(svg, encoding="utf-8")
            partial.replace(cached)  # atomic: builds running side by side share the cache
        size = SVG_OPEN.search(svg)
        width, height = float(size["width"]), float(size["height"])
        if width > MAX_WIDTH_PX or height > MAX_HEIGHT_PX:
            log.warning(
                "Doc file '%s': the diagram '%s' is %.0f x %.0f px, more than %d x %d: shrunk to the text "
                "column, its labels would be too small to read. Draw it top-down (flowchart TB), shorten "
                "its labels or split it.",
                page.file.src_uri,
                title_of(source),
                width,
                height,
                MAX_WIDTH_PX,
                MAX_HEIGHT_PX,
            )
        return svg


def title_of(source: str) -> str:
    title = ACC_TITLE.search(source)
    return title[1] if title else "(no accTitle)"


def finish(svg: str) -> str:
    """Mermaid's SVG made static: plain links with their tooltip, a width the stylesheet can scale."""

    def link(match: re.Match) -> str:
        opening = f'<a href="{match["href"]}"{match["rest"]}>'
        if match["group"] is None:
            return opening
        return f"{opening}<title>{match['tooltip']}</title><g {match['group']}"

    svg = SVG_LINK.sub(link, EDGE_POINTS.sub("", svg))
    # Natural width as a variable: extra.css scales the drawing to the column between 75 % and 100 % of it.
    return SVG_OPEN.sub(
        lambda m: f'<svg {m["attributes"]} style="--diagram-width: {float(m["width"]):.0f}px">', svg, count=1
    )


_diagrams: Diagrams | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _diagrams
    _diagrams = Diagrams(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    theme_css = files.get_file_from_path(THEME_CSS)
    if theme_css is not None:
        files.remove(theme_css)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    anchors = _diagrams.anchors.setdefault(page.file.src_uri, [])
    anchors.clear()

    def rewrite_click(match: re.Match) -> str:
        target = resolve(match["target"], page, files)
        if target is None:
            log.warning(
                "Doc file '%s' has a diagram link to '%s', which is not found among documentation files.",
                page.file.src_uri,
                match["target"],
            )
            return match.group(0)
        if match["anchor"] and len(match["anchor"]) > 1:
            anchors.append((target, match["anchor"][1:], match["target"] + match["anchor"]))
        return f"{match['head']}{target.url_relative_to(page.file)}{match['anchor'] or ''}{match['tail']}"

    def rewrite_fence(fence: re.Match) -> str:
        return CLICK_LINK.sub(rewrite_click, fence.group(0)) if is_diagram(fence) else fence.group(0)

    return FENCE.sub(rewrite_fence, markdown)


# After search_index.py (100), which reads the title and description from the source; before
# print-site (0), which keeps each page's HTML for the PDF.
@event_priority(50)
def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs checks, after every page is rendered, the anchors of the links each page registered.
    if page.links_to_anchors is not None:
        for target, anchor, link in _diagrams.anchors.get(page.file.src_uri, []):
            page.links_to_anchors.setdefault(target, {}).setdefault(anchor, link)

    # The PDF's print page joins every page into one document, where a link relative to the
    # original page leads nowhere: there the diagrams are drawings and the text carries the links.
    links = not print_build(config)

    def draw(match: re.Match) -> str:
        svg = _diagrams.svg(match["source"], page, links)
        if svg is None:
            return match.group(0)
        return f'<div class="mermaid">{svg}</div>'

    return DIAGRAM_DIV.sub(draw, page_html)


def on_post_build(config: MkDocsConfig) -> None:
    _diagrams.renderer.close()
    if _diagrams.drawn:
        log.info("diagrams: %d drawn, %d from the cache (%s)", _diagrams.drawn, _diagrams.cached, CACHE_DIR)
    _diagrams.drawn = _diagrams.cached = 0


def on_build_error(error: Exception) -> None:
    if _diagrams is not None:
        _diagrams.renderer.close()
