"""Check every link and anchor of a built site with linkchecker.

    python scripts/check_links.py [--site-dir site] [--external]

The site is served on 127.0.0.1 and crawled from every page with the
AnchorCheck plugin, by two linkchecker processes that share the anchors.
Any error or warning (linkchecker reports a missing anchor as a warning)
is a failure; each is printed as
`page -> link: problem`. --external also checks links that leave the site
(the weekly workflow; this machine has no internet).
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_server import serve

LINKCHECKER_CONFIG = """\
[checking]
threads=4
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


# linkchecker is CPU-bound in one process (it parses every page again for each anchor linked on it),
# so the anchors are shared between processes, one a core: each process crawls every page and checks
# the links whose #fragment starts with a character of its share; links without a fragment are checked
# by all of them (their results are merged).
ANCHOR_SHARES = ("#[^r-zR-Z]", "#[r-zR-Z]")


def _page_urls(site_dir: Path, base_url: str) -> list[str]:
    """Every page of the site as a start URL, so that each process sees every page even when a page is
    linked only with fragments that another process checks."""
    pages = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return [base_url + ("" if page == "." else page + "/") for page in pages if not page.startswith("assets")]


def _run_linkchecker(
    config: Path, start_urls: list[str], ignore: str, external: bool, output: Path
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "linkcheck",
        "--config",
        str(config),
        "--output",
        "csv",
        "--verbose",
        "--recursion-level",
        "-1",
    ]
    command += ["--ignore-url", ignore]
    if external:
        command.append("--check-extern")
    # Files, not pipes: a full pipe would stall one process while the other is read.
    with output.open("w") as stdout, output.with_suffix(".log").open("w") as stderr:
        return subprocess.Popen([*command, *start_urls], stdout=stdout, stderr=stderr)


def check_links(site_dir: Path | str, external: bool = False) -> list[LinkProblem]:
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir}/index.html not found: build the site first (make build)")
    with tempfile.TemporaryDirectory() as tmp, serve(site_dir) as base_url:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG)
        config.chmod(0o644)  # linkchecker drops to user nobody when started as root
        Path(tmp).chmod(0o755)
        start_urls = _page_urls(site_dir, base_url)
        # Each process ignores (checks only the syntax of) the fragments of the other shares.
        ignores = ["|".join(other for other in ANCHOR_SHARES if other != share) for share in ANCHOR_SHARES]
        outputs = [Path(tmp) / f"linkchecker-{n}.csv" for n in range(len(ignores))]
        runs = [
            _run_linkchecker(config, start_urls, ignore, external, output) for ignore, output in zip(ignores, outputs)
        ]
        for run in runs:
            run.wait(timeout=900)
        texts = [(output.read_text(), output.with_suffix(".log").read_text()) for output in outputs]
    rows = []
    for run, (text, log) in zip(runs, texts):
        if run.returncode not in (0, 1):
            raise RuntimeError(f"linkchecker failed to run (exit {run.returncode}):\n{log[-3000:]}")
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
