"""What the checks share: building a site (the real one or a small fixture) and
visiting its pages in headless Chromium as a reader would."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml
from browser import launch_options
from site_build import ROOT, BuildResult, build_site  # noqa: F401 (build_site: for the checks)
from site_graph import Graph, build_graph

FIXTURES = ROOT / "tests" / "fixtures"


def fixture_nav(docs_dir: Path) -> list[str]:
    """The nav of a fixture: its nav.txt (one page a line) or else every page."""
    nav_file = docs_dir.parent / "nav.txt"
    if nav_file.exists():
        return [line.strip() for line in nav_file.read_text().splitlines() if line.strip()]
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))


def build_fixture(name: str, site_dir: Path, env: dict | None = None) -> BuildResult:
    docs_dir = FIXTURES / name / "docs"
    return build_site(site_dir, docs_dir=docs_dir, nav=fixture_nav(docs_dir), env=env)


def nav_files(nav: list | None = None) -> list[str]:
    """The Markdown files of a navigation (mkdocs.yml's by default), in its order."""
    if nav is None:
        nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    files = []
    for item in nav:
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


@functools.cache
def real_graph() -> Graph:
    """The link graph of the real site's pages, as the build reads them (scripts/site_graph.py)."""
    return build_graph([(name, (ROOT / "docs" / name).read_text(encoding="utf-8")) for name in nav_files()])


def built_page(site_dir: Path, url: str):
    """The page built at `url` (site-relative, directory style: "" is the home page), parsed once per worker
    process: the content checks read the same pages again and again, and html.parser takes 7 s to read the whole
    site. Shared, so read-only: a check that changes the tree works on a copy."""
    path = Path(site_dir) / url / "index.html"
    return _parsed(path, path.stat().st_mtime_ns)


@functools.cache
def _parsed(path: Path, mtime_ns: int):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_url(src_uri: str) -> str:
    """The site-relative URL a page is built at (directory URLs): `a/b.md` -> `a/b/`, `a/index.md` -> `a/`."""
    path = src_uri.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def page_urls(site_dir: Path) -> list[str]:
    """Site-relative URLs of every page of a built site (directory URLs), in path order."""
    pages = []
    for index in sorted(site_dir.rglob("index.html")):
        relative = index.parent.relative_to(site_dir).as_posix()
        if relative.startswith("assets"):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages


def confine(context, allowed: tuple[str, ...]) -> list[str]:
    """Let a browser context fetch only URLs starting with one of `allowed`; abort every other request
    and return the list it is recorded in."""
    refused: list[str] = []

    def route(request_route):
        if request_route.request.url.startswith(allowed):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    return refused


def launch_browser(playwright):
    return playwright.chromium.launch(**launch_options())


@dataclass
class PageVisit:
    """What a reader's browser did on one page."""

    page: str
    status: int = 0  # the page's HTTP status
    foreign_requests: list[str] = field(default_factory=list)
    diagrams: int = 0
    rendered: int = 0
    error_diagrams: int = 0
    diagram_links: list[str] = field(default_factory=list)
    unlabelled_diagrams: int = 0
    console_errors: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    layouts: dict = field(default_factory=dict)  # PAGE_LAYOUT_JS's measures at each viewport asked for

    @property
    def name(self) -> str:
        return self.page or "index.html"

    def diagram_problems(self) -> list[str]:
        problems = []
        if self.rendered < self.diagrams:
            problems.append(
                f"{self.name}: {self.diagrams - self.rendered} of {self.diagrams} diagram(s) did not render to an SVG"
            )
        if self.error_diagrams:
            problems.append(f"{self.name}: {self.error_diagrams} diagram(s) rendered as Mermaid's syntax-error image")
        return problems


# The size, in CSS px, at which a diagram's smallest label is seen: the drawing's scale (shrunk to its column,
# or to its height on paper) times the label's font size. Shared by the layout and the PDF checks.
SMALLEST_LABEL_PX_JS = """(svg) => {
  const box = svg.getBoundingClientRect(), natural = svg.viewBox.baseVal;
  const scale = Math.min(box.width / natural.width, box.height / natural.height);
  const sizes = [...svg.querySelectorAll(".nodeLabel, .edgeLabel, .cluster-label, text")]
    .map((label) => parseFloat(getComputedStyle(label).fontSize)).filter((size) => size > 0);
  return Math.min(...sizes) * scale;
}"""


LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"laptop": LAPTOP, "phone": PHONE}

# Two frames: what the page's resize observers (tables.js, diagrams.js, Material's) do is done and laid out.
AFTER_RESIZE_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

# What a reader sees of each diagram and table of a page (tests/test_layout.py).
PAGE_LAYOUT_JS = """() => {
  const smallestLabel = SMALLEST_LABEL;
  const visible = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect(), style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility === "visible" && style.display !== "none"
      && box.left >= 0 && box.right <= innerWidth;
  };
  const headingBefore = (element) => {
    for (let node = element.previousElementSibling; node; node = node.previousElementSibling)
      if (/^H[1-6]$/.test(node.tagName)) return node.textContent.replace(/\\u00b6$/, "").trim();
    return "(top of the page)";
  };
  const diagrams = [...document.querySelectorAll("article div.mermaid")].map((diagram) => {
    const svg = diagram.querySelector(":scope > svg");
    const box = svg.getBoundingClientRect(), natural = svg.viewBox.baseVal;
    return {
      title: svg.querySelector(":scope > title")?.textContent.trim() || "(no title)",
      column: diagram.clientWidth, width: Math.round(box.width), overflow: diagram.scrollWidth - diagram.clientWidth,
      label: smallestLabel(svg), shrunk: box.width < natural.width - 1,
      control: visible(diagram.querySelector(":scope > button.diagram-open")),
    };
  });
  const tables = [...document.querySelectorAll("article .md-typeset__scrollwrap")]
    .filter((wrap) => wrap.querySelector("table:not([class])")).map((wrap) => {
      const table = wrap.querySelector("table"), header = table.querySelector("th");
      return {
        heading: headingBefore(wrap), wide: table.scrollWidth > wrap.clientWidth + 1,
        scrolls: ["auto", "scroll"].includes(getComputedStyle(wrap).overflowX),
        focusable: wrap.tabIndex === 0, sticky: header !== null && getComputedStyle(header).position === "sticky",
        firstColumnSticky: getComputedStyle(table.querySelector("tr > :first-child")).position === "sticky",
      };
    });
  const marked = (abbr) => getComputedStyle(abbr).textDecorationLine !== "none" || getComputedStyle(abbr).borderBottomStyle !== "none";
  const headingTooltips = [...document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6) abbr")];
  return { diagrams, tables, headingTooltips: headingTooltips.length, markedHeadingTooltips: headingTooltips.filter(marked).length,
           markedTextTooltips: [...document.querySelectorAll("article p abbr")].filter(marked).length };
}""".replace("SMALLEST_LABEL", SMALLEST_LABEL_PX_JS)


# Diagrams arrive drawn (scripts/hooks/diagrams.py): what the page holds once it has loaded.
DIAGRAM_STATE_JS = """
() => {
  const diagrams = [...document.querySelectorAll("div.mermaid")];
  const svgs = diagrams.map(d => d.querySelector(":scope > svg")).filter(Boolean);
  return {
    diagrams: diagrams.length,
    rendered: svgs.length,
    errors: svgs.filter(s => s.getAttribute("aria-roledescription") === "error").length,
    unlabelled: svgs.filter(s => !(s.querySelector(":scope > title")?.textContent.trim() && s.querySelector(":scope > desc")?.textContent.trim())).length,
    // The plain href, which crawlers and linkchecker follow.
    links: svgs.flatMap(s => [...s.querySelectorAll("a")].map(a => a.getAttribute("href"))),
  };
}
"""


def _host_key(url: str) -> str:
    parsed = urlparse(url)
    return parsed.scheme if parsed.scheme in ("file", "data", "blob") else f"{parsed.scheme}://{parsed.hostname}"


async def _visit(tab, base_url: str, page: str, layouts: tuple[str, ...]) -> PageVisit:
    result = PageVisit(page=page)
    tab.current_visit = result  # console errors are recorded against the page being visited
    response = await tab.goto(base_url + page, wait_until="load")
    result.status = response.status if response else 0
    state = await tab.evaluate(DIAGRAM_STATE_JS)
    result.diagrams, result.rendered, result.error_diagrams = state["diagrams"], state["rendered"], state["errors"]
    result.diagram_links = [link for link in state["links"] if link]
    result.unlabelled_diagrams = state["unlabelled"]
    # Loaded at the first viewport; each other one is the same page resized to it, as a window is resized
    # or a phone turned: one load a page (a second load of every page at phone size doubled the visits).
    for name in layouts:
        if name != layouts[0]:
            await tab.set_viewport_size(VIEWPORTS[name])
            await tab.evaluate(AFTER_RESIZE_JS)
        result.layouts[name] = await tab.evaluate(PAGE_LAYOUT_JS)
    # Late requests (lazy libraries, the search worker) still count: the network must be quiet (500 ms with no
    # request) before the tab moves on; measured first, the layouts take some of that wait.
    await tab.wait_for_load_state("networkidle")
    if layouts[1:]:
        await tab.set_viewport_size(VIEWPORTS[layouts[0]])
    return result


async def _visit_all(base_url: str, pages: list[str], concurrency: int, layouts: tuple[str, ...]) -> list[PageVisit]:
    import asyncio

    from playwright.async_api import async_playwright

    allowed = _host_key(base_url)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        foreign_by_page: dict[str, list[str]] = {}

        async def route(route):
            url = route.request.url
            if _host_key(url) == allowed:
                await route.continue_()
            else:
                # Attribute the request to the page that made it (workers report no frame).
                try:
                    origin = route.request.frame.page.url
                except Exception:
                    origin = "(worker)"
                foreign_by_page.setdefault(origin, []).append(url)
                await route.abort()

        queue: asyncio.Queue = asyncio.Queue()
        for index, page in enumerate(pages):
            queue.put_nowait((index, page))
        visits: list[PageVisit | None] = [None] * len(pages)

        async def worker() -> None:
            # One tab per worker, navigated from page to page like a reader's: a new tab per page
            # starts a fresh renderer that compiles Mermaid and Material again, which doubled the time.
            # A context (a window) of its own: a tab behind another in the same window is not laid out
            # again, so what scripts do on resize (tables.js, diagrams.js) did not always happen.
            context = await browser.new_context(viewport=VIEWPORTS[layouts[0]] if layouts else LAPTOP)
            await context.route("**/*", route)
            tab = await context.new_page()
            tab.on(
                "console",
                lambda message: message.type == "error" and tab.current_visit.console_errors.append(message.text),
            )
            # An uncaught exception is no console message: it is recorded as a console error too.
            tab.on("pageerror", lambda error: tab.current_visit.console_errors.append(f"uncaught {error}"))
            tab.on(
                "request",
                lambda request: request.resource_type == "script" and tab.current_visit.scripts.append(request.url),
            )
            while not queue.empty():
                index, page = queue.get_nowait()
                visits[index] = await _visit(tab, base_url, page, layouts)
            await context.close()

        await asyncio.gather(*(worker() for _ in range(min(concurrency, len(pages)))))
        await browser.close()
    for visit in visits:
        visit.foreign_requests = foreign_by_page.pop(base_url + visit.page, [])
    if foreign_by_page:  # requests not tied to a page: report them on the first page
        visits[0].foreign_requests.extend(url for urls in foreign_by_page.values() for url in urls)
    return visits


def visit_pages(
    base_url: str, pages: list[str], concurrency: int = 3, layouts: tuple[str, ...] = ()
) -> list[PageVisit]:
    """Open every page as a reader would, several tabs at a time, in a browser that aborts and
    records every request to a host other than the site's; wait for diagrams and formulas; measure what the
    reader sees of each diagram and table at each of the VIEWPORTS named in `layouts` (the page loaded at the
    first, then resized to the others), or, with none, load the pages at laptop size."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    # A thread of its own: the async API cannot run inside the sync API's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _visit_all(base_url, pages, concurrency, layouts)).result()
