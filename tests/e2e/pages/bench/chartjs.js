// Chart.js: the same rows as the widget's board, as a horizontal bar chart. Columns status | name |
// target | actual are four category axes on the left; the small bar is a completion track
// (0–150 %) with a 100 % mark (a floating bar). `animation: false`, so `new Chart` draws the final
// frame synchronously.
/* global Chart */ // from /vendor/ (node_modules), loaded by the page
(function () {
  'use strict';
  var chart = null;
  var TOP = 56;

  /** Column widths in CSS px, as in the ECharts page (the widget's board uses about the same). */
  function fixedWidth(width) {
    return function (scale) { scale.width = width; };
  }

  function labelAxis(labels, weight, width, color, align) {
    return {
      type: 'category', position: 'left', labels: labels, weight: weight, offset: true, afterFit: fixedWidth(width),
      grid: { display: false }, border: { display: false },
      ticks: { autoSkip: false, color: color, crossAlign: align, font: { size: 13 } }
    };
  }

  BenchData.load().then(function (rows) {
    var el = document.getElementById('chart');
    el.style.height = (TOP + rows.length * BenchData.ROW + 8) + 'px';
    Chart.defaults.font.family = BenchData.FONT;
    chart = new Chart(document.getElementById('canvas'), {
      type: 'bar',
      data: {
        labels: rows.map(function (r) { return r.name; }),
        datasets: [
          { label: '目标', data: rows.map(function (r) { return r.hasTargetValue ? [99.3, 100.7] : null; }), backgroundColor: '#1f2933', barThickness: 14, order: 0 },
          { label: '完成度', data: rows.map(function (r) { return r.completion === null ? null : Math.min(150, r.completion); }), backgroundColor: rows.map(function (r) { return r.color; }), barThickness: 8, order: 1 },
          { label: '轨道', data: rows.map(function () { return 150; }), backgroundColor: '#e4e7eb', barThickness: 8, order: 2 }
        ]
      },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        datasets: { bar: { grouped: false } },
        layout: { padding: { left: 16, right: 24, top: 0, bottom: 8 } },
        interaction: { mode: 'index', axis: 'y', intersect: false },
        scales: {
          x: { min: 0, max: 150, display: false },
          y: { weight: 2, afterFit: fixedWidth(330), grid: { display: false }, border: { display: false },
            ticks: { autoSkip: false, crossAlign: 'far', color: '#1f2933', font: { size: 14 } } },
          status: labelAxis(rows.map(function (r) { return r.status; }), 3, 100, '#52606d', 'far'),
          target: labelAxis(rows.map(function (r) { return r.target; }), 1, 130, '#1f2933', 'near'),
          actual: labelAxis(rows.map(function (r) { return r.actual; }), 0, 130, '#7b8794', 'near')
        },
        plugins: {
          legend: { display: false },
          title: { display: true, text: BenchData.tally(rows), align: 'start', color: '#52606d', font: { size: 13, weight: 'bold' }, padding: { top: 8, bottom: 18 } },
          tooltip: {
            // The track: every row has one, so every row gets a tooltip.
            filter: function (item) { return item.datasetIndex === 2; },
            callbacks: {
              title: function (items) { return rows[items[0].dataIndex].fullName; },
              label: function (item) {
                var r = rows[item.dataIndex];
                return ['目标 ' + r.fullTarget, '实绩 ' + r.actual, '状态 ' + r.status, '报告原文：' + r.quote];
              }
            }
          }
        }
      }
    });
    BenchData.painted();
  }).catch(BenchData.failed);

  /** Viewport points at the centres of the first n rows, inside the chart area (where events count). */
  window.__benchTargets = function (n) {
    var rect = chart.canvas.getBoundingClientRect();
    var area = chart.chartArea;
    var out = [];
    for (var i = 0; i < n; i++) {
      out.push({ x: rect.left + (area.left + area.right) / 2, y: rect.top + chart.scales.y.getPixelForValue(i) });
    }
    return out;
  };
  window.__benchRows = function () { return chart.data.labels.length; };
  /** The row of the visible tooltip. */
  window.__benchHovered = function () {
    var points = chart.tooltip && chart.tooltip.opacity > 0 ? chart.tooltip.dataPoints : [];
    return points && points.length ? points[0].dataIndex : -1;
  };
})();
