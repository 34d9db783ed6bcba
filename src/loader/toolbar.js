// The controls around a chart: the toolbar (数据表 / 下载图片 / 下载数据, when the embed asks for it),
// the legend toggles by status and section (chart types that offer them: `info.toggles`), the
// pager of long boards, and the data table. Real buttons; their words come from the wasm
// (`info.words`, `info.columns`).

import { button, clear, create, download } from './dom.js';
import { fileName, wantsToolbar } from './options.js';
import { guarded } from './messages.js';

export function fillToolbar(chart, words) {
  var bar = chart.toolbar;
  var wanted = wantsToolbar(chart.options);
  bar.hidden = !wanted;
  clear(bar);
  if (!wanted) return;
  bar.setAttribute('aria-label', words.tools);
  var box = chart.tableBox;
  var toggle = button(bar, words.table);
  toggle.setAttribute('aria-expanded', String(!box.classList.contains('sr')));
  toggle.addEventListener('click', guarded(function () {
    var show = box.classList.toggle('sr') === false;
    box.classList.toggle('table-box', show);
    toggle.setAttribute('aria-expanded', String(show));
  }));
  button(bar, words.png).addEventListener('click', guarded(function () {
    // At least 2 device pixels per CSS px: a reader's saved image stays sharp when shared or printed.
    chart.toPNG({ pixelRatio: Math.min(8, Math.max(2, window.devicePixelRatio || 1)) }).then(function (blob) { download(blob, fileName(chart.options) + '.png'); }, function (error) { chart.report(error); });
  }));
  button(bar, words.csv).addEventListener('click', guarded(function () {
    try {
      download(new Blob([chart.toCSV()], { type: 'text/csv;charset=utf-8' }), fileName(chart.options) + '.csv');
    } catch (error) {
      chart.report(error);
    }
  }));
}

/** Legend toggles and the pager, shown when they can change something. */
export function fillFilters(chart, info, words) {
  var box = chart.filters;
  var toggles = info.toggles;
  var useful = (toggles && (info.tally.length > 1 || info.sections.length > 1)) || info.pages > 1;
  box.hidden = !useful;
  clear(box);
  if (!useful) return;
  if (info.pages > 1) fillPager(chart, box, info, words);
  box.setAttribute('aria-label', words.filters);
  if (!toggles) return;
  if (info.tally.length > 1) {
    toggleRow(chart, box, words.status, 'statuses', info.tally.map(function (t) {
      return { key: t.status, label: t.word + ' ' + t.count };
    }));
  }
  if (info.sections.length > 1) {
    toggleRow(chart, box, words.section, 'sections', info.sections.map(function (s) {
      return { key: s.id, label: s.name + ' ' + s.count };
    }));
  }
}

/** One row of toggle buttons that narrows `options[option]` (undefined: everything shown). */
function toggleRow(chart, box, title, option, entries) {
  var shown = chart.options[option];
  var all = entries.map(function (e) { return e.key; });
  var row = create('div', box, 'filter-row');
  create('span', row, 'filter-label', title);
  entries.forEach(function (entry) {
    var on = !shown || shown.indexOf(entry.key) >= 0;
    var node = button(row, entry.label, on);
    node.setAttribute('data-filter', entry.key);
    node.addEventListener('click', guarded(function () {
      var current = shown || all;
      var next = on ? current.filter(function (k) { return k !== entry.key; }) : current.concat([entry.key]);
      var change = { page: 1 };
      change[option] = next.length === all.length ? undefined : next;
      chart.update(change).then(function () { refocus(chart, '[data-filter="' + entry.key + '"]'); }, function (error) { chart.report(error); });
    }));
  });
}

/** 上一页 / 第 p / n 页 / 下一页: long boards come in pages rather than one giant canvas. */
function fillPager(chart, box, info, words) {
  var row = create('div', box, 'filter-row pager');
  var go = function (page, key) {
    chart.update({ page: page }).then(function () { refocus(chart, '[data-page="' + key + '"]'); }, function (error) { chart.report(error); });
  };
  var previous = button(row, words.previousPage);
  previous.setAttribute('data-page', 'previous');
  previous.disabled = info.page <= 1;
  previous.addEventListener('click', guarded(function () { go(info.page - 1, 'previous'); }));
  var label = create('span', row, 'filter-label', words.page);
  label.setAttribute('aria-live', 'polite');
  var next = button(row, words.nextPage);
  next.setAttribute('data-page', 'next');
  next.disabled = info.page >= info.pages;
  next.addEventListener('click', guarded(function () { go(info.page + 1, 'next'); }));
}

/** Rebuilding the buttons loses focus; put it back on the same control. */
function refocus(chart, selector) {
  var node = chart.filters.querySelector(selector);
  if (node) node.focus();
}

/** The data table, cells by column name (`info.columns`), so the wasm may reorder or add columns. */
export function fillTable(table, info) {
  clear(table);
  create('caption', table, '', info.title);
  var head = create('tr', create('thead', table));
  info.columns.forEach(function (column) { create('th', head, '', column.head).setAttribute('scope', 'col'); });
  var body = create('tbody', table);
  info.rows.forEach(function (row) {
    var tr = create('tr', body);
    info.columns.forEach(function (column) {
      var cell = create(column.rowHeader ? 'th' : 'td', tr, '', row[column.key]);
      if (column.rowHeader) cell.setAttribute('scope', 'row');
      if (column.lang) cell.lang = column.lang; // the report's Chinese words in an English table
    });
  });
}
