// report-charts loader, the entry of dist/report-charts.js: tools/build.mjs bundles these modules
// with wasm-bindgen's glue into one classic script whose only global is `ReportCharts`. No inline
// styles, no eval, no innerHTML: it runs under a strict CSP.

import * as load from './load.js';
import { Chart } from './chart.js';
import { startEmbeds } from './embed.js';
import { ReportChartsError, loadFailures, errorText, inLanguage } from './messages.js';
import { chartFor, liveCharts } from './registry.js';
import { snapshot } from './snapshot.js';

/**
 * The .wasm sits beside this script. currentScript is null in a few loaders (some CMS inject the
 * tag from other scripts), so fall back to the last script whose file name is ours.
 */
function ownScript() {
  if (document.currentScript && document.currentScript.src) return document.currentScript;
  var scripts = document.getElementsByTagName('script');
  for (var i = scripts.length - 1; i >= 0; i--) {
    if (/report-charts(\.min)?\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i];
  }
  return null;
}

/** `data-merge="a.json, b.json"` on the script tag: the next reports, merged once per site. */
function mergeUrls(script) {
  var list = script ? script.getAttribute('data-merge') : null;
  return list ? list.split(',').map(function (url) { return url.trim(); }).filter(Boolean) : [];
}

/** A data file named by `data-merge` that could not be merged: told on the script tag and the console. */
function reportMerge(script, url, error) {
  var text = errorText(error);
  // A download failure names the file already; a validation error does not.
  var message = 'report-charts: ' + (text.indexOf(url) >= 0 ? text : url + ': ' + text);
  if (script) script.setAttribute('data-error', message);
  if (window.console) console.error(message);
}

function resolveElement(target) {
  return typeof target === 'string' ? document.querySelector(target) : target;
}

/** `ReportCharts.render`: a chart on an element (or the first match of a selector). Never throws. */
function render(target, options) {
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

/** What a site's monitoring asks: the charts alive, drawn and failed, the instances, the memory. */
function diagnostics() {
  var charts = 0;
  var drawn = 0;
  var failed = 0;
  liveCharts().forEach(function (chart) {
    charts++;
    if (chart._error) failed++; else if (chart._info) drawn++;
  });
  var stats = load.stats();
  return {
    version: api.version, charts: charts, drawn: drawn, failed: failed, instances: stats.instances,
    recoveries: stats.recoveries, memoryBytes: stats.memoryBytes
  };
}

var api = {
  __loader: true,
  version: REPORT_CHARTS_VERSION,
  ReportChartsError: ReportChartsError,
  render: render,
  chartFor: function (element) {
    try {
      return chartFor(resolveElement(element));
    } catch {
      return null; // a selector the browser refuses matches no chart
    }
  },
  diagnostics: diagnostics,
  indicators: function () { return load.call(function (wasm) { return wasm.indicators(); }); },
  sections: function () { return load.call(function (wasm) { return wasm.sections(); }); },
  /** Test hook: traps the wasm instance as a panic would. */
  __trapForTests: function () { return load.call(function (wasm) { return wasm.trapForTests(); }); },
  loadData: function (json, options) {
    // JSON text or the object itself (as a snapshot): the wasm reads either (the browser parses the text).
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
};

// `ready` follows the instance: after a trap it resolves when the fresh instance is ready.
var readyFrom = null;
var readyPromise = null;
Object.defineProperty(api, 'ready', {
  enumerable: true,
  get: function () {
    var current = load.ready();
    if (current !== readyFrom) {
      readyFrom = current;
      readyPromise = current.then(function () { return api; });
    }
    return readyPromise;
  }
});

// A second script tag: the first instance serves the page.
if (!(window.ReportCharts && window.ReportCharts.__loader)) {
  // Fetch and compile the .wasm first of all: the rest runs while it downloads.
  var script = ownScript();
  load.begin(script ? script.src : document.baseURI, mergeUrls(script), function (url, error) {
    reportMerge(script, url, error);
  });
  api.ready.catch(function (error) { if (window.console) console.error('report-charts: ' + errorText(error)); });
  load.onFreshInstance(function () {
    liveCharts().forEach(function (chart) { if (!chart._trapped) chart.revive(); });
  });
  window.ReportCharts = api;
  startEmbeds();
}
