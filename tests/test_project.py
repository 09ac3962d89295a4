"""The project's own files: the theme override that copies a Material partial, and the README's map of
the tree."""

from __future__ import annotations

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
