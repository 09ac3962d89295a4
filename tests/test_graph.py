"""The knowledge graph: backlinks are exact, no page is an orphan, topic pages are well linked,
every topic page has self-check questions, and the glossary matches the abbreviations."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from knowledge_graph import META_PAGES, abbreviations, build_graph
from support import ROOT, site_pages


def nav_files(nav) -> list[str]:
    files = []
    for item in nav:
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


def real_graph():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return build_graph([(name, (ROOT / "docs" / name).read_text()) for name in nav_files(config["nav"])])


def is_topic_page(src_uri: str) -> bool:
    return src_uri != "index.md" and not src_uri.endswith("/index.md") and src_uri not in META_PAGES


def orphans(graph) -> list[str]:
    return [uri for uri in graph.pages if uri != "index.md" and not graph.inbound(uri)]


def under_linked(graph, minimum: int = 3) -> list[str]:
    return [
        f"{uri} links to {len(graph.outbound_pages(uri))} page(s)"
        for uri in graph.pages
        if is_topic_page(uri) and len(graph.outbound_pages(uri)) < minimum
    ]


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


def test_backlinks_are_exact_on_a_fixture(graph_fixture):
    def backlinks(page):
        return section_items((graph_fixture / page / "index.html").read_text(), "referenced-by")

    # One line per linking page, naming its sections in their order.
    assert backlinks("b") == ["Page A , in Storage and Compute"]
    assert backlinks("c") == ["Page A , in Compute and Flow"]
    assert backlinks("a") == ["Page B , in its introduction", "Home , in its introduction"]  # navigation order
    assert backlinks("lonely") == []
    assert "referenced-by" not in (graph_fixture / "lonely" / "index.html").read_text()


def test_long_backlink_lists_are_folded_after_a_handful_of_pages():
    from knowledge_graph import BACKLINKS_SHOWN, render_backlinks

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


def test_related_pages_come_from_shared_tags_and_skip_linked_pages(graph_fixture):
    related = section_items((graph_fixture / "a" / "index.html").read_text(), "related-by-tags")
    assert related == ["Lonely page : Storage"], "B and C are linked from A already; Lonely shares Storage"


def test_orphan_check_names_the_orphan():
    sources = [
        (p.relative_to(ROOT / "tests/fixtures/graph/docs").as_posix(), p.read_text())
        for p in sorted((ROOT / "tests/fixtures/graph/docs").glob("*.md"))
    ]
    graph = build_graph(sources)
    assert orphans(graph) == ["lonely.md"]
    assert "b.md links to 1 page(s)" in under_linked(graph)


def test_no_page_is_an_orphan():
    assert not orphans(real_graph()), "pages no other page links to (navigation does not count)"


def test_every_topic_page_links_to_at_least_three_others():
    problems = under_linked(real_graph())
    assert not problems, "\n".join(problems)


def test_every_topic_page_ends_with_two_to_five_self_check_questions(site_dir):
    problems = []
    for src_uri in real_graph().pages:
        if not is_topic_page(src_uri) or src_uri.startswith("resources/"):
            continue
        html = (site_dir / re.sub(r"\.md$", "", src_uri) / "index.html").read_text()
        soup = BeautifulSoup(html, "html.parser")
        heading = soup.find(id="check-yourself")
        questions = []
        for sibling in heading.find_next_siblings() if heading else []:
            if sibling.name == "h2":
                break
            if sibling.name == "details" and "question" in sibling.get("class", []):
                questions.append(sibling)
        if not 2 <= len(questions) <= 5:
            problems.append(f"{src_uri}: {len(questions)} self-check question(s) under 'Check yourself'")
    assert not problems, "\n".join(problems)


ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*s?(?![\w-])")
# Written in capitals but not abbreviations: product and company names, and the notes' own
# misspelling of PII, quoted where it is corrected.
NOT_ABBREVIATIONS = {"NVIDIA", "MATLAB", "NXP", "H2O", "PPI", "JAX"}


def page_texts(site_dir):
    for page in site_pages(site_dir):
        soup = BeautifulSoup((site_dir / page / "index.html").read_text(), "html.parser")
        article = soup.find("article")
        if article is None:
            continue
        for hidden in article.find_all(["pre", "code", "svg", "script", "style"]) + article.select("div.mermaid"):
            hidden.decompose()
        # A page's Sources list gives documents' titles ("CREATE MODEL", "FAQs"), not the site's words.
        sources = article.find(id="sources")
        if sources is not None and sources.find_next_sibling("ul") is not None:
            sources.find_next_sibling("ul").decompose()
        yield page or "index.html", article


def glossary_usage(site_dir) -> tuple[dict[str, str], list[str]]:
    """Acronyms written without a glossary entry ({acronym: first page}), and entries no page uses."""
    terms = {term for term, _ in abbreviations(type("C", (), {"config_file_path": str(ROOT / "mkdocs.yml")})())}
    unknown, used = {}, set()
    for page, article in page_texts(site_dir):
        # The glossary's own table would count every entry as used.
        if page != "resources/glossary/":
            used.update(abbr.get_text() for abbr in article.find_all("abbr"))
        for abbr in article.find_all("abbr"):
            abbr.decompose()
        for token in ACRONYM.findall(article.get_text(" ")):
            singular = token[:-1] if token.endswith("s") and token[:-1] in terms else token
            if singular not in terms and singular not in NOT_ABBREVIATIONS and len(singular) > 1:
                unknown.setdefault(singular, page)
    return unknown, sorted(terms - used)


def test_every_acronym_has_a_glossary_entry_and_every_entry_is_used(site_dir):
    unknown, unused = glossary_usage(site_dir)
    assert not unknown, "acronyms without a glossary entry (add them to includes/abbreviations.md):\n" + "\n".join(
        f"{token} (first on {page})" for token, page in sorted(unknown.items())
    )
    assert not unused, f"glossary entries used on no page: {unused}"


def test_glossary_usage_check_sees_unused_entries_and_hyphen_joined_uses(graph_fixture):
    _, unused = glossary_usage(graph_fixture)
    assert "ETL" not in unused and "HLS" not in unused, "b.md uses ETL, and HLS joined by a hyphen"
    assert "VPC" in unused, "no fixture page mentions VPC: the check must report it"
