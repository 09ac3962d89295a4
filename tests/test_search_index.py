"""What the search index holds (scripts/hooks/search_index.py): readable text only, on the real site
and on a fixture that has one of everything that must stay out."""

import json
import re
import subprocess

import pytest
from support import ROOT

ENGINE = ROOT / "scripts" / "search"


def index_of(site_dir):
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def terms_of(text: str) -> list[list[str]]:
    """The terms scripts/search/terms.js makes of each token of a text (as the index and the worker do)."""
    script = (
        "const T = require(process.argv[1]); const text = process.argv[2];"
        "console.log(JSON.stringify(T.tokenize(text).map(t => T.termsOf(t))))"
    )
    out = subprocess.run(
        ["node", "-e", script, str(ENGINE / "terms.js"), text], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


@pytest.mark.content
def test_fixture_index_holds_readable_text_only(fixture_site):
    result = fixture_site("search")
    assert result.returncode == 0, result.output
    docs = index_of(result.site_dir)
    terms = {row[0] for row in docs["terms"]}
    anchors = [section[1] for section in docs["sections"]]
    assert "caravan" in terms and "ostrich" in terms, "a diagram's title and description are indexed"
    for word, what in [
        ("quokka", "a diagram's node labels"),
        ("flowchart", "diagram source"),
        ("acctitl", "diagram source"),
        ("wombat", "raw TeX"),
        ("frac", "raw TeX"),
        ("platypus", "self-check questions"),
        ("echidna", "'Related pages' on the page linking there"),
        ("referenc", "generated backlinks"),
    ]:
        if word == "echidna":
            pages = {docs["pages"][row[0]][0] for row in docs["sections"] if "echidna" in row[3].lower()}
            assert pages == {"other/"}, f"{what} are not indexed: echidna found on {pages}"
            continue
        assert word not in terms, f"{what} must not be indexed, found the term {word!r}"
    for anchor in ("check-yourself", "related-pages", "referenced-by", "related-by-tags"):
        assert anchor not in anchors, f"section #{anchor} must not be indexed"
    assert "the-pipeline" in anchors and "meerkat" in terms


@pytest.mark.content
def test_real_index_holds_no_source_and_no_generated_navigation(site_dir):
    docs = index_of(site_dir)
    source = re.compile(r"accTitle|accDescr|flowchart|-->|\\\(|\\\[|\\frac|\\mathrm|click \w+ \"")
    for page, anchor, _heading, teaser, *_ in docs["sections"]:
        where = f"{docs['pages'][page][0]}#{anchor}"
        assert not source.search(teaser), f"{where}: diagram source or raw TeX in the index: {teaser!r}"
        assert anchor not in ("check-yourself", "related-pages", "referenced-by", "related-by-tags"), where
    titles = {docs["pages"][page][1] for page, *_ in docs["sections"]}
    assert "Glossary" in titles and "Exam traps" in titles, "meta pages are findable by their introduction"


@pytest.mark.content
def test_every_page_runs_our_search_worker(site_dir):
    pages = [html for html in site_dir.rglob("*.html") if '"search":' in html.read_text(encoding="utf-8")]
    assert len(pages) > 90, f"only {len(pages)} pages carry Material's search configuration"
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert "workers/search." not in text and "search-worker." in text, f"{html}: not our search worker"


@pytest.mark.unit
def test_british_and_american_spellings_make_the_same_terms():
    pairs = [
        ("regularisation", "regularization"),
        ("tokenisation", "tokenization"),
        ("normalise", "normalize"),
        ("analyse", "analyze"),
        ("analysed", "analyzed"),
        ("modelling", "modeling"),
        ("labelled", "labeled"),
        ("behaviour", "behavior"),
        ("artefacts", "artifacts"),
        ("catalogue", "catalog"),
        ("optimiser", "optimizer"),
        ("visualisation", "visualization"),
        ("centre", "center"),
        ("standardisation", "standardization"),
    ]
    british = terms_of(" ".join(uk for uk, _ in pairs))
    american = terms_of(" ".join(us for _, us in pairs))
    for (uk, us), uk_terms, us_terms in zip(pairs, british, american):
        assert uk_terms == us_terms, f"{uk!r} -> {uk_terms}, {us!r} -> {us_terms}"


@pytest.mark.unit
def test_identifiers_stay_whole_and_stop_words_go():
    tokens = terms_of("text/csv SAGEMAKER_PROGRAM ml.p3.2xlarge k-NN t-SNE S3 F1 the of which")
    assert tokens[0][0] == "text/csv" and {"text", "csv"} <= set(tokens[0])
    assert tokens[1][0] == "sagemaker_program"
    assert tokens[2][0] == "ml.p3.2xlarge"
    assert tokens[3][:2] == ["k-nn", "knn"] and tokens[4][:2] == ["t-sne", "tsne"]
    assert tokens[5] == ["s3"] and tokens[6] == ["f1"]
    assert tokens[7:] == [[], [], []], "stop words make no terms"
