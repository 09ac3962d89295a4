"""Search answers what readers type: the ranking suite (tests/search_queries.yml) typed into the real
site's search box in Chromium, and the behaviour around it. Material's search box listens to key
events, so every query is typed key by key; each check waits for the answer to the very query typed
(scripts/browser.py: SEARCH_PROBE), never for an element that was there from page load."""

import pytest
from browser import open_search, type_query
from conftest import _search_report
from search_suite import QUERIES_FILE, REQUIRED_TOP_SHARE, TOP, problems, report, shares, strip


@pytest.mark.content
def test_every_query_names_a_page_and_section_the_site_has(site_dir):
    found = problems(QUERIES_FILE, site_dir)
    assert not found, "tests/search_queries.yml:\n" + "\n".join(found)


@pytest.mark.content
def test_a_bad_query_entry_fails_naming_the_entry_and_the_problem(site_dir, tmp_path):
    bad = tmp_path / "queries.yml"
    bad.write_text(
        "- {query: kinesis, page: data-engineering/no-such-page.md, class: name}\n"
        "- {query: firehose, page: data-engineering/kinesis.md, section: no-such-section, class: name}\n"
        "- {query: glue, page: data-engineering/aws-glue.md, class: guess}\n"
        "- {query: athena, page: data-engineering/amazon-athena.md, class: name, sectoin: x}\n"
        "- {query: Glue, page: data-engineering/aws-glue.md, class: name}\n"
    )
    found = "\n".join(problems(bad, site_dir))
    for expected in (
        "entry 1 ('kinesis'): page 'data-engineering/no-such-page.md' is not in the built site",
        "entry 2 ('firehose'): page 'data-engineering/kinesis.md' has no section with id 'no-such-section'",
        "entry 3 ('glue'): class 'guess' is not one of",
        "entry 4 ('athena'): unknown key(s) ['sectoin']",
        "entry 5 ('Glue'): the query is given more than once",
    ):
        assert expected in found, f"expected {expected!r} in:\n{found}"


@pytest.mark.browser
def test_learners_find_the_page_that_answers_in_the_top_three(search_outcomes, site_url):
    summary = shares(search_outcomes)
    _search_report[:] = report(summary).splitlines()
    misses = [o.describe(site_url) for o in search_outcomes if o.rank is None or o.rank > TOP]
    assert summary["top3"] >= REQUIRED_TOP_SHARE, (
        report(summary) + f"\n{len(misses)} queries not answered in the top {TOP}:\n" + "\n".join(misses)
    )


@pytest.mark.browser
def test_searching_sends_no_request_to_another_host(search_outcomes, search_tab):
    assert not search_tab.foreign_requests, f"requests to other hosts: {search_tab.foreign_requests}"


@pytest.mark.browser
def test_results_follow_the_query_typed(search_tab, site_url):
    first = type_query(search_tab, "SMOTE")
    assert first and strip(first[0]["page"], site_url) == "feature-engineering/unbalanced-data/", first[:3]
    assert type_query(search_tab, "zzyzxquux") == []
    meta = search_tab.locator(".md-search-result__meta").inner_text()
    assert "No matching documents" in meta, meta
    again = type_query(search_tab, "Kinesis")
    assert again and strip(again[0]["page"], site_url) == "data-engineering/kinesis/", again[:3]


@pytest.mark.browser
def test_a_section_result_shows_its_heading_and_enter_opens_it(search_tab, site_url):
    results = type_query(search_tab, "what port does zeppelin use on emr")
    assert results, "no results"
    best = results[0]
    assert strip(best["page"], site_url) == "data-engineering/amazon-emr/", results[:3]
    assert "#" in best["best"], f"the best result opens the top of the page, not a section: {best}"
    heading = search_tab.locator(".md-search-result__item").first.locator("article h2").first
    assert heading.is_visible() and heading.inner_text().strip() == best["heading"].strip(), best
    search_tab.locator("input.md-search__input").press("Enter")
    search_tab.wait_for_url("**/data-engineering/amazon-emr/**")
    assert search_tab.url.split("#")[1] == best["best"].split("#")[1], search_tab.url
    search_tab.goto(site_url, wait_until="load")  # back where the other checks expect the tab
    open_search(search_tab)


@pytest.mark.parametrize(
    "british, american",
    [
        ("regularisation", "regularization"),
        ("tokenisation", "tokenization"),
        ("normalisation", "normalization"),
        ("analyse", "analyze"),
        ("modelling", "modeling"),
        ("artefact", "artifact"),
    ],
)
@pytest.mark.browser
def test_both_spellings_give_the_same_results(search_tab, british, american):
    uk, us = type_query(search_tab, british), type_query(search_tab, american)
    assert uk, f"{british!r} found nothing"
    assert [strip(r["best"], "") for r in uk[:3]] == [strip(r["best"], "") for r in us[:3]], (uk[:3], us[:3])
