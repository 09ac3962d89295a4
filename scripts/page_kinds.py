"""What a page is, declared in its front matter (`kind:`), and the rules each kind follows.

Every hook and check asks this module, never a path, what a page must have and what is generated on it.
CONTRIBUTING.md ("Page kinds") gives the same table in words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    meaning: str
    exam_keys: bool  # must map the exam (`exam`, `exam_domain`)
    links_out: int  # at least this many other pages linked from its text
    self_check: bool  # ends with two to five `??? question` boxes under "Check yourself"
    generated_sections: bool  # gets "Referenced by" and "Related by tags" appended
    listed: bool  # a candidate for what the site lists: related pages, the glossary's "explained in", exam traps
    needs_inbound: bool  # some other page must link to it (navigation does not count)


KINDS = {
    kind.name: kind
    for kind in (
        Kind("topic", "one topic of ML on AWS (the default)", True, 3, True, True, True, True),
        Kind("section", "a section's landing page (`<section>/index.md`)", True, 0, False, True, True, True),
        Kind(
            "resource",
            "a page for learners about learning: courses, sources, start here",
            False,
            3,
            False,
            True,
            True,
            True,
        ),
        Kind(
            "meta",
            "a page generated from the others: exam maps, glossary, tags, listings",
            False,
            0,
            False,
            False,
            False,
            True,
        ),
        Kind("home", "the home page", False, 0, False, False, False, False),
    )
}
DEFAULT = "topic"
SELF_CHECK_QUESTIONS = (2, 5)

# Every front-matter key a page may set: MkDocs' and Material's, and the site's own.
FRONT_MATTER_KEYS = {
    "title": "the page title, as in its first heading",
    "description": "the meta description (by default the page's first paragraph)",
    "tags": "one or more of `tags_allowed` in mkdocs.yml",
    "kind": f"one of {', '.join(KINDS)} (default {DEFAULT})",
    "exam": "the task statements of the current exam the page teaches",
    "exam_domain": "the domain of the retired Specialty the page serves",
    "hide": "Material: parts of the layout to hide",
    "icon": "Material: the page's icon in the navigation",
    "status": "Material: new or deprecated",
    "search": "Material: exclude the page from search",
    "template": "MkDocs: another template for the page",
}


def kind_of(meta: dict) -> Kind:
    """The page's kind; an unknown one is reported by problems()."""
    return KINDS.get(str(meta.get("kind") or DEFAULT), KINDS[DEFAULT])


def problems(meta: dict) -> list[str]:
    """What is wrong with a page's front matter, as phrases following "Doc file 'x.md' ..."."""
    found = []
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            found.append(
                f"has the front-matter key '{key}', which nothing reads (known: {', '.join(FRONT_MATTER_KEYS)})"
            )
    if "kind" in meta and str(meta["kind"]) not in KINDS:
        found.append(f"has kind '{meta['kind']}', which is not a page kind (known: {', '.join(KINDS)})")
    return found
