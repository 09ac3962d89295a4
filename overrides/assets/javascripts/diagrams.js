/*
 * Diagrams are SVG drawn at build time (scripts/hooks/diagrams.py), their node links plain <a href>
 * (partials/svg-links.html lets Material's instant navigation handle those). What is left for the
 * browser: a diagram wider than the text, which scrolls sideways, is made reachable by keyboard, like
 * Material's code blocks, on every page Material shows and whenever a diagram's width changes.
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
