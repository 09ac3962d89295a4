"""What the build generates from the pages' conventions, read back from the built site: every decision
guide and every exam tip or correction is listed, linked to its page; the glossary sends each term to a page
that uses it; every page's meta description is its opening paragraph. Each check reads the built pages
themselves, not the sources the generator read; the unit tests feed each a site that breaks it."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import Tag
from support import built_page, page_url, real_graph

DECISION_GUIDE = re.compile(r"^(which|what|how to choose|choosing)\b|decision", re.I)  # CONTRIBUTING.md
TRAP_TITLE = re.compile(r"^(Exam tip|Exam trap|Correction)")
DECISION_GUIDES, EXAM_TRAPS, GLOSSARY = "resources/decision-guides/", "resources/exam-traps/", "resources/glossary/"


def text_of(element) -> str:
    """An element's text as read: abbreviations (<abbr>) add no space."""
    return " ".join(element.get_text().split())


def article(site_dir: Path, url: str) -> Tag:
    return built_page(site_dir, url).article


def target(from_url: str, href: str) -> str:
    """The page URL (site-relative, directory style) a link on page `from_url` leads to."""
    path = posixpath.normpath(posixpath.join(from_url, href.split("#")[0]))
    return "" if path == "." else path.strip("/") + "/"


def listed_pages() -> list[str]:
    return [page_url(uri) for uri, info in real_graph().pages.items() if info.kind.listed]


def unlisted_decision_guides(site_dir: Path, pages: list[str]) -> list[str]:
    listing = article(site_dir, DECISION_GUIDES)
    listed = {(text_of(a), target(DECISION_GUIDES, a["href"])) for a in listing.find_all("a", href=True)}
    problems = []
    for url in pages:
        for title in article(site_dir, url).select("div.mermaid > svg > title"):
            text = text_of(title)
            if DECISION_GUIDE.search(text) and (text, url) not in listed:
                problems.append(f"{url}: the decision guide '{text}' is not on {DECISION_GUIDES}")
    return problems


def unlisted_exam_traps(site_dir: Path, pages: list[str]) -> list[str]:
    listing = article(site_dir, EXAM_TRAPS)
    listed: dict[str, int] = {}
    for link in listing.find_all("a", href=True, string="More"):
        listed[target(EXAM_TRAPS, link["href"])] = listed.get(target(EXAM_TRAPS, link["href"]), 0) + 1
    problems = []
    for url in pages:
        boxes = [
            t
            for t in article(site_dir, url).select(".admonition-title, details > summary")
            if TRAP_TITLE.match(t.get_text(strip=True))
        ]
        if len(boxes) != listed.get(url, 0):
            problems.append(
                f"{url}: {len(boxes)} exam tip or correction box(es), {listed.get(url, 0)} listed on {EXAM_TRAPS}"
            )
    return problems


def glossary_misdirections(site_dir: Path) -> list[str]:
    problems = []
    for row in article(site_dir, GLOSSARY).select("table tr"):
        cells = row.find_all("td")
        if len(cells) != 3:
            continue
        term, link = cells[0].get_text(strip=True), cells[2].find("a", href=True)
        if link is None:
            problems.append(f"{term}: explained on no page ({cells[2].get_text(strip=True)})")
            continue
        page = target(GLOSSARY, link["href"])
        if not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", article(site_dir, page).get_text(" ")):
            problems.append(f"{term}: said to be explained on {page}, which does not use it")
    return problems


def description_problems(site_dir: Path, pages: list[str], site_description: str) -> list[str]:
    problems = []
    for url in pages:
        html = built_page(site_dir, url)
        meta = html.find("meta", attrs={"name": "description"})
        description = " ".join((meta["content"] if meta else "").split())
        first = html.article.find("p") if html.article else None
        opening = " ".join(first.get_text().split()) if first else ""
        if not description or description == site_description or description != opening:
            problems.append(
                f"{url}: meta description {description[:80]!r} is not its opening paragraph {opening[:80]!r}"
            )
    return problems


@pytest.mark.content
def test_every_decision_guide_is_listed(site_dir):
    problems = unlisted_decision_guides(site_dir, listed_pages())
    assert not problems, "\n".join(problems)


@pytest.mark.content
def test_every_exam_tip_and_correction_is_listed(site_dir):
    problems = unlisted_exam_traps(site_dir, listed_pages())
    assert not problems, "\n".join(problems)


@pytest.mark.content
def test_the_glossary_sends_every_term_to_a_page_that_uses_it(site_dir):
    problems = glossary_misdirections(site_dir)
    assert not problems, "\n".join(problems)


@pytest.mark.content
def test_every_page_has_its_opening_paragraph_as_meta_description(site_dir):
    import yaml
    from support import ROOT, nav_files

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    problems = description_problems(site_dir, [page_url(name) for name in nav_files()], config["site_description"])
    assert not problems, "\n".join(problems)


def write_page(site: Path, url: str, body: str, description: str = "") -> None:
    (site / url).mkdir(parents=True, exist_ok=True)
    head = f'<meta name="description" content="{description}">' if description else ""
    (site / url / "index.html").write_text(f"<html><head>{head}</head><body><article>{body}</article></body></html>")


@pytest.mark.unit
def test_each_listing_check_reports_what_is_missing(tmp_path):
    write_page(
        tmp_path,
        "a/",
        '<p>Opening.</p><div class="mermaid"><svg><title>Which store?</title></svg></div>'
        '<div class="admonition"><p class="admonition-title">Exam tip</p></div>',
        description="Something else",
    )
    write_page(tmp_path, DECISION_GUIDES, "<p>None yet.</p>")
    write_page(tmp_path, EXAM_TRAPS, "<p>None yet.</p>")
    write_page(
        tmp_path,
        GLOSSARY,
        '<table><tr><td>VPC</td><td>Virtual private cloud</td><td><a href="../../a/">A</a></td></tr>'
        "<tr><td>ETL</td><td>Extract, transform, load</td><td>not used on the site yet</td></tr></table>",
    )
    assert unlisted_decision_guides(tmp_path, ["a/"]) == [
        "a/: the decision guide 'Which store?' is not on resources/decision-guides/"
    ]
    assert unlisted_exam_traps(tmp_path, ["a/"]) == [
        "a/: 1 exam tip or correction box(es), 0 listed on resources/exam-traps/"
    ]
    assert glossary_misdirections(tmp_path) == [
        "VPC: said to be explained on a/, which does not use it",
        "ETL: explained on no page (not used on the site yet)",
    ]
    assert description_problems(tmp_path, ["a/"], "Site")[0].startswith("a/: meta description 'Something else'")
