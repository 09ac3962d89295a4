"""The headless Chromium that the checks, the PDF and the benchmarks drive (through Playwright)."""

from __future__ import annotations

import shutil


def chromium_path() -> str:
    """The full browser (Lighthouse drives it, as a reader's Chrome)."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium not found: run `make browser` (scripts/ensure-chromium.sh) to install it")


def headless_chromium_path() -> str:
    """Chromium's headless shell where installed (Debian's chromium-headless-shell, the same Blink as the
    browser, without its window code): it does the same work for half the processor time (the visit of
    every page: 237 -> 120 CPU-s). Playwright's own headless default is this shell too."""
    return shutil.which("chromium-headless-shell") or chromium_path()


def launch_options() -> dict:
    """What every Playwright launch passes: playwright.chromium.launch(**launch_options())."""
    return {"executable_path": headless_chromium_path(), "headless": True, "args": CHROMIUM_ARGS}


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The search box as a reader uses it (tests/test_search*.py, the offline check and make bench).
# Install SEARCH_PROBE with context.add_init_script before the page loads: it counts the queries the
# page sends to the search worker and the results that come back, through Material's own channel, so
# a caller waits for the answer to the very query typed, not for an element that was already there.
SEARCH_PROBE = """
(() => {
  // sent: queries awaiting an answer; answered: queries answered, in order; shown: when each answer's
  // results were on the page (after Material's own handler has rendered them); keys: key presses.
  const probe = window.__searchProbe = { sent: [], answered: [], shown: [], keys: [] };
  addEventListener("keydown", event => probe.keys.push(event.timeStamp), true);
  const wrap = Base => Base && class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) {    // RESULT
          const query = probe.sent.shift();
          setTimeout(() => { probe.shown.push(performance.now()); probe.answered.push(query) });
        }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2)              // QUERY
        probe.sent.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
  // The offline bundle's iframe-worker shim assigns window.Worker later: wrap whatever is assigned.
  let current = wrap(window.Worker);
  Object.defineProperty(window, "Worker", { configurable: true, get: () => current, set: value => { current = wrap(value) } });
})();
"""

# Every result of the list, in order: the page it opens (its article's link) and the link that Enter
# would open (the one with the highest score in the item, as Material's keyboard handler picks it).
SEARCH_RESULTS_JS = """
() => [...document.querySelectorAll(".md-search-result__item")].map(item => {
  const links = [...item.querySelectorAll("a.md-search-result__link")].map(a => ({
    href: a.href, score: parseFloat(a.firstElementChild.getAttribute("data-md-score")),
    title: (a.querySelector("h1, h2") || {}).textContent || "",
    text: a.firstElementChild.textContent }));
  const best = links.reduce((a, b) => (b.score > a.score ? b : a), links[0]);
  return { page: links[0].href, best: best.href, title: links[0].title, heading: best.title, text: best.text };
})
"""


def open_search(tab) -> None:
    """Open the search box of the page loaded in the tab and wait until its engine is ready."""
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.match(/Initializing/i)", timeout=30000
    )


def type_query(tab, query: str, delay: int = 15) -> list[dict]:
    """Clear the search box, type the query key by key, wait for the answer to it, return the results.

    Material's search box ignores fill(): it listens to key events, so the query is typed."""
    box = _cleared_box(tab)
    box.press_sequentially(query, delay=delay)
    return _results_of(tab, query)


def enter_query(tab, query: str) -> list[dict]:
    """The query as a reader who pastes it and types its last character enters it: one key event, so one
    search (type_query sends one a key). The results are those of the query, however it was typed; the
    ranking suite enters its queries so (tests/test_search.py types some key by key)."""
    tab.evaluate(PASTE_JS, query[:-1])
    tab.keyboard.press(query[-1])
    return _results_of(tab, query)


# The box focused and holding the text, as a paste leaves it: no key event, so Material does not search yet.
# One round trip: the locator's fill() waits for the box to be stable, frame by frame (the suite took twice
# as long).
PASTE_JS = """text => {
  const probe = window.__searchProbe;
  probe.answered.length = probe.shown.length = probe.keys.length = 0;
  const box = document.querySelector("input.md-search__input");
  box.focus();
  box.value = text;
}"""


def _cleared_box(tab):
    box = tab.locator("input.md-search__input")
    box.fill("")
    tab.evaluate("() => { const p = window.__searchProbe; p.answered.length = p.shown.length = p.keys.length = 0 }")
    return box


def _results_of(tab, query: str, timeout_ms: int = 15000) -> list[dict]:
    """Wait for the answer to the very query typed, and return its results."""
    return tab.evaluate(ANSWER_JS, [query, timeout_ms])


# In the page, one round trip: the results once the probe has seen the answer to the query.
ANSWER_JS = """([query, timeout]) => new Promise((resolve, reject) => {
  const probe = window.__searchProbe, asked = performance.now();
  const check = () => {
    if (probe.sent.length === 0 && probe.answered[probe.answered.length - 1] === query) resolve((RESULTS)());
    else if (performance.now() - asked > timeout) reject(new Error(`no answer to ${JSON.stringify(query)} in ${timeout} ms`));
    else setTimeout(check, 5);
  };
  check();
})""".replace("RESULTS", SEARCH_RESULTS_JS.strip())


def last_keystroke_to_results_ms(tab) -> float:
    """After type_query: milliseconds from the last key press to the results of the query on the page."""
    return tab.evaluate(
        "() => { const p = window.__searchProbe; return p.shown[p.shown.length - 1] - p.keys[p.keys.length - 1] }"
    )
