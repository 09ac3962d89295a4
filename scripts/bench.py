"""make bench: how fast the site builds and checks, how it scales, and what a reader downloads.

    python scripts/bench.py [--runs 3] [--scales 100,500,2000] [--link-check-max 500]
                            [--skip-test] [--skip-lighthouse] [--skip-artefacts]

Writes bench/results.json (every figure) and bench/summary.md (the figures
beside the budgets in README.md). Nothing here is a test: the figures are
measured on this machine and compared with the budgets by a reader.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from browser import (
    CHROMIUM_ARGS,
    SEARCH_PROBE,
    chromium_path,
    last_keystroke_to_results_ms,
    launch_options,
    open_search,
    type_query,
)
from check_links import check_links
from hooks.service_register import REGISTER_PATH, load_register
from site_build import ROOT, build_site, strict_build
from site_server import serve

RESULTS = ROOT / "bench" / "results.json"
SUMMARY = ROOT / "bench" / "summary.md"

# Pages whose weight is measured: the home page, a page with diagrams, one full of tables (and
# diagrams), and a table-heavy topic page without diagrams (the budget of 150 KB applies to it).
WEIGHT_PAGES = {
    "home": "",
    "diagram page": "data-engineering/kinesis/",
    "table-heavy page": "sagemaker/built-in-algorithms/",
    "page without diagrams": "modelling/optimizers/",
}
BUDGETS = {
    "lighthouse_min_score": 95,
    "page_without_diagrams_kb": 150,
    "diagram_page_kb": 250,
    "build_to_floor_ratio": 2,
    "pdf_seconds": 25,
    "make_test_seconds": 180,
    "link_check_seconds": 15,
    "search_index_gzip_kb": 100,
    "keystroke_to_results_ms": 50,
}
# A reader typing briskly: about 100 ms between keys.
TYPING_DELAY_MS = 100
SEARCH_QUERIES = ROOT / "tests" / "search_queries.yml"


def gzipped_size(path: Path) -> int:
    """Bytes sent for a file by a server that gzips it (level 6, the usual default)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


FLOOR_SCRIPT = """
import sys, time, pathlib, markdown
from mkdocs.config import load_config
config = load_config(config_file="mkdocs.yml")
pages = sorted(pathlib.Path(config.docs_dir).rglob("*.md"))
started = time.perf_counter()
for page in pages:
    markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(
        page.read_text(encoding="utf-8"))
print(time.perf_counter() - started, len(pages))
"""


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


# What the build draws once and keeps (scripts/hooks/diagrams.py, maths.py): emptied for the cold build.
RENDER_CACHES = (ROOT / ".cache" / "diagrams", ROOT / ".cache" / "maths")


def bench_build(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for cache in RENDER_CACHES:
            shutil.rmtree(cache, ignore_errors=True)
        # Output captured, not --quiet: --quiet hides warnings from strict mode.
        cold = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", tmp], stderr=subprocess.DEVNULL)
        builds = [
            timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", tmp], stderr=subprocess.DEVNULL)
            for _ in range(runs)
        ]
        # The floor: the same Markdown through python-markdown with the same extensions, no theme,
        # no plugins, in a fresh interpreter like the build (imports included).
        floors, conversions = [], []
        for _ in range(runs):
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", FLOOR_SCRIPT], cwd=ROOT, check=True, capture_output=True, text=True
            ).stdout.split()
            floors.append(time.perf_counter() - started)
            conversions.append(float(out[0]))
        started = time.perf_counter()
        problems = check_links(tmp)
        link_check = time.perf_counter() - started
        index = Path(tmp) / "search" / "search_index.json"
        return {
            "cold_build_seconds": round(cold, 2),
            "build_seconds_median": round(statistics.median(builds), 2),
            "build_seconds_runs": [round(b, 2) for b in builds],
            "floor_seconds_median": round(statistics.median(floors), 2),
            "floor_markdown_only_seconds_median": round(statistics.median(conversions), 2),
            "build_to_floor_ratio": round(statistics.median(builds) / statistics.median(floors), 2),
            "pages": int(out[1]),
            "link_check_seconds": round(link_check, 2),
            "link_problems": len(problems),
            "search_index_bytes": index.stat().st_size,
            "search_index_gzip_bytes": gzipped_size(index),
        }


def bench_search(site_dir: Path) -> dict:
    """The time from a reader's last key press to the results on the page, over the ranking suite's queries."""
    import yaml
    from playwright.sync_api import sync_playwright

    # Every third query of the ranking suite: names, questions, spellings and identifiers alike.
    queries = [entry["query"] for entry in yaml.safe_load(SEARCH_QUERIES.read_text(encoding="utf-8"))][::3]
    times = []
    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(SEARCH_PROBE)
        tab = context.new_page()
        tab.goto(base_url, wait_until="load")
        open_search(tab)
        for query in queries:
            type_query(tab, query, delay=TYPING_DELAY_MS)
            times.append(last_keystroke_to_results_ms(tab))
        browser.close()
    times.sort()
    index = site_dir / "search" / "search_index.json"
    worker = next((site_dir / "assets" / "javascripts").glob("search-worker.*.js"))
    return {
        "queries": len(times),
        "typing_delay_ms": TYPING_DELAY_MS,
        "keystroke_to_results_ms_median": round(statistics.median(times), 1),
        "keystroke_to_results_ms_p90": round(times[int(len(times) * 0.9)], 1),
        "index_bytes": index.stat().st_size,
        "index_gzip_bytes": gzipped_size(index),
        "worker_gzip_bytes": gzipped_size(worker),
    }


def bench_artefacts() -> dict:
    return {
        "pdf_seconds": round(timed([sys.executable, "scripts/build_pdf.py"]), 1),
        "pdf_bytes": (ROOT / "dist" / "aws-ml-notes.pdf").stat().st_size,
        "offline_seconds": round(timed([sys.executable, "scripts/build_offline.py"]), 1),
        "offline_bytes": (ROOT / "dist" / "aws-ml-notes-offline.zip").stat().st_size,
    }


def real_site_proportions() -> dict:
    pages = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]
    count = len(pages)
    return {
        "words": statistics.mean(len(re.findall(r"\w+", page)) for page in pages),
        "diagrams": sum(page.count("```mermaid") for page in pages) / count,
        "tables": sum(len(re.findall(r"^\|[-:| ]+\|\s*$", page, re.M)) for page in pages) / count,
        "links": sum(len(re.findall(r"\]\([^)]+\.md", page)) for page in pages) / count,
    }


WORDS = (
    "data model training feature endpoint stream batch label metric bucket cluster job pipeline "
    "inference container instance shard partition schema catalog crawler notebook tuning"
).split()


def synthetic_site(target: Path, pages: int, shape: dict, seed: int = 7) -> list:
    """A knowledge base of `pages` pages shaped like the real one; returns its nav."""
    rng = random.Random(seed)
    # Body text drawn from the real pages' words, as often as they occur there, so that the search
    # index grows with the vocabulary a real site of that size would have.
    words = [
        w.lower()
        for p in sorted((ROOT / "docs").rglob("*.md"))
        for w in re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", p.read_text(encoding="utf-8"))
    ]
    # Random text must not name a closed service by chance ("stream processor"): the build refuses such a page.
    retired = {
        word.lower()
        for service in load_register(ROOT / REGISTER_PATH).services.values()
        if service.closed_to_new_customers or service.end_of_support
        for name in service.names
        for word in name.split()
    }
    words = [word for word in words if word not in retired]
    docs = target / "docs"
    sections = max(1, pages // 25)
    names = [f"section-{i % sections:03d}/page-{i:04d}.md" for i in range(pages)]
    nav = [{"Home": "index.md"}]
    (docs).mkdir(parents=True)
    (docs / "index.md").write_text(
        "---\nkind: home\n---\n\n# Home\n\nThe synthetic home page.\n\n"
        + "".join(f"- [Section {s}](section-{s:03d}/page-{s:04d}.md)\n" for s in range(sections))
    )
    by_section: dict[int, list[str]] = {}
    for i, name in enumerate(names):
        by_section.setdefault(i % sections, []).append(name)
        here = name.split("/")[0]

        def rel(other: str, here: str = here) -> str:
            return other.split("/")[1] if other.split("/")[0] == here else "../" + other

        text = [
            f'---\ntitle: Page {i}\nexam:\n  mla-c01: ["2.2"]\nexam_domain: modelling\ntags:\n  - Training\n---\n\n# Page {i}\n\n'
        ]
        body_words = int(shape["words"])
        links = [names[rng.randrange(pages)] for _ in range(max(1, round(shape["links"])))]
        for paragraph in range(max(1, body_words // 80)):
            text.append(
                f"## Part {paragraph}\n\n"
                + " ".join(rng.choice(words) for _ in range(70))
                + f" See [page]({rel(links[paragraph % len(links)])}).\n\n"
            )
        if rng.random() < shape["diagrams"] - int(shape["diagrams"]) or shape["diagrams"] >= 1:
            for d in range(max(1, int(shape["diagrams"]))):
                text.append(
                    "```mermaid\nflowchart LR\n    accTitle: Flow\n    accDescr: A flow.\n"
                    f"    a{d}[S3] --> b{d}[Glue] --> c{d}[SageMaker]\n```\n\n"
                )
        for _ in range(int(shape["tables"]) + (rng.random() < shape["tables"] % 1)):
            text.append(
                "| Service | Use |\n|---|---|\n"
                + "".join(f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} |\n" for _ in range(5))
                + "\n"
            )
        for link in links:
            text.append(f"- [Related]({rel(link)})\n")
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(text))
    for section, members in sorted(by_section.items()):
        nav.append({f"Section {section}": members})
    return nav


def graph_sources(pages: int) -> list[tuple[str, str]]:
    """(src_uri, Markdown) of a synthetic site of `pages` pages, in navigation order."""
    with tempfile.TemporaryDirectory() as tmp:
        nav = synthetic_site(Path(tmp), pages, real_site_proportions())
        order = [
            uri for item in nav for value in item.values() for uri in ([value] if isinstance(value, str) else value)
        ]
        return [(uri, (Path(tmp) / "docs" / uri).read_text(encoding="utf-8")) for uri in order]


def bench_graph(pages: int, build_graph=None, render_backlinks=None, render_related=None) -> dict:
    """The link graph of a synthetic site: read every page, then render every page's backlinks and
    related pages, as the build does (scripts/site_graph.py), in this process.
    The functions can be another version's, to compare."""
    if build_graph is None:
        from site_graph import build_graph, render_backlinks, render_related
    sources = graph_sources(pages)
    started = time.perf_counter()
    graph = build_graph(sources)
    read = time.perf_counter() - started
    for src_uri, _ in sources:
        render_backlinks(graph, src_uri) + render_related(graph, src_uri)
    total = time.perf_counter() - started
    return {"pages": len(sources), "read_seconds": round(read, 2), "graph_seconds": round(total, 2)}


def bench_scale(scales: list[int], link_check_max: int) -> list[dict]:
    shape = real_site_proportions()
    results = []
    for pages in scales:
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp)
            target.chmod(0o755)
            nav = synthetic_site(target, pages, shape)
            started = time.perf_counter()
            result = build_site(
                target / "site", docs_dir=target / "docs", nav=nav, timeout=1800
            )  # 2,000 pages: minutes
            build = time.perf_counter() - started
            if result.returncode:
                raise SystemExit(f"synthetic site of {pages} pages failed to build:\n{result.output[-2000:]}")
            # linkchecker grows with pages x anchors per page; past link_check_max it outlasts the bench.
            link_check, problems = None, []
            if pages <= link_check_max:
                started = time.perf_counter()
                problems = check_links(target / "site")
                link_check = round(time.perf_counter() - started, 2)
            html = sum(p.stat().st_size for p in (target / "site").rglob("*.html"))
            results.append(
                {
                    "pages": pages + 1,
                    "build_seconds": round(build, 2),
                    "link_check_seconds": link_check,
                    "link_problems": len(problems),
                    "search_index_bytes": (target / "site" / "search" / "search_index.json").stat().st_size,
                    "search_index_gzip_bytes": gzipped_size(target / "site" / "search" / "search_index.json"),
                    "html_bytes": html,
                }
            )
            print(f"  scale {pages}: {results[-1]}", flush=True)
    return results


RENDERER_SCRIPT = re.compile(r"(mermaid|katex|mathjax)[^/]*\.m?js$", re.I)


def kind_of(url: str) -> str:
    """What a request fetched, for the weight's breakdown."""
    path = url.split("?")[0]
    if path.endswith("search_index.json"):
        return "search index"
    if "search-worker" in path:
        return "search worker"
    for suffix, kind in (
        (".js", "scripts"),
        (".css", "stylesheets"),
        (".woff2", "fonts"),
        (".svg", "images"),
        (".png", "images"),
        (".json", "data"),
    ):
        if path.endswith(suffix):
            return kind
    return "pages"


def bench_weight(site_dir: Path) -> dict:
    from playwright.sync_api import sync_playwright

    results = {}
    with serve(site_dir, compress=True) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        for label, page in WEIGHT_PAGES.items():
            context = browser.new_context()  # a first visit: empty cache
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Network.enable")
            transferred, urls = {}, {}
            cdp.on(
                "Network.requestWillBeSent", lambda e, urls=urls: urls.__setitem__(e["requestId"], e["request"]["url"])
            )
            cdp.on(
                "Network.loadingFinished",
                lambda e, transferred=transferred: transferred.__setitem__(e["requestId"], e["encodedDataLength"]),
            )
            tab.goto(base_url + page, wait_until="load")
            tab.wait_for_load_state("networkidle")
            renderers = sorted({url.rsplit("/", 1)[-1] for url in urls.values() if RENDERER_SCRIPT.search(url)})
            by_kind: dict[str, float] = {}
            for request, size in transferred.items():
                kind = kind_of(urls.get(request, ""))
                by_kind[kind] = round(by_kind.get(kind, 0) + size / 1024, 1)
            results[label] = {
                "page": page or "index.html",
                "requests": len(urls),
                "transferred_kb": round(sum(transferred.values()) / 1024, 1),
                "transferred_kb_by_kind": by_kind,
                "renderer_scripts": renderers,
                "has_diagrams": tab.evaluate("() => document.querySelectorAll('div.mermaid').length > 0"),
            }
            context.close()
        browser.close()
    return results


def bench_lighthouse(site_dir: Path) -> dict:
    lighthouse = ROOT / "scripts" / "bench-tools" / "node_modules" / ".bin" / "lighthouse"  # make bench installs it
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    results = {}
    with serve(site_dir, compress=True) as base_url, tempfile.TemporaryDirectory() as tmp:
        for label, page in WEIGHT_PAGES.items():
            report = Path(tmp) / "report.json"
            subprocess.run(
                [
                    str(lighthouse),
                    base_url + page,
                    f"--chrome-path={chromium_path()}",
                    f"--chrome-flags={flags}",
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    "--only-categories=performance,accessibility,best-practices,seo",
                ],
                cwd=ROOT,
                check=True,
                timeout=300,
            )
            data = json.loads(report.read_text())
            scores = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
            failed = {
                key: [
                    audit_ref["id"]
                    for audit_ref in category["auditRefs"]
                    if audit_ref.get("weight") and (data["audits"][audit_ref["id"]].get("score") or 0) < 1
                ]
                for key, category in data["categories"].items()
            }
            results[label] = {"page": page or "index.html", "scores": scores, "imperfect_audits": failed}
            print(f"  lighthouse {label}: {scores}", flush=True)
    return results


def summary(results: dict) -> str:
    build, lines = results["build"], []
    lines += [
        "# Benchmark summary",
        "",
        f"Measured {results['measured_at']} on {results['machine']}.",
        "",
        "| what | measured | budget |",
        "|---|---|---|",
        f"| strict build, real site ({build['pages']} pages), warm (diagram cache full), median of "
        f"{len(build['build_seconds_runs'])} | {build['build_seconds_median']} s "
        f"({build['build_to_floor_ratio']}x the floor) | {BUDGETS['build_to_floor_ratio']}x the floor |",
        f"| strict build, cold (empty diagram and maths caches) | {build.get('cold_build_seconds', '-')} s "
        f"({build.get('cold_build_seconds', 0) / build['floor_seconds_median']:.2f}x the floor) | |",
        f"| floor: the same Markdown through python-markdown only, one process | {build['floor_seconds_median']} s | |",
        f"| link check (linkchecker, anchors) | {build['link_check_seconds']} s | {BUDGETS['link_check_seconds']} s |",
        f"| search index | {build['search_index_bytes'] / 1024:.0f} KB, "
        f"{build['search_index_gzip_bytes'] / 1024:.0f} KB gzip | {BUDGETS['search_index_gzip_kb']} KB gzip |",
    ]
    if "search" in results:
        search = results["search"]
        lines += [
            f"| search: last key press to results, median of {search['queries']} queries typed "
            f"{search['typing_delay_ms']} ms a key (p90) | {search['keystroke_to_results_ms_median']} ms "
            f"({search['keystroke_to_results_ms_p90']} ms) | {BUDGETS['keystroke_to_results_ms']} ms |",
            f"| search worker (MiniSearch, stemmer, ours) | {search['worker_gzip_bytes'] / 1024:.0f} KB gzip | |",
        ]
    if "artefacts" in results:
        art = results["artefacts"]
        lines += [
            f"| make pdf | {art['pdf_seconds']} s, {art['pdf_bytes'] / 1e6:.1f} MB | {BUDGETS['pdf_seconds']} s |",
            f"| make offline | {art['offline_seconds']} s, {art['offline_bytes'] / 1e6:.1f} MB | |",
        ]
    if "graph" in results:
        graph = results["graph"]
        lines.append(
            f"| link graph of {graph['pages']} synthetic pages: read, then every page's backlinks and related "
            f"pages | {graph['graph_seconds']} s (reading {graph['read_seconds']} s) | |"
        )
    if "make_test_seconds" in results:
        verdict = "passed" if results.get("make_test_passed") else "FAILED"
        lines.append(f"| make test ({verdict}) | {results['make_test_seconds']} s | {BUDGETS['make_test_seconds']} s |")
    lines += [
        "",
        "## First visit (gzip, empty cache)",
        "",
        "| page | requests | transferred | of which | renderer scripts | budget |",
        "|---|---|---|---|---|---|",
    ]
    for label, weight in results["weight"].items():
        budget = BUDGETS["diagram_page_kb"] if weight["has_diagrams"] else BUDGETS["page_without_diagrams_kb"]
        parts = ", ".join(
            f"{kind} {size} KB"
            for kind, size in sorted(weight.get("transferred_kb_by_kind", {}).items(), key=lambda item: -item[1])
        )
        lines.append(
            f"| {label} (`{weight['page']}`) | {weight['requests']} | {weight['transferred_kb']} KB | {parts} | "
            f"{', '.join(weight.get('renderer_scripts') or []) or 'none'} | {budget} KB |"
        )
    if "lighthouse" in results:
        lines += [
            "",
            "## Lighthouse (mobile preset, simulated throttling)",
            "",
            "| page | performance | accessibility | best practices | SEO |",
            "|---|---|---|---|---|",
        ]
        for label, report in results["lighthouse"].items():
            s = report["scores"]
            lines.append(
                f"| {label} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |"
            )
    if results.get("scale"):
        lines += [
            "",
            "## Scale (synthetic sites shaped like the real one)",
            "",
            "| pages | build | link check | search index (gzip) | HTML |",
            "|---|---|---|---|---|",
        ]
        for row in results["scale"]:
            link_check = f"{row['link_check_seconds']} s" if row["link_check_seconds"] is not None else "not run"
            lines.append(
                f"| {row['pages']} | {row['build_seconds']} s | {link_check} | "
                f"{row['search_index_bytes'] / 1024:.0f} KB ({row['search_index_gzip_bytes'] / 1024:.0f} KB) | "
                f"{row['html_bytes'] / 1e6:.1f} MB |"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", default="100,500,2000")
    parser.add_argument("--skip-test", action="store_true", help="do not time a whole `make test`")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-artefacts", action="store_true", help="do not time make pdf / make offline")
    parser.add_argument(
        "--link-check-max",
        type=int,
        default=500,
        help="check links of synthetic sites up to this many pages (default 500)",
    )
    args = parser.parse_args()

    results: dict = {
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "budgets": BUDGETS,
    }
    print("build ...", flush=True)
    results["build"] = bench_build(args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        strict_build(site)
        print("weight ...", flush=True)
        results["weight"] = bench_weight(site)
        print("search ...", flush=True)
        results["search"] = bench_search(site)
        if not args.skip_lighthouse:
            print("lighthouse ...", flush=True)
            results["lighthouse"] = bench_lighthouse(site)
    if not args.skip_artefacts:
        print("pdf and offline ...", flush=True)
        results["artefacts"] = bench_artefacts()
    print("graph ...", flush=True)
    results["graph"] = bench_graph(max([int(n) for n in args.scales.split(",") if n] or [2000]))
    if args.scales:
        print("scale ...", flush=True)
        results["scale"] = bench_scale([int(n) for n in args.scales.split(",") if n], args.link_check_max)
    if not args.skip_test:
        print("make test ...", flush=True)
        started = time.perf_counter()
        run = subprocess.run(["make", "test"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results["make_test_seconds"] = round(time.perf_counter() - started, 1)
        results["make_test_passed"] = run.returncode == 0
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    SUMMARY.write_text(summary(results))
    print(SUMMARY.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
