"""The exam maps: generated from includes/exams.yml and each page's `exam` and `exam_domain` front matter.

Bad front matter failing the strict build is in test_build.py (fixture bad-exam-task).
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import Tag
from exam_map import EXAMS_PATH, check_exams
from support import ROOT, built_page

EXAMS = yaml.safe_load((ROOT / EXAMS_PATH).read_text(encoding="utf-8"))["exams"]
TASKS = [task for domain in EXAMS["mla-c01"]["domains"].values() for task in domain["tasks"]]


def article(site_dir, page: str) -> Tag:
    return built_page(site_dir, page).article


def task_section(soup: Tag, task_id: str) -> list:
    """The elements under a task statement's heading, up to the next heading."""
    heading = soup.find(id=f"task-{task_id.replace('.', '-')}")
    assert heading is not None, f"task {task_id} has no heading on the map"
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        elements.append(sibling)
    return elements


def links_under(elements) -> list[tuple[str, str]]:
    return [(a.get_text(" ", strip=True), a["href"]) for element in elements for a in element.find_all("a")]


def flagged(elements) -> bool:
    return any("No page teaches this task statement yet" in element.get_text() for element in elements)


@pytest.fixture(scope="module")
def exam_map_fixture(fixture_site):
    result = fixture_site("exam-map")
    assert result.returncode == 0, result.output
    return result.site_dir


@pytest.mark.content
def test_fixture_map_lists_pages_and_sections_under_their_task_statements(exam_map_fixture):
    soup = article(exam_map_fixture, "resources/exam-map")
    assert links_under(task_section(soup, "1.1")) == [("Storage", "../../guide/storage/")]
    assert links_under(task_section(soup, "4.3")) == [
        ("Storage", "../../guide/storage/"),
        ("Encryption at rest", "../../guide/storage/#encryption"),
    ]
    beyond = soup.find(id="beyond-the-exam").find_next_sibling()
    assert [a.get_text() for a in beyond.find_all("a")] == ["History"]


@pytest.mark.content
def test_fixture_map_flags_task_statements_no_page_teaches(exam_map_fixture):
    soup = article(exam_map_fixture, "resources/exam-map")
    assert not flagged(task_section(soup, "1.1"))
    assert flagged(task_section(soup, "1.2")) and flagged(task_section(soup, "3.3"))
    summary = soup.find("table")
    assert "1 of 3 taught" in summary.get_text() and "0 of 3 taught" in summary.get_text()


@pytest.mark.content
def test_fixture_legacy_map_lists_pages_under_specialty_domains(exam_map_fixture):
    soup = article(exam_map_fixture, "resources/exam-map-specialty")
    listed = soup.find(id="data-engineering").find_next_sibling()
    assert [a.get_text() for a in listed.find_all("a")] == ["Storage"]


@pytest.mark.content
def test_every_task_statement_is_taught_on_the_real_site(site_dir):
    soup = article(site_dir, "resources/exam-map")
    untaught = [
        task for task in TASKS if flagged(task_section(soup, task)) or not links_under(task_section(soup, task))
    ]
    assert not untaught, f"MLA-C01 task statements no page teaches: {untaught}"
    for domain_id, domain in EXAMS["mla-c01"]["domains"].items():
        heading = soup.find(id=f"domain-{domain_id}")
        assert heading is not None and f"({domain['weight']} %)" in heading.get_text(), domain_id


@pytest.mark.content
def test_every_in_scope_service_is_linked_to_the_section_that_explains_it(site_dir):
    soup = article(site_dir, "resources/exam-map")
    table = soup.find(id="in-scope-services").find_next_sibling().find("table")
    named = sum(len(ids) for ids in EXAMS["mla-c01"]["in_scope_services"].values())
    links = table.find_all("a")
    assert named >= 60 and len(links) == named, f"{len(links)} links for {named} in-scope services"


@pytest.mark.unit
def test_malformed_exams_are_reported():
    exams = {
        "mla-c01": {
            "name": "x",
            "domains": {
                "1": {
                    "title": "a",
                    "weight": 60,
                    "tasks": {"1.1": {"title": "t"}, "2.1": {"title": "u", "sumary": "s"}},
                },
                "2": {"title": "b", "weight": "thirty"},
            },
        },
        "mls-c01": {"name": "y", "level": "specialty", "domains": {"d": {"title": "c", "weight": 100}}},
    }
    problems = check_exams(exams)
    assert "exam mla-c01: task 2.1 is not numbered within domain 1" in problems
    assert "exam mla-c01, task 2.1: unknown key 'sumary'" in problems
    assert "exam mla-c01, domain 2: needs a whole-number weight" in problems
    assert "exam mla-c01: domain weights add up to 60, not 100" in problems
    assert any(p.startswith("exam mls-c01: unknown key 'level'") for p in problems)
    assert check_exams({"mla-c01": {}}) == ["needs `exams:` with the entries mla-c01 and mls-c01"]
    assert not check_exams(EXAMS), "the real includes/exams.yml is well formed"
