"""The register of AWS services (includes/aws-services.yml): well formed, current, read by the build.

A page that names a closed or ended service without its status fails the strict build, naming the file
and the service; the wording of a status follows the build date; the register covers every service the
site names (the strict build of the real site fails otherwise, as the fixture shows)."""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from service_register import REGISTER_PATH, load_register
from support import ROOT, build_fixture, built_page, page_url

REGISTER = load_register(ROOT / REGISTER_PATH)
# A status read longer ago than this is stale: read the source again and update `verified`.
STALE_AFTER = datetime.timedelta(days=365)


@pytest.mark.unit
def test_register_is_well_formed():
    assert not REGISTER.problems, "\n".join(REGISTER.problems)


# Where AWS publishes: its sites and documentation, its SDK and Neuron documentation, its GitHub organisations.
AWS_SOURCE = re.compile(
    r"https://((docs\.)?aws\.amazon\.com|docs\.amazonaws\.cn|[\w.-]+\.amazonaws\.com|community\.aws"
    r"|awsdocs-neuron\.readthedocs-hosted\.com|sagemaker\.readthedocs\.io"
    r"|github\.com/(aws|awslabs|awsdocs|aws-samples|aws-amplify))/"
)


@pytest.mark.unit
def test_register_statuses_are_sourced_and_recent():
    today = datetime.date.today()
    for service in REGISTER.services.values():
        # A project that is not AWS's (TorchServe) is sourced from its own site.
        if service.name.startswith(("Amazon", "AWS", "SageMaker")):
            assert AWS_SOURCE.match(service.source), (
                f"{service.id}: the source of a status is a page AWS publishes, not '{service.source}'"
            )
        assert service.source.startswith("https://"), f"{service.id}: '{service.source}' is not an https URL"
        assert service.verified and today - STALE_AFTER <= service.verified <= today, (
            f"{service.id}: verified on {service.verified}; read {service.source} again and update 'verified'"
        )


@pytest.mark.unit
def test_malformed_register_is_reported(tmp_path):
    path = tmp_path / "register.yml"
    path.write_text(
        "services:\n"
        "  amazon-example:\n    name: Amazon Example\n    statu: ended\n    end_of_support: soon\n"
        "    part_of: amazon-nothing\n    source: https://docs.aws.amazon.com/\n    verified: 2026-12-01\n"
        "  amazon-other:\n    name: Amazon Other\n    mentions: [Amazon Example]\n"
    )
    problems = "\n".join(load_register(path).problems)
    assert "service 'amazon-example' has an unknown key 'statu'" in problems
    assert "'soon' is not a date" in problems
    assert "part_of 'amazon-nothing', which is not in the register" in problems
    assert "service 'amazon-other' has no 'source'" in problems
    assert "the name 'Amazon Example' belongs to both" in problems


@pytest.mark.unit
def test_a_date_known_to_the_month_reads_as_a_month(tmp_path):
    path = tmp_path / "register.yml"
    path.write_text(
        "services:\n  aws-example:\n    name: AWS Example\n    end_of_support: 2022-04\n"
        "    source: https://docs.aws.amazon.com/\n    verified: 2026-12-01\n"
    )
    register = load_register(path)
    assert not register.problems, register.problems
    example = register.services["aws-example"]
    assert example.status(datetime.date(2026, 12, 2)) == "ended in April 2022"
    assert example.status(datetime.date(2022, 1, 1)) == "end of support in April 2022"


@pytest.mark.parametrize(
    "expected",
    [
        r"Doc file 'index\.md' names Amazon Forecast \(closed to new customers since [^)]+\) without its status, at line 12",
        r"Doc file 'index\.md' has a diagram 'Which forecasting service\?' \(line 14\) that sends readers to Amazon Forecast .* in node 'fc'",
        r"Doc file 'index\.md' names 'Amazon Imaginary Vision' \(line 23\), which is not in includes/aws-services\.yml",
        r"Doc file 'index\.md' names AWS Panorama \(ended on 31 May 2026\) without its status, at line 25",
        r"Doc file 'index\.md' writes a status date by hand at line 25",
        r"Doc file 'index\.md' names AWS DeepComposer \(ended on 17 September 2025\) without its status, at line 27",
    ],
)
@pytest.mark.content
def test_recommending_a_retired_service_fails_the_strict_build(fixture_site, expected):
    result = fixture_site("retired-service")
    assert result.returncode != 0, f"the strict build should fail:\n{result.output}"
    assert re.search(expected, result.output), f"message not found:\n{result.output}"


def status_texts(site_dir):
    index = BeautifulSoup((site_dir / "index.html").read_text(), "html.parser")
    vision = BeautifulSoup((site_dir / "ai-services" / "vision" / "index.html").read_text(), "html.parser")
    heading = vision.find(id="panorama")
    note = heading.find_next_sibling("div", class_="admonition")
    return {
        "note": " ".join(note.get_text(" ").split()),
        "link": index.find("small", class_="service-status").get_text(),
        # The drawn diagram: its labels, title and description as text, and the classes of its nodes.
        "diagram": " ".join(index.find(class_="mermaid").get_text(" ").split()),
        "retired_nodes": [" ".join(node.get_text(" ").split()) for node in index.select(".mermaid g.node.retired")],
        "table": " ".join(index.find("table").get_text(" ").split()),
    }


@pytest.mark.parametrize(
    "build_date, wording",
    [
        ("2026-05-01", "end of support on 31 May 2026"),
        ("2026-06-01", "ended on 31 May 2026"),
    ],
)
@pytest.mark.content
def test_status_wording_follows_the_build_date(tmp_path, build_date, wording):
    result = build_fixture("service-status", tmp_path / "site", env={"SITE_BUILD_DATE": build_date})
    assert result.returncode == 0, result.output
    texts = status_texts(result.site_dir)
    assert wording in texts["note"], texts["note"]
    assert texts["link"] == f"({wording})"
    assert texts["retired_nodes"] == [f"AWS Panorama ({wording})"], texts["retired_nodes"]
    assert f"Status: AWS Panorama: {wording}." in texts["diagram"]
    assert re.search(
        rf"AWS Panorama computer vision on existing IP cameras, at the edge (closed to new customers since [^;]+; )?{wording}",
        texts["table"],
    ), texts["table"]


def built(site_dir, page: str) -> BeautifulSoup:
    return built_page(site_dir, page_url(page))


@pytest.mark.content
def test_every_service_with_a_status_has_its_note_where_it_is_described(site_dir):
    today = datetime.date.today()
    for service in REGISTER.services.values():
        if not service.page:
            continue
        assert (ROOT / "docs" / service.page_file).exists(), f"{service.id}: page {service.page_file} does not exist"
        soup = built(site_dir, service.page_file)
        section = soup.find(id=service.anchor) if service.anchor else soup.find("h1")
        assert section is not None, f"{service.id}: {service.page_file} has no section #{service.anchor}"
        if service.available(today):
            continue
        notes = [" ".join(n.get_text(" ").split()) for n in section.find_all_next("div", class_="admonition", limit=4)]
        assert any(service.name in note and service.status(today) in note for note in notes), (
            f"{service.id}: no status note under {service.page}"
        )


@pytest.mark.content
def test_ai_services_table_is_generated_from_the_register(site_dir):
    today = datetime.date.today()
    rows = {}
    for row in built(site_dir, "ai-services/index.md").select("table tr")[1:]:
        cells = [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        if len(cells) == 3:
            rows[cells[0]] = cells[2]
    listed = [service for service in REGISTER.services.values() if service.table == "ai-services"]
    assert len(listed) >= 20, "the AI services table lists the AI services of the register"
    for service in listed:
        assert rows.get(service.name) == service.full_status(today), (
            f"{service.name}: the table says {rows.get(service.name)!r}"
        )
