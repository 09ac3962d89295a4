"""The strict build: the real site passes, and each kind of bad input fails with a message naming the file."""

import re

import pytest
import yaml
from support import ROOT


def nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages.extend(nav_pages(value) if isinstance(value, list) else [value])
    return pages


def test_real_site_builds_strictly_with_every_nav_page(site_dir):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    for page in nav_pages(config["nav"]):
        built = site_dir / re.sub(r"(index)?\.md$", "", page) / "index.html"
        assert built.exists(), f"{page} is in the nav but {built} was not built"


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
        ("bad-exam-task", r"Doc file 'index\.md' asks for the exam map 'mla-c02', which does not exist"),
    ],
)
def test_bad_input_fails_the_strict_build_naming_file_and_problem(fixture_site, fixture, expected):
    result = fixture_site(fixture)
    assert result.returncode != 0, f"{fixture}: the strict build should fail:\n{result.output}"
    assert re.search(expected, result.output, re.S), f"{fixture}: message not found:\n{result.output}"
