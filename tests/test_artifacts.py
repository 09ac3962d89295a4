"""The offline artefacts: the PDF (make pdf) and the zip that opens from disk (make offline)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from build_offline import TOP_FOLDER
from build_pdf import build_print_site, print_pdf
from markdown_source import diagram_labels, diagrams
from site_graph import BACKLINKS_SHOWN
from support import ROOT, SMALLEST_LABEL_PX_JS, confine, real_graph

pytestmark = pytest.mark.browser


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


@pytest.fixture(scope="session")
def pdf(pdf_work):
    """The PDF's structure (pypdf: bookmarks, links, destinations) and its text, as PDFium (Chromium's PDF
    engine, through pypdfium2) extracts it: pypdf took 80 to 110 s to read the text of 693 pages, PDFium
    6 s."""
    import pypdfium2
    from pypdf import PdfReader

    path = pdf_work[0] / "aws-ml-notes.pdf"
    document = pypdfium2.PdfDocument(path)
    pages = []
    for page in document:
        text_page = page.get_textpage()
        # PDFium marks a hyphen at which a line was broken with \x02: it is the hyphen printed.
        pages.append(text_page.get_text_bounded().replace("\x02", "-"))
        text_page.close()
        page.close()
    document.close()
    return PdfReader(path), "\n".join(pages)


# What a reader of paper sees of every table, diagram, tooltip and "Referenced by" list, measured on the print
# page as it is printed (print media, A4's text width: scripts/build_pdf.py).
PRINT_LAYOUT_JS = """() => {
  const smallestLabel = SMALLEST_LABEL;
  const where = (element) => {
    const page = element.closest("section.print-page");
    let heading = null;
    for (const h of page ? page.querySelectorAll("h1, h2, h3, h4") : [])
      if (h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
    return (page ? page.id : "?") + " > " + (heading ? heading.textContent.replace(/\u00b6$/, "").trim() : "(top)");
  };
  const tables = [...document.querySelectorAll("#print-site-page table")].map((table) => {
    const box = table.parentElement.getBoundingClientRect();
    return { where: where(table), width: Math.round(table.scrollWidth), room: Math.round(Math.min(box.width, innerWidth)),
             clipped: table.scrollWidth > Math.min(table.parentElement.clientWidth, innerWidth) + 1 };
  });
  const diagrams = [...document.querySelectorAll("#print-site-page div.mermaid > svg")].map((svg) => {
    return { where: where(svg), title: svg.querySelector(":scope > title")?.textContent.trim(),
             labelPt: smallestLabel(svg) * 0.75, overflow: svg.getBoundingClientRect().right > innerWidth + 1 };
  });
  const underlined = [...document.querySelectorAll("#print-site-page abbr")]
    .filter((abbr) => getComputedStyle(abbr).textDecorationLine !== "none"
      || getComputedStyle(abbr).borderBottomStyle !== "none").length;
  const backlinks = [...document.querySelectorAll("#print-site-page h2[id$='referenced-by']")].map((heading) => {
    const list = heading.nextElementSibling, folded = list && list.nextElementSibling;
    return { where: where(heading), shown: list && list.tagName === "UL" ? list.children.length : 0,
             unfolded: folded && folded.tagName === "DETAILS" && folded.querySelector("li").offsetParent !== null ? 1 : 0 };
  });
  return { tables, diagrams, underlined, backlinks };
}""".replace("SMALLEST_LABEL", SMALLEST_LABEL_PX_JS)


@pytest.fixture(scope="session")
def pdf_work(once):
    """The PDF as `make pdf` makes it (scripts/build_pdf.py), written into a temporary folder, and the print
    page as Chromium printed it: what a reader of paper sees of every table, diagram, tooltip and list."""

    def make(work: Path) -> dict:
        build_print_site(work / "site")
        layout = {}

        def print_it() -> None:  # a thread of its own: the sync API cannot run inside the browser fixture's loop
            print_pdf(
                work / "aws-ml-notes.pdf", work / "site", lambda page: layout.update(page.evaluate(PRINT_LAYOUT_JS))
            )

        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(print_it).result()
        return layout

    return once("pdf", make)


@pytest.fixture(scope="session")
def print_layout(pdf_work):
    return pdf_work[1]


def test_pdf_no_table_is_wider_than_the_printed_text(print_layout):
    clipped = [f"{t['where']}: {t['width']} px in {t['room']} px" for t in print_layout["tables"] if t["clipped"]]
    assert not clipped, "tables cut off on paper:\n" + "\n".join(clipped)
    assert len(print_layout["tables"]) > 50


def test_pdf_every_diagram_has_labels_of_7_pt_or_more(print_layout):
    small = [
        f"{d['where']}: '{d['title']}' labels at {d['labelPt']:.1f} pt"
        for d in print_layout["diagrams"]
        if d["labelPt"] < 7 or d["overflow"]
    ]
    assert not small, "diagrams too small to read on paper:\n" + "\n".join(small)
    assert len(print_layout["diagrams"]) > 50


def test_pdf_prints_no_tooltip_underline_and_short_backlink_lists(print_layout):
    assert print_layout["underlined"] == 0, f"{print_layout['underlined']} abbreviations printed underlined"
    long = [
        f"{b['where']}: {b['shown']} items, folded list printed: {bool(b['unfolded'])}"
        for b in print_layout["backlinks"]
        if b["shown"] > BACKLINKS_SHOWN or b["unfolded"]
    ]
    assert not long, "\n".join(long)
    assert print_layout["backlinks"], "no 'Referenced by' list in the print page"


def test_pdf_has_one_clean_title_contents_with_page_numbers_and_an_answer_key(pdf):
    reader, text = pdf
    assert reader.metadata.title == "AWS ML Notes", reader.metadata.title
    outline = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                outline.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    contents_page = next(page for title, page in outline if title == "Contents")
    first_chapter = next(page for title, page in outline if page > contents_page)
    entries, wrong = 0, []
    for index in range(contents_page - 1, first_chapter - 1):
        page, numbers = reader.pages[index], []

        def number(text, cm, tm, font, size, numbers=numbers):
            if text.strip().isdigit():  # where the number is printed: the text matrix in page space
                numbers.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], int(text)))

        page.extract_text(visitor_text=number)
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if not isinstance(link.get("/Dest"), str):
                continue
            entries += 1
            bottom, top = float(link["/Rect"][1]), float(link["/Rect"][3])
            target = reader.get_destination_page_number(reader.named_destinations[link["/Dest"]]) + 1
            printed = [n for y, n in numbers if bottom - 2 <= y <= top + 2]
            if printed != [target]:
                wrong.append(
                    f"contents entry {link['/Dest']} on page {index + 1}: printed {printed}, leads to page {target}"
                )
    assert entries >= len(real_graph().pages), f"only {entries} linked contents entries"
    assert not wrong, "contents entries without their right page number:\n" + "\n".join(wrong[:20])
    assert any(title == "Answer key" for title, _ in outline), "no answer key in the PDF's bookmarks"
    questions = sum(page.markdown.count('??? question "') for page in real_graph().pages.values())
    destinations = {name.lstrip("/") for name in reader.named_destinations}
    missing = [
        n for n in range(1, questions + 1) if f"question-{n}" not in destinations or f"answer-{n}" not in destinations
    ]
    assert questions > 100 and not missing, f"{questions} questions; without both link targets: {missing[:10]}"
    assert squash(f"Answer {questions} in the answer key") in squash(text)


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
    pages = len(real_graph().pages)
    assert pages <= len(reader.pages) <= pages * 40, f"{len(reader.pages)} PDF pages for {pages} site pages"


def test_pdf_has_every_page_title_in_text_and_outline(pdf):
    reader, text = pdf
    squashed = squash(text)
    outline = {squash(title) for title in outline_titles(reader.outline)}
    missing_text = [page.title for page in real_graph().pages.values() if squash(page.title) not in squashed]
    missing_outline = [page.title for page in real_graph().pages.values() if squash(page.title) not in outline]
    assert not missing_text, f"page titles missing from the PDF text: {missing_text}"
    assert not missing_outline, f"page titles missing from the PDF bookmarks: {missing_outline}"


def test_pdf_has_every_diagram_label_and_no_mermaid_source(pdf):
    _, text = pdf
    squashed = squash(text)
    missing = [
        f"{name}: {label}"
        for name, page in real_graph().pages.items()
        for fence in diagrams(page.markdown)
        for label in diagram_labels(fence["body"])
        if squash(label) not in squashed
    ]
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
    assert internal > len(real_graph().pages), f"only {internal} links jump inside the PDF"
    assert external > 100, f"only {external} links to other sites: have the Sources lists lost theirs?"


@pytest.fixture(scope="session")
def offline_bundle(once):
    def make(work: Path) -> dict:
        bundle = work / "aws-ml-notes-offline.zip"
        # As `make offline` runs it, writing into a temporary folder.
        subprocess.run(
            [sys.executable, "scripts/build_offline.py", "--output", str(bundle), "--site-dir", str(work / "site")],
            cwd=ROOT,
            check=True,
            timeout=600,
        )
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(work / "unzipped")
        return {}

    work, _ = once("offline", make)
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
    from browser import SEARCH_PROBE, enter_query, open_search
    from search_suite import answers, as_directory_url, strip

    offline_tab.context.add_init_script(SEARCH_PROBE)
    offline_tab.goto((offline_bundle / "index.html").as_uri(), wait_until="load")
    open_search(offline_tab)
    base = (offline_bundle / "index.html").as_uri().rsplit("/", 1)[0] + "/"
    sample = search_outcomes[::9]
    different = []
    for hosted in sample:
        results = enter_query(offline_tab, hosted.query.query)
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
    diagram_page = next(
        path for path in sorted(offline_bundle.rglob("*.html")) if 'class="mermaid"' in path.read_text()
    )
    offline_tab.goto(diagram_page.as_uri(), wait_until="load")
    state = offline_tab.evaluate("""() => ({
        diagrams: document.querySelectorAll('div.mermaid').length,
        rendered: document.querySelectorAll('div.mermaid > svg:not([aria-roledescription=error])').length })""")
    assert state["diagrams"] > 0 and state["rendered"] == state["diagrams"], f"{diagram_page}: {state}"
    assert not offline_tab.left_disk, f"requests left the disk: {offline_tab.left_disk}"
