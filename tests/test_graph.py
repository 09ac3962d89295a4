"""The link graph: backlinks are exact, no page is an orphan, pages link out as their kind asks, every
topic page has self-check questions, and the glossary matches the abbreviations."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from glossary import abbreviations
from page_kinds import SELF_CHECK_QUESTIONS
from site_graph import BACKLINKS_SHOWN, build_graph, render_backlinks
from support import ROOT, built_page, page_url, page_urls, real_graph


def section_items(html: str, section_id: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id=section_id)
    if heading is None:
        return []
    listing = heading.find_next_sibling("ul")
    return [" ".join(item.get_text(" ").split()) for item in listing.find_all("li")] if listing else []


@pytest.fixture(scope="module")
def graph_fixture(fixture_site):
    result = fixture_site("graph")
    assert result.returncode == 0, result.output
    return result.site_dir


@pytest.mark.content
def test_backlinks_are_exact_on_a_fixture(graph_fixture):
    def backlinks(page):
        return section_items((graph_fixture / page / "index.html").read_text(), "referenced-by")

    # One line per linking page, naming its sections in their order.
    assert backlinks("b") == ["Page A , in Storage and Compute"]
    assert backlinks("c") == ["Page A , in Compute and Flow"]
    assert backlinks("a") == ["Page B , in its introduction", "Home , in its introduction"]  # navigation order
    assert backlinks("lonely") == []
    assert "referenced-by" not in (graph_fixture / "lonely" / "index.html").read_text()


@pytest.mark.unit
def test_long_backlink_lists_are_folded_after_a_handful_of_pages():
    linking = [
        (f"p{n}.md", f"# Page {n}\n\nSee [the target](target.md).\n\n## More\n\n[Again](target.md).\n")
        for n in range(BACKLINKS_SHOWN + 3)
    ]
    rendered = render_backlinks(build_graph([("target.md", "# Target\n"), *linking]), "target.md")
    shown, folded = rendered.split("??? abstract more-backlinks")
    assert (
        shown.count("\n- ") == BACKLINKS_SHOWN
        and "[Page 0](p0.md), in its introduction and [More](p0.md#more)" in shown
    )
    assert folded.startswith(' "3 more pages link here"') and folded.count("\n    - ") == 3


@pytest.mark.content
def test_related_pages_come_from_shared_tags_and_skip_linked_pages(graph_fixture):
    related = section_items((graph_fixture / "a" / "index.html").read_text(), "related-by-tags")
    assert related == ["Lonely page : Storage"], "B and C are linked from A already; Lonely shares Storage"


@pytest.mark.unit
def test_orphan_and_link_checks_name_the_page():
    docs = ROOT / "tests/fixtures/graph/docs"
    graph = build_graph([(p.relative_to(docs).as_posix(), p.read_text()) for p in sorted(docs.glob("*.md"))])
    assert graph.orphans() == ["lonely.md"]
    assert "b.md links to 1 other page(s); a topic page links to at least 3" in graph.under_linked()
    assert repr(graph) == "Graph(5 pages)", "a failing check prints the graph: it must stay short"


@pytest.mark.unit
def test_page_kinds_decide_the_rules():
    home = "---\nkind: home\n---\n\n# Home\n\n[A](a.md)\n"
    meta = "---\nkind: meta\ntags: [Storage]\n---\n\n# Map\n\n[A](a.md)\n"
    topic = "---\ntags: [Storage]\n---\n\n# A\n\n[Map](map.md)\n"
    graph = build_graph([("index.md", home), ("map.md", meta), ("a.md", topic)])
    assert graph.orphans() == [], "home needs no inbound link; map and a are linked"
    assert graph.under_linked() == ["a.md links to 1 other page(s); a topic page links to at least 3"]
    assert graph.related_by_tags("a.md") == [], "a meta page is never listed as related"


@pytest.mark.unit
def test_no_page_is_an_orphan():
    found = real_graph().orphans()
    assert not found, f"pages no other page links to (navigation does not count): {found}"


@pytest.mark.unit
def test_every_page_links_out_as_its_kind_asks():
    problems = real_graph().under_linked()
    assert not problems, "\n".join(problems)


@pytest.mark.content
def test_every_topic_page_ends_with_two_to_five_self_check_questions(site_dir):
    low, high = SELF_CHECK_QUESTIONS
    problems = []
    for src_uri, info in real_graph().pages.items():
        if not info.kind.self_check:
            continue
        heading = built_page(site_dir, page_url(src_uri)).find(id="check-yourself")
        questions = []
        for sibling in heading.find_next_siblings() if heading else []:
            if sibling.name == "h2":
                break
            if sibling.name == "details" and "question" in sibling.get("class", []):
                questions.append(sibling)
        if not low <= len(questions) <= high:
            problems.append(f"{src_uri}: {len(questions)} self-check question(s) under 'Check yourself'")
    assert not problems, "\n".join(problems)


ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?(?![\w-])")
# Written in capitals but not abbreviations: product and company names, and the notes' own
# misspelling of PII, quoted where it is corrected.
NOT_ABBREVIATIONS = {"NVIDIA", "MATLAB", "NXP", "H2O", "PPI", "JAX"}


# What is not the site's prose: code, diagrams (their labels are checked as drawn), scripts and styles.
HIDDEN = {"pre", "code", "svg", "script", "style"}


def prose(element: Tag, skip: set[int], words: list[str], abbreviations: list[str]) -> None:
    """The prose of `element` into `words`, the abbreviations (<abbr>) it uses into `abbreviations`: not what
    is hidden, nor the subtrees whose id() is in `skip`. The tree is shared (support.built_page): read only."""
    for child in element.children:
        if isinstance(child, Tag):
            if (
                child.name in HIDDEN
                or id(child) in skip
                or (child.name == "div" and "mermaid" in child.get("class", ()))
            ):
                continue
            if child.name == "abbr":
                abbreviations.append(child.get_text())
            else:
                prose(child, skip, words, abbreviations)
        elif type(child) is NavigableString:
            words.append(child)


def page_texts(site_dir):
    """Each page's prose and the abbreviations it uses."""
    for page in page_urls(site_dir):
        article = built_page(site_dir, page).article
        if article is None:
            continue
        # A page's Sources list gives documents' titles ("CREATE MODEL", "FAQs"), not the site's words.
        sources = article.find(id="sources")
        sources_list = sources.find_next_sibling("ul") if sources is not None else None
        words, used = [], []
        prose(article, {id(sources_list)} if sources_list is not None else set(), words, used)
        yield page or "index.html", " ".join(words), used


def glossary_usage(site_dir) -> tuple[dict[str, str], list[str]]:
    """Acronyms written without a glossary entry ({acronym: first page}), and entries no page uses."""
    terms = {term for term, _ in abbreviations(ROOT)}
    unknown, used = {}, set()
    for page, text, page_abbreviations in page_texts(site_dir):
        # The glossary's own table would count every entry as used.
        if page != "resources/glossary/":
            used.update(page_abbreviations)
        for token in ACRONYM.findall(text):
            singular = token[:-1] if token.endswith("s") and token[:-1] in terms else token
            if singular not in terms and singular not in NOT_ABBREVIATIONS and len(singular) > 1:
                unknown.setdefault(singular, page)
    return unknown, sorted(terms - used)


@pytest.mark.content
def test_every_acronym_has_a_glossary_entry_and_every_entry_is_used(site_dir):
    unknown, unused = glossary_usage(site_dir)
    assert not unknown, "acronyms without a glossary entry (add them to includes/abbreviations.md):\n" + "\n".join(
        f"{token} (first on {page})" for token, page in sorted(unknown.items())
    )
    assert not unused, f"glossary entries used on no page: {unused}"


@pytest.mark.content
def test_glossary_usage_check_sees_unused_entries_and_hyphen_joined_uses(graph_fixture):
    _, unused = glossary_usage(graph_fixture)
    assert "ETL" not in unused and "HLS" not in unused, "b.md uses ETL, and HLS joined by a hyphen"
    assert "VPC" in unused, "no fixture page mentions VPC: the check must report it"
