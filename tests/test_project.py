"""The project's own files: the theme override that copies a Material partial, the hook that replaces a
print-site function, and the README's map of the tree."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import material
import pytest
from support import ROOT

pytestmark = pytest.mark.unit

SEARCH_PARTIAL = "partials/search.html"
# What overrides/partials/search.html changes in Material's partial: an accessible name on the dialog.
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'
LEADING_COMMENT = re.compile(r"^\{#-.*?-#\}\s*", re.S)


def test_the_search_partial_is_materials_with_a_named_dialog():
    """Fails when an upgrade of Material changes its partial: copy it again and re-apply the one change."""
    theirs = (Path(material.__file__).parent / "templates" / SEARCH_PARTIAL).read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / SEARCH_PARTIAL).read_text(encoding="utf-8")
    assert DIALOG in theirs, f"Material's {SEARCH_PARTIAL} no longer opens with the dialog this override names"
    expected = LEADING_COMMENT.sub("", theirs).replace(DIALOG, NAMED_DIALOG, 1)
    assert LEADING_COMMENT.sub("", ours) == expected, (
        f"overrides/{SEARCH_PARTIAL} differs from Material's {SEARCH_PARTIAL} beyond the dialog's aria-label"
    )


def test_the_readme_names_every_script_and_hook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    entries = [p for p in (ROOT / "scripts").iterdir() if p.name not in ("__pycache__", "hooks")]
    missing = [f"scripts/{p.name}" for p in entries if f"scripts/{p.name}" not in readme]
    missing += [f"hook {p.stem}" for p in (ROOT / "scripts" / "hooks").glob("*.py") if f"`{p.stem}`" not in readme]
    assert not missing, f"README.md's table of the tree does not name: {missing}"


# Tags one a line, as Material writes headings and list items: headings, list items and footnote marks with ids (renamed), other
# tags with ids (kept), and a long line with no space, on which print-site's own pattern backtracks.
PRINT_PAGE_SAMPLE = (
    '<h1 id="title">T</h1>\n<h2 class="x" id="a-b">A <a href="#a-b">#</a></h2>\n'
    '<ul>\n<li id="fn:1">one</li>\n<li>two</li>\n</ul>\n<sup id="fnref:1"><a href="#fn:1">1</a></sup>\n'
    '<div id="keep"><span id="keep-too">k</span></div>\n' + "<span>" * 300 + '<svg id="d"><g id="n"></g></svg>\n'
)


def test_print_site_anchor_renaming_is_print_sites_own():
    """scripts/hooks/print_site_anchors.py stands in for print-site's update_anchor_ids: the same output, and
    print-site still calls it through its module, where the hook puts it. Fails when an upgrade changes either."""
    from mkdocs_print_site_plugin import urls
    from print_site_anchors import update_anchor_ids

    ours = update_anchor_ids(PRINT_PAGE_SAMPLE, "page")
    assert ours == urls.update_anchor_ids(PRINT_PAGE_SAMPLE, "page")
    assert ours.count('id="page-') == 4 and 'id="keep"' in ours and 'id="d"' in ours, ours[:300]
    # Where print-site's pattern skips a tag that follows another on its line (a footnote mark in its
    # paragraph), this one renames it.
    assert update_anchor_ids('<p>x<sup id="r">1</sup></p>', "page") == '<p>x<sup id="page-r">1</sup></p>'
    assert "page_html = update_anchor_ids(page_html, page_key)" in inspect.getsource(urls.fix_internal_links)
