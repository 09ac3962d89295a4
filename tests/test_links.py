"""Every link and anchor of the built site, checked by linkchecker over HTTP."""

import pytest
from check_links import check_links

pytestmark = pytest.mark.content


def test_real_site_has_no_broken_links_or_anchors(site_dir):
    problems = check_links(site_dir)
    assert not problems, "broken links:\n" + "\n".join(map(str, problems))


def test_valid_fixture_passes_link_check(fixture_site):
    assert check_links(fixture_site("valid").site_dir) == []


def test_raw_html_link_and_anchor_are_reported_with_page_and_link(fixture_site):
    result = fixture_site("broken-html-link")
    assert result.returncode == 0, "raw HTML is not validated by MkDocs; only linkchecker catches these"
    problems = [str(problem) for problem in check_links(result.site_dir)]
    assert any(p.startswith("index.html -> nowhere-at-all/:") and "404" in p for p in problems), problems
    assert any(p.startswith("index.html -> other/#no-such-anchor:") and "no-such-anchor" in p for p in problems), (
        problems
    )
    assert any(p.startswith("index.html -> other/#zero-such-anchor:") and "zero-such-anchor" in p for p in problems), (
        problems
    )


def test_external_mode_reports_a_dead_external_link(fixture_site):
    result = fixture_site("dead-external-link")
    assert check_links(result.site_dir) == [], "internal mode must not contact other hosts"
    problems = [str(problem) for problem in check_links(result.site_dir, external=True)]
    assert any("http://localhost:9/gone" in p for p in problems), problems


def test_diagram_link_to_a_missing_anchor_is_reported_by_linkchecker_too(fixture_site):
    """Diagram links are plain <a href> in the HTML: linkchecker sees the one the strict build refuses
    (MkDocs writes the site before it aborts)."""
    result = fixture_site("broken-diagram-anchor")
    assert result.returncode != 0 and (result.site_dir / "index.html").exists(), result.output
    problems = [str(problem) for problem in check_links(result.site_dir)]
    assert any(p.startswith("index.html -> other/#no-such-section:") and "no-such-section" in p for p in problems), (
        problems
    )
