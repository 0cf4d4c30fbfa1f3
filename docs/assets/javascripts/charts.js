/*
 * Draws the charts a page carries: each <figure class="chart"> holds its plotly figure as JSON in
 * its plot's data-figure attribute (built by the generator). On every page Material shows, first
 * load or instant navigation (document$), this finds the figures; only if there are any does it
 * load the site's own plotly.js bundle, once. Colours follow the palette switch (data-md-color-scheme on <body>) without a reload:
 * each trace's meta.colors holds its colours for both schemes; axes and text take the page's.
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

  // Work for the browser's idle time, so that plotly.js never competes with the page's first paint.
  var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1); };

  // A chart draws when it comes within a screen of being seen: plotly.js (about 1 MB) is fetched
  // and run only then, and each chart draws in a task of its own.
  var watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      watcher.unobserve(entry.target);
      var plot = entry.target;
      loadPlotly().then(function (Plotly) {
        idle(function () { if (plot.isConnected) draw(Plotly, plot); }, { timeout: 1000 });
      });
    });
  }, { rootMargin: "100% 0px" }) : null;

  function drawAll() {
    document.querySelectorAll("figure.chart .chart__plot").forEach(function (plot) {
      if (watcher) {
        watcher.observe(plot);
      } else {
        loadPlotly().then(function (Plotly) { draw(Plotly, plot); });
      }
    });
  }

  // Redraw with the other scheme's colours when the reader switches palette.
  new MutationObserver(function () {
    if (!window.Plotly) return;
    document.querySelectorAll("figure.chart .chart__plot[data-scheme]").forEach(function (plot) {
      if (plot.dataset.scheme !== scheme()) draw(window.Plotly, plot);
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$) {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", function () {
      if (window.document$) window.document$.subscribe(drawAll);
      else drawAll();
    });
  }
})();
