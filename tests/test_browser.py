"""What a reader's browser does: diagrams render, nothing is fetched from another host,
diagrams survive instant navigation and the light/dark switch."""

from browser import RENDERERS_SETTLED


SCHEME_JS = "() => document.body.getAttribute('data-md-color-scheme')"


def test_every_page_was_visited(page_visits):
    assert len(page_visits) > 1


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


def test_invalid_diagram_is_reported_with_its_page(visit_fixture):
    problems = [problem for visit in visit_fixture("invalid-diagram") for problem in visit.diagram_problems()]
    # Mermaid leaves a diagram it cannot parse as text (or draws its error image): either is reported.
    assert len(problems) == 1 and problems[0].startswith("index.html: "), problems


def test_valid_fixture_diagram_renders_with_its_link(visit_fixture):
    visits = visit_fixture("valid")
    other = next(visit for visit in visits if visit.page == "other/")
    assert other.diagram_problems() == [] and other.rendered == 1
    assert other.diagram_links == ["../"], other.diagram_links


def test_request_to_another_host_is_recorded(visit_fixture):
    visits = visit_fixture("external-request")
    assert [url for visit in visits for url in visit.foreign_requests] == ["https://cdn.example.com/tracking-pixel.png"]


def _node_colours(tab):
    return tab.evaluate(
        """() => {
          const svg = document.querySelector("div.mermaid > svg");
          const shape = svg.querySelector(".node rect, .node polygon, .node path, .node circle");
          const label = svg.querySelector(".node .nodeLabel, .node text, .node span");
          const luminance = (colour) => {
            const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
          };
          return {
            fill: luminance(getComputedStyle(shape).fill),
            text: luminance(getComputedStyle(label).color || getComputedStyle(label).fill),
            page: luminance(getComputedStyle(document.body).backgroundColor),
          };
        }"""
    )


VISIBLE_LINKS_JS = """() => [...document.querySelectorAll("a[href]")]
  .filter(a => a.offsetParent !== null && !a.closest(".md-search"))
  .map(a => [a.getAttribute("href"), new URL(a.href).pathname])"""


def test_diagrams_render_after_instant_navigation_and_follow_the_colour_scheme(browser, site_url, page_visits):
    diagram_pages = {"/" + visit.page for visit in page_visits if visit.diagrams}
    start = next(visit.page for visit in page_visits if not visit.diagrams)
    context = browser.new_context(color_scheme="light", viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + start, wait_until="load")
    assert tab.evaluate("() => typeof window.mermaid") == "undefined", "Mermaid must load only where diagrams are"

    # Follow a visible link to a page with diagrams. Material's instant navigation swaps the page
    # in place: the marker set on this window survives only if no new page was loaded.
    href, path = next((h, p) for h, p in tab.evaluate(VISIBLE_LINKS_JS) if p in diagram_pages)
    tab.evaluate("() => { window.__sameDocument = true; }")
    tab.locator(f'a[href="{href}"]:visible').first.click()
    tab.wait_for_url(f"**{path}")
    assert tab.evaluate("() => window.__sameDocument === true"), "the click reloaded the page: instant navigation is off"
    tab.wait_for_function("() => document.querySelector('div.mermaid > svg') !== null", timeout=15000)
    tab.evaluate(f"() => {RENDERERS_SETTLED}")
    light = _node_colours(tab)
    assert light["text"] < 0.5 < light["fill"], f"light scheme: dark text on light nodes expected, got {light}"

    # Switch to the dark scheme with the header toggle, as a reader does.
    for _ in range(3):
        if tab.evaluate(SCHEME_JS) == "slate":
            break
        tab.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert tab.evaluate(SCHEME_JS) == "slate"
    tab.wait_for_function("() => document.querySelector('div.mermaid > svg') !== null")
    tab.evaluate(f"() => {RENDERERS_SETTLED}")
    dark = _node_colours(tab)
    assert dark["page"] < 0.5, "the dark scheme did not apply"
    assert dark["fill"] < 0.5 < dark["text"], f"dark scheme: light text on dark nodes expected, got {dark}"
    context.close()
