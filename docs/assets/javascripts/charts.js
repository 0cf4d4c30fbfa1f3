/*
 * Makes the charts a page carries interactive, on the reader's request. Each <figure class="chart">
 * shows a static SVG preview drawn by the generator, and holds its plotly figure as JSON in its plot's
 * data-figure attribute. plotly.js (the site's own bundle, about 1 MB) is fetched only when the reader
 * asks: the "Interactive chart" button, or a click on the preview; pointing at or focusing the button
 * starts the download early. plotly then draws in the preview's place, in the same box (nothing moves).
 * Clicks are heard on the document, so the charts need no wiring one by one. Colours follow the palette
 * switch (data-md-color-scheme on <body>) without a reload: the preview by CSS, plotly's drawing by a redraw
 * with each trace's meta.colors for that scheme; axes and text take the page's.
 */
(function () {
  "use strict";

  var BUNDLE = new URL("vendor/plotly-scatter-bar.min.js", document.currentScript.src).href;
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = BUNDLE;
        script.async = true;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { loading = null; reject(new Error("could not load " + BUNDLE)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "slate" : "default";
  }

  function setPath(target, path, value) {
    var keys = path.split(".");
    for (var i = 0; i < keys.length - 1; i++) {
      target = target[keys[i]] = target[keys[i]] || {};
    }
    target[keys[keys.length - 1]] = value;
  }

  // The page's own text colours, read from Material's variables for the current scheme.
  function pageColours(element) {
    var style = getComputedStyle(element);
    return {
      text: style.color,
      grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "rgba(128,128,128,0.2)",
      line: style.getPropertyValue("--md-default-fg-color--lighter").trim() || "rgba(128,128,128,0.4)",
      hover: style.getPropertyValue("--md-default-bg-color").trim() || "#ffffff"
    };
  }

  function themed(figure, element) {
    var name = scheme();
    var colours = pageColours(element);
    var data = figure.data.map(function (trace) {
      var copy = JSON.parse(JSON.stringify(trace));
      var props = (trace.meta && trace.meta.colors && trace.meta.colors[name]) || {};
      Object.keys(props).forEach(function (path) { setPath(copy, path, props[path]); });
      return copy;
    });
    var layout = JSON.parse(JSON.stringify(figure.layout));
    setPath(layout, "font.color", colours.text);
    setPath(layout, "hoverlabel.bgcolor", colours.hover);
    setPath(layout, "hoverlabel.font.color", colours.text);
    (layout.shapes || []).forEach(function (shape) { setPath(shape, "line.color", colours.line); });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = layout[axis] || {};
      layout[axis].gridcolor = colours.grid;
      layout[axis].linecolor = colours.line;
      layout[axis].zerolinecolor = colours.line;
    });
    return { data: data, layout: layout };
  }

  var CONFIG = { displayModeBar: false, responsive: true, scrollZoom: false };

  // One draw at a time per plot: a redraw (palette switch) waits for the draw before it.
  var pending = new WeakMap();

  function draw(Plotly, plot) {
    var previous = pending.get(plot) || Promise.resolve();
    var next = previous.then(function () { return drawNow(Plotly, plot); });
    pending.set(plot, next.catch(function () {}));
    return next;
  }

  function drawNow(Plotly, plot) {
    if (!plot.isConnected) return Promise.resolve();
    var figure = JSON.parse(plot.getAttribute("data-figure"));
    var view = themed(figure, plot);
    plot.dataset.scheme = scheme();
    delete plot.dataset.drawn;
    return Plotly.react(plot, view.data, view.layout, CONFIG).then(function () {
      if (!plot.dataset.clicks) {
        plot.dataset.clicks = "on";
        // A point whose customdata is a link opens that page: the table carries the same links.
        plot.on("plotly_click", function (event) {
          var point = event.points && event.points[0];
          if (point && typeof point.customdata === "string") {
            window.location.href = new URL(point.customdata, window.location.href).href;
          }
        });
      }
      plot.dataset.drawn = "true";
    });
  }

  // Draw one chart with plotly in place of its preview, when the reader asks for it.
  function interactive(figure) {
    var plot = figure.querySelector(".chart__plot");
    var button = figure.querySelector(".chart__load");
    if (!plot || plot.dataset.scheme) return;
    plot.dataset.scheme = scheme();  // asked for: the palette switch redraws it from now on
    if (button) button.textContent = "Loading…";
    var preview = plot.querySelector(".chart__preview");
    loadPlotly().then(function (Plotly) {
      // plotly draws under the preview, in the same box; the preview goes once it has drawn.
      if (preview) preview.classList.add("chart__preview--leaving");
      return draw(Plotly, plot);
    }).then(function () {
      if (preview) preview.remove();
      // plotly's drawing is not readable; the caption and the data table are.
      plot.setAttribute("role", "img");
      plot.setAttribute("aria-label", plot.dataset.label || "");
      // Hidden, not removed, so that nothing under it moves.
      if (button) button.setAttribute("data-done", "");
    }, function () {
      delete plot.dataset.scheme;
      if (button) button.textContent = "Interactive chart (could not load; try again)";
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var trigger = target && target.closest(".chart__load, .chart__preview");
    var figure = trigger && trigger.closest("figure.chart");
    if (figure) interactive(figure);
  });

  // Pointing at the button, or reaching it with the keyboard, starts the download before the click.
  function warm(event) {
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(".chart__load")) loadPlotly().catch(function () {});
  }
  document.addEventListener("pointerover", warm);
  document.addEventListener("focusin", warm);

  // Redraw with the other scheme's colours when the reader switches palette.
  new MutationObserver(function () {
    if (!window.Plotly) return;
    document.querySelectorAll("figure.chart .chart__plot[data-scheme]").forEach(function (plot) {
      if (plot.dataset.scheme !== scheme()) draw(window.Plotly, plot);
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
