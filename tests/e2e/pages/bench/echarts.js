// ECharts (canvas renderer): the same rows as the widget's board. Columns status | name | target |
// actual are rich-text axis labels; the small bar is a completion track (0–150 %) with a 100 % mark.
// Animation off, so setOption paints the final frame synchronously (zrender flushes inside it).
/* global echarts */ // from /vendor/ (node_modules), loaded by the page
(function () {
  'use strict';
  var chart = null;
  var TOP = 56;
  var hovered = -1;

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function rich(text) {
    return String(text).replace(/[{}|]/g, ' '); // rich-text markup characters
  }

  BenchData.load().then(function (rows) {
    var el = document.getElementById('chart');
    el.style.height = (TOP + rows.length * BenchData.ROW + 8) + 'px';
    chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: BenchData.FONT },
      title: { text: BenchData.tally(rows), left: 16, top: 8, textStyle: { fontSize: 13, fontWeight: 'bold', color: '#52606d' } },
      grid: { left: 716, right: 24, top: TOP, bottom: 8 },
      xAxis: { type: 'value', min: 0, max: 150, show: false },
      yAxis: {
        type: 'category', inverse: true, data: rows.map(function (r) { return r.id; }),
        axisLine: { show: false }, axisTick: { show: false },
        splitArea: { show: true, areaStyle: { color: ['rgba(0,0,0,0)', 'rgba(228,231,235,0.55)'] } },
        axisLabel: {
          interval: 0, align: 'left', margin: 700,
          formatter: function (value, index) {
            var r = rows[index];
            return '{s|' + rich(r.status) + '}{n|' + rich(r.name) + '}{t|' + rich(r.target) + '}{a|' + rich(r.actual) + '}';
          },
          rich: {
            s: { width: 100, fontSize: 13, fontWeight: 'bold', color: '#52606d' },
            n: { width: 330, fontSize: 14, color: '#1f2933', overflow: 'truncate', ellipsis: '…' },
            t: { width: 130, fontSize: 13, align: 'right', color: '#1f2933' },
            a: { width: 130, fontSize: 13, align: 'right', color: '#7b8794' }
          }
        }
      },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' }, transitionDuration: 0, confine: true,
        formatter: function (params) {
          var r = rows[params[0].dataIndex];
          return '<strong>' + esc(r.fullName) + '</strong><br>目标 ' + esc(r.fullTarget) + '<br>实绩 ' + esc(r.actual) +
            '<br>状态 ' + esc(r.status) + '<br>报告原文：' + esc(r.quote);
        }
      },
      series: [
        { name: '轨道', type: 'bar', barWidth: 8, barGap: '-100%', itemStyle: { color: '#e4e7eb' },
          data: rows.map(function () { return 150; }) },
        { name: '完成度', type: 'bar', barWidth: 8, barGap: '-100%',
          data: rows.map(function (r) { return { value: r.completion === null ? null : Math.min(150, r.completion), itemStyle: { color: r.color } }; }) },
        { name: '目标', type: 'scatter', symbol: 'rect', symbolSize: [2, 14], itemStyle: { color: '#1f2933' },
          data: rows.map(function (r, i) { return r.hasTargetValue ? [100, i] : null; }).filter(Boolean) }
      ]
    });
    BenchData.painted();
    chart.on('updateAxisPointer', function (event) {
      var info = event.axesInfo && event.axesInfo[0];
      hovered = info ? info.value : -1;
    });
  }).catch(BenchData.failed);

  /** Viewport points at the centres of the first n rows, inside the grid (where the axis tooltip triggers). */
  window.__benchTargets = function (n) {
    var rect = chart.getDom().getBoundingClientRect();
    var grid = chart.getModel().getComponent('grid').coordinateSystem.getRect();
    var out = [];
    for (var i = 0; i < n; i++) {
      var y = chart.convertToPixel({ yAxisIndex: 0 }, i);
      out.push({ x: rect.left + grid.x + grid.width / 2, y: rect.top + y });
    }
    return out;
  };
  window.__benchRows = function () { return chart.getOption().yAxis[0].data.length; };
  /** The row under the axis pointer (its tooltip shows the same row). */
  window.__benchHovered = function () { return hovered; };
})();
