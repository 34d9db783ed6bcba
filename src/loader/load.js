// Loading and recovery: one shared wasm instance for every chart on the page. The .wasm is fetched
// and compiled once; a trap (a panic under panic=abort) can leave the instance unusable, so the
// first trap of a call replaces it with a fresh one from the same compiled module, and the charts
// are told to draw again. Every call into the wasm goes through `call`.

import makeBindings from 'report-charts:glue';
import { RECOVERING, ReportChartsError, loadFailures, asError, errorText } from './messages.js';

var MAX_RECOVERIES = 5; // a chart that traps every time must not restart instances forever

var wasmUrl = null;
var cssUrl = null; // report-charts.css beside the .wasm: the styles where sheets cannot be constructed (styles.js)
var bindings = null; // the current wasm-bindgen exports; replaced, not repaired, after a trap
var compiled = null; // the compiled module, kept for re-instantiation
var loads = []; // every successful loadData since the last replacement, replayed on a new instance
var loading = null; // the promise of the first instance (null again after a failed download)
var recovering = null;
var instances = 0;
var recoveries = 0;
var freshListeners = [];

/**
 * Starts fetching and compiling the .wasm at `wasmHref` at once. `merges` ({url, href}): data
 * files (the next report) to merge into the bundled data before any chart draws, once per site
 * (the script tag's `data-merge`, or the module's `start`). A file that fails is reported through
 * `onMergeError(url, error)`, and the charts draw with the data they have. `cssHref`: the
 * stylesheet for browsers without constructable sheets (styles.js); by default beside the .wasm.
 */
export function begin(wasmHref, merges, onMergeError, cssHref) {
  wasmUrl = wasmHref;
  cssUrl = cssHref || new URL('report-charts.css', wasmHref).href;
  // `makeBindings` wraps wasm-bindgen's glue (see tools/build.mjs): each call is a fresh state.
  bindings = makeBindings();
  var first = loadWasm();
  if (!merges.length) return first;
  var texts = merges.map(function (merge) { return fetchText(merge); });
  loading = first.then(function () {
    return texts.reduce(function (done, text, i) {
      // Applied directly: `loadData` would wait for `loading`, which is this very chain.
      return done.then(function () { return text; }).then(function (json) {
        applyData(json, true);
      }).then(null, function (error) { onMergeError(merges[i].url, error); });
    }, Promise.resolve());
  });
  return loading;
}

/** True once `begin` ran: the wasm's address is known. */
export function begun() {
  return wasmUrl !== null;
}

/** Where the .wasm is loaded from (null before `begin`). */
export function wasmAddress() {
  return wasmUrl;
}

var lazyBegin = null;

/**
 * The ES module starts nothing when imported (server-side rendering imports it too): `begin`
 * runs when the first call needs the wasm, through this.
 */
export function beginWhenUsed(start) {
  lazyBegin = start;
}

/** A data file's text; a failed download names the file by the name it was given. */
export function fetchText(merge) {
  return fetch(merge.href).then(function (response) {
    if (!response.ok) throw loadFailures.status(merge.url, response.status);
    return response.text();
  });
}

/**
 * Resolves when an instance is ready: after a trap, the fresh one; after a failed download, the
 * next attempt (a glitch must not disable charts for the rest of the visit).
 */
export function ready() {
  return recovering || loadWasm(); // loadWasm begins a module's load that no call has begun yet
}

/**
 * The page's one retry policy: a transient failure (the network, a 5xx, 408, 429) is tried again
 * after each of these delays, then left until the next call that needs the wasm (`ready`, a
 * render, an update) starts over; a permanent one (not WebAssembly, a compile error, a refused
 * compile under CSP, another version) is kept and given to every later call, never fetched again
 * per chart.
 */
var RETRY_DELAYS = [400, 1600, 6400];
var permanent = null;
var failedBefore = false; // a later success tells the charts, which show their fallbacks

/** Fetches and compiles the .wasm once, with the retry policy above. */
export function loadWasm() {
  if (!begun() && lazyBegin) return lazyBegin();
  if (loading) return loading;
  if (permanent) return Promise.reject(permanent);
  if (typeof WebAssembly !== 'object') {
    permanent = loadFailures.noWasm();
    return Promise.reject(permanent);
  }
  loading = attempt(0).then(function (module) {
    compiled = module;
    return instantiate();
  }).then(function () {
    var version = typeof bindings.version === 'function' ? bindings.version() : 'unknown';
    if (version !== REPORT_CHARTS_VERSION) throw loadFailures.version(wasmUrl, version, REPORT_CHARTS_VERSION);
    if (failedBefore) { failedBefore = false; freshListeners.forEach(function (listener) { listener(); }); }
  }).then(null, function (error) {
    loading = null;
    instantiated = false; // an instance of another version answers nothing
    failedBefore = true;
    // A LinkError from instantiating (another build's imports) names the file too.
    if (!(error instanceof ReportChartsError)) error = loadFailures.broken(wasmUrl, null, error);
    if (!error.transient) permanent = error;
    throw error;
  });
  return loading;
}

/** One download and compile, tried again after each of RETRY_DELAYS while it fails transiently. */
function attempt(tries) {
  return fetchAndCompile().then(null, function (error) {
    if (!error.transient || tries >= RETRY_DELAYS.length) throw error;
    return new Promise(function (resolve) { setTimeout(resolve, RETRY_DELAYS[tries]); }).then(function () {
      return attempt(tries + 1);
    });
  });
}

/**
 * The .wasm fetched with its hash (`integrity`, baked in by the build): a file of another build,
 * or one the server changed, is refused by the browser before any of it is compiled. fetch says
 * only that it failed, so a failure is fetched again without the check, to name what happened:
 * the network, a status, not WebAssembly, broken, or (it compiles, and its hash differs) another
 * file. None of it runs: it is compiled, never instantiated, unless its own hash matches (the
 * first fetch broke off and the second got the file whole).
 */
function fetchAndCompile() {
  return fetch(wasmUrl, { integrity: REPORT_CHARTS_WASM_INTEGRITY }).then(compileResponse, function () {
    return fetch(wasmUrl).then(function (response) {
      return compileResponse(response, true);
    }, networkFailure);
  });
}

function networkFailure(error) {
  throw transient(loadFailures.network(wasmUrl, error), true); // offline, reset, DNS
}

/** Compiles a response, or names what is wrong; `unchecked`: fetched without the integrity check. */
function compileResponse(response, unchecked) {
  if (!response.ok) {
    var status = response.status;
    throw transient(loadFailures.status(wasmUrl, status), status >= 500 || status === 408 || status === 429);
  }
  if (unchecked) {
    return response.arrayBuffer().then(function (bytes) {
      return compileBytes(bytes).then(function (module) {
        return hashOf(bytes).then(function (hash) {
          if (hash === REPORT_CHARTS_WASM_INTEGRITY) return module;
          // A page that cannot hash (plain http) cannot tell a wrong file from a broken first
          // download: it says so, and tries again later, as for a glitch.
          throw transient(loadFailures.integrity(wasmUrl, bytes.byteLength), hash === null);
        });
      });
    });
  }
  var copy = response.clone();
  var buffered = function () { return copy.arrayBuffer().then(function (bytes) { return compileBytes(bytes); }); };
  // CMS servers often send .wasm as application/octet-stream, which streaming refuses; the
  // buffered path also says what the file is when it is not WebAssembly.
  return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(response).catch(buffered) : buffered();
}

/** The SRI value of `bytes`, or null where the page cannot hash (no crypto.subtle over plain http). */
function hashOf(bytes) {
  var subtle = crypto.subtle;
  return subtle ? subtle.digest('SHA-384', bytes).then(function (digest) {
    return 'sha384-' + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
  }) : Promise.resolve(null);
}

/** Compiles the bytes, or names what they are: not WebAssembly (an HTML error page), or broken. */
function compileBytes(bytes) {
  var head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  var magic = head.length === 4 && head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d;
  if (!magic) {
    var start = new TextDecoder().decode(new Uint8Array(bytes, 0, Math.min(16, bytes.byteLength)));
    return Promise.reject(loadFailures.notWasm(wasmUrl, bytes.byteLength, start));
  }
  return WebAssembly.compile(bytes).then(null, function (error) {
    throw loadFailures.broken(wasmUrl, bytes.byteLength, error);
  });
}

function transient(error, isTransient) {
  error.transient = isTransient;
  return error;
}

var instantiated = false; // true once an instance answers: before, a call is the caller's misuse

function instantiate() {
  instances++;
  return bindings({ module_or_path: compiled }).then(function () {
    instantiated = true;
    loads.forEach(function (load) { bindings.loadData(load.json, load.merge); });
  });
}

/**
 * Runs `work(bindings)`. Validation failures come back as ReportChartsError; a trap starts a
 * fresh instance (for the next call) and is thrown on.
 */
export function call(work) {
  if (!instantiated) throw loadFailures.notReady();
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
 * stays for every later instance. Loads take turns: a staged read is never interleaved.
 */
var dataTurn = Promise.resolve();

export function loadData(json, merge) {
  var done = dataTurn.then(function () { return loadWasm(); }).then(function () { return applyData(json, merge); });
  dataTurn = done.then(null, function () {});
  return done;
}

/**
 * Indicators per task when a large dataset is read in runs (src/dataset/reader.rs): 500 take the
 * wasm ~30 ms, so the page answers a reader between runs however large the file is.
 */
var RUN = 500;
/** Texts shorter than this are read in one call: the parse alone is quicker than a task switch. */
var STAGED_FROM = 200000;

function applyData(json, merge) {
  var large = stageable(json);
  if (!large) return stored(call(function (wasm) { return wasm.loadData(json, merge); }), json, merge, 1);
  var items = large.data.indicators;
  var head = Object.create(null);
  Object.keys(large.data).forEach(function (key) { if (key !== 'indicators') head[key] = large.data[key]; });
  call(function (wasm) { wasm.stageBegin(head, items.length, large.bytes); });
  var runs = 0;
  var next = function (from) {
    if (from >= items.length) return stored(call(function (wasm) { return wasm.stageCommit(merge); }), json, merge, runs);
    return nextTask().then(function () {
      call(function (wasm) { wasm.stageIndicators(items.slice(from, from + RUN)); });
      runs++;
      return next(from + RUN);
    });
  };
  return next(0);
}

/**
 * A dataset worth reading in runs: more than one run of indicators. A text is first measured by
 * the wasm (past the limit it is refused unparsed), then parsed here; one that does not parse is
 * read in one call, for the wasm to name its syntax error.
 */
function stageable(json) {
  var data = json;
  var bytes = 0;
  if (typeof json === 'string') {
    if (json.length < STAGED_FROM) return null;
    call(function (wasm) { wasm.checkSize(json.length); }); // UTF-16 units: never more than the bytes
    try {
      data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
    } catch {
      return null;
    }
    bytes = new Blob([json]).size;
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.indicators) || data.indicators.length <= RUN) return null;
  return { data: data, bytes: bytes };
}

/** The stylesheet beside the .wasm (beside the classic script, or the module's .wasm). */
export function styleUrl() {
  return cssUrl;
}

/** A task of its own, without setTimeout's clamping: the page's events run in between. */
function nextTask() {
  return new Promise(function (resolve) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { channel.port1.close(); resolve(); };
    channel.port2.postMessage(0);
  });
}

function stored(counts, json, merge, runs) {
  if (merge) loads.push({ json: json, merge: true }); else loads = [{ json: json, merge: false }];
  return { sections: counts[0], indicators: counts[1], runs: runs };
}

/** Instances started, recoveries, and the current instance's linear memory (null before it loads). */
export function stats() {
  var memoryBytes = null;
  if (compiled && !recovering) {
    try { memoryBytes = bindings.memoryBytes(); } catch { /* not instantiated yet */ }
  }
  return { instances: instances, recoveries: recoveries, memoryBytes: memoryBytes, loaded: !!compiled };
}
