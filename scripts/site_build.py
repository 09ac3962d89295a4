"""Strict builds of the site with the project's configuration, optionally with other pages.

Used by the checks (small fixture sites) and the benchmarks (synthetic sites):
only where the pages come from and the nav are replaced; everything else is
the real mkdocs.yml.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Build with the project's real mkdocs.yml, overriding only where the pages come from and the nav.
BUILD_SCRIPT = textwrap.dedent(
    """
    import sys, json, logging
    from mkdocs.config import load_config
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort
    site_dir, docs_dir, nav = sys.argv[1], sys.argv[2] or None, json.loads(sys.argv[3])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    overrides = {"site_dir": site_dir, "strict": True}
    if docs_dir:
        overrides["docs_dir"] = docs_dir
    if nav is not None:
        overrides["nav"] = nav
    config = load_config(config_file="mkdocs.yml", **overrides)
    try:
        build(config)
    except Abort as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    """
)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_site(
    site_dir: Path, docs_dir: Path | None = None, nav: list | None = None, env: dict | None = None, timeout: int = 300
) -> BuildResult:
    """Build strictly with the project's configuration; docs_dir/nav replace the real ones."""
    run_env = {**os.environ, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(site_dir), str(docs_dir or ""), json.dumps(nav)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=run_env,
        timeout=timeout,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site_dir)


# The builds there are: each a configuration file at the root that says what it changes (INHERIT).
CONFIG_FILES = {"site": "mkdocs.yml", "offline": "mkdocs-offline.yml", "print": "mkdocs-print.yml"}


def strict_build(site_dir: Path, env: dict | None = None, variant: str = "site") -> None:
    """`mkdocs build --strict` of one of the CONFIG_FILES, for the PDF, offline and benchmark builds;
    exits with the log on failure.

    Never with --quiet: it silences warnings before strict mode counts them, so a broken site passes."""
    command = ["build", "--strict", "--config-file", CONFIG_FILES[variant], "--site-dir", str(site_dir)]
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *command],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"the strict build failed:\n{result.stdout}{result.stderr}")


def print_build(config) -> bool:
    """Whether a loaded configuration (a hook's `config`) is the print build (mkdocs-print.yml)."""
    print_site = config.plugins.get("print-site")
    return bool(print_site and print_site.config.get("enabled"))
