"""Every diagram and table whole, on a laptop (1366x900) and a phone (390x844), in a real browser.

On a laptop no diagram is wider than its column and its labels are 12 px or more; on a phone a diagram
shown below its natural size has a visible full-screen control, which opens it at natural size with zoom,
by keyboard too. Every table keeps its header row in view; a table wider than its column scrolls in its
own box, every column reachable. The screenshots the checks take are kept in .cache/evidence/layout/.
"""

from __future__ import annotations

import pytest
from support import LAPTOP, PHONE, ROOT

# With the visit of every page (conftest.py), which measures the laptop layout and then the phone layout.
pytestmark = pytest.mark.browser

EVIDENCE = ROOT / ".cache" / "evidence" / "layout"
MIN_LABEL_PX = 12


@pytest.fixture(scope="module")
def laptop(page_visits):
    """Every page as a laptop shows it (LAPTOP): the visit of every page measures it (conftest.py)."""
    return {visit.name: visit.layouts["laptop"] for visit in page_visits}


@pytest.fixture(scope="module")
def phone(page_visits):
    """Every page as a phone shows it (PHONE): the same visit, the page resized to a phone's width."""
    return {visit.name: visit.layouts["phone"] for visit in page_visits}


def test_on_a_laptop_every_diagram_fits_its_column_with_labels_of_12_px(laptop):
    problems = [
        f"{page}: '{d['title']}' is {d['width']} px wide in a {d['column']} px column "
        f"({d['overflow']} px cut off), labels {d['label']:.1f} px"
        for page, layout in laptop.items()
        for d in layout["diagrams"]
        if d["overflow"] > 1 or d["label"] < MIN_LABEL_PX - 0.05
    ]
    assert not problems, "diagrams that do not fit a laptop's column:\n" + "\n".join(problems)
    assert sum(len(layout["diagrams"]) for layout in laptop.values()) > 50


def test_on_a_phone_every_diagram_fits_and_a_shrunk_one_has_a_full_screen_control(phone):
    problems = []
    for page, layout in phone.items():
        for d in layout["diagrams"]:
            if d["overflow"] > 1:
                problems.append(f"{page}: '{d['title']}' is cut off by {d['overflow']} px")
            if d["shrunk"] and not d["control"]:
                problems.append(
                    f"{page}: '{d['title']}' is shown at labels of {d['label']:.1f} px without a visible full-screen control"
                )
    assert not problems, "\n".join(problems)
    assert any(d["shrunk"] for layout in phone.values() for d in layout["diagrams"])


@pytest.mark.parametrize("viewport", ["laptop", "phone"])
def test_every_table_keeps_its_header_in_view_and_every_column_reachable(page_visits, viewport):
    layouts = {visit.name: visit.layouts[viewport] for visit in page_visits}
    problems = []
    for page, layout in layouts.items():
        for t in layout["tables"]:
            if not t["sticky"]:
                problems.append(f"{page}: the table under '{t['heading']}' has no sticky header row")
            if t["wide"] and not (t["scrolls"] and t["focusable"] and t["firstColumnSticky"]):
                problems.append(f"{page}: the table under '{t['heading']}' is wider than its column, but {t}")
    assert not problems, f"{viewport}:\n" + "\n".join(problems)
    assert sum(len(layout["tables"]) for layout in layouts.values()) > 50


def test_on_a_laptop_no_table_needs_sideways_scrolling(laptop):
    wide = [
        f"{page}: the table under '{t['heading']}'"
        for page, layout in laptop.items()
        for t in layout["tables"]
        if t["wide"]
    ]
    assert not wide, "tables wider than a laptop's column (split them or shorten their cells):\n" + "\n".join(wide)


def test_tooltips_are_marked_in_the_text_but_not_in_headings(laptop):
    marked = [page for page, layout in laptop.items() if layout["markedHeadingTooltips"]]
    assert not marked, f"headings with underlined tooltips: {marked}"
    assert sum(layout["headingTooltips"] for layout in laptop.values()) > 10, "no heading with a tooltip measured"
    assert sum(layout["markedTextTooltips"] for layout in laptop.values()) > 100, "tooltips in the text lost their mark"


def test_a_tall_tables_header_stays_under_the_header_bar_while_scrolling(browser, site_url):
    context = browser.new_context(viewport=LAPTOP)
    tab = context.new_page()
    tab.goto(site_url + "sagemaker/built-in-algorithms/", wait_until="load")
    table = tab.locator("article table").first
    table.evaluate("table => window.scrollTo(0, table.getBoundingClientRect().top + scrollY + table.offsetHeight / 2)")
    header_bar = tab.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
    header_row = table.evaluate("table => table.querySelector('th').getBoundingClientRect().top")
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(EVIDENCE / "sticky-table-header-1366.png"))
    context.close()
    assert abs(header_row - header_bar) <= 2, f"header row at {header_row} px, header bar ends at {header_bar} px"


def test_a_diagram_opens_full_screen_with_zoom_from_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(site_url + "data-engineering/kinesis/", wait_until="load")
    diagram = tab.locator("article div.mermaid").first
    opener = diagram.locator("button.diagram-open")
    assert opener.is_visible(), "no visible full-screen control on a shrunk diagram"
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    diagram.screenshot(path=str(EVIDENCE / "diagram-in-page-390.png"))
    opener.focus()
    tab.keyboard.press("Enter")
    dialog = tab.locator("dialog.diagram-viewer[open]")
    dialog.wait_for()
    natural = dialog.evaluate(
        "d => { const s = d.querySelector('.diagram-viewer__canvas > svg'); "
        "return [s.getBoundingClientRect().width, s.viewBox.baseVal.width]; }"
    )
    assert abs(natural[0] - natural[1]) <= 1, f"opened at {natural[0]} px, natural width {natural[1]} px"
    tab.keyboard.press("+")
    zoomed = dialog.evaluate("d => d.querySelector('.diagram-viewer__canvas > svg').getBoundingClientRect().width")
    assert zoomed > natural[0] * 1.2, f"+ did not zoom in: {zoomed} px"
    tab.screenshot(path=str(EVIDENCE / "diagram-full-screen-390.png"))
    dialog.locator("button[aria-label^='Zoom out']").click()
    tab.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    assert diagram.evaluate("d => d.querySelector(':scope > svg') !== null"), "the diagram did not return to the page"
    assert opener.evaluate("b => document.activeElement === b"), "focus did not return to the control"
    context.close()


def test_the_announcement_can_be_dismissed_and_stays_dismissed(browser, site_url):
    context = browser.new_context(viewport=LAPTOP)
    tab = context.new_page()
    tab.goto(site_url, wait_until="load")
    banner = tab.locator("[data-md-component=announce]")
    assert banner.is_visible()
    banner.locator("button").click()
    tab.reload(wait_until="load")
    assert not tab.locator("[data-md-component=announce]").is_visible(), "the announcement came back"
    context.close()
