// report-charts loader, the entry of dist/report-charts.js: tools/build.mjs bundles these modules
// with wasm-bindgen's glue into one classic script whose only global is `ReportCharts` (module.js
// is the npm package's ES module entry). No inline styles, no eval, no innerHTML: it runs under a
// strict CSP.

import * as load from './load.js';
import * as calls from './api.js';
import { startEmbeds } from './embed.js';
import { ReportChartsError, errorText, errorTextZh, namingFile } from './messages.js';

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
  var message = 'report-charts: ' + namingFile(url, errorText(error));
  if (script) {
    script.setAttribute('data-error', message);
    script.setAttribute('data-error-zh', 'report-charts：' + namingFile(url, errorTextZh(error)));
  }
  if (window.console) console.error(message);
}

var api = {
  __loader: true,
  version: REPORT_CHARTS_VERSION,
  ReportChartsError: ReportChartsError,
  render: calls.render,
  chartFor: calls.chartFor,
  diagnostics: calls.diagnostics,
  indicators: calls.indicators,
  sections: calls.sections,
  __trapForTests: calls.trapForTests,
  loadData: calls.loadData
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

// A second script tag: the first instance serves the page. Without a window (a bundler's server
// build that imported the classic script) it does nothing.
if (typeof window !== 'undefined' && !(window.ReportCharts && window.ReportCharts.__loader)) {
  // Fetch and compile the .wasm first of all: the rest runs while it downloads.
  var script = ownScript();
  var base = script ? script.src : document.baseURI;
  // Merged files are named relative to the script, as the .wasm is.
  var merges = mergeUrls(script).map(function (url) { return { url: url, href: new URL(url, base).href }; });
  load.begin(new URL('report-charts_bg.wasm', base).href, merges, function (url, error) {
    reportMerge(script, url, error);
  });
  api.ready.catch(function (error) { if (window.console) console.error('report-charts: ' + errorText(error)); });
  calls.reviveOnFreshInstance();
  window.ReportCharts = api;
  startEmbeds();
}
