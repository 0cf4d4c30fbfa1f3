// The traces the site's charts use, and nothing else: scatter (in the core: lines, markers, the
// map's outlines and places) and bar (the stacked counts). No calendars, no pie.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar')]);

module.exports = Plotly;
