/*
 * Diagrams are SVG drawn at build time (scripts/hooks/diagrams.py); this only makes one that is wider
 * than the text, and so scrolls sideways, reachable by keyboard, like Material's code blocks. It runs
 * on every page Material shows (instant navigation included) and whenever a diagram's width changes.
 */
(function () {
  "use strict";

  function focusable(diagram) {
    if (diagram.scrollWidth > diagram.clientWidth + 1) {
      var title = diagram.querySelector("svg > title");
      diagram.setAttribute("tabindex", "0");
      diagram.setAttribute("role", "group");
      diagram.setAttribute("aria-label", (title && title.textContent.trim()) || "Diagram");
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (name) { diagram.removeAttribute(name); });
    }
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { focusable(entry.target); });
  });

  function watch() {
    observer.disconnect();
    document.querySelectorAll("div.mermaid").forEach(function (diagram) { observer.observe(diagram); });
  }

  if (window.document$) {
    window.document$.subscribe(watch);
  } else {
    watch();
  }
})();
