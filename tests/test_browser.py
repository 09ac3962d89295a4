"""What a reader's browser does: diagrams arrive drawn and no page loads a renderer, nothing is fetched
from another host, diagrams and formulas survive instant navigation, and one drawing follows the
light/dark switch."""

import re

import pytest

# The checks that use page_visits run on the worker that visited every page (conftest.py, CHAIN_FIXTURES).
pytestmark = pytest.mark.browser

# The scripts a page may load: Material's bundle, the search worker's shim, ours (overrides/).
RENDERER_SCRIPT = re.compile(r"mermaid|katex|mathjax", re.I)


SCHEME_JS = "() => document.body.getAttribute('data-md-color-scheme')"


def test_every_page_of_the_navigation_loads(page_visits):
    from support import nav_files, page_url

    status = {visit.page: visit.status for visit in page_visits}
    missing = [name for name in nav_files() if page_url(name) not in status]
    failed = [f"{visit.name}: HTTP {visit.status}" for visit in page_visits if visit.status != 200]
    assert not missing, f"pages of the navigation not visited: {missing}"
    assert not failed, "pages that did not load:\n" + "\n".join(failed)


def test_no_page_loads_a_diagram_or_maths_renderer(page_visits):
    loaded = [f"{visit.name}: {url}" for visit in page_visits for url in visit.scripts if RENDERER_SCRIPT.search(url)]
    assert not loaded, "renderer scripts loaded:\n" + "\n".join(loaded)
    assert any(visit.scripts for visit in page_visits), "no script request recorded at all: is the probe working?"


def test_every_diagram_renders_without_error(page_visits):
    problems = [problem for visit in page_visits for problem in visit.diagram_problems()]
    assert not problems, "\n".join(problems)
    assert sum(visit.diagrams for visit in page_visits) > 0, "no diagram found on the site"


def test_no_page_requests_another_host(page_visits):
    offenders = [f"{visit.name}: {url}" for visit in page_visits for url in visit.foreign_requests]
    assert not offenders, "requests to other hosts:\n" + "\n".join(offenders)


def test_no_page_logs_a_console_error(page_visits):
    errors = [f"{visit.name}: {error}" for visit in page_visits for error in visit.console_errors]
    assert not errors, "\n".join(errors)


def test_diagram_links_lead_to_built_pages(page_visits, site_dir):
    from urllib.parse import urljoin, urlparse

    missing = []
    for visit in page_visits:
        for link in visit.diagram_links:
            target = urlparse(urljoin("http://site/" + visit.page, link)).path.lstrip("/")
            if not (site_dir / target / "index.html").exists() and not (site_dir / target).is_file():
                missing.append(f"{visit.name}: diagram link {link}")
    assert not missing, "\n".join(missing)


def test_valid_fixture_diagram_renders_with_its_link(visit_fixture, fixture_site):
    from urllib.parse import urlparse

    visits = visit_fixture("valid")
    other = next(visit for visit in visits if visit.page == "other/")
    assert other.diagram_problems() == [] and other.rendered == 1
    # Written relative in the HTML; Material makes every link of the page absolute once it has loaded.
    assert 'href="../"' in (fixture_site("valid").site_dir / "other" / "index.html").read_text(encoding="utf-8")
    assert [urlparse(link).path for link in other.diagram_links] == ["/"], other.diagram_links


def test_request_to_another_host_is_recorded(visit_fixture):
    visits = visit_fixture("external-request")
    assert [url for visit in visits for url in visit.foreign_requests] == ["https://cdn.example.com/tracking-pixel.png"]


def _node_colours(tab):
    """WCAG relative luminance of the first node's fill (composited over the page, as it is seen), of its
    label and of the page."""
    return tab.evaluate(
        """() => {
          const svg = document.querySelector("div.mermaid > svg");
          const shape = svg.querySelector(".node rect, .node polygon, .node path, .node circle");
          const label = svg.querySelector(".node .nodeLabel, .node text, .node span");
          const rgba = (colour) => {
            const [r, g, b, a] = colour.match(/[\\d.]+/g).map(Number);
            return [r, g, b, a === undefined ? 1 : a];
          };
          const page = rgba(getComputedStyle(document.body).backgroundColor);
          const seen = (colour) => {
            const [r, g, b, a] = rgba(colour);
            return [r, g, b].map((channel, i) => a * channel + (1 - a) * page[i]);
          };
          const linear = (channel) => (channel /= 255) <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
          const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
          return {
            fill: luminance(seen(getComputedStyle(shape).fill)),
            text: luminance(seen(getComputedStyle(label).color || getComputedStyle(label).fill)),
            page: luminance(page),
          };
        }"""
    )


def _contrast(lighter: float, darker: float) -> float:
    """WCAG contrast ratio of two relative luminances."""
    lighter, darker = max(lighter, darker), min(lighter, darker)
    return (lighter + 0.05) / (darker + 0.05)


VISIBLE_LINKS_JS = """() => [...document.querySelectorAll("a[href]")]
  .filter(a => a instanceof HTMLAnchorElement && a.offsetParent !== null && !a.closest(".md-search"))
  .map(a => [a.getAttribute("href"), new URL(a.href).pathname])"""

RENDERERS_JS = "() => [typeof window.mermaid, typeof window.katex]"


def _follow_link_to(tab, pages: set[str], arrived: str) -> None:
    """Click a visible link to one of the pages (not the current one), as a reader does, wait until the
    `arrived` expression holds there, and check that Material's instant navigation swapped the page in
    place (a marker set on this window survives only then)."""
    here = tab.evaluate("() => location.pathname")
    href, path = next((h, p) for h, p in tab.evaluate(VISIBLE_LINKS_JS) if p in pages and p != here)
    tab.evaluate("() => { window.__sameDocument = true; }")
    # Material takes over a click only once it has the sitemap, which it fetches as the page loads: a reader's
    # click before that is a plain page load (on a busy machine, so was the check's).
    tab.wait_for_load_state("networkidle")
    tab.locator(f'a[href="{href}"]:visible').first.click()
    tab.wait_for_function(f"path => location.pathname === path && ({arrived})", arg=path, timeout=15000)
    assert tab.evaluate("() => window.__sameDocument === true"), (
        "the click reloaded the page: instant navigation is off"
    )


def test_diagrams_arrive_drawn_after_instant_navigation_and_follow_the_colour_scheme(browser, site_url, page_visits):
    diagram_pages = {"/" + visit.page for visit in page_visits if visit.diagrams}
    start = next(visit.page for visit in page_visits if not visit.diagrams)
    context = browser.new_context(color_scheme="light", viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + start, wait_until="load")
    _follow_link_to(tab, diagram_pages, "document.querySelector('div.mermaid > svg') !== null")
    assert tab.evaluate(RENDERERS_JS) == ["undefined", "undefined"], "a renderer library was loaded"
    light = _node_colours(tab)
    assert light["text"] < 0.5 < light["fill"], f"light scheme: dark text on light nodes expected, got {light}"
    assert _contrast(light["text"], light["fill"]) >= 4.5, light

    # Switch to the dark scheme with the header toggle, as a reader does: the same drawing takes the
    # scheme's colours from its CSS variables.
    tab.evaluate("() => { document.querySelector('div.mermaid > svg').__drawnOnce = true; }")
    for _ in range(3):
        if tab.evaluate(SCHEME_JS) == "slate":
            break
        tab.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert tab.evaluate(SCHEME_JS) == "slate"
    assert tab.evaluate("() => document.querySelector('div.mermaid > svg').__drawnOnce === true"), (
        "the diagram was redrawn"
    )
    dark = _node_colours(tab)
    assert dark["page"] < 0.5, "the dark scheme did not apply"
    assert dark["fill"] < dark["text"], f"dark scheme: light text on dark nodes expected, got {dark}"
    # Boxes set apart from the page by their fill, not by their thin borders alone; labels readable on them.
    assert _contrast(dark["fill"], dark["page"]) >= 1.3, f"dark scheme: node fill too close to the page: {dark}"
    assert _contrast(dark["text"], dark["fill"]) >= 4.5, f"dark scheme: label contrast below 4.5:1: {dark}"
    context.close()


def test_formulas_arrive_typeset_with_their_stylesheet_after_instant_navigation(browser, site_url, site_dir):
    maths_pages = {
        "/" + path.parent.relative_to(site_dir).as_posix() + "/"
        for path in site_dir.rglob("index.html")
        if 'class="katex"' in path.read_text(encoding="utf-8")
    }
    assert maths_pages, "no page with a typeset formula"
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    # A section page without formulas, whose text links to pages with them.
    tab.goto(site_url + "modelling/", wait_until="load")
    assert tab.evaluate("() => document.querySelector('.katex') === null")
    _follow_link_to(tab, maths_pages, "document.querySelector('.arithmatex .katex') !== null")
    state = tab.evaluate("""async () => {
        await document.fonts.ready;
        const formula = document.querySelector(".arithmatex .katex-html");
        return { font: getComputedStyle(formula).fontFamily,
                 mathml: getComputedStyle(document.querySelector(".arithmatex .katex-mathml")).position,
                 loaded: [...document.fonts].some(font => font.family.includes("KaTeX") && font.status === "loaded") };
    }""")
    # KaTeX's stylesheet sets its fonts and hides the MathML copy (kept for screen readers).
    assert "KaTeX_Main" in state["font"] and state["mathml"] == "absolute" and state["loaded"], state
    assert tab.evaluate(RENDERERS_JS) == ["undefined", "undefined"], "a renderer library was loaded"
    context.close()


def test_the_search_index_is_fetched_only_when_the_reader_turns_to_search(browser, site_url):
    from browser import SEARCH_PROBE, open_search, type_query

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(SEARCH_PROBE)
    tab = context.new_page()
    fetched = []
    tab.on("request", lambda request: "search_index" in request.url and fetched.append(request.url))
    tab.goto(site_url + "modelling/optimizers/", wait_until="load")
    tab.wait_for_load_state("networkidle")
    assert fetched == [], f"the search index was fetched before the reader searched: {fetched}"
    open_search(tab)
    assert [url.rsplit("/", 2)[-2:] for url in fetched] == [["search", "search_index.json"]], fetched
    results = type_query(tab, "Kinesis Data Firehose")
    assert results and "kinesis" in results[0]["page"], results[:3]
    context.close()
