"""make offline: the whole site as a zip that opens from disk, dist/aws-ml-notes-offline.zip.

Built from mkdocs-offline.yml (Material's offline plugin): .html URLs
instead of directories, the search index as a script, and the iframe-worker
shim served from the site. Unzipped, aws-ml-notes/index.html opens from
file:// with navigation, search, diagrams and maths working.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
import zipfile
from pathlib import Path

from site_build import ROOT, strict_build

BUNDLE = ROOT / "dist" / "aws-ml-notes-offline.zip"
OFFLINE_SITE = ROOT / ".cache" / "offline-site"
TOP_FOLDER = "aws-ml-notes"


def build_offline_site(site_dir: Path) -> None:
    shutil.rmtree(site_dir, ignore_errors=True)
    strict_build(site_dir, variant="offline")


def zip_site(site_dir: Path, bundle: Path) -> int:
    bundle.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(bundle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.suffix != ".gz":
                archive.write(path, f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--output", type=Path, default=BUNDLE, help=f"the zip to write (default: {BUNDLE.relative_to(ROOT)})"
    )
    parser.add_argument("--site-dir", type=Path, default=OFFLINE_SITE, help="where to build the offline site")
    args = parser.parse_args()
    started = time.perf_counter()
    build_offline_site(args.site_dir)
    files = zip_site(args.site_dir, args.output)
    elapsed = time.perf_counter() - started
    print(
        f"{args.output}: {args.output.stat().st_size / 1e6:.1f} MB, {files} files, {elapsed:.1f} s; "
        f"unzip it and open {TOP_FOLDER}/index.html"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
