"""Check every link and anchor of a built site with linkchecker.

    python scripts/check_links.py [--site-dir site] [--external]

The site is served on 127.0.0.1 and crawled from every page by linkchecker with
its AnchorCheck plugin, each page read once, by two processes that share the
anchors (scripts/linkchecker_fast.py).
Any error or warning (linkchecker reports a missing anchor as a warning) is a
failure; each is printed as `page -> link: problem`. --external also checks links that leave the site
(the weekly workflow; this machine has no internet).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_server import serve

LINKCHECKER = Path(__file__).with_name("linkchecker_fast.py")
PROCESSES = 2

LINKCHECKER_CONFIG = """\
[checking]
threads=1
timeout=15
# with the server's LinkChecker header this lifts the per-host wait (0.1-0.6 s a request by default)
maxrequestspersecond=1000
[output]
status=0
[AnchorCheck]
"""


@dataclass(frozen=True)
class LinkProblem:
    page: str
    link: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page} -> {self.link}: {self.problem}"


def _page_name(url: str, base_url: str) -> str:
    """The site-relative page a URL belongs to (`data-engineering/kinesis/`)."""
    return url[len(base_url) :] or "index.html" if url.startswith(base_url) else url


def _page_urls(site_dir: Path, base_url: str) -> list[str]:
    """Every page of the site as a start URL: linkchecker_fast.py crawls a page from its own URL only."""
    pages = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return [base_url + ("" if page == "." else page + "/") for page in pages if not page.startswith("assets")]


def _start_linkchecker(config: Path, shared: Path, share: list[str], external: bool, output: Path) -> subprocess.Popen:
    command = [sys.executable, str(LINKCHECKER), "--config", str(config), "--output", "csv", "--verbose"]
    command += ["--recursion-level", "-1", *(["--check-extern"] if external else []), *share]
    # Files, not pipes: a full pipe would stall one process while the other is read.
    with output.open("w") as stdout, output.with_suffix(".log").open("w") as stderr:
        return subprocess.Popen(
            command, stdout=stdout, stderr=stderr, env={**os.environ, "LINKCHECKER_SHARED": str(shared)}
        )


def check_links(site_dir: Path | str, external: bool = False) -> list[LinkProblem]:
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir}/index.html not found: build the site first (make build)")
    with tempfile.TemporaryDirectory() as tmp, serve(site_dir) as base_url:
        # linkchecker drops to user nobody when started as root: it writes the anchors it shares here.
        Path(tmp).chmod(0o777)
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG)
        pages = _page_urls(site_dir, base_url)
        (Path(tmp) / "pages.json").write_text(json.dumps(pages))
        # One process a core, each crawling every other page (scripts/linkchecker_fast.py).
        outputs = [Path(tmp) / f"linkchecker-{n}.csv" for n in range(PROCESSES)]
        runs = [
            _start_linkchecker(config, Path(tmp), pages[n::PROCESSES], external, output)
            for n, output in enumerate(outputs)
        ]
        for run in runs:
            run.wait(timeout=900)
        results = [
            (run.returncode, output.read_text(), output.with_suffix(".log").read_text())
            for run, output in zip(runs, outputs)
        ]
    rows = []
    for returncode, text, log in results:
        if returncode not in (0, 1):
            raise RuntimeError(f"linkchecker failed to run (exit {returncode}):\n{log[-3000:]}")
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        rows += list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    problems: dict[LinkProblem, None] = {}
    for row in rows:
        valid = row.get("valid") == "True"
        warning = (row.get("warningstring") or "").strip()
        if valid and not warning:
            continue
        problem = warning if valid else (row.get("result") or "invalid").strip()
        if not valid and warning:
            problem = f"{problem}; {warning}"
        problems[
            LinkProblem(
                page=_page_name(row.get("parentname") or "", base_url),
                link=(row.get("urlname") or row.get("url") or "").strip(),
                problem=" ".join(problem.split()),
            )
        ] = None
    return list(problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", default="site", help="built site to check (default: site)")
    parser.add_argument("--external", action="store_true", help="also check links to other hosts")
    args = parser.parse_args()
    problems = check_links(args.site_dir, external=args.external)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} link problem(s) in {args.site_dir}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
