"""The search ranking suite: learners' queries (tests/search_queries.yml), each with the page and,
where it matters, the section that must answer it, typed into the search box of a built site.

Used by tests/test_search.py (the hosted site) and tests/test_artifacts.py (the offline bundle)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml
from support import ROOT

QUERIES_FILE = ROOT / "tests" / "search_queries.yml"
CLASSES = ("name", "question", "spelling", "identifier", "misspelling", "section")
KEYS = {"query", "page", "section", "class"}
TOP = 3
REQUIRED_TOP_SHARE = 0.9


@dataclass(frozen=True)
class Query:
    query: str
    page: str  # Markdown path below docs/
    sections: tuple[str, ...]  # the section ids that answer (any of them); empty: the page answers
    kind: str

    def url(self, offline: bool = False) -> str:
        """The page's path in a built site: directory URLs, or .html files for the offline bundle."""
        stem = re.sub(r"\.md$", "", self.page)
        if offline:
            return stem + ".html"
        return re.sub(r"(^|/)index$", r"\1", stem) + ("" if stem.endswith("index") or stem == "index" else "/")


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Query(entry.get("query"), entry.get("page"), section_ids(entry), entry.get("class")) for entry in entries]


def section_ids(entry: dict) -> tuple[str, ...]:
    section = entry.get("section")
    return tuple(section) if isinstance(section, list) else ((section,) if section else ())


def problems(path: Path, site_dir: Path, offline: bool = False) -> list[str]:
    """Every entry of a queries file that cannot be checked: a missing key, an unknown class, a page
    or a section that the built site does not have, a query given twice."""
    found = []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    seen = Counter(str(entry.get("query", "")).strip().lower() for entry in entries if isinstance(entry, dict))
    for number, entry in enumerate(entries, 1):
        where = f"{path.name}, entry {number}"
        if not isinstance(entry, dict):
            found.append(f"{where}: not a mapping: {entry!r}")
            continue
        where += f" ({entry.get('query')!r})"
        if unknown := set(entry) - KEYS:
            found.append(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(KEYS)}")
        if not entry.get("query") or not entry.get("page"):
            found.append(f"{where}: needs both `query` and `page`")
            continue
        if entry.get("class") not in CLASSES:
            found.append(f"{where}: class {entry.get('class')!r} is not one of {', '.join(CLASSES)}")
        if seen[str(entry["query"]).strip().lower()] > 1:
            found.append(f"{where}: the query is given more than once")
        query = Query(entry["query"], entry["page"], section_ids(entry), entry.get("class"))
        built = site_dir / query.url(offline)
        built = built / "index.html" if built.suffix != ".html" else built
        if not built.exists():
            found.append(f"{where}: page {query.page!r} is not in the built site ({built} missing)")
            continue
        html = built.read_text(encoding="utf-8")
        for section in query.sections:
            if f'id="{section}"' not in html:
                found.append(f"{where}: page {query.page!r} has no section with id {section!r}")
    return found


@dataclass
class Outcome:
    query: Query
    rank: int | None  # 1-based position of the first result that answers, None if not in the results
    page_rank: int | None  # the same, counting the right page as an answer even when it opens another section
    results: list[dict] = field(default_factory=list)

    def describe(self, base_url: str) -> str:
        shown = [strip(result["best"], base_url) for result in self.results[:TOP]]
        want = self.query.url() + (f"#{'|'.join(self.query.sections)}" if self.query.sections else "")
        return f"{self.query.query!r} ({self.query.kind}): want {want}, got {shown or 'no results'}"


def strip(href: str, base_url: str) -> str:
    """A result link as a site path with its anchor (and without the ?h= highlight parameter)."""
    parsed = urlparse(href)
    path = unquote(parsed.path)
    base_path = urlparse(base_url).path
    path = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
    return path + (f"#{parsed.fragment}" if parsed.fragment else "")


def as_directory_url(path: str) -> str:
    """An offline bundle's path (data-engineering/index.html#x) as the hosted site's (data-engineering/#x)."""
    page, hash_, anchor = path.partition("#")
    page = re.sub(r"(^|/)index\.html$", r"\1", page)
    page = re.sub(r"\.html$", "/", page)
    return page + hash_ + anchor


def answers(result: dict, query: Query, base_url: str, offline: bool = False, page_only: bool = False) -> bool:
    """The result is the query's page, and opens the query's section where one is named."""
    page = strip(result["page"], base_url).split("#")[0]
    if page != query.url(offline):
        return False
    if not query.sections or page_only:
        return True
    return strip(result["best"], base_url).partition("#")[2] in query.sections


def run(tab, base_url: str, queries: list[Query], enter, offline: bool = False) -> list[Outcome]:
    """Each query entered into the tab's search box with enter(tab, query) (scripts/browser.py), and ranked."""
    outcomes = []
    for query in queries:
        results = enter(tab, query.query)
        ranks = [
            next(
                (i for i, result in enumerate(results, 1) if answers(result, query, base_url, offline, page_only)), None
            )
            for page_only in (False, True)
        ]
        outcomes.append(Outcome(query, *ranks, results))
    return outcomes


def shares(outcomes: list[Outcome]) -> dict:
    """Share of the queries answered first and in the top three, overall and per class."""

    def share(items: list[Outcome], top: int, page_only: bool = False) -> float:
        ranks = [o.page_rank if page_only else o.rank for o in items]
        return sum(1 for rank in ranks if rank is not None and rank <= top) / len(items) if items else 0.0

    by_class = {kind: [o for o in outcomes if o.query.kind == kind] for kind in CLASSES}
    return {
        "queries": len(outcomes),
        "first": share(outcomes, 1),
        "top3": share(outcomes, TOP),
        "top3_page": share(outcomes, TOP, page_only=True),
        "classes": {
            kind: {"queries": len(items), "first": share(items, 1), "top3": share(items, TOP)}
            for kind, items in by_class.items()
            if items
        },
    }


def report(summary: dict) -> str:
    lines = [
        f"search ranking: {summary['queries']} queries, first {summary['first']:.0%}, "
        f"top {TOP} {summary['top3']:.0%} (required {REQUIRED_TOP_SHARE:.0%}; "
        f"{summary['top3_page']:.0%} counting the right page at another section)"
    ]
    for kind, figures in summary["classes"].items():
        lines.append(
            f"  {kind:<12} {figures['queries']:>4} queries  first {figures['first']:>4.0%}  "
            f"top {TOP} {figures['top3']:>4.0%}"
        )
    return "\n".join(lines)
