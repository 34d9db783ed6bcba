// The public calls both entries give, in one place: `ReportCharts.*` of the classic script
// (index.js) and the named exports of the ES module (module.js). None of them throws: each
// failure is a rejected promise of an Error (a ReportChartsError for what validation refused).

import * as load from './load.js';
import { Chart } from './chart.js';
import { loadFailures, inLanguage } from './messages.js';
import { chartFor as chartOf, liveCharts } from './registry.js';
import { snapshot } from './snapshot.js';

function resolveElement(target) {
  return typeof target === 'string' ? document.querySelector(target) : target;
}

/** A chart on an element (or the first match of a selector). */
export function render(target, options) {
  var host;
  try {
    host = resolveElement(target);
  } catch (error) {
    return Promise.reject(error); // a selector the browser refuses
  }
  if (!host || host.nodeType !== 1) return Promise.reject(loadFailures.noTarget(target));
  var copy;
  try {
    copy = snapshot(options === undefined ? {} : options, 'options');
  } catch (error) {
    return Promise.reject(inLanguage(error, options && options.lang === 'en' ? 'en' : 'zh'));
  }
  var chart = new Chart(host, copy);
  try {
    return chart.start();
  } catch (error) {
    // attachShadow refuses some hosts (<td>, <li>…): the error stays on the host, no handle.
    chart.fail(error);
    chart.destroy();
    return Promise.reject(error);
  }
}

export function chartFor(element) {
  try {
    return chartOf(resolveElement(element));
  } catch {
    return null; // a selector the browser refuses matches no chart
  }
}

/** What a site's monitoring asks: the charts alive, drawn and failed, the instances, the memory. */
export function diagnostics() {
  var charts = 0;
  var drawn = 0;
  var failed = 0;
  liveCharts().forEach(function (chart) {
    charts++;
    if (chart._error) failed++; else if (chart._info) drawn++;
  });
  var stats = load.stats();
  return {
    version: REPORT_CHARTS_VERSION, charts: charts, drawn: drawn, failed: failed, instances: stats.instances,
    recoveries: stats.recoveries, memoryBytes: stats.memoryBytes
  };
}

export function indicators() { return load.call(function (wasm) { return wasm.indicators(); }); }
export function sections() { return load.call(function (wasm) { return wasm.sections(); }); }

/** JSON text or the object itself (as a snapshot): the wasm reads either (the browser parses the text). */
export function loadData(json, options) {
  var merge = !!(options && options.merge);
  var data;
  try {
    data = typeof json === 'string' ? json : snapshot(json, 'data');
  } catch (error) {
    return Promise.reject(error);
  }
  return load.loadData(data, merge).then(function (counts) {
    liveCharts().forEach(function (chart) { chart.revive(); });
    return counts;
  });
}

/** After a trap, the charts draw again on the fresh instance (unless the trap was their own). */
export function reviveOnFreshInstance() {
  load.onFreshInstance(function () {
    liveCharts().forEach(function (chart) { if (!chart._trapped) chart.revive(); });
  });
}

/** Test hook: traps the wasm instance as a panic would (wasm exports it only in test builds). */
export function trapForTests() { return load.call(function (wasm) { return wasm.trapForTests(); }); }
