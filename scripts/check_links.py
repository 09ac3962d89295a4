"""Check every link and anchor of a built site with linkchecker.

    python scripts/check_links.py [--site-dir site] [--external]

The site is served on 127.0.0.1 and crawled from its home page with the
AnchorCheck plugin. Any error or warning (linkchecker reports a missing
anchor as a warning) is a failure; each is printed as
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_server import serve  # noqa: E402

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
    return url[len(base_url):] or "index.html" if url.startswith(base_url) else url


def check_links(site_dir: Path | str, external: bool = False) -> list[LinkProblem]:
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir}/index.html not found: build the site first (make build)")
    with tempfile.TemporaryDirectory() as tmp, serve(site_dir) as base_url:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG)
        config.chmod(0o644)  # linkchecker drops to user nobody when started as root
        Path(tmp).chmod(0o755)
        command = [
            sys.executable, "-m", "linkcheck", "--config", str(config),
            "--output", "csv", "--verbose",
            "--recursion-level", "-1",
        ]
        if external:
            command.append("--check-extern")
        command.append(base_url)
        result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed to run (exit {result.returncode}):\n{result.stderr[-3000:]}")
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        valid = row.get("valid") == "True"
        warning = (row.get("warningstring") or "").strip()
        if valid and not warning:
            continue
        problem = warning if valid else (row.get("result") or "invalid").strip()
        if not valid and warning:
            problem = f"{problem}; {warning}"
        problems.append(LinkProblem(
            page=_page_name(row.get("parentname") or "", base_url),
            link=(row.get("urlname") or row.get("url") or "").strip(),
            problem=" ".join(problem.split()),
        ))
    return problems


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
