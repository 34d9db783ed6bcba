// report-charts: one board of every 2024 target, through the JavaScript API.
(function () {
  'use strict';
  var chart = null;
  // Start-up (t0.js took the time just before the loader ran): the wasm fetched, compiled and
  // instantiated. This script runs right after the loader, before the .wasm can have been fetched and compiled.
  ReportCharts.ready.then(function () { performance.mark('rc-ready'); }, function () {});
  BenchData.load().then(function (rows) {
    return ReportCharts.render('#chart', { indicators: rows.map(function (r) { return r.id; }), chart: 'board', lang: 'zh', theme: 'light', pageSize: 0 });
  }).then(function (c) {
    chart = c; // render resolves after the synchronous draw into the canvas
    BenchData.painted();
  }).catch(BenchData.failed);

  /** Viewport points at the centres of the first n rows (the board's hit regions). */
  window.__benchTargets = function (n) {
    var canvas = chart.element.shadowRoot.querySelector('canvas.chart');
    var rect = canvas.getBoundingClientRect();
    var scale = rect.width / chart.info.width;
    return chart.info.hits.slice(0, n).map(function (h) {
      return { x: rect.left + (h.x + h.w / 2) * scale, y: rect.top + (h.y + h.h / 2) * scale };
    });
  };
  window.__benchRows = function () { return chart.info.hits.length; };
  /** The row the chart highlights now (its tooltip shows the same row). */
  window.__benchHovered = function () { return chart.hoverIndex; };
})();
