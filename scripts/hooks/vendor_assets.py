"""Serve the front-end libraries from the site itself.

The libraries are pinned in package.json / package-lock.json and installed
into node_modules by `npm ci`; nothing minified is committed. Each file below
is added to the build as a generated MkDocs file, so `mkdocs build` copies it
into site/ and `mkdocs serve` serves it, with no request to any CDN.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.vendor_assets")

VENDOR_DIR = "assets/vendor"

# site path below VENDOR_DIR -> path below node_modules (a trailing / copies a folder)
VENDOR_FILES = {
    "katex/katex.min.css": "katex/dist/katex.min.css",
    "katex/fonts/": "katex/dist/fonts/",
    # The offline plugin only drops its CDN shim when a local script's path contains "iframe-worker".
    "iframe-worker/shim.js": "iframe-worker/shim/index.js",
}


def _node_modules(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "node_modules"


def vendor_sources(config: MkDocsConfig) -> dict[str, Path]:
    """Map every vendored site path to its file in node_modules; fail if one is missing."""
    root = _node_modules(config)
    sources: dict[str, Path] = {}
    for target, source in VENDOR_FILES.items():
        path = root / source
        if not path.exists():
            raise PluginError(
                f"vendor_assets: {path} is missing; run `make install` (npm ci) to install the "
                "front-end libraries pinned in package-lock.json."
            )
        if target.endswith("/"):
            for item in sorted(p for p in path.rglob("*") if p.is_file()):
                sources[f"{VENDOR_DIR}/{target}{item.relative_to(path).as_posix()}"] = item
        else:
            sources[f"{VENDOR_DIR}/{target}"] = path
    return sources


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for site_path, source in vendor_sources(config).items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files
