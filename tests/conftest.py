"""Session fixtures: the real site, built once strictly, served on 127.0.0.1,
and visited page by page in headless Chromium.

SITE_DIR=path reuses an existing build instead of building (for writers
checking their pages; CI always builds)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_server import free_port, serve
from support import build_fixture, build_site, confine, launch_browser, page_urls, visit_pages


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, site_port) -> Path:
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    target = tmp_path_factory.mktemp("real-site")
    # Built for the address it is served on, as a host serves it (sitemap.xml drives instant navigation).
    result = build_site(target, env={"SITE_URL": f"http://127.0.0.1:{site_port}/"})
    assert result.returncode == 0, f"the strict build of the real site failed:\n{result.output}"
    return target


@pytest.fixture(scope="session")
def site_url(site_dir, site_port):
    with serve(site_dir, port=site_port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def page_visits(site_dir, site_url):
    """Every page of the real site, visited once; requests to any other host are aborted and recorded."""
    return visit_pages(site_url, page_urls(site_dir))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """Build a small fixture site from tests/fixtures/<name>; cached per name."""
    built = {}

    def build(name: str):
        if name not in built:
            built[name] = build_fixture(name, tmp_path_factory.mktemp(name))
        return built[name]

    return build


@pytest.fixture(scope="session")
def visit_fixture(fixture_site):
    """Build a fixture site, serve it and visit its pages as the real site's pages are visited."""

    def run(name: str):
        result = fixture_site(name)
        assert result.returncode == 0, f"fixture {name} should build:\n{result.output}"
        with serve(result.site_dir) as url:
            return visit_pages(url, page_urls(result.site_dir))

    return run


@pytest.fixture(scope="session")
def search_tab(browser, site_url):
    """A tab on the real site with the search box open, as a reader's: every request to another host is
    aborted and recorded in tab.foreign_requests."""
    from browser import SEARCH_PROBE, open_search

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(SEARCH_PROBE)
    foreign = confine(context, (site_url,))
    tab = context.new_page()
    tab.foreign_requests = foreign
    tab.goto(site_url, wait_until="load")
    open_search(tab)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def search_outcomes(search_tab, site_url):
    """The ranking suite (tests/search_queries.yml), typed into the real site's search box once."""
    from browser import type_query
    from search_suite import load_queries, run

    # Typed as fast as keys can be pressed: every key still sends its query, and the check waits for the last.
    return run(search_tab, site_url, load_queries(), lambda tab, query: type_query(tab, query, delay=0))


LAYERS = ("unit", "content", "browser")
# What a test may use in each layer: a unit test builds nothing, a content test opens no browser.
BROWSER_FIXTURES = {"browser", "page_visits", "site_url", "search_tab", "search_outcomes", "visit_fixture"}
SITE_FIXTURES = {"site_dir", "fixture_site"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test belongs to exactly one layer (pytest -m unit / content / browser), and to the right one."""
    problems = []
    for item in items:
        layers = [mark.name for mark in item.iter_markers() if mark.name in LAYERS]
        used = set(getattr(item, "fixturenames", ()))
        if len(layers) != 1:
            problems.append(f"{item.nodeid}: marked {layers or 'with no layer'}; mark it with one of {LAYERS}")
        elif used & BROWSER_FIXTURES and layers[0] != "browser":
            problems.append(f"{item.nodeid}: uses {sorted(used & BROWSER_FIXTURES)}, so it is a browser test")
        elif used & SITE_FIXTURES and layers[0] == "unit":
            problems.append(f"{item.nodeid}: uses {sorted(used & SITE_FIXTURES)}, so it is not a unit test")
    if problems:
        raise pytest.UsageError("tests in the wrong layer:\n" + "\n".join(problems))


_search_report: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if _search_report:
        terminalreporter.write_sep("-", "search ranking")
        for line in _search_report:
            terminalreporter.write_line(line)
