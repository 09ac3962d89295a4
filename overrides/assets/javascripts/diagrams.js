/*
 * Diagrams are SVG drawn at build time (scripts/hooks/diagrams.py), their node links plain <a href>
 * (partials/svg-links.html lets Material's instant navigation handle those). extra.css shrinks each one to
 * its column. What is left for the browser: a diagram shown smaller than its natural size (always on a
 * phone) gets a visible "full screen" button, which opens it in a dialog at natural size, scrolled by
 * touch or keys and zoomed with buttons or + / - / 0; Escape or the close button puts it back.
 * Runs on every page Material shows (instant navigation) and whenever a diagram's width changes.
 */
(function () {
  "use strict";

  var ZOOM_STEP = 1.25, ZOOM_MIN = 0.25, ZOOM_MAX = 4;
  var ICONS = {
    // Material Design Icons as Material for MkDocs bundles them (Apache 2.0): fullscreen,
    // magnify-plus-outline, magnify-minus-outline, fit-to-screen-outline, close.
    open: "M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zm3 9h2v5h-5v-2h3zm-7 3v2H5v-5h2v3z",
    zoomIn: "m15.5 14 5 5-1.5 1.5-5-5v-.79l-.27-.28A6.47 6.47 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3 6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.57 4.23l.28.27zm-6 0C12 14 14 12 14 9.5S12 5 9.5 5 5 7 5 9.5 7 14 9.5 14m2.5-4h-2v2H9v-2H7V9h2V7h1v2h2z",
    zoomOut: "M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 0 0 9.5 3 6.5 6.5 0 0 0 3 9.5 6.5 6.5 0 0 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 5 1.5-1.5zm-6 0C7 14 5 12 5 9.5S7 5 9.5 5 14 7 14 9.5 12 14 9.5 14M7 9h5v1H7z",
    fit: "M17 4h3c1.1 0 2 .9 2 2v2h-2V6h-3zM4 8V6h3V4H4c-1.1 0-2 .9-2 2v2zm16 8v2h-3v2h3c1.1 0 2-.9 2-2v-2zM7 18H4v-2H2v2c0 1.1.9 2 2 2h3zm9-8v4H8v-4zm2-2H6v8h12z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
  };

  function icon(name) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="' + ICONS[name] + '"/></svg>';
  }

  function button(name, label, extraClass) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-icon " + extraClass;
    element.title = label;
    element.setAttribute("aria-label", label);
    element.innerHTML = icon(name);
    return element;
  }

  function titleOf(svg) {
    var title = svg.querySelector(":scope > title");
    return (title && title.textContent.trim()) || "Diagram";
  }

  function naturalWidth(svg) {
    return svg.viewBox.baseVal.width;
  }

  /* Shown below natural size: the labels are smaller than the text, so offer the full-screen view. */
  function update(diagram) {
    var svg = diagram.querySelector(":scope > svg");
    if (!svg) return;
    var shrunk = svg.getBoundingClientRect().width < naturalWidth(svg) - 1;
    diagram.classList.toggle("diagram--shrunk", shrunk);
  }

  function open(diagram, opener) {
    var svg = diagram.querySelector(":scope > svg");
    var width = naturalWidth(svg), zoom = 1;
    var dialog = document.createElement("dialog");
    dialog.className = "diagram-viewer";
    dialog.setAttribute("aria-label", titleOf(svg));
    var toolbar = document.createElement("div");
    toolbar.className = "diagram-viewer__toolbar";
    var heading = document.createElement("span");
    heading.className = "diagram-viewer__title";
    heading.textContent = titleOf(svg);
    var level = document.createElement("output");
    level.className = "diagram-viewer__zoom";
    var zoomOut = button("zoomOut", "Zoom out (-)", "diagram-viewer__button");
    var zoomIn = button("zoomIn", "Zoom in (+)", "diagram-viewer__button");
    var fit = button("fit", "Fit to screen (0)", "diagram-viewer__button");
    var close = button("close", "Close (Esc)", "diagram-viewer__button");
    toolbar.append(heading, zoomOut, level, zoomIn, fit, close);
    var canvas = document.createElement("div");
    canvas.className = "diagram-viewer__canvas";
    canvas.tabIndex = 0;  // scrolled by the arrow keys
    canvas.setAttribute("aria-label", titleOf(svg) + ", scrollable");
    dialog.append(toolbar, canvas);

    // The drawing itself moves into the dialog (no copy, so its ids stay unique) and back on close.
    var placeholder = document.createElement("div");
    placeholder.style.height = diagram.getBoundingClientRect().height + "px";
    diagram.insertBefore(placeholder, svg);
    canvas.append(svg);

    function show(next) {
      zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, next));
      svg.style.width = svg.style.maxWidth = svg.style.minWidth = Math.round(width * zoom) + "px";
      level.value = Math.round(zoom * 100) + " %";
    }
    function fitZoom() {
      var box = canvas.getBoundingClientRect();
      return Math.min(box.width / width, box.height / svg.viewBox.baseVal.height);
    }
    zoomIn.addEventListener("click", function () { show(zoom * ZOOM_STEP); });
    zoomOut.addEventListener("click", function () { show(zoom / ZOOM_STEP); });
    fit.addEventListener("click", function () { show(fitZoom()); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "+" || event.key === "=") show(zoom * ZOOM_STEP);
      else if (event.key === "-") show(zoom / ZOOM_STEP);
      else if (event.key === "0") show(fitZoom());
      else return;
      event.preventDefault();
    });
    dialog.addEventListener("close", function () {
      svg.style.width = svg.style.maxWidth = svg.style.minWidth = "";
      diagram.replaceChild(svg, placeholder);
      dialog.remove();
      opener.focus();
    });

    document.body.append(dialog);
    dialog.showModal();
    show(1);  // natural size: labels as large as the text
    canvas.focus();
  }

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { update(entry.target); });
  });

  function watch() {
    observer.disconnect();
    document.querySelectorAll(".md-typeset div.mermaid").forEach(function (diagram) {
      var svg = diagram.querySelector(":scope > svg");
      if (!svg) return;
      if (!diagram.querySelector(":scope > .diagram-open")) {
        var opener = button("open", "Full screen: " + titleOf(svg), "diagram-open");
        opener.addEventListener("click", function () { open(diagram, opener); });
        diagram.prepend(opener);
      }
      observer.observe(diagram);
    });
  }

  if (window.document$) {
    window.document$.subscribe(watch);
  } else {
    watch();
  }
})();
