"""The offline artefacts: the PDF (make pdf) and the zip that opens from disk (make offline)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from support import ROOT, confine

sys.path.insert(0, str(ROOT / "scripts"))
from build_offline import TOP_FOLDER  # noqa: E402

MERMAID_FENCE = re.compile(r"```mermaid\n(.*?)```", re.S)
# Node labels: id[Label], id("Label"), id{Label}, id[(Label)], id([Label]), id((Label)), id>Label], quoted or not.
NODE_LABEL = re.compile(r"\b[\w-]+\s*(?:\[\(|\(\[|\(\(|\[\[|\[/|\[\\|\[|\(|\{\{|\{|>)\s*\"?([^\"\]\)\}\n]+?)\"?\s*(?:\)\]|\]\)|\)\)|\]\]|/\]|\\\]|\]|\)|\}\}|\})")


def nav_files(nav) -> list[str]:
    files = []
    for item in nav:
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                files.extend(nav_files(value) if isinstance(value, list) else [value])
    return files


def site_pages() -> list[tuple[str, str, str]]:
    """(file, title, markdown) of every page in the nav."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    pages = []
    for name in nav_files(config["nav"]):
        markdown, meta = get_data((ROOT / "docs" / name).read_text())
        pages.append((name, meta.get("title") or name, markdown))
    return pages


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def diagram_labels(markdown: str) -> list[str]:
    labels = []
    for diagram in MERMAID_FENCE.findall(markdown):
        for line in diagram.splitlines():
            if line.strip().startswith(("click", "accTitle", "accDescr", "classDef", "class ", "style", "%%")):
                continue
            labels += [label.strip() for label in NODE_LABEL.findall(line) if label.strip()]
    return labels


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    from pypdf import PdfReader

    work = tmp_path_factory.mktemp("pdf")
    # As `make pdf` runs it, writing into a temporary folder.
    subprocess.run([sys.executable, "scripts/build_pdf.py", "--output", str(work / "aws-ml-notes.pdf"),
                    "--site-dir", str(work / "site")], cwd=ROOT, check=True, timeout=600)
    reader = PdfReader(work / "aws-ml-notes.pdf")
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return reader, text


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(item.title)
    return titles


def test_pdf_page_count_is_plausible(pdf):
    reader, _ = pdf
    pages = len(site_pages())
    assert pages <= len(reader.pages) <= pages * 40, f"{len(reader.pages)} PDF pages for {pages} site pages"


def test_pdf_has_every_page_title_in_text_and_outline(pdf):
    reader, text = pdf
    squashed = squash(text)
    outline = {squash(title) for title in outline_titles(reader.outline)}
    missing_text = [title for _, title, _ in site_pages() if squash(title) not in squashed]
    missing_outline = [title for _, title, _ in site_pages() if squash(title) not in outline]
    assert not missing_text, f"page titles missing from the PDF text: {missing_text}"
    assert not missing_outline, f"page titles missing from the PDF bookmarks: {missing_outline}"


def test_pdf_has_every_diagram_label_and_no_mermaid_source(pdf):
    _, text = pdf
    squashed = squash(text)
    missing = [f"{name}: {label}" for name, _, markdown in site_pages()
               for label in diagram_labels(markdown) if squash(label) not in squashed]
    assert not missing, "diagram labels missing from the PDF (did the diagrams render?):\n" + "\n".join(missing)
    for source in ("flowchart LR", "flowchart TD", "accTitle", "accDescr", "-->"):
        assert source not in text, f"raw Mermaid source {source!r} printed in the PDF"


def test_pdf_links_stay_inside_the_document(pdf):
    reader, _ = pdf
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uri = action["/URI"]
                assert uri.startswith(("http://", "https://", "mailto:")), f"link to the local server in the PDF: {uri}"
                assert "127.0.0.1" not in uri and "localhost" not in uri, uri
                external += 1
            elif annotation.get_object().get("/Dest") is not None or action.get("/S") == "/GoTo":
                internal += 1
    assert internal > 0, "no internal link jumps inside the PDF"


@pytest.fixture(scope="module")
def offline_bundle(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    bundle = work / "aws-ml-notes-offline.zip"
    # As `make offline` runs it, writing into a temporary folder.
    subprocess.run([sys.executable, "scripts/build_offline.py", "--output", str(bundle),
                    "--site-dir", str(work / "site")], cwd=ROOT, check=True, timeout=600)
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(work / "unzipped")
    return work / "unzipped" / TOP_FOLDER


@pytest.fixture(scope="module")
def offline_tab(offline_bundle, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.left_disk = confine(context, ("file:", "data:", "blob:"))
    yield tab
    context.close()


def test_offline_search_answers_like_the_hosted_site(offline_bundle, offline_tab, search_outcomes, site_url):
    """A sample of the ranking suite, typed into the bundle opened from disk: the same pages in the
    same order as on the hosted site, and no request leaving the disk."""
    from browser import SEARCH_PROBE, open_search, type_query
    from search_suite import answers, as_directory_url, strip

    offline_tab.context.add_init_script(SEARCH_PROBE)
    offline_tab.goto((offline_bundle / "index.html").as_uri(), wait_until="load")
    open_search(offline_tab)
    base = (offline_bundle / "index.html").as_uri().rsplit("/", 1)[0] + "/"
    sample = search_outcomes[::9]
    different = []
    for hosted in sample:
        results = type_query(offline_tab, hosted.query.query, delay=0)
        offline_pages = [as_directory_url(strip(r["best"], base)) for r in results[:3]]
        hosted_pages = [strip(r["best"], site_url) for r in hosted.results[:3]]
        if offline_pages != hosted_pages:
            different.append(f"{hosted.query.query!r}: offline {offline_pages}, hosted {hosted_pages}")
        elif hosted.rank is not None and hosted.rank <= 3:
            assert answers(results[hosted.rank - 1], hosted.query, base, offline=True), hosted.query
    assert not different, "the offline bundle's search answers differently:\n" + "\n".join(different)
    assert not offline_tab.left_disk, f"requests left the disk: {offline_tab.left_disk}"


def test_offline_navigation_and_diagrams_work_from_disk(offline_bundle, offline_tab):
    offline_tab.goto((offline_bundle / "index.html").as_uri(), wait_until="load")
    offline_tab.locator("a[href$='data-engineering/index.html']:visible").first.click()
    offline_tab.wait_for_url("**/data-engineering/index.html")
    diagram_page = next(path for path in sorted(offline_bundle.rglob("*.html")) if 'class="mermaid"' in path.read_text())
    offline_tab.goto(diagram_page.as_uri(), wait_until="load")
    state = offline_tab.evaluate("""() => ({
        diagrams: document.querySelectorAll('div.mermaid').length,
        rendered: document.querySelectorAll('div.mermaid > svg:not([aria-roledescription=error])').length })""")
    assert state["diagrams"] > 0 and state["rendered"] == state["diagrams"], f"{diagram_page}: {state}"
    assert not offline_tab.left_disk, f"requests left the disk: {offline_tab.left_disk}"
