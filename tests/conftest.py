"""Session fixtures: the real site, built once strictly, served on 127.0.0.1,
and visited page by page in headless Chromium.

The checks run in parallel (pytest-xdist, `make test`): the controller process serves the real site on
one port for every worker, and each site (the real one, each fixture) is built once, by the first worker
that needs it, into a folder the workers share; the others wait for it (a file lock).

SITE_DIR=path reuses an existing build instead of building (for writers
checking their pages; CI always builds)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from filelock import FileLock
from site_server import free_port, serve
from support import BuildResult, build_fixture, build_site, confine, launch_browser, page_urls, visit_pages

_served = {}  # in the controller: the server of the real site, and the shared folder


def pytest_configure(config):
    if hasattr(config, "workerinput"):  # an xdist worker: the controller serves
        return
    shared = Path(tempfile.mkdtemp(prefix="aws-ml-notes-checks-"))
    real_site = Path(os.environ["SITE_DIR"]).resolve() if os.environ.get("SITE_DIR") else shared / "real-site"
    port = free_port()
    server = serve(real_site, port=port)
    server.__enter__()
    _served.update(server=server, shared=str(shared), port=port, real_site=str(real_site))


def pytest_unconfigure(config):
    if "server" in _served:
        _served["server"].__exit__(None, None, None)
        shutil.rmtree(_served["shared"], ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """xdist, in the controller: what every worker needs to share the builds and the server."""
    node.workerinput.update({key: value for key, value in _served.items() if key != "server"})


def _shared(config) -> dict:
    return config.workerinput if hasattr(config, "workerinput") else _served


def made_once(config, name: str, make):
    """make(folder) once for every worker, in a shared folder: the first to ask makes it, the others wait
    and read what it returned (JSON)."""
    target = Path(_shared(config)["shared"]) / name
    record = target.with_name(f"{name}.json")
    with FileLock(str(target) + ".lock"):
        if not record.exists():
            record.write_text(json.dumps(make(target)))
        return target, json.loads(record.read_text())


def shared_build(config, name: str, build) -> BuildResult:
    """build(target) once for every worker."""

    def make(target: Path) -> dict:
        result = build(target)
        return {"returncode": result.returncode, "output": result.output}

    target, saved = made_once(config, name, make)
    return BuildResult(saved["returncode"], saved["output"], target)


@pytest.fixture(scope="session")
def once(pytestconfig):
    """once(name, make): what make(folder) returns, made by one worker for all (the PDF, the bundle)."""
    return lambda name, make: made_once(pytestconfig, name, make)


@pytest.fixture(scope="session")
def site_port(pytestconfig) -> int:
    return _shared(pytestconfig)["port"]


@pytest.fixture(scope="session")
def site_dir(pytestconfig, site_port) -> Path:
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    # Built for the address it is served on, as a host serves it (sitemap.xml drives instant navigation).
    env = {"SITE_URL": f"http://127.0.0.1:{site_port}/"}
    result = shared_build(pytestconfig, "real-site", lambda target: build_site(target, env=env))
    assert result.returncode == 0, f"the strict build of the real site failed:\n{result.output}"
    return result.site_dir


@pytest.fixture(scope="session")
def site_url(site_dir, site_port):
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def page_visits(site_dir, site_url):
    """Every page of the real site, visited once; requests to any other host are aborted and recorded, and the
    layout of its diagrams and tables is measured at laptop size, then at phone size (tests/test_layout.py)."""
    return visit_pages(site_url, page_urls(site_dir), layouts=("laptop", "phone"))


@pytest.fixture(scope="session")
def fixture_site(pytestconfig):
    """Build a small fixture site from tests/fixtures/<name>, once for every worker."""

    def build(name: str):
        return shared_build(pytestconfig, f"fixture-{name}", lambda target: build_fixture(name, target))

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
    """The ranking suite (tests/search_queries.yml), entered into the real site's search box once."""
    from browser import enter_query
    from search_suite import load_queries, run

    # Each query entered with one key press: one search each (typing key by key sent one a key, five times the
    # work for the same results); tests/test_search.py checks that results follow a query typed key by key.
    return run(search_tab, site_url, load_queries(), enter_query)


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
    for item in items:
        if group := chain_of(item):
            item.add_marker(pytest.mark.xdist_group(group))
    # The longest chains first (make test runs xdist with --no-loadscope-reorder, so in this order), each
    # started by the first worker free; then the short checks fill the gaps.
    items.sort(key=lambda item: SCHEDULE.index(group) if (group := xdist_group(item)) in SCHEDULE else len(SCHEDULE))


# The chains of work that each run on one worker (an xdist group), longest first, and the fixture that puts a
# check in one: the PDF's build and two printings; the visit of every page (each worker would visit them all
# again); the ranking suite and the offline bundle; the real site's pages read as files, each parsed once for
# all the content checks of a worker (support.built_page).
SCHEDULE = ["pdf", "visits", "search", "real-site-pages"]
CHAIN_FIXTURES = {"pdf_work": "pdf", "page_visits": "visits", "search_tab": "search", "offline_bundle": "search"}


def chain_of(item) -> str | None:
    used = getattr(item, "fixturenames", ())
    chains = [chain for fixture, chain in CHAIN_FIXTURES.items() if fixture in used]
    if not chains and item.get_closest_marker("content") and "site_dir" in used:
        chains = ["real-site-pages"]
    return min(chains, key=SCHEDULE.index, default=None)


def xdist_group(item) -> str | None:
    mark = item.get_closest_marker("xdist_group")
    return mark.args[0] if mark else None


_search_report: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if _search_report:
        terminalreporter.write_sep("-", "search ranking")
        for line in _search_report:
            terminalreporter.write_line(line)
