/*
 * Tables keep their header row in view (extra.css makes it sticky). A table that fits its column scrolls
 * with the page, its header held under Material's header bar. A table wider than its column scrolls in
 * its own box, no taller than the window, with the header row and the first column held in place, so that
 * every column can be reached without losing what a row or a column is; that box is focusable, so the
 * arrow keys scroll it. Runs on every page Material shows and whenever a table's width changes.
 */
(function () {
  "use strict";

  function label(wrap) {
    var heading = wrap.previousElementSibling;
    while (heading && !/^H[2-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return heading ? heading.textContent.replace(/\u00b6$/, "").trim() + " (table)" : "Table";
  }

  function update(wrap) {
    var table = wrap.querySelector("table");
    if (!table) return;
    var wide = table.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle("table--wide", wide);
    if (wide) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label(wrap));
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
    }
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target); });
  });

  function watch() {
    observer.disconnect();
    document.querySelectorAll(".md-typeset .md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.querySelector("table:not([class])")) observer.observe(wrap);
    });
  }

  if (window.document$) {
    window.document$.subscribe(watch);
  } else {
    watch();
  }
})();
