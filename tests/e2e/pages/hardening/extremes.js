// A synthetic dataset of extremes: 0, negative growth, 1e15, 1e-9, 80-character names, and a
// 500-indicator board. Exposed as window.EXTREMES for the tests to load and chart.
(function () {
  'use strict';
  var longName = '关于进一步推进城乡融合发展示范区建设中各县市区重点项目投资完成情况及其带动效应的综合评估指标体系中的核心测算口径说明指标名称超长测试用例';
  while (longName.length < 80) longName += '测';
  function indicator(id, name, unit, measure, actual, target, direction) {
    return {
      id: id, name: { zh: name, en: name === longName ? 'An indicator with an extremely long name ' + 'that goes on '.repeat(6) : id },
      section: 'extremes', unit: unit, measure: measure, direction: direction || 'higher',
      observations: [
        { year: 2023, kind: 'actual', value: actual, qualifier: 'exact', quote: 'q' + id },
        { year: 2024, kind: 'target', value: target, qualifier: 'exact', quote: 'q' + id }
      ]
    };
  }
  var indicators = [
    indicator('zero', '零', '%', 'growth', 0, 0),
    indicator('negative', '负增长', '%', 'growth', -12.5, -3),
    indicator('huge', '极大值', '元', 'amount', 1e15, 2e15),
    indicator('tiny', '极小值', '%', 'level', 1e-9, 2e-9),
    indicator('long-name', longName, '个', 'count', 3, 5)
  ];
  var many = [];
  for (var i = 0; i < 500; i++) many.push(indicator('many-' + i, '批量指标' + i, '%', 'growth', (i % 17) - 4, (i % 11) + 1));
  window.EXTREMES = {
    source: { title: { zh: '极端值测试', en: 'Extremes' } },
    sections: [{ id: 'extremes', name: { zh: '极端值', en: 'Extremes' } }, { id: 'many', name: { zh: '五百项', en: 'Five hundred' } }],
    indicators: indicators.concat(many.map(function (m) { m.section = 'many'; return m; }))
  };
})();
