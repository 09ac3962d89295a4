/*
 * Renders Mermaid diagrams and KaTeX maths on the pages that have them, and
 * only there: the libraries (served from assets/vendor/) load on first need.
 *
 * Material's instant navigation swaps page content without a page load, and
 * never runs the scripts mermaid2 appends to <body>, so rendering hangs on
 * Material's document$ (each page shown) instead. Diagrams are re-rendered
 * when the reader switches between the light and dark schemes.
 *
 * window.renderersSettled is a promise for the current page's rendering; the
 * browser tests and the PDF build wait on it instead of a fixed delay.
 */
(function () {
  "use strict";

  var vendorBase = new URL("../vendor/", document.currentScript.src).href;
  var loading = {};

  function loadScript(name, path) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = vendorBase + path;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("Cannot load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function loadStylesheet(path) {
    var href = vendorBase + path;
    if (!document.querySelector('link[href="' + href + '"]')) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      document.head.appendChild(link);
    }
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function mermaidSettings() {
    var element = document.getElementById("__diagram-settings");
    var settings = element ? JSON.parse(element.textContent) : {};
    settings.startOnLoad = false;
    settings.theme = isDark() ? "dark" : "default";
    if (isDark()) {
      // Mermaid's dark edge labels (#ccc on #585858) fall short of 4.5:1 contrast.
      settings.themeVariables = Object.assign({ edgeLabelBackground: "#333333" }, settings.themeVariables);
    }
    return settings;
  }

  function renderDiagrams(rerender) {
    var diagrams = Array.prototype.slice.call(document.querySelectorAll("div.mermaid"));
    if (!diagrams.length) return Promise.resolve();
    diagrams.forEach(function (diagram) {
      if (diagram.dataset.mermaidSource === undefined) {
        diagram.dataset.mermaidSource = diagram.textContent;
      } else if (rerender) {
        diagram.removeAttribute("data-processed");
        diagram.textContent = diagram.dataset.mermaidSource;
      }
    });
    var pending = diagrams.filter(function (diagram) {
      return !diagram.hasAttribute("data-processed");
    });
    if (!pending.length) return Promise.resolve();
    // mermaid2 already adds the library to pages that have diagrams on a full page load; load it only
    // when it is missing (a page reached by instant navigation from one without diagrams).
    var library = window.mermaid ? Promise.resolve() : loadScript("mermaid", "mermaid/mermaid.min.js");
    return library.then(function () {
      window.mermaid.initialize(mermaidSettings());
      return window.mermaid.run({ nodes: pending, suppressErrors: true });
    }).then(function () {
      pending.forEach(fitDiagram);
      pending.forEach(plainLinks);
    });
  }

  // A diagram wider than the text shrinks to fit, but never below 75 % of its natural size (labels
  // stay at 12 px or more); what is left scrolls sideways. Printing always fits it to the page (CSS).
  function fitDiagram(diagram) {
    var svg = diagram.querySelector(":scope > svg");
    var natural = svg && parseFloat(svg.getAttribute("width"));
    if (!natural) return;
    var room = diagram.clientWidth;
    svg.style.width = (natural > room ? Math.max(room, natural * 0.75) : natural) + "px";
    // A diagram that still scrolls must be reachable by keyboard, like Material's code blocks.
    if (diagram.scrollWidth > diagram.clientWidth) {
      diagram.setAttribute("tabindex", "0");
      diagram.setAttribute("role", "group");
      var title = svg.querySelector(":scope > title");
      diagram.setAttribute("aria-label", (title && title.textContent.trim()) || "Diagram");
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (name) { diagram.removeAttribute(name); });
    }
  }

  // Mermaid writes node links as xlink:href only; crawlers and Lighthouse want the plain href too.
  function plainLinks(diagram) {
    diagram.querySelectorAll("svg a").forEach(function (link) {
      var target = link.getAttributeNS("http://www.w3.org/1999/xlink", "href");
      if (target && !link.hasAttribute("href")) link.setAttribute("href", target);
    });
  }

  function renderMaths() {
    var formulas = document.querySelectorAll(".arithmatex:not([data-rendered])");
    if (!formulas.length) return Promise.resolve();
    loadStylesheet("katex/katex.min.css");
    return loadScript("katex", "katex/katex.min.js").then(function () {
      Array.prototype.forEach.call(formulas, function (element) {
        var source = element.textContent.trim();
        var display = source.indexOf("\\[") === 0;
        var tex = source.replace(/^\\[\[(]/, "").replace(/\\[\])]$/, "");
        window.katex.render(tex, element, { displayMode: display, throwOnError: false });
        element.setAttribute("data-rendered", "");
      });
    });
  }

  // The first page render settles the promise scripts may already be waiting on; each later render
  // (instant navigation, a scheme switch) replaces it.
  var settleFirst;
  window.renderersSettled = new Promise(function (resolve) { settleFirst = resolve; });

  function renderPage(rerender) {
    var rendering = Promise.all([renderDiagrams(rerender), renderMaths()])
      .catch(function (error) { console.error(error); });
    window.renderersSettled = rendering;
    if (settleFirst) {
      settleFirst(rendering);
      settleFirst = null;
    }
    return rendering;
  }

  function start() {
    if (window.document$) {
      window.document$.subscribe(function () { renderPage(false); });
    } else {
      renderPage(false);
    }
    new MutationObserver(function () { renderPage(true); })
      .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
