"""Accessibility: axe-core finds no serious or critical violation on a sample of every kind of
page, in both colour schemes; every diagram has an accessible title and description."""

from __future__ import annotations

import pytest
from support import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# One page of every kind: home, section index, topic page with diagrams and maths, table-heavy
# comparison, generated pages.
SAMPLE = [
    "",
    "data-engineering/",
    "data-engineering/kinesis/",
    "modelling/evaluation-metrics/",
    "sagemaker/built-in-algorithms/",
    "sagemaker/built-in-algorithms/xgboost/",
    "resources/glossary/",
    "resources/exam-map/",
    "resources/tags/",
]

AXE_RUN = """async () => {
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")), count: v.nodes.length }));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    problems = []
    for page in SAMPLE:
        tab.goto(site_url + page, wait_until="load")
        expected = "slate" if scheme == "dark" else "default"
        assert tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == expected
        tab.add_script_tag(path=str(AXE))
        for violation in tab.evaluate(AXE_RUN):
            problems.append(
                f"{page or 'index.html'} ({scheme}): {violation['impact']} {violation['id']}: "
                f"{violation['help']} ({violation['count']}x, e.g. {violation['nodes']})"
            )
    context.close()
    assert not problems, "\n".join(problems)


def test_every_diagram_has_an_accessible_title_and_description(page_visits):
    problems = [
        f"{visit.name}: {visit.unlabelled_diagrams} diagram(s) without accTitle/accDescr"
        for visit in page_visits
        if visit.unlabelled_diagrams
    ]
    assert not problems, "\n".join(problems)
