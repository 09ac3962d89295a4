"""The site's search: what is indexed, and the engine that answers.

Material's search interface stays; its lunr worker is replaced by ours
(scripts/search/worker.js, on MiniSearch), and its index by one built from what
a reader reads on each page:

- every page is cut into sections at its h2 and h3 headings; the page's top
  section (its introduction) carries the page title;
- a diagram stands in the index as its title and description (accTitle and
  accDescr), never as its source; formulas (raw TeX) are left out;
- anything inside an element marked `data-search-exclude` is left out: the
  generated backlinks, related pages and listings (backlinks.py, glossary.py,
  site_listings.py, exam_map.py), so that navigation never decides ranking;
- the sections in EXCLUDED_SECTIONS are left out: self-check questions and
  "Related pages" name the subjects of other pages, and every answer repeats a
  fact the page's body already teaches; "Sources" lists documents' titles.

The text goes to scripts/search/build_index.cjs (Node), which turns it into terms
with scripts/search/terms.js, the same code the worker applies to the query.
CONTRIBUTING.md ("Search") says how to tune the ranking and test it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search_index")

ROOT = Path(__file__).resolve().parents[2]
ENGINE_DIR = ROOT / "scripts" / "search"
# The worker, in the order its parts are bundled: libraries first (from node_modules, pinned in package.json).
WORKER_PARTS = (
    "node_modules/minisearch/dist/umd/index.js",
    "node_modules/wink-porter2-stemmer/src/wink-porter2-stemmer.js",
    "scripts/search/terms.js",
    "scripts/search/worker.js",
)
WORKER_SITE_PATH = "assets/javascripts/search-worker.{hash}.js"
# Material's configuration names its lunr worker; every page's is pointed at ours.
MATERIAL_WORKER = re.compile(r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')

SEARCH_MARKS = re.compile(r'\s?data-search-\w+="[^"]+"')
EXCLUDED_SECTIONS = ("check-yourself", "related-pages", "sources")
# Sections that restate what other sections say (the page's exam tips, a group page's overview table):
# a factor on their score, so that the section that explains a thing ranks above the one that recaps it.
RESTATING_SECTIONS = {"exam-tips": 0.5, "overview": 0.5}
TEASER_LENGTH = 160
SECTION_HEADINGS = {"h1", "h2", "h3"}
BLOCKS = {
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "pre",
    "div",
    "br",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "summary",
    "figcaption",
    "table",
    "ul",
    "ol",
    "details",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED_TAGS = {"script", "style", "svg", "template"}
SKIPPED_CLASSES = {"arithmatex", "headerlink", "footnote-backref", "md-annotation__index"}
DIAGRAM_CAPTION = re.compile(r"^\s*acc(?:Title|Descr)\s*:\s*(.+?)\s*$", re.M)


class SectionParser(HTMLParser):
    """Cuts a page's HTML into (anchor, heading, text) sections of readable text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[dict] = [{"anchor": "", "heading": "", "text": []}]
        self.stack: list[tuple[str, str]] = []  # (tag, what it is: "" | "skip" | "diagram" | "heading")
        self.skip_depth = 0  # > 0 inside something left out
        self.excluded_section = False
        self.heading: list[str] | None = None
        self.diagram: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        role = ""
        if self.skip_depth or tag in SKIPPED_TAGS or "data-search-exclude" in attributes or classes & SKIPPED_CLASSES:
            role = "skip"
        elif "mermaid" in classes:
            role, self.diagram = "diagram", []
        elif tag in SECTION_HEADINGS and attributes.get("id"):
            anchor = "" if tag == "h1" else attributes["id"]
            self.excluded_section = anchor in EXCLUDED_SECTIONS
            if anchor:
                self.sections.append({"anchor": anchor, "heading": "", "text": []})
            role, self.heading = "heading", []
        if tag in VOID:
            self._space()
            return
        if role == "skip":
            self.skip_depth += 1
        self.stack.append((tag, role))
        if tag in BLOCKS:
            self._space()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(open_tag == tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, role = self.stack.pop()
            if role == "skip":
                self.skip_depth -= 1
            elif role == "diagram":
                captions = DIAGRAM_CAPTION.findall("".join(self.diagram or []))
                self.diagram = None
                self._text(" " + ". ".join(caption.rstrip(".") for caption in captions) + ". " if captions else " ")
            elif role == "heading":
                self.sections[-1]["heading"] = " ".join("".join(self.heading or []).split())
                self.heading = None
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._space()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.diagram is not None:
            self.diagram.append(data)
        elif self.heading is not None:
            self.heading.append(data)
        else:
            self._text(data)

    def _space(self) -> None:
        if self.heading is None and self.diagram is None:
            self._text(" ")

    def _text(self, text: str) -> None:
        if not self.excluded_section and not self.skip_depth:
            self.sections[-1]["text"].append(text)


def teaser(text: str, limit: int = TEASER_LENGTH) -> str:
    """The start of a section's text, cut at a word, as shown under a result."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_sections(page_html: str, title: str) -> list[dict]:
    parser = SectionParser()
    parser.feed(page_html)
    parser.close()
    sections = []
    for section in parser.sections:
        if section["anchor"] in EXCLUDED_SECTIONS:
            continue
        text = " ".join("".join(section["text"]).split())
        heading = section["heading"] if section["anchor"] else title
        if section["anchor"] and not (text or heading):
            continue
        sections.append(
            {
                "anchor": section["anchor"],
                "heading": heading,
                "text": text,
                "teaser": teaser(text),
                "weight": RESTATING_SECTIONS.get(section["anchor"], 1),
            }
        )
    return sections


def worker_bundle() -> str:
    parts = []
    for relative in WORKER_PARTS:
        path = ROOT / relative
        if not path.exists():
            raise PluginError(f"search_index: {path} is missing; run `make install` (npm ci).")
        source = path.read_text(encoding="utf-8")
        if relative.startswith("node_modules/wink-porter2-stemmer"):
            # A CommonJS module: give it a module object, and the worker its function.
            source = f"(function (module) {{\n{source}\nself.porter2Stem = module.exports\n}})({{ exports: {{}} }});"
        parts.append(f"/* {relative} */\n{source}")
    return "\n;\n".join(parts) + "\n"


_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "material/search" not in config.plugins:
        raise PluginError("search_index: Material's search plugin must be enabled; this hook replaces its engine.")
    # Material's plugin indexes every page (re-parsing all of its HTML, diagrams included) for an index this
    # hook replaces: only its attribute clean-up is kept (on_page_context below).
    material = config.plugins["material/search"]
    events = config.plugins.events["page_context"]
    events[:] = [method for method in events if getattr(method, "__self__", None) is not material]
    bundle = worker_bundle()
    digest = hashlib.sha256(bundle.encode()).hexdigest()[:8]
    _state.update(bundle=bundle, worker=WORKER_SITE_PATH.format(hash=digest), pages={})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, _state["worker"], content=_state["bundle"]))
    return files


# Before diagrams.py and maths.py (50) draw the diagrams and formulas whose sources this reads.
@event_priority(100)
def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if (page.meta.get("search") or {}).get("exclude"):  # Material's own front-matter switch
        return page_html
    _state["pages"][page.file.src_uri] = {
        "url": page.url,
        "title": page.title or page.file.src_uri,
        "tags": [str(tag) for tag in page.meta.get("tags") or []],
        "sections": page_sections(page_html, page.title or ""),
    }
    return page_html


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # As Material's plugin does: the data-search-* marks are for the index, not for readers.
    page.content = SEARCH_MARKS.sub("", page.content)
    return context


def _point_at_our_worker(output: str, where: str) -> str:
    def replace(match: re.Match) -> str:
        return f"{match[1]}{_state['worker']}{match[2]}"

    output, count = MATERIAL_WORKER.subn(replace, output)
    if count != 1 and '"search":' in output:
        raise PluginError(
            f"search_index: {where}: Material's configuration names no search worker this hook "
            "recognises; has Material changed its template? See MATERIAL_WORKER."
        )
    return output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _point_at_our_worker(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _point_at_our_worker(output, template_name) if template_name.endswith(".html") else output


def index_input(nav_pages: list[str]) -> dict:
    pages, sections = [], []
    for src_uri in nav_pages:
        page = _state["pages"].get(src_uri)
        if page is None:
            continue
        number = len(pages)
        pages.append({"url": page["url"], "title": page["title"], "tags": page["tags"]})
        sections += [{"page": number, **section} for section in page["sections"]]
    return {"pages": pages, "sections": sections}


def build_index(data: dict) -> str:
    try:
        result = subprocess.run(
            ["node", str(ENGINE_DIR / "build_index.cjs")],
            input=json.dumps(data),
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
    except FileNotFoundError as error:
        raise PluginError("search_index: Node.js is needed to build the search index (`node` not found).") from error
    if result.returncode:
        raise PluginError(f"search_index: building the search index failed:\n{result.stderr}")
    return result.stdout


_nav_order: list[str] = []


def on_nav(nav, config: MkDocsConfig, files: Files):
    _nav_order[:] = [page.file.src_uri for page in nav.pages]
    return nav


# After Material's search plugin has written its index, before the offline plugin copies it into a script.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        raise PluginError(f"search_index: {path} was not written by Material's search plugin.")
    material = json.loads(path.read_text(encoding="utf-8"))
    docs = json.loads(build_index(index_input(_nav_order)))
    # Material's page script reads `config` (its separator highlights the terms on the page opened).
    path.write_text(
        json.dumps({"config": material["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
