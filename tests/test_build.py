"""The strict build: the real site passes, and each kind of bad input fails with a message naming the file."""

import re

import pytest
from support import nav_files, page_url

pytestmark = pytest.mark.content


def test_real_site_builds_strictly_with_every_nav_page(site_dir):
    missing = [page for page in nav_files() if not (site_dir / page_url(page) / "index.html").exists()]
    assert not missing, f"in the nav but not built: {missing}"


def test_valid_fixture_builds(fixture_site):
    result = fixture_site("valid")
    assert result.returncode == 0, result.output


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("broken-link", r"Doc file 'index\.md' contains a link 'missing-page\.md'.*not found"),
        (
            "broken-anchor",
            r"Doc file 'index\.md' contains a link 'other\.md#no-such-heading', but the doc 'other\.md' does not contain an anchor '#no-such-heading'",
        ),
        ("not-in-nav", r"not included in the \"nav\" configuration:\s+- orphan\.md"),
        ("broken-diagram-link", r"Doc file 'index\.md' has a diagram link to 'vanished-page\.md'.*not found"),
        (
            "broken-diagram-anchor",
            r"Doc file 'index\.md' contains a link 'other\.md#no-such-section', but the doc 'other\.md' does not contain an anchor '#no-such-section'",
        ),
        ("invalid-diagram", r"Doc file 'index\.md': the diagram 'Broken syntax' is not valid Mermaid: .*Parse error"),
        (
            "oversized-diagram",
            r"Doc file 'index\.md': the diagram 'A long chain' is \d+ x \d+ px, more than 900 x 1500",
        ),
        ("bad-formula", r"Doc file 'index\.md': KaTeX cannot typeset the formula '\\frac\{1\}\{': KaTeX parse error"),
        (
            "bad-exam-domain",
            r"Doc file 'guide/cooking\.md' has exam_domain 'cooking', which is not a domain of mls-c01",
        ),
        ("bad-exam-domain", r"Doc file 'guide/undecided\.md' has no 'exam_domain' in its front matter"),
        (
            "bad-exam-task",
            r"Doc file 'guide/unknown-task\.md' names mla-c01 task statement '5\.1', which the exam does not have",
        ),
        (
            "bad-exam-task",
            r"Doc file 'guide/unknown-section\.md' maps mla-c01 task statement 2\.2 to '#tuning', which is not a section",
        ),
        (
            "bad-exam-task",
            r"Doc file 'guide/unknown-exam\.md' maps to exam 'mla-c02', which is not mapped by task statement",
        ),
        ("bad-exam-task", r"Doc file 'guide/unmapped\.md' has no `exam: \{mla-c01: \[\.\.\.\]\}` in its front matter"),
        (
            "bad-exam-task",
            r"Doc file 'index\.md' has the marker '<!-- generate: exam-map mla-c02 -->', whose argument must be one of: mla-c01, mls-c01",
        ),
        (
            "bad-markers",
            r"Doc file 'index\.md' has the marker '<!-- generate: glosary -->', which the build does not know \(known: ",
        ),
        (
            "bad-markers",
            r"Doc file 'index\.md' has the comment '<!-- glossary -->', which is no marker: write `<!-- generate: NAME -->`",
        ),
        (
            "bad-markers",
            r"'<!-- generate: services-table everything -->', whose argument must be one of: ai-services, all",
        ),
        ("bad-markers", r"'<!-- generate: exam-traps mla-c01 -->', which takes no argument"),
        (
            "bad-markers",
            r"Doc file 'misspelt\.md' has the front-matter key 'exam_domian', which nothing reads \(known: title, ",
        ),
        ("bad-markers", r"Doc file 'misspelt\.md' has no 'exam_domain' in its front matter"),
        (
            "bad-markers",
            r"Doc file 'unknown-kind\.md' has kind 'landing', which is not a page kind \(known: topic, section, ",
        ),
    ],
)
def test_bad_input_fails_the_strict_build_naming_file_and_problem(fixture_site, fixture, expected):
    result = fixture_site(fixture)
    assert result.returncode != 0, f"{fixture}: the strict build should fail:\n{result.output}"
    assert re.search(expected, result.output, re.S), f"{fixture}: message not found:\n{result.output}"


def test_the_benchmarks_synthetic_sites_build_strictly(tmp_path):
    """make bench times synthetic sites shaped like the real one, up to 2,000 pages: they follow the rules the
    build enforces (a rule they break stops the bench after half an hour)."""
    import datetime

    from service_register import REGISTER_PATH, load_register
    from support import ROOT, build_site

    from bench import graph_sources, real_site_proportions, synthetic_site

    nav = synthetic_site(tmp_path, 30, real_site_proportions())
    result = build_site(tmp_path / "site", docs_dir=tmp_path / "docs", nav=nav)
    assert result.returncode == 0, f"the bench's synthetic site fails the strict build:\n{result.output[-3000:]}"
    # The largest is too slow to build here: its random text must not name a closed service by chance.
    today = datetime.date.today()
    closed = [
        name
        for service in load_register(ROOT / REGISTER_PATH).services.values()
        if not service.available(today)
        for name in service.names
    ]
    named = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, closed)) + r")(?![\w-])")
    found = [(page, match[0]) for page, text in graph_sources(2000) if (match := named.search(text))]
    assert not found, f"synthetic pages name a closed service, which the build refuses: {found[:5]}"
