// The npm package's ES module entry (report-charts.mjs): the same calls as the classic script's
// `ReportCharts`, as named exports, for bundlers (Vite, webpack, Rollup) and plain ES module pages.
// Importing it starts nothing and touches no `window` where there is none (server-side rendering
// imports it too): in a browser it registers <report-chart> and mounts `data-report-chart` hosts,
// as the script does; the .wasm is fetched when the first chart or call needs it, from beside this
// module (`new URL(…, import.meta.url)`, which bundlers follow to copy the file), or from `start`'s
// `wasm` address.

import * as load from './load.js';
import * as calls from './api.js';
import { startEmbeds } from './embed.js';
import { ReportChartsError, errorText, failure, namingFile } from './messages.js';

export { ReportChartsError };
export var version = REPORT_CHARTS_VERSION;
// Server-side rendering imports the module and may call it: nothing loads there. `start` and
// `ready` resolve at once; `render` and `loadData` reject, saying where to call them.
var inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

function browserOnly(call) {
  return function () {
    if (inBrowser) return call.apply(null, arguments);
    return Promise.reject(failure('browser', 'report-charts draws in a browser: call this from client-side code (an effect, a mounted hook)',
      'report-charts 在浏览器中绘制：请在浏览器端代码（effect、mounted 钩子）中调用'));
  };
}

export var render = browserOnly(calls.render);
export var chartFor = calls.chartFor;
export var diagnostics = calls.diagnostics;
export var indicators = calls.indicators;
export var sections = calls.sections;
export var loadData = browserOnly(calls.loadData);

var mergedOnce = Object.create(null); // href → the promise of its merge: each file once per page

/**
 * Written out here, as bundlers expect them, for them to copy the files and give their addresses:
 * the .wasm, and the stylesheet of browsers without constructable sheets (Safari before 16.4).
 */
function besideThisModule() {
  return new URL('./report-charts_bg.wasm', import.meta.url).href;
}
function sheetBesideThisModule() {
  return new URL('./report-charts.css', import.meta.url).href;
}

function absolute(url) {
  return new URL(url, document.baseURI).href;
}

function reportMerge(url, error) {
  if (window.console) console.error('report-charts: ' + namingFile(url, errorText(error)));
}

/** Each merge as {url, error}: error null when it was merged. */
function outcome(merge, promise) {
  return promise.then(function () { return { url: merge.url, error: null }; }, function (error) {
    return { url: merge.url, error: error };
  });
}

/**
 * The site's one setup, the script tag's `data-merge` as a call: the next reports' data files to
 * merge into the bundled data (named relative to the page), and where the .wasm is when it is
 * not beside this module. Called before the first chart, the files are merged before any chart
 * draws; called later, they are merged then and the charts draw again. A file is merged once per
 * page however often `start` names it, so each component may call it. Resolves, once the wasm is
 * ready and the files are read, with each file's outcome; a file that fails is also told on the
 * console, and the charts draw with the data they have. On a server it resolves at once, with
 * nothing merged.
 */
export function start(options) {
  if (!inBrowser) return Promise.resolve({ version: version, merged: [] });
  var given = options || {};
  var merges = (given.merge || []).map(function (url) { return { url: String(url), href: absolute(String(url)) }; });
  var fresh = merges.filter(function (merge) { return !mergedOnce[merge.href]; });
  if (given.wasm && load.begun() && absolute(String(given.wasm)) !== load.wasmAddress()) {
    return Promise.reject(failure('start.wasm',
      'the .wasm is loaded from ' + load.wasmAddress() + ' already: call start({wasm}) before the first chart or call',
      '.wasm 已从 ' + load.wasmAddress() + ' 加载：请在第一个图表或调用之前调用 start({wasm})'));
  }
  if (!load.begun()) {
    var failures = Object.create(null);
    var wasm = given.wasm ? absolute(String(given.wasm)) : null;
    var loading = load.begin(wasm || besideThisModule(), fresh, function (url, error) {
      failures[url] = error;
      reportMerge(url, error);
    }, wasm ? null : sheetBesideThisModule());
    fresh.forEach(function (merge) {
      var done = loading.then(function () { if (failures[merge.url]) throw failures[merge.url]; });
      mergedOnce[merge.href] = outcome(merge, done);
    });
  } else {
    fresh.forEach(function (merge) {
      var done = load.fetchText(merge).then(function (json) { return calls.loadData(json, { merge: true }); });
      done.catch(function (error) { reportMerge(merge.url, error); });
      mergedOnce[merge.href] = outcome(merge, done);
    });
  }
  var outcomes = merges.map(function (merge) { return mergedOnce[merge.href]; });
  return ready().then(function () {
    return Promise.all(outcomes);
  }).then(function (files) { return { version: version, merged: files }; });
}

/** Resolves when the wasm is loaded (after a trap, when the fresh instance is). */
export function ready() {
  if (!inBrowser) return Promise.resolve();
  return load.ready().then(function () { return undefined; });
}

if (inBrowser) {
  // A chart or call before any `start`: the .wasm from beside this module, nothing merged.
  load.beginWhenUsed(function () { return load.begin(besideThisModule(), [], reportMerge, sheetBesideThisModule()); });
  calls.reviveOnFreshInstance();
  startEmbeds();
}
