"""The exam maps, generated from the exams of includes/exams.yml and each page's front matter.

- `exam: {mla-c01: ["1.1", "3.3#deployment-strategies"]}` names the task statements of the current exam a
  page teaches, optionally with the section that teaches each (an empty list: the page goes beyond the
  exam). `<!-- generate: exam-map mla-c01 -->` becomes every domain and task statement with its weight and the
  pages and sections that teach it, a flag on a task statement no page teaches, and the exam's in-scope
  services linked to the sections that explain them (this hook runs before service_register, which adds
  their status).
- `exam_domain: modelling` names the domain of the retired Specialty; `<!-- generate: exam-map mls-c01 -->`
  becomes its legacy view.

The strict build fails, naming the file, on a topic page without either key, an unknown exam, task
statement, section or domain, an in-scope service the register does not know or places nowhere, a
malformed includes/exams.yml and an unknown map marker.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import page_markers
import yaml
from markdown_source import front_matter
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from service_register import REGISTER_PATH, load_register
from site_graph import for_nav, out_of_search

log = logging.getLogger("mkdocs.hooks.exam_map")

EXAMS_PATH = Path("includes") / "exams.yml"
CURRENT, LEGACY = "mla-c01", "mls-c01"
EXAM_KEYS = {"name", "code", "status", "source", "verified", "domains", "in_scope_services"}
DOMAIN_KEYS = {"title", "weight", "tasks"}
TASK_KEYS = {"title", "summary"}


@dataclass
class MappedPage:
    src_uri: str
    title: str
    headings: dict[str, str]  # anchor: heading text
    tasks: dict[str, list[str]] | None = None  # task id: anchors of the sections teaching it ([] = whole page)
    domain: str | None = None  # the Specialty's domain


@dataclass
class ExamMap:
    exams: dict = field(default_factory=dict)
    tasks: dict[str, dict] = field(default_factory=dict)  # task id of the current exam: its entry
    pages: list[MappedPage] = field(default_factory=list)  # in navigation order
    services: dict = field(default_factory=dict)  # the register's entries


_map = ExamMap()


def check_exams(exams: dict) -> list[str]:
    problems = []
    if not isinstance(exams, dict) or not exams.get(CURRENT) or not exams.get(LEGACY):
        return [f"needs `exams:` with the entries {CURRENT} and {LEGACY}"]
    for key, exam in exams.items():
        for unknown in sorted(set(exam) - EXAM_KEYS):
            problems.append(f"exam {key}: unknown key '{unknown}' (known: {', '.join(sorted(EXAM_KEYS))})")
        for domain_id, domain in (exam.get("domains") or {}).items():
            for unknown in sorted(set(domain) - DOMAIN_KEYS):
                problems.append(f"exam {key}, domain {domain_id}: unknown key '{unknown}'")
            if not isinstance(domain.get("weight"), int):
                problems.append(f"exam {key}, domain {domain_id}: needs a whole-number weight")
            for task_id, task in (domain.get("tasks") or {}).items():
                if not str(task_id).startswith(f"{domain_id}."):
                    problems.append(f"exam {key}: task {task_id} is not numbered within domain {domain_id}")
                for unknown in sorted(set(task) - TASK_KEYS):
                    problems.append(f"exam {key}, task {task_id}: unknown key '{unknown}'")
        weights = sum(d["weight"] for d in (exam.get("domains") or {}).values() if isinstance(d.get("weight"), int))
        if weights != 100:
            problems.append(f"exam {key}: domain weights add up to {weights}, not 100")
    return problems


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    data = yaml.load((root / EXAMS_PATH).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    exams = data.get("exams")
    for problem in check_exams(exams):
        log.warning("%s: %s", EXAMS_PATH, problem)
    _map.exams = exams if isinstance(exams, dict) else {}
    _map.tasks = {
        str(task_id): task
        for domain in (_map.exams.get(CURRENT, {}).get("domains") or {}).values()
        for task_id, task in (domain.get("tasks") or {}).items()
    }
    _map.services = load_register(root / REGISTER_PATH).services
    for group, ids in (_map.exams.get(CURRENT, {}).get("in_scope_services") or {}).items():
        for service_id in ids:
            service = _map.services.get(service_id)
            if service is None:
                log.warning(
                    "%s: in-scope service '%s' (%s) is not in %s.", EXAMS_PATH, service_id, group, REGISTER_PATH
                )
            elif not service.page:
                log.warning(
                    "%s: in-scope service '%s' has no `page` in %s: say which section explains it.",
                    EXAMS_PATH,
                    service_id,
                    REGISTER_PATH,
                )
    return config


def read_mapping(page: MappedPage, meta: dict, needs_keys: bool) -> None:
    src = page.src_uri
    exam = meta.get("exam")
    if exam is not None and not isinstance(exam, dict):
        log.warning(
            "Doc file '%s': `exam` must map an exam to its task statements, e.g. exam: {%s: [\"1.1\"]}.", src, CURRENT
        )
        exam = {}
    for key in sorted(set(exam or {}) - {CURRENT}):
        log.warning(
            "Doc file '%s' maps to exam '%s', which is not mapped by task statement (known: %s).", src, key, CURRENT
        )
    if exam and CURRENT in exam:
        page.tasks = {}
        for item in exam[CURRENT] or []:
            task_id, _, anchor = str(item).partition("#")
            if task_id not in _map.tasks:
                log.warning(
                    "Doc file '%s' names %s task statement '%s', which the exam does not have (known: %s).",
                    src,
                    CURRENT,
                    task_id,
                    ", ".join(_map.tasks),
                )
                continue
            if anchor and anchor not in page.headings:
                log.warning(
                    "Doc file '%s' maps %s task statement %s to '#%s', which is not a section of the page.",
                    src,
                    CURRENT,
                    task_id,
                    anchor,
                )
                continue
            sections = page.tasks.setdefault(task_id, [])
            if anchor and anchor not in sections:
                sections.append(anchor)
    domain = meta.get("exam_domain")
    if domain is not None and domain not in (_map.exams.get(LEGACY, {}).get("domains") or {}):
        log.warning(
            "Doc file '%s' has exam_domain '%s', which is not a domain of %s in %s.", src, domain, LEGACY, EXAMS_PATH
        )
    page.domain = domain
    if needs_keys:
        if page.tasks is None:
            log.warning(
                "Doc file '%s' has no `exam: {%s: [...]}` in its front matter: list the task statements "
                "it teaches (an empty list if none).",
                src,
                CURRENT,
            )
        if domain is None:
            log.warning(
                "Doc file '%s' has no 'exam_domain' in its front matter (one of: %s).",
                src,
                ", ".join(_map.exams.get(LEGACY, {}).get("domains") or {}),
            )


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _map.pages.clear()
    graph = for_nav(nav)
    for nav_page in nav.pages:
        info = graph.pages[nav_page.file.src_uri]
        page = MappedPage(info.src_uri, info.title, {anchor: text for text, anchor in info.headings})
        read_mapping(page, front_matter(nav_page.file.content_string)[1], info.kind.exam_keys)
        _map.pages.append(page)
    return nav


def link(current: Page, src_uri: str, text: str, anchor: str | None = None) -> str:
    here = posixpath.dirname(current.file.src_uri)
    return f"[{text}]({posixpath.relpath(src_uri, here or '.')}{'#' + anchor if anchor else ''})"


def render_current(current: Page, files: Files) -> str:
    exam = _map.exams[CURRENT]
    domains = exam.get("domains") or {}
    covered = {task_id: [page for page in _map.pages if page.tasks and task_id in page.tasks] for task_id in _map.tasks}
    lines = ["| domain | weight | task statements | taught on |", "|---|---|---|---|"]
    for domain_id, domain in domains.items():
        tasks = list(domain.get("tasks") or {})
        taught = sum(1 for task_id in tasks if covered[task_id])
        pages = {page.src_uri for task_id in tasks for page in covered[task_id]}
        lines.append(
            f"| [Domain {domain_id}: {domain['title']}](#domain-{domain_id}) | {domain['weight']} % | "
            f"{taught} of {len(tasks)} taught | {len(pages)} page{'s' if len(pages) != 1 else ''} |"
        )
    out = [out_of_search("\n".join(lines))]
    for domain_id, domain in domains.items():
        out.append(f"## Domain {domain_id}: {domain['title']} ({domain['weight']} %) {{#domain-{domain_id}}}")
        for task_id, task in (domain.get("tasks") or {}).items():
            out.append(f"### Task {task_id}: {task['title']} {{#task-{task_id.replace('.', '-')}}}")
            body = [task.get("summary", "").strip(), ""]
            if not covered[task_id]:
                body.append('!!! warning "No page teaches this task statement yet"')
            for page in covered[task_id]:
                sections = ", ".join(
                    link(current, page.src_uri, page.headings[anchor], anchor) for anchor in page.tasks[task_id]
                )
                body.append(f"- {link(current, page.src_uri, page.title)}" + (f": {sections}" if sections else ""))
            out.append(out_of_search("\n".join(body)))
    beyond = [page for page in _map.pages if page.tasks == {}]
    if beyond:
        out.append("## Beyond the exam {#beyond-the-exam}")
        out.append(
            out_of_search(
                "Pages that no task statement of the exam asks for: background, history, or "
                "services the exam does not name.\n\n"
                + "\n".join(f"- {link(current, page.src_uri, page.title)}" for page in beyond)
            )
        )
    groups = exam.get("in_scope_services") or {}
    if groups:
        out.append("## In-scope services {#in-scope-services}")
        rows = ["| category | services |", "|---|---|"]
        for group, ids in groups.items():
            names = []
            for service_id in ids:
                service = _map.services.get(service_id)
                if service is None:
                    continue
                page_file, _, anchor = (service.page or "").partition("#")
                # Only a build of part of the site (a test fixture) lacks a page the register names.
                if page_file and files.get_file_from_path(page_file):
                    names.append(link(current, page_file, service.name, anchor or None))
            if names:
                rows.append(f"| {group} | {', '.join(names)} |")
        out.append(
            out_of_search(
                "The services the exam guide lists as in scope, each linked to the section "
                "that explains it.\n\n" + "\n".join(rows)
            )
        )
    return "\n\n".join(out) + "\n"


def render_legacy(current: Page, files: Files) -> str:
    out = []
    for key, domain in (_map.exams[LEGACY].get("domains") or {}).items():
        pages = [page for page in _map.pages if page.domain == key]
        out.append(f"## {domain['title']} ({domain['weight']} %) {{#{key}}}")
        out.append(
            out_of_search(
                f"{len(pages)} pages.\n\n" + "\n".join(f"- {link(current, page.src_uri, page.title)}" for page in pages)
            )
        )
    return "\n\n".join(out) + "\n"


RENDERERS = {CURRENT: render_current, LEGACY: render_legacy}
page_markers.register(
    "exam-map",
    lambda exam, page, config, files: RENDERERS[exam](page, files),
    "an exam's domains and task statements with the pages and sections that teach them",
    arguments=tuple(RENDERERS),
)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return page_markers.expand(markdown, ("exam-map",), page, config, files)
