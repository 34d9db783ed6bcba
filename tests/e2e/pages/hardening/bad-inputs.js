// Every way an editor can get an embed wrong, each with the exact message it must produce.
// The good charts on this page must keep painting throughout.
var NEAREST_SECTIONS = 'did you mean main-targets?';
window.BAD_ATTRIBUTES = [
  ['unknown id', { 'data-report-chart': 'gdp-grwth' }, 'options.indicators[0]: expected a known indicator id (did you mean gdp-growth?), got "gdp-grwth"'],
  ['upper-case id', { 'data-report-chart': 'GDP-Growth' }, 'options.indicators[0]: expected a known indicator id (did you mean gdp-growth?), got "GDP-Growth"'],
  ['empty attribute', { 'data-report-chart': '' }, 'options.indicators: expected a non-empty array, got an empty array'],
  ['only commas', { 'data-report-chart': ' , ' }, 'options.indicators: expected a non-empty array, got an empty array'],
  ['duplicate ids', { 'data-report-chart': 'gdp-growth,gdp-growth' }, 'options.indicators[1]: expected an id not used before, got "gdp-growth"'],
  ['unknown section', { 'data-report-chart': 'section:main-target' }, 'options.section: expected a known section id (' + NEAREST_SECTIONS + '), got "main-target"'],
  ['empty section', { 'data-report-chart': 'section:' }, 'options.section: expected a non-empty string, got ""'],
  ['unknown chart type', { 'data-report-chart': 'gdp-growth', 'data-chart': 'pie' }, 'options.chart: expected one of bullet, dumbbell, bars, progress, board, trend, got "pie"'],
  ['chart type in capitals', { 'data-report-chart': 'gdp-growth', 'data-chart': 'Bullet' }, 'options.chart: expected one of bullet, dumbbell, bars, progress, board, trend, got "Bullet"'],
  ['unknown language', { 'data-report-chart': 'gdp-growth', 'data-lang': 'fr' }, 'options.lang: expected one of zh, en, got "fr"'],
  ['unknown theme', { 'data-report-chart': 'gdp-growth', 'data-theme': 'blue' }, 'options.theme: expected one of auto, light, dark, contrast, got "blue"'],
  ['number with a unit', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': '5.8%' }, 'options.actuals.gdp-growth.2024: expected a finite number, got "5.8%"'],
  ['words for a number', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': 'abc' }, 'options.actuals.gdp-growth.2024: expected a finite number, got "abc"'],
  ['empty number', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': '' }, 'options.actuals.gdp-growth.2024: expected a finite number, got ""'],
  ['NaN', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': 'NaN' }, 'options.actuals.gdp-growth.2024: expected a finite number, got "NaN"'],
  ['Infinity', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': 'Infinity' }, 'options.actuals.gdp-growth.2024: expected a finite number, got "Infinity"'],
  ['full-width digits', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': '５.８' }, 'options.actuals.gdp-growth.2024: expected a finite number, got "５.８"'],
  ['actual for an unknown id', { 'data-report-chart': 'gdp-growth', 'data-actual-2024': 'gdp-grwth=5' }, 'options.actuals.gdp-grwth: expected a known indicator id (did you mean gdp-growth?), got "gdp-grwth"'],
  ['year out of range', { 'data-report-chart': 'gdp-growth', 'data-actual-1800': '5' }, 'options.actuals.gdp-growth.1800: expected a year between 1900 and 2200, got "1800"'],
  ['bars over mixed units', { 'data-report-chart': 'fixed-asset-investment-growth,high-standard-farmland', 'data-chart': 'bars' }, 'options.indicators[1]: expected indicators sharing one unit (the first is in "%"), got "high-standard-farmland" in "万亩"'],
  ['dumbbell without pairs', { 'data-report-chart': 'section:review-government', 'data-chart': 'dumbbell' }, 'options.section: expected indicators with an earlier actual and a later target, got no such pair'],
  ['negative height', { 'data-report-chart': 'gdp-growth', 'data-height': '-5' }, 'options.height: expected a positive size in CSS pixels, got -5'],
  ['height in words', { 'data-report-chart': 'gdp-growth', 'data-height': 'tall' }, 'options.height: expected a finite number, got "tall"']
];
window.BAD_ELEMENTS = [
  ['element: unknown id', { indicator: 'urban-new-job' }, 'options.indicators[0]: expected a known indicator id (did you mean urban-new-jobs?), got "urban-new-job"'],
  ['element: no indicator', { chart: 'bullet' }, 'options.indicators: expected a non-empty array, got an empty array'],
  ['element: unknown chart', { indicator: 'gdp-growth', chart: 'line' }, 'options.chart: expected one of bullet, dumbbell, bars, progress, board, trend, got "line"'],
  ['element: unknown section', { section: 'projekts' }, 'options.section: expected a known section id (did you mean projects?), got "projekts"']
];
window.BAD_OPTIONS = [
  ['API: indicators as a string', { indicators: 'gdp-growth' }, 'options.indicators: expected an array, got "gdp-growth"'],
  ['API: a number for an id', { indicators: [42] }, 'options.indicators[0]: expected a non-empty string, got 42'],
  ['API: section as a number', { section: 5 }, 'options.section: expected a non-empty string, got 5'],
  ['API: nothing selected', {}, 'options.indicators: expected a non-empty array, got nothing (give indicators or section)'],
  ['API: title as a number', { indicators: ['gdp-growth'], title: 7 }, 'options.title: expected a non-empty string, got 7'],
  ['API: unknown status filter', { section: 'main-targets', chart: 'board', statuses: ['done'] }, 'options.statuses[0]: expected one of exceeded, met, not_met, pending, qualitative, reported, got "done"'],
  ['API: actuals as a list', { indicators: ['gdp-growth'], actuals: [5.8] }, 'options.actuals: expected an object, got an array of 1'],
  ['API: actual as a string with a unit', { indicators: ['gdp-growth'], actuals: { 'gdp-growth': { 2024: '5.8%' } } }, 'options.actuals.gdp-growth.2024: expected a finite number, got "5.8%"'],
  ['API: options not an object', 'gdp-growth', 'options: expected an object, got "gdp-growth"'],
  ['API: misspelled option', { indicators: ['gdp-growth'], chrt: 'bars' }, 'options.chrt: expected a known option (did you mean chart?), got "chrt"'],
  ['API: page 0', { section: 'main-targets', chart: 'board', page: 0 }, 'options.page: expected a whole number, 1 or more, got 0'],
  ['API: NaN actual', { indicators: ['gdp-growth'], actuals: { 'gdp-growth': { 2024: NaN } } }, 'options.actuals.gdp-growth.2024: expected a finite number, got NaN'],
  ['API: Infinity height', { indicators: ['gdp-growth'], height: -Infinity }, 'options.height: expected a finite number, got -Infinity']
];

document.addEventListener('DOMContentLoaded', function () {
  var main = document.getElementById('cases');
  var n = 0;
  function fallback(el) {
    var p = document.createElement('p');
    p.className = 'fallback';
    p.textContent = '替代内容 fallback ' + n;
    el.appendChild(p);
  }
  window.BAD_ATTRIBUTES.forEach(function (c) {
    var el = document.createElement('div');
    el.id = 'bad-' + (n++);
    el.setAttribute('data-case', c[0]);
    Object.keys(c[1]).forEach(function (k) { el.setAttribute(k, c[1][k]); });
    fallback(el);
    main.appendChild(el);
  });
  window.BAD_ELEMENTS.forEach(function (c) {
    var el = document.createElement('report-chart');
    el.id = 'bad-' + (n++);
    el.setAttribute('data-case', c[0]);
    Object.keys(c[1]).forEach(function (k) { el.setAttribute(k, c[1][k]); });
    fallback(el);
    main.appendChild(el);
  });
  window.BAD_OPTIONS.forEach(function (c) {
    var el = document.createElement('div');
    el.id = 'bad-' + (n++);
    el.setAttribute('data-case', c[0]);
    fallback(el);
    main.appendChild(el);
    ReportCharts.render(el, c[1]).catch(function () { /* reported on the element */ });
  });
});
