// Loading and recovery: one shared wasm instance for every chart on the page. The .wasm is fetched
// and compiled once; a trap (a panic under panic=abort) can leave the instance unusable, so the
// first trap of a call replaces it with a fresh one from the same compiled module, and the charts
// are told to draw again. Every call into the wasm goes through `call`.

import makeBindings from 'report-charts:glue';
import { RECOVERING, loadFailures, asError, errorText } from './messages.js';

var MAX_RECOVERIES = 5; // a chart that traps every time must not restart instances forever

var wasmUrl = null;
var bindings = null; // the current wasm-bindgen exports; replaced, not repaired, after a trap
var compiled = null; // the compiled module, kept for re-instantiation
var loads = []; // every successful loadData since the last replacement, replayed on a new instance
var loading = null; // the promise of the first instance (null again after a failed download)
var recovering = null;
var instances = 0;
var recoveries = 0;
var freshListeners = [];

/**
 * The .wasm beside the loader script; starts fetching and compiling it at once. `mergeUrls`: data
 * files (the next report) to merge into the bundled data before any chart draws, once per site
 * from the script tag's `data-merge`. A file that fails is reported through `onMergeError`, and
 * the charts draw with the data they have.
 */
export function begin(scriptUrl, mergeUrls, onMergeError) {
  wasmUrl = new URL('report-charts_bg.wasm', scriptUrl).href;
  // `makeBindings` wraps wasm-bindgen's glue (see tools/build.mjs): each call is a fresh state.
  bindings = makeBindings();
  var first = loadWasm();
  if (!mergeUrls.length) return first;
  var texts = mergeUrls.map(function (url) {
    return fetch(new URL(url, scriptUrl).href).then(function (response) {
      if (!response.ok) throw loadFailures.status(url, response.status);
      return response.text();
    });
  });
  loading = first.then(function () {
    return texts.reduce(function (done, text, i) {
      // Applied directly: `loadData` would wait for `loading`, which is this very chain.
      return done.then(function () { return text; }).then(function (json) {
        applyData(json, true);
      }).then(null, function (error) { onMergeError(mergeUrls[i], error); });
    }, Promise.resolve());
  });
  return loading;
}

/**
 * Resolves when an instance is ready: after a trap, the fresh one; after a failed download, the
 * next attempt (a glitch must not disable charts for the rest of the visit).
 */
export function ready() {
  return recovering || loadWasm();
}

/** Fetches and compiles the .wasm once; a failed download may be tried again later. */
export function loadWasm() {
  if (loading) return loading;
  if (typeof WebAssembly !== 'object') {
    loading = Promise.reject(loadFailures.noWasm());
    return loading;
  }
  loading = fetch(wasmUrl).then(function (response) {
    if (!response.ok) throw loadFailures.status(wasmUrl, response.status);
    var copy = response.clone();
    var buffered = function () { return copy.arrayBuffer().then(function (b) { return WebAssembly.compile(b); }); };
    // CMS servers often send .wasm as application/octet-stream, which streaming refuses.
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(response).catch(buffered) : buffered();
  }).then(function (module) {
    compiled = module;
    return instantiate();
  }).then(null, function (error) {
    loading = null; // a network glitch must not disable charts for the rest of the visit
    throw error;
  });
  return loading;
}

function instantiate() {
  instances++;
  return bindings({ module_or_path: compiled }).then(function () {
    loads.forEach(function (load) { bindings.loadData(load.json, load.merge); });
  });
}

/**
 * Runs `work(bindings)`. Validation failures come back as ReportChartsError; a trap starts a
 * fresh instance (for the next call) and is thrown on.
 */
export function call(work) {
  try {
    return work(bindings);
  } catch (thrown) {
    if (typeof WebAssembly === 'object' && thrown instanceof WebAssembly.RuntimeError) recover();
    throw asError(thrown);
  }
}

/** Listens for a fresh instance after a trap: charts draw again on it. */
export function onFreshInstance(listener) {
  freshListeners.push(listener);
}

function recover() {
  if (recovering || !compiled || recoveries >= MAX_RECOVERIES) return;
  recoveries++;
  if (window.console) console.error(RECOVERING);
  bindings = makeBindings();
  recovering = instantiate().then(function () {
    recovering = null;
    freshListeners.forEach(function (listener) { listener(); });
  }, function (error) {
    recovering = null;
    if (window.console) console.error('report-charts: ' + errorText(error));
  });
}

/**
 * Replaces the dataset (JSON text or an object), or with `merge` adds it to the current one; it
 * stays for every later instance.
 */
export function loadData(json, merge) {
  return loadWasm().then(function () { return applyData(json, merge); });
}

function applyData(json, merge) {
  var counts = call(function (wasm) { return wasm.loadData(json, merge); });
  if (merge) loads.push({ json: json, merge: true }); else loads = [{ json: json, merge: false }];
  return { sections: counts[0], indicators: counts[1] };
}

/** Instances started, recoveries, and the current instance's linear memory (null before it loads). */
export function stats() {
  var memoryBytes = null;
  if (compiled && !recovering) {
    try { memoryBytes = bindings.memoryBytes(); } catch { /* not instantiated yet */ }
  }
  return { instances: instances, recoveries: recoveries, memoryBytes: memoryBytes, loaded: !!compiled };
}
