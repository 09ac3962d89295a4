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
    return loadScript("mermaid", "mermaid/mermaid.min.js").then(function () {
      window.mermaid.initialize(mermaidSettings());
      return window.mermaid.run({ nodes: pending, suppressErrors: true });
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

  function renderPage(rerender) {
    window.renderersSettled = Promise.all([renderDiagrams(rerender), renderMaths()])
      .catch(function (error) { console.error(error); });
    return window.renderersSettled;
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

  window.renderersSettled = new Promise(function (resolve) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { start(); resolve(window.renderersSettled); });
    } else {
      start();
      resolve(window.renderersSettled);
    }
  });
})();
