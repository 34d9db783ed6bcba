// Shared by the three benchmark pages: the same rows, read from the same file, for every library.
// A row is one indicator with a 2024 target: name, target text, actual text (待公布 without one),
// status word and completion (% of target, null without an actual). The texts follow the widget's
// own zh wording (src/format.rs, src/model.rs) so that every library draws the same strings.
(function () {
  'use strict';
  var QUALIFIER = { exact: '', at_least: '以上', about: '左右', at_most: '以下' };
  var STATUS_COLOR = { '超额完成': '#1a7f37', '完成': '#2f6fb0', '未完成': '#b42318', '待公布': '#7b8794', '定性目标': '#8e6c00' };

  function decimal(value) {
    return String(Math.round(value * 100) / 100);
  }

  function quantity(indicator, value) {
    if (indicator.unit === '%') return decimal(value) + '%';
    return decimal(value) + indicator.unit;
  }

  function observationText(indicator, o) {
    if (o.value === null || o.value === undefined) return o.note ? o.note.zh : '定性目标';
    if (o.value_text) return o.value_text;
    if (o.value_max !== undefined && o.value_max !== null) return decimal(o.value) + '–' + quantity(indicator, o.value_max);
    return quantity(indicator, o.value) + (QUALIFIER[o.qualifier] || '');
  }

  function statusOf(indicator, target, actual) {
    if (target.value === null || target.value === undefined) return '定性目标';
    if (!actual) return '待公布';
    var better = indicator.direction === 'lower' ? target.value - actual.value : actual.value - target.value;
    return better > 0 ? '超额完成' : better === 0 ? '完成' : '未完成';
  }

  /** One line, as the widget's board cuts its cells (src/layout.rs wraps to one line with an ellipsis). */
  function fit(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  function rows(dataset) {
    var out = [];
    dataset.indicators.forEach(function (indicator) {
      var target = null;
      var actual = null;
      indicator.observations.forEach(function (o) {
        if (o.year === 2024 && o.kind === 'target') target = o;
        if (o.year === 2024 && o.kind === 'actual') actual = o;
      });
      if (!target) return;
      var status = statusOf(indicator, target, actual);
      out.push({
        id: indicator.id,
        name: fit(indicator.name.zh, 22),
        fullName: indicator.name.zh,
        target: fit(observationText(indicator, target), 10),
        fullTarget: observationText(indicator, target),
        actual: actual ? observationText(indicator, actual) : (status === '定性目标' ? '—' : '待公布'),
        status: status,
        color: STATUS_COLOR[status],
        hasTargetValue: typeof target.value === 'number',
        completion: actual && target.value ? actual.value / target.value * 100 : null,
        quote: target.quote
      });
    });
    return out;
  }

  function tally(list) {
    var counts = {};
    list.forEach(function (r) { counts[r.status] = (counts[r.status] || 0) + 1; });
    return Object.keys(counts).map(function (k) { return k + ' ' + counts[k]; }).join('   ');
  }

  window.BenchData = {
    /** Resolves with the rows of every indicator that has a 2024 target, in the file's order. */
    load: function () {
      return fetch('/seeds/indicators.json').then(function (r) { return r.json(); }).then(rows);
    },
    tally: tally,
    /** Row height in CSS px: the widget's board row (src/layout.rs), used by the other libraries too. */
    ROW: 30,
    FONT: "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    painted: function () {
      performance.mark('chart-painted');
    },
    failed: function (error) {
      window.__benchError = String(error && error.stack || (error && error.errors ? JSON.stringify(error.errors) : error));
      if (window.console) console.error('bench: ' + window.__benchError);
    }
  };
})();
