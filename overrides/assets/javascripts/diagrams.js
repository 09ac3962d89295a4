/*
 * Diagrams are SVG drawn at build time (scripts/hooks/diagrams.py), their node links plain <a href>.
 * What is left for the browser:
 *
 * - Material's instant navigation makes every link of the page it fetches absolute by assigning the
 *   element's `href` property, which SVG links only have as a read-only SVGAnimatedString: the assignment
 *   throws and the navigation stops. SVG links get a setter that writes the attribute instead.
 * - A diagram wider than the text, which scrolls sideways, is made reachable by keyboard, like Material's
 *   code blocks: on every page Material shows and whenever a diagram's width changes.
 */
(function () {
  "use strict";

  var svgHref = Object.getOwnPropertyDescriptor(SVGAElement.prototype, "href");
  if (svgHref && !svgHref.set) {
    Object.defineProperty(SVGAElement.prototype, "href", {
      configurable: true,
      enumerable: svgHref.enumerable,
      get: svgHref.get,
      set: function (value) {
        var url = value && typeof value === "object" && "baseVal" in value ? value.baseVal : String(value);
        this.setAttribute("href", new URL(url, this.ownerDocument.baseURI).href);
      },
    });
  }

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
