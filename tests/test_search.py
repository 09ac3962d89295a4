"""Search finds the terms readers of this field type. Material's search box ignores
fill(), so the tests type keystroke by keystroke, as a reader does."""

import pytest

# term typed -> page that must be among the first results (site-relative URL)
TERMS = {
    "S3": "data-engineering/data-stores/",
    "F1": "modelling/evaluation-metrics/",
    "k-NN": "sagemaker/built-in-algorithms/k-nearest-neighbors/",
    "t-SNE": "feature-engineering/dimensionality-reduction/",
    "RecordIO": "sagemaker/built-in-algorithms/",
    "Word2Vec": "sagemaker/built-in-algorithms/blazingtext/",
    "Kinesis": "data-engineering/kinesis/",
}
TOP = 5


def search(tab, site_url: str, term: str) -> list[str]:
    """Type a query into the header search box; return the result pages, best first."""
    tab.goto(site_url, wait_until="load")
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator("input.md-search__input").press_sequentially(term, delay=40)
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = tab.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname.replace(/^\\//, ''))",
    )
    return hrefs


@pytest.fixture(scope="module")
def search_tab(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("term, page", TERMS.items())
def test_typed_term_finds_its_page(search_tab, site_url, term, page):
    results = search(search_tab, site_url, term)
    assert page in results[:TOP], f"searching {term!r}: {page} not in the first {TOP} results {results[:TOP]}"


def test_unknown_term_finds_nothing(search_tab, site_url):
    search_tab.goto(site_url, wait_until="load")
    search_tab.locator("label.md-search__icon, .md-search__input").first.click()
    search_tab.locator("input.md-search__input").press_sequentially("zzyzxquux", delay=40)
    search_tab.wait_for_selector(".md-search-result__meta", timeout=15000)
    search_tab.wait_for_timeout(300)
    assert search_tab.locator(".md-search-result__item").count() == 0
