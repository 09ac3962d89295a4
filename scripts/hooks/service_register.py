"""AWS services and their status, read from includes/aws-services.yml: the one place a status is written.

The register names every AWS service, feature and tool the site mentions, with its status as dates
(closed to new customers, end of support). The build reads it against the build date
(`extra.build_date`, else today), so that the wording follows time ("end of support on …" becomes
"ended on …" once the date has passed), and:

- puts a status note at the top of the section that describes a service that is not available;
- appends a status label to every Markdown link to that section;
- in diagrams, adds the status to the label of each node marked `:::retired` and draws it dashed;
- replaces `<!-- generate: services-table ai-services -->` with the table of the services the register lists
  under `table: ai-services`, and `<!-- generate: services-table all -->` with every entry, its status and source.

It fails the strict build (a warning naming the file and the service) when:

- a paragraph, list item, table row or box (an external link's text included) names a service that is
  not available without linking to the section that gives its status (outside that section itself);
- a diagram names such a service in a node that is not marked `:::retired`;
- the prose writes a service's status date by hand (it belongs in the register);
- a page names an "Amazon …", "AWS …" or "SageMaker …" that the register does not know;
- the register itself is malformed (an unknown key, a bad date, an unknown `part_of`).
"""

from __future__ import annotations

import datetime
import logging
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import page_markers
import yaml
from markdown_source import ACC_DESCR, FENCE, HEADING, LINK, NODE, heading_id, plain_text
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.service_register")

REGISTER_PATH = Path("includes") / "aws-services.yml"
ENTRY_KEYS = {
    "name",
    "mentions",
    "earlier_names",
    "part_of",
    "page",
    "summary",
    "table",
    "closed_to_new_customers",
    "end_of_support",
    "replacement",
    "source",
    "verified",
}
REQUIRED_KEYS = {"name", "source", "verified"}
TABLES = ("ai-services", "all")  # "all": every entry, on resources/sources.md
# Sections that only list documents: their link texts are titles, not mentions.
UNCHECKED_SECTIONS = {"sources"}

CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
BLOCK_START = re.compile(r"^\s*(?:[-*+][ \t]|\d+\.[ \t]|\||!!!|\?\?\?|#)")
CLASS_LINE = re.compile(r"^\s*class\s+(?P<ids>[\w,-]+)\s+(?P<cls>[\w-]+)\s*;?\s*$", re.M)
RETIRED_CLASS = "retired"
RETIRED_STYLE = "classDef retired stroke-dasharray: 5 4,stroke-width:2px"
# "Amazon X", "AWS X Y", "SageMaker X": a capitalised name, whose words "for" may join ("Lookout for Vision").
NAMED = re.compile(r"\b(?:Amazon|AWS|SageMaker)(?:\s+(?:for\s+)?(?:[A-Z0-9][\w.-]*[\w]|[A-Z0-9]))+")
AND_JOINED = re.compile(r"\s+and(?:\s+[A-Z][\w-]*)+")
# Words that may follow a service's name without being part of it.
TRAILING_WORD = re.compile(r"[A-Z0-9]{2,}s?|\d[\d.]*|APIs?|SDKs?|Console|Regions?|Python")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
STATUS_DATE = re.compile(
    rf"\b(?:closed to new customers|closes to new customers|end[- ]of[- ](?:support|life)|support end(?:s|ed)|"
    rf"ended|retired|discontinued|deprecated|shut down)\b[^.;\n]{{0,60}}?\b(?:\d{{1,2}} (?:{MONTHS}) \d{{4}}|(?:{MONTHS}) \d{{4}}|\d{{4}}-\d\d-\d\d)"
)


def source_title(url: str) -> str:
    """How a status note names its source: AWS documentation, or the site it is on."""
    host = re.sub(r"^https?://(www\.)?", "", url).split("/", 1)[0]
    return "AWS documentation" if host in ("docs.aws.amazon.com", "docs.amazonaws.cn") else host


class Month(datetime.date):
    """A date AWS gives only to the month ("no longer available as of April 2022"): written YYYY-MM."""


def on(day: datetime.date) -> str:
    """'on 31 May 2026', or 'in April 2022' for a date known only to the month."""
    return f"{'in' if isinstance(day, Month) else 'on'} {human_date(day)}"


def human_date(day: datetime.date) -> str:
    if isinstance(day, Month):
        return f"{day.strftime('%B')} {day.year}"
    return f"{day.day} {day.strftime('%B')} {day.year}"


@dataclass
class Service:
    id: str
    name: str
    mentions: list[str] = field(default_factory=list)
    earlier_names: list[dict] = field(default_factory=list)
    part_of: str | None = None
    page: str | None = None
    summary: str | None = None
    table: str | None = None
    closed_to_new_customers: datetime.date | bool | None = None  # True: closed, AWS gives no date
    end_of_support: datetime.date | None = None
    replacement: str | None = None
    source: str = ""
    verified: datetime.date | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.mentions, *(earlier["name"] for earlier in self.earlier_names)]

    @property
    def page_file(self) -> str | None:
        return self.page.split("#", 1)[0] if self.page else None

    @property
    def anchor(self) -> str | None:
        return self.page.split("#", 1)[1] if self.page and "#" in self.page else None

    def available(self, today: datetime.date) -> bool:
        return self.status(today) == "available"

    def status(self, today: datetime.date) -> str:
        if self.end_of_support:
            return (
                f"ended {on(self.end_of_support)}"
                if self.end_of_support <= today
                else f"end of support {on(self.end_of_support)}"
            )
        if self.closed_to_new_customers is True:
            return "closed to new customers, date not published"
        if self.closed_to_new_customers:
            return (
                f"closed to new customers since {human_date(self.closed_to_new_customers)}"
                if self.closed_to_new_customers <= today
                else f"closes to new customers {on(self.closed_to_new_customers)}"
            )
        return "available"

    def full_status(self, today: datetime.date) -> str:
        """The status with its history: an end of support still to come says since when sign-ups closed."""
        status = self.status(today)
        if self.end_of_support and self.end_of_support > today and self.closed_to_new_customers:
            since = "" if self.closed_to_new_customers is True else f" since {human_date(self.closed_to_new_customers)}"
            status = f"closed to new customers{since}; {status}"
        return status


@dataclass
class Register:
    services: dict[str, Service]
    not_services: list[str]
    problems: list[str]

    @cached_property
    def by_name(self) -> dict[str, Service]:
        names: dict[str, Service] = {}
        for service in self.services.values():
            for name in service.names:
                names.setdefault(name, service)
        return names

    @cached_property
    def mention(self) -> re.Pattern:
        """Any name of any service, longest first, as a whole word."""
        names = sorted(self.by_name, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-])")

    def mentioned(self, text: str) -> list[Service]:
        found: list[Service] = []
        if not self.by_name:
            return found
        for match in self.mention.finditer(text):
            service = self.by_name[match.group(0)]
            if service not in found:
                found.append(service)
        return found

    def known(self, phrase: str) -> bool:
        return phrase in self.by_name or phrase in self.not_services


def parse_date(value, where: str, problems: list[str]) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d", value):
        return Month(int(value[:4]), int(value[5:]), 1)
    problems.append(f"{where}: '{value}' is not a date (YYYY-MM-DD, or YYYY-MM when AWS gives only the month)")
    return None


def load_register(path: Path) -> Register:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    problems = [f"unknown top-level key '{key}'" for key in data if key not in ("services", "not_services")]
    services: dict[str, Service] = {}
    for service_id, entry in (data.get("services") or {}).items():
        where = f"service '{service_id}'"
        if not isinstance(entry, dict):
            problems.append(f"{where} is not a mapping")
            continue
        problems += [
            f"{where} has an unknown key '{key}' (known: {', '.join(sorted(ENTRY_KEYS))})"
            for key in entry
            if key not in ENTRY_KEYS
        ]
        problems += [f"{where} has no '{key}'" for key in sorted(REQUIRED_KEYS - set(entry))]
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(service_id)):
            problems.append(f"{where}: ids are kebab-case")
        if entry.get("table") is not None and entry["table"] not in TABLES:
            problems.append(
                f"{where} is listed in an unknown table '{entry['table']}' (known: {', '.join(sorted(TABLES))})"
            )
        earlier = entry.get("earlier_names") or []
        for item in earlier:
            if not isinstance(item, dict) or set(item) - {"name", "until"} or "name" not in item:
                problems.append(f"{where}: each of earlier_names is {{name: …, until: YYYY-MM-DD}}")
            else:
                parse_date(item.get("until"), f"{where}, earlier name '{item['name']}'", problems)
        services[service_id] = Service(
            id=service_id,
            name=entry.get("name", service_id),
            mentions=list(entry.get("mentions") or []),
            earlier_names=[item for item in earlier if isinstance(item, dict) and "name" in item],
            part_of=entry.get("part_of"),
            page=entry.get("page"),
            summary=entry.get("summary"),
            table=entry.get("table"),
            closed_to_new_customers=True
            if entry.get("closed_to_new_customers") is True
            else parse_date(entry.get("closed_to_new_customers"), f"{where}, closed_to_new_customers", problems),
            end_of_support=parse_date(entry.get("end_of_support"), f"{where}, end_of_support", problems),
            replacement=entry.get("replacement"),
            source=entry.get("source", ""),
            verified=parse_date(entry.get("verified"), f"{where}, verified", problems),
        )
    for service in services.values():
        if service.part_of and service.part_of not in services:
            problems.append(f"service '{service.id}' is part_of '{service.part_of}', which is not in the register")
    seen: dict[str, str] = {}
    for service in services.values():
        for name in service.names:
            if name in seen and seen[name] != service.id:
                problems.append(f"the name '{name}' belongs to both '{seen[name]}' and '{service.id}'")
            seen[name] = service.id
    return Register(services, list(data.get("not_services") or []), problems)


# --- reading a page -------------------------------------------------------------------------------------


@dataclass
class Block:
    """A paragraph, list item, table row or box line group, with the section it sits in."""

    text: str  # the text as written, links included
    anchors: tuple[str, ...]  # the ids of the enclosing sections, outermost first
    line: int

    def line_of(self, words: list[str]) -> int:
        """The line of the block where one of the words first appears."""
        for number, text in enumerate(self.text.split("\n")):
            if any(word in text for word in words):
                return self.line + number
        return self.line


def blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


def page_blocks(markdown: str) -> tuple[list[Block], list[tuple[tuple[str, ...], re.Match]]]:
    """The page's prose cut into blocks, and its Mermaid fences (with the anchor they sit under)."""
    diagrams: list[tuple[tuple[str, ...], re.Match]] = []
    fence_at = {markdown.count("\n", 0, m.start()): m for m in FENCE.finditer(markdown)}
    text = FENCE.sub(blank, markdown)
    text = HTML_COMMENT.sub(blank, text)
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []  # (level, id)
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current:
            blocks.append(Block("\n".join(current), tuple(anchor for _, anchor in stack), start))
            current.clear()

    for number, line in enumerate(text.split("\n")):
        if number in fence_at:
            flush()
            if fence_at[number]["info"].strip().startswith("mermaid"):
                diagrams.append((tuple(anchor for _, anchor in stack), fence_at[number]))
        heading = HEADING.match(line)
        if heading:
            flush()
            level = len(heading["level"])
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading_id(heading)))
            continue
        if not line.strip() or BLOCK_START.match(line):
            flush()
        if line.strip():
            if not current:
                start = number + 1
            current.append(line)
    flush()
    return blocks, diagrams


class PageCheck:
    """Reads and rewrites one page against the register."""

    def __init__(self, register: Register, today: datetime.date, page: Page, files: Files):
        self.register, self.today, self.page, self.files = register, today, page, files
        self.src_uri = page.file.src_uri

    def resolve(self, target: str) -> tuple[str | None, str | None]:
        """A link's target as (src_uri below docs/, anchor), or (None, None) when it leaves the site."""
        if re.match(r"^[a-z][\w+.-]*:", target):
            return None, None
        path, _, anchor = target.partition("#")
        if not path:
            return self.src_uri, anchor or None
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_uri), path))
        return resolved, anchor or None

    def linked_service(self, text: str, target: str) -> Service | None:
        """The service whose status a link shows: one that its text names, at the section the link
        points to; else the one service described at that section."""
        src_uri, anchor = self.resolve(target)
        if src_uri is None:
            return None
        page = f"{src_uri}#{anchor}" if anchor else src_uri
        here = [service for service in self.register.services.values() if service.page == page]
        named = [service for service in self.register.mentioned(plain_text(text)) if service in here]
        if named:
            return named[0]
        return here[0] if len(here) == 1 else None

    def owns(self, service: Service, anchors: tuple[str, ...]) -> bool:
        """Whether a block sits in the section (or page) that describes the service."""
        if service.page_file != self.src_uri:
            return False
        return service.anchor is None or service.anchor in anchors

    def problems(self, markdown: str) -> list[str]:
        found: list[str] = []
        blocks, diagrams = page_blocks(markdown)
        # Line numbers of the file, front matter included.
        offset = max(0, self.page.file.content_string.count("\n") - markdown.count("\n"))
        for block in blocks:
            block.line += offset
        for block in blocks:
            if UNCHECKED_SECTIONS & set(block.anchors):
                continue
            plain = CODE_SPAN.sub("", block.text)
            linked = set()
            for link in LINK.finditer(plain):
                service = self.linked_service(link["text"], link["target"])
                if service:
                    linked.add(service.id)
                # A link that names a service and opens the page describing it leads to its status too.
                target_file = self.resolve(link["target"])[0]
                linked.update(
                    named.id for named in self.register.mentioned(link["text"]) if named.page_file == target_file
                )
            # An external link's text may name a closed service as a recommendation ("try AWS DeepComposer"),
            # so it counts as a mention; but it is a document's title, not a name of the site's to check.
            words = plain_text(LINK.sub(lambda m: m["text"], plain))
            prose = LINK.sub(lambda m: m["text"] if self.resolve(m["target"])[0] is not None else "", plain)
            prose_plain = plain_text(prose)
            for service in self.register.mentioned(words):
                if service.available(self.today) or service.id in linked or self.owns(service, block.anchors):
                    continue
                where = f"#{service.anchor}" if service.anchor else ""
                found.append(
                    f"names {service.name} ({service.status(self.today)}) without its status, at line "
                    f"{block.line_of(service.names)}: link the mention to {service.page_file}{where}, "
                    f"where the status is shown"
                )
            for match in NAMED.finditer(prose_plain):
                phrase = " ".join(match.group(0).split())
                # "AWS Identity and Access Management": a name whose words "and" joins, written in full.
                joined = AND_JOINED.match(prose_plain, match.end())
                if joined and self.register.known(phrase + " " + " ".join(joined.group(0).split())):
                    continue
                if not self.known_phrase(phrase):
                    found.append(
                        f"names '{phrase}' (line {block.line}), which is not in {REGISTER_PATH}: add it "
                        f"(as a service, or a mention of one), or to not_services if it is not a service"
                    )
            for status in STATUS_DATE.finditer(prose_plain):
                named = self.register.mentioned(prose_plain)
                if named:
                    found.append(
                        f"writes a status date by hand at line {block.line} ('{status.group(0)}'): statuses "
                        f"are written once, in {REGISTER_PATH}"
                    )
                    break
        for anchors, fence in diagrams:
            found += self.diagram_problems(fence["body"], markdown.count("\n", 0, fence.start()) + 1 + offset, anchors)
        return found

    def known_phrase(self, phrase: str) -> bool:
        """A name the register knows, possibly followed by acronyms or generic words that are not part of
        it ("SageMaker API", "AWS Glue ETL"), but not by other capitalised words ("SageMaker Clarify")."""
        words = phrase.split(" ")
        for end in range(len(words), 0, -1):
            if self.register.known(" ".join(words[:end])):
                return True
            if not TRAILING_WORD.fullmatch(words[end - 1]):
                return False
        return False

    def retired_nodes(self, body: str) -> set[str]:
        nodes = {m["id"] for m in NODE.finditer(body) if m["cls"] == f":::{RETIRED_CLASS}"}
        for line in CLASS_LINE.finditer(body):
            if line["cls"] == RETIRED_CLASS:
                nodes.update(line["ids"].split(","))
        return nodes

    def diagram_problems(self, body: str, line: int, anchors: tuple[str, ...]) -> list[str]:
        found = []
        retired = self.retired_nodes(body)
        title = re.search(r"^\s*accTitle\s*:\s*(.+?)\s*$", body, re.M)
        name = f"has a diagram '{title.group(1)}' (line {line}) that" if title else f"has a diagram at line {line} that"
        for node in NODE.finditer(body):
            label = node["label"].strip('"')
            for service in self.register.mentioned(label):
                # The section that describes a service may draw how it works: its status box is above.
                if not service.available(self.today) and node["id"] not in retired and not self.owns(service, anchors):
                    found.append(
                        f"{name} sends readers to {service.name} ({service.status(self.today)}) in node "
                        f"'{node['id']}': mark it ':::{RETIRED_CLASS}' (its status is then shown), or point "
                        f"to what replaces it"
                    )
        return found

    # --- rewriting ------------------------------------------------------------------------------------

    def rewrite(self, markdown: str) -> str:
        markdown = self.add_status_notes(markdown)
        markdown = self.add_link_labels(markdown)
        markdown = FENCE.sub(self.rewrite_fence, markdown)
        return page_markers.expand(markdown, ("services-table",), self)

    def label(self, service: Service) -> str:
        status, full = service.status(self.today), service.full_status(self.today)
        title = f' title="{full}"' if full != status else ""
        return f' <small class="service-status"{title}>({status})</small>'

    def add_link_labels(self, markdown: str) -> str:
        """The status after every link to a service that is not available: outside fences, code spans
        and headings."""

        def label_link(match: re.Match) -> str:
            service = self.linked_service(match["text"], match["target"])
            if service is None or service.available(self.today):
                return match.group(0)
            return match.group(0) + self.label(service)

        def label_line(line: str) -> str:
            if HEADING.match(line):
                return line
            parts, position = [], 0
            for code in CODE_SPAN.finditer(line):
                parts += [LINK.sub(label_link, line[position : code.start()]), code.group(0)]
                position = code.end()
            return "".join(parts) + LINK.sub(label_link, line[position:])

        out, position = [], 0
        for fence in FENCE.finditer(markdown):
            out += ["\n".join(map(label_line, markdown[position : fence.start()].split("\n"))), fence.group(0)]
            position = fence.end()
        out.append("\n".join(map(label_line, markdown[position:].split("\n"))))
        return "".join(out)

    def status_note(self, service: Service) -> str:
        sentences = [f"**{service.name}**: {service.full_status(self.today)}."]
        if service.replacement:
            sentences.append(f"AWS recommends instead: {service.replacement}.")
        checked = f", checked on {human_date(service.verified)}" if service.verified else ""
        sentences.append(f"Source: [{source_title(service.source)}]({service.source}){checked}.")
        return '!!! warning "Status"\n    ' + " ".join(sentences) + "\n"

    def add_status_notes(self, markdown: str) -> str:
        here = [
            service
            for service in self.register.services.values()
            if service.page_file == self.src_uri and not service.available(self.today)
        ]
        if not here:
            return markdown
        lines = markdown.split("\n")
        fences = [
            (markdown.count("\n", 0, m.start()), markdown.count("\n", 0, m.end())) for m in FENCE.finditer(markdown)
        ]
        inserts: dict[int, list[str]] = {}
        anchors_found = set()
        for number, line in enumerate(lines):
            if any(start <= number <= end for start, end in fences):
                continue
            heading = HEADING.match(line)
            if not heading:
                continue
            anchor = heading_id(heading)
            if len(heading["level"]) == 1:
                anchor = None
            for service in here:
                if service.anchor == anchor and service.id not in anchors_found:
                    anchors_found.add(service.id)
                    at = number
                    if anchor is None:  # after the page's summary sentence, which is its meta description
                        at = next((n for n in range(number + 2, len(lines)) if not lines[n].strip()), len(lines) - 1)
                    inserts.setdefault(at, []).append(self.status_note(service))
        for service in here:
            if service.id not in anchors_found:
                log.warning(
                    "Doc file '%s' has no section '#%s', where %s says %s is described.",
                    self.src_uri,
                    service.anchor,
                    REGISTER_PATH,
                    service.name,
                )
        for number in sorted(inserts, reverse=True):
            lines[number + 1 : number + 1] = ["", *inserts[number]]
        return "\n".join(lines)

    def rewrite_fence(self, fence: re.Match) -> str:
        if not fence["info"].strip().startswith("mermaid"):
            return fence.group(0)
        body = fence["body"]
        retired = self.retired_nodes(body)
        if not retired:
            return fence.group(0)
        statuses: list[str] = []

        def relabel(node: re.Match) -> str:
            if node["id"] not in retired:
                return node.group(0)
            label = node["label"].strip('"')
            services = [s for s in self.register.mentioned(label) if not s.available(self.today)]
            if not services:
                return node.group(0)
            status = "; ".join(s.status(self.today) for s in services)
            statuses.extend(
                f"{s.name}: {s.status(self.today)}."
                for s in services
                if f"{s.name}: {s.status(self.today)}." not in statuses
            )
            return f'{node["id"]}{node["open"]}"{label}<br/>({status})"{node["close"]}{node["cls"] or ""}'

        body = NODE.sub(relabel, body)
        if statuses:
            body = ACC_DESCR.sub(lambda m: f"{m['head']}{m['text']} Status: {' '.join(statuses)}", body, count=1)
        indent = fence["indent"]
        body = body.rstrip("\n") + f"\n{indent}    {RETIRED_STYLE}\n"
        return f"{indent}{fence['fence']}{fence['info']}\n{body}{indent}{fence['fence']}"

    def render_table(self, table: str) -> str:
        if table == "all":
            rows = ["| service | status | source, checked on |", "|---|---|---|"]
            for service in sorted(self.register.services.values(), key=lambda s: s.name.lower()):
                checked = human_date(service.verified) if service.verified else "not checked"
                rows.append(
                    f"| {self.service_link(service)} | {service.full_status(self.today)} | "
                    f"[AWS]({service.source}), {checked} |"
                )
            # A listing of every service's name: kept out of search, like the other generated listings.
            return '<div markdown="1" data-search-exclude>\n\n' + "\n".join(rows) + "\n\n</div>"
        rows = ["| service | what it does | status |", "|---|---|---|"]
        for service in self.register.services.values():
            if service.table == table:
                rows.append(
                    f"| {self.service_link(service)} | {(service.summary or '').replace('|', '/')} | "
                    f"{service.full_status(self.today)} |"
                )
        return "\n".join(rows)

    def service_link(self, service: Service) -> str:
        """The service's name, linked to the section that describes it when that page is in the build."""
        if not service.page or not self.files.get_file_from_path(service.page_file):
            return service.name
        href = posixpath.relpath(service.page_file, posixpath.dirname(self.src_uri) or ".")
        return f"[{service.name}]({href}{'#' + service.anchor if service.anchor else ''})"


page_markers.register(
    "services-table",
    lambda table, check: check.render_table(table),
    "the services the register lists under `table: ai-services`, or `all` of them with status and source",
    arguments=TABLES,
)


# --- MkDocs events ----------------------------------------------------------------------------------------

_register: Register | None = None


def build_date(config: MkDocsConfig) -> datetime.date:
    value = config.extra.get("build_date")
    return datetime.date.fromisoformat(str(value)) if value else datetime.date.today()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _register
    _register = load_register(Path(config.config_file_path).parent / REGISTER_PATH)
    for problem in _register.problems:
        log.warning("%s: %s", REGISTER_PATH, problem)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _register is None:
        return markdown
    check = PageCheck(_register, build_date(config), page, files)
    for problem in check.problems(markdown):
        log.warning("Doc file '%s' %s.", page.file.src_uri, problem)
    return check.rewrite(markdown)
