"""linkchecker, each page read once however many of its anchors are linked (run by scripts/check_links.py).

    LINKCHECKER_SHARED=dir python scripts/linkchecker_fast.py [linkchecker's arguments] page-url ...

dir/pages.json lists every page's URL; the page URLs given are this process's share.

With its AnchorCheck plugin, linkchecker checks `page/#a` and `page/#b` as two URLs: each requests the
page, parses it again to find its anchors, and crawls every link on it again. On this site that is a few
thousand parses of the same 150 pages. Here:

- the anchors of a page are collected from the parse linkchecker makes of it anyway when it crawls it
  (AnchorCheck runs on every HTML page, and checks a fragment where the URL has one), and kept with the
  page's response headers;
- a URL with a fragment is not requested again: it has its page's status and headers, and its anchor is
  checked against its page's anchors; its links are not crawled again (the page's are);
- check_links.py runs two of these processes, one a core, each crawling its share of the pages (the
  start URLs) and the assets they use; the anchors of a page the other process crawls are read from
  the folder LINKCHECKER_SHARED, where each process writes those it collects.

And three costs that do not change a result: linkchecker computes the text of every element to name the
links it finds, where only a link's (`<a>`) is used; it formats debug messages it then discards; and its
checking thread looks for more work once a second, so a process lingered a second after its last page (most
of the time a small fixture site took).

What is checked and reported is unchanged: every link, and every fragment against its page's anchors,
with linkchecker's own messages. Pinned linkchecker (requirements-dev.lock): these are its internals.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from linkcheck import log
from linkcheck.checker import httpurl, urlbase
from linkcheck.command.linkchecker import linkchecker
from linkcheck.director import checker
from linkcheck.htmlutil import linkparse
from linkcheck.plugins import anchorcheck
from requests.structures import CaseInsensitiveDict

SHARED = Path(os.environ.get("LINKCHECKER_SHARED", "."))
OTHER_PROCESS_WAIT = 120  # seconds: the other process crawls its pages before any fragment is checked
_own_pages = {arg for arg in sys.argv[1:] if arg.startswith(("http://", "https://"))}
_all_pages = set(json.loads((SHARED / "pages.json").read_text())) if (SHARED / "pages.json").exists() else _own_pages
_pages: dict[str, tuple[list, CaseInsensitiveDict]] = {}  # page URL without fragment: (anchors, headers)
_lock = threading.Lock()
_allows_recursion = urlbase.UrlBase.allows_recursion
_check_connection = httpurl.HttpUrl.check_connection


def _page_url(url_data) -> str:
    return urllib.parse.urlunsplit(tuple(url_data.urlparts[:4]) + ("",))


def _shared_file(page: str) -> Path:
    return SHARED / (hashlib.sha1(page.encode()).hexdigest() + ".json")


def _page(page: str) -> tuple[list, CaseInsensitiveDict] | None:
    """The anchors and headers of a page: collected here, or by the other process (waiting for it)."""
    with _lock:
        known = _pages.get(page)
    if known is not None or page in _own_pages or page not in _all_pages:
        return known
    shared, deadline = _shared_file(page), time.monotonic() + OTHER_PROCESS_WAIT
    while not shared.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the other linkchecker process never reported {page}")
        time.sleep(0.02)
    anchors, headers = json.loads(shared.read_text())
    known = ([tuple(anchor) for anchor in anchors], CaseInsensitiveDict(headers))
    with _lock:
        _pages[page] = known
    return known


def applies_to(self, url_data) -> bool:
    return url_data.is_html()


def check_anchor(self, url_data) -> None:
    page = _page_url(url_data)
    known = _page(page) if url_data.anchor else None
    if known is None:
        collector = anchorcheck.UrlAnchorCheck()
        linkparse.find_links(url_data.get_soup(), collector.add_anchor, linkparse.AnchorTags)
        known = (collector.anchors, url_data.headers or CaseInsensitiveDict())
        with _lock:
            _pages[page] = known
        if not url_data.anchor:
            partial = _shared_file(page).with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps([known[0], dict(known[1])]))
            partial.replace(_shared_file(page))
    if url_data.anchor:
        shared = anchorcheck.UrlAnchorCheck()
        shared.anchors = known[0]
        shared.check_anchor(url_data)


def check_connection(self) -> None:
    known = _page(_page_url(self)) if self.anchor else None
    if known is None:
        _check_connection(self)
    else:
        self.headers = known[1]
        self.set_result("200 OK (its page's response)")


def allows_recursion(self) -> bool:
    """Not into a URL with a fragment (its page is crawled), nor into the other process's pages."""
    page = _page_url(self)
    if self.anchor or (page in _all_pages and page not in _own_pages):
        return False
    return _allows_recursion(self)


def find_links(soup, callback, tags) -> None:
    """linkparse.find_links, with the element text (a link's name) computed for links only."""
    finder = linkparse.LinkFinder(callback, tags)
    for element in soup.find_all(True):
        text = element.text.strip() if element.name == "a" else ""
        position = None if element.sourcepos is None else element.sourcepos + 1
        finder.html_element(element.name, element.attrs, text, element.sourceline, position)


if __name__ == "__main__":
    anchorcheck.AnchorCheck.applies_to = applies_to
    anchorcheck.AnchorCheck.check = check_anchor
    urlbase.UrlBase.allows_recursion = allows_recursion
    httpurl.HttpUrl.check_connection = check_connection
    linkparse.find_links = find_links
    log.debug = lambda *args, **kwargs: None
    checker.QUEUE_POLL_INTERVALL_SECS = 0.05
    linkchecker()
