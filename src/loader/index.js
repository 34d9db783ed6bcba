// report-charts loader: the hand-written part of dist/report-charts.js. tools/build.mjs bundles
// this module and the wasm-bindgen glue (imported as `report-charts:glue`) into one IIFE, so the
// only global is `ReportCharts`. No inline styles, no eval, no innerHTML: it runs under a strict CSP.
import makeBindings from 'report-charts:glue';

// A mechanical conversion of the former src/loader.js, until the loader is split into modules: the
// body is that file's, unchanged and not re-indented, inside main() so that a second script tag can
// still return early. REPORT_CHARTS_VERSION is defined by the build (Cargo.toml's version).
function main() {
if (window.ReportCharts && window.ReportCharts.__loader) {
  return; // a second script tag: the first instance serves the page
}

var compiled = null; // the compiled module, kept for re-instantiation
var customData = null; // the last dataset given to loadData, re-applied to a new instance
var instances = 0;
var loading = null; // the promise of the first instance

// The .wasm sits beside this script. currentScript is null in a few loaders (some CMS inject the tag
// from other scripts), so fall back to the last script whose file name is ours.
function ownScriptUrl() {
  if (document.currentScript && document.currentScript.src) return document.currentScript.src;
  var scripts = document.getElementsByTagName('script');
  for (var i = scripts.length - 1; i >= 0; i--) {
    if (/report-charts(\.min)?\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i].src;
  }
  return document.baseURI;
}
var BASE = ownScriptUrl();
var WASM_URL = new URL('report-charts_bg.wasm', BASE).href;
// Fetch and compile the .wasm first of all: the rest of this script runs while it downloads.
loadWasm();
// `makeBindings` (the build's module around the wasm-bindgen glue) returns fresh bindings, so
// that a trapped instance can be replaced by a new one without reloading the page.
var wasm_bindgen = makeBindings();
var CHARTS = new Set();
var STYLE_TEXT = [
  ':host{display:block;position:relative;max-width:100%;}',
  ':host([hidden]),[hidden]{display:none !important;}',
  '.rc{all:initial;display:block;position:relative;color:#1f2933;font:14px/1.5 ' +
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;}",
  'canvas{display:block;max-width:none;margin:0;padding:0;border:0;}',
  '.stage{position:relative;outline:none;}',
  '.stage:focus-visible{box-shadow:0 0 0 2px #0b62d6;}',
  '.chart{touch-action:pan-y;}',
  // Row-sized layers moved by transform: a board-sized canvas costs a full-bitmap copy per change.
  '.overlay{position:absolute;left:0;top:0;pointer-events:none;visibility:hidden;transform-origin:0 0;}',
  '.sr{position:absolute;left:0;top:0;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;}',
  'table{border-collapse:collapse;font-size:13px;margin:8px 0;color:inherit;}',
  '.table-box{overflow-x:auto;padding:0 16px 8px;}',
  '.table-box table{width:100%;}',
  'th,td{border:1px solid #c8ced6;padding:4px 6px;text-align:left;vertical-align:top;}',
  'caption{text-align:left;font-weight:bold;padding:4px 0;}',
  '.toolbar,.filter-row{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 16px 0;}',
  '.filter-label{font-size:13px;color:#52606d;margin-right:2px;}',
  'button{font:inherit;font-size:13px;min-height:28px;min-width:28px;padding:2px 10px;border:1px solid #7b8794;border-radius:4px;background:#fff;color:#1f2933;cursor:pointer;}',
  'button:disabled{opacity:.55;cursor:default;}',
  'button[aria-pressed=false]{background:#eef1f4;color:#3e4c59;text-decoration:line-through;}',
  'button:focus-visible{outline:3px solid #0b62d6;outline-offset:1px;}',
  // Placed by transform from the viewport's corner: moving it needs no layout, and its width never depends on where it was.
  '.tip{position:fixed;inset:0 auto auto 0;margin:0;max-width:min(28em,calc(100vw - 16px));box-sizing:border-box;padding:8px 10px;' +
    'border:1px solid #52606d;border-radius:6px;background:#fff;color:#1f2933;font:13px/1.5 ' +
    "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;z-index:2147483647;}",
  '.tip[hidden]{display:none;}',
  '.tip strong{display:block;font-size:1.08em;margin-bottom:2px;}',
  '.tip dl{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:2px 0;}',
  '.tip dt{color:#52606d;}',
  '.tip dd{margin:0;}',
  '.tip p{margin:4px 0 0;}',
  '.tip .tip-source{color:#3e4c59;font-size:.92em;}',
  '.tip.pinned{border-width:2px;}',
  '.fallback{display:block;}',
  '.theme-light{background:#fff;color:#1f2933;}',
  '.theme-dark{background:#16202b;color:#e8edf2;}',
  '.theme-dark button{background:#223040;color:#e8edf2;border-color:#a9b4c0;}',
  '.theme-dark button[aria-pressed=false]{background:#16202b;color:#a9b4c0;}',
  '.theme-dark .filter-label{color:#a9b4c0;}',
  '.theme-contrast{background:#000;color:#fff;}',
  '.theme-contrast button{background:#000;color:#fff;border-color:#fff;}',
  '.theme-contrast button[aria-pressed=false]{background:#000;color:#b3b3b3;}',
  '.theme-contrast .filter-label{color:#fff;}',
  '.theme-dark th,.theme-dark td,.theme-contrast th,.theme-contrast td{border-color:#7b8794;}',
  '@media (forced-colors: active){.tip{border-color:CanvasText;}button[aria-pressed=false]{text-decoration:line-through;}}'
].join('\n');

var sheet = null;
function styleFor(root) {
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE_TEXT);
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch { /* fall through to a <style> element */ }
  }
  var style = document.createElement('style');
  style.textContent = STYLE_TEXT;
  root.appendChild(style);
}

function loadWasm() {
  if (loading) return loading;
  if (typeof WebAssembly !== 'object') {
    loading = Promise.reject(new Error('WebAssembly is unavailable'));
    return loading;
  }
  loading = fetch(WASM_URL).then(function (response) {
    if (!response.ok) throw new Error('report-charts: ' + WASM_URL + ' answered ' + response.status);
    var copy = response.clone();
    var buffered = function () { return copy.arrayBuffer().then(function (b) { return WebAssembly.compile(b); }); };
    // CMS servers often send .wasm as application/octet-stream, which streaming refuses.
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(response).catch(buffered) : buffered();
  }).then(function (module) {
    compiled = module;
    return instantiate();
  }).then(function () { return api; }, function (error) {
    loading = null; // a network glitch must not disable charts for the rest of the visit
    throw error;
  });
  return loading;
}

function instantiate() {
  instances++;
  return wasm_bindgen({ module_or_path: compiled }).then(function () {
    if (customData !== null) wasm_bindgen.loadData(customData);
  });
}

/**
 * Runs one call into wasm. A trap (a panic under panic=abort) can leave the instance unusable
 * for every chart on the page, so the first trap replaces the instance and redraws the charts.
 */
function wasmCall(call) {
  try {
    return call();
  } catch (error) {
    if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) recover();
    throw error;
  }
}

var recovering = null;
var recoveries = 0;
var MAX_RECOVERIES = 5; // a chart that traps every time must not restart instances forever
function recover() {
  if (recovering || !compiled || recoveries >= MAX_RECOVERIES) return;
  recoveries++;
  if (window.console) console.error('report-charts: internal fault; starting a fresh instance');
  wasm_bindgen = makeBindings();
  recovering = instantiate().then(function () {
    recovering = null;
    CHARTS.forEach(function (chart) { if (!chart._trapped) chart.revive(); });
  }, function (error) {
    recovering = null;
    if (window.console) console.error('report-charts: ' + errorText(error));
  });
  api.ready = recovering.then(function () { return api; });
}

function errorText(error) {
  if (error && error.errors && error.errors.length) {
    return error.errors.map(function (e) { return e.en; }).join('; ');
  }
  return String(error && error.message ? error.message : error);
}

function errorTextZh(error) {
  if (error && error.errors && error.errors.length) {
    return error.errors.map(function (e) { return e.zh; }).join('；');
  }
  return errorText(error);
}

function forcedColorsActive() {
  return !!(window.matchMedia && window.matchMedia('(forced-colors: active)').matches);
}

function darkPreferred() {
  return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

function resolveOptions(options) {
  // Not an object: pass it on, so that validation names what was given.
  if (!options || typeof options !== 'object' || Array.isArray(options)) return options;
  var resolved = {};
  for (var key in options) {
    if (Object.prototype.hasOwnProperty.call(options, key) && options[key] !== undefined) resolved[key] = options[key];
  }
  if (resolved.theme === 'auto' || resolved.theme === undefined) resolved.theme = darkPreferred() ? 'dark' : 'light';
  return resolved;
}

/** Options from `data-*` attributes (or the custom element's plain attributes). */
function optionsFromAttributes(el, prefix) {
  var get = function (name) { return el.getAttribute(prefix + name); };
  var options = {};
  var what = el.getAttribute(prefix === 'data-' ? 'data-report-chart' : 'indicator') || '';
  if (prefix !== 'data-' && el.getAttribute('section')) what = 'section:' + el.getAttribute('section');
  what = what.trim();
  if (what.indexOf('section:') === 0) {
    options.section = what.slice(8).trim();
  } else {
    options.indicators = what.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
  }
  ['chart', 'lang', 'theme', 'title', 'summary', 'toolbar'].forEach(function (name) {
    var value = get(name);
    if (value !== null) options[name] = value;
  });
  var height = get('height');
  if (height !== null) options.height = Number(height) || height;
  var actuals = {};
  var found = false;
  Array.prototype.forEach.call(el.attributes, function (attribute) {
    var match = /^(?:data-)?actual-(\d{4})$/.exec(attribute.name);
    if (!match) return;
    found = true;
    var year = match[1];
    // Pairs are separated by ';' only, so that a decimal comma (5,8) is refused, not misread.
    attribute.value.split(';').forEach(function (part) {
      var pair = part.split('=');
      var id = pair.length > 1 ? pair[0].trim() : (options.indicators || [''])[0];
      var text = (pair.length > 1 ? pair[1] : pair[0]).trim();
      var number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : text;
      // A bare number with a section has no indicator: the empty id is refused by validation.
      actuals[id] = actuals[id] || {};
      actuals[id][year] = number;
    });
  });
  if (found) options.actuals = actuals;
  return options;
}

function create(tag, parent, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

/** Words of the chart's own interface (the data's words come from the wasm). */
var UI = {
  zh: {
    chart: '图表', keys: '按方向键逐项浏览，回车查看详情，Esc 关闭。', table: '数据表', png: '下载图片', csv: '下载数据',
    target: '目标', actual: '实绩', previous: '上年实绩', margin: '差距', source: '报告原文', filters: '筛选', status: '状态', section: '板块',
    tools: '图表工具', prevPage: '上一页', nextPage: '下一页', page: function (p, n) { return '第 ' + p + ' / ' + n + ' 页'; }
  },
  en: {
    chart: 'Chart', keys: 'Use the arrow keys to move between indicators, Enter for details, Escape to close.', table: 'Data table',
    png: 'Download image', csv: 'Download data', target: 'Target', actual: 'Actual', previous: 'Previous actual', margin: 'Margin',
    source: 'Report text', filters: 'Filters', status: 'Status', section: 'Section', tools: 'Chart tools',
    prevPage: 'Previous page', nextPage: 'Next page', page: function (p, n) { return 'Page ' + p + ' of ' + n; }
  }
};

/** Focus and hover colours of the overlay, per theme; system Highlight under forced colours. */
var FOCUS = { light: '#0b62d6', dark: '#8cc8ff', contrast: '#00ffff' };

var supportsPopover = typeof HTMLElement === 'function' && typeof HTMLElement.prototype.showPopover === 'function';

/** One chart on one host element. */
function Chart(host, options) {
  this.element = host;
  this.options = options;
  this.info = null;
  this.focusIndex = -1;
  this.hoverIndex = -1;
  this.pinned = false;
  this._frame = 0;
  this._observers = [];
  this._listeners = [];
  this._destroyed = false;
  this._live = false; // true once drawn: only then do resizes redraw
  this._printing = false;
  var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  while (root.firstChild) root.removeChild(root.firstChild);
  styleFor(root);
  this.root = root;
  this.wrap = create('div', root, 'rc');
  this.toolbar = create('div', this.wrap, 'toolbar');
  this.toolbar.setAttribute('role', 'group');
  this.toolbar.hidden = true;
  this.filters = create('div', this.wrap, 'filters');
  this.filters.setAttribute('role', 'group');
  this.filters.hidden = true;
  // The stage is the chart's one Tab stop; arrow keys move between indicators inside it.
  this.stage = create('div', this.wrap, 'stage');
  this.stage.tabIndex = 0;
  this.stage.setAttribute('role', 'group');
  this.canvas = create('canvas', this.stage, 'chart');
  this.canvas.setAttribute('role', 'img');
  // Hover highlight below, focus ring above: each layer only repaints when its own row changes.
  this._layers = [create('canvas', this.stage, 'overlay hover'), create('canvas', this.stage, 'overlay focus')].map(function (canvas) {
    canvas.setAttribute('aria-hidden', 'true');
    return { canvas: canvas, key: null, at: null, shown: false };
  });
  this.tooltip = create('div', this.wrap, 'tip');
  this.tooltip.setAttribute('role', 'tooltip');
  this.tooltip.id = 'tip';
  if (supportsPopover) this.tooltip.setAttribute('popover', 'manual');
  this.tooltip.hidden = !supportsPopover;
  this.live = create('p', this.wrap, 'sr');
  this.live.setAttribute('aria-live', 'polite');
  this.tableBox = create('div', this.wrap, 'sr');
  this.table = create('table', this.tableBox);
  this.fallback = null;
  var self = this;
  if (typeof ResizeObserver === 'function') {
    var resize = new ResizeObserver(function () {
      // Height follows from width (the chart sets it), so only a width change needs a redraw.
      var width = self.element.clientWidth;
      if (width !== self._observedWidth) { self._observedWidth = width; self.schedule(); }
    });
    resize.observe(host);
    this._observers.push(resize);
  }
  this._watchPixelRatio();
  this._on(this.stage, 'keydown', function (e) { self._onKey(e); });
  this._on(this.stage, 'focus', function () {
    self._checkDensity();
    // A mouse click also focuses the stage; only keyboard focus jumps to the first indicator.
    var keyboard = !self.stage.matches || self.stage.matches(':focus-visible');
    if (self.focusIndex < 0 && keyboard) self.focusAt(0, false); else self._paintOverlay();
  });
  this._on(this.canvas, 'pointerenter', function () { self._checkDensity(); });
  this._on(this.stage, 'blur', function () { if (!self.pinned) self._hideTip(); self._paintOverlay(); });
  this._on(this.canvas, 'pointermove', function (e) { if (e.pointerType === 'mouse') self._hover(self._hitAt(e)); });
  this._on(this.canvas, 'pointerleave', function (e) {
    // Moving onto the tooltip keeps it open (WCAG 1.4.13: hoverable).
    if (e.pointerType === 'mouse' && e.relatedTarget !== self.tooltip) self._hover(-1);
  });
  this._on(this.tooltip, 'pointerleave', function (e) {
    if (e.relatedTarget !== self.canvas) self._hover(-1);
  });
  this._on(this.canvas, 'pointerup', function (e) { self._tap(self._hitAt(e), e.pointerType); });
  this._showFallback(true); // until the first draw, readers see the host's own content
  CHARTS.add(this);
}

Chart.prototype._on = function (target, type, listener) {
  target.addEventListener(type, listener);
  this._listeners.push([target, type, listener]);
};

Chart.prototype._watchPixelRatio = function () {
  var self = this;
  if (!window.matchMedia) return;
  var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
  var onChange = function () {
    query.removeEventListener('change', onChange);
    if (!self._destroyed) { self.schedule(); self._watchPixelRatio(); }
  };
  query.addEventListener('change', onChange);
  this._pixelRatioQuery = { query: query, listener: onChange };
};

/** Coalesces redraw requests (resize, DPR change, new data) into one per frame. */
Chart.prototype.schedule = function () {
  var self = this;
  if (this._frame || this._destroyed || !this._live) return;
  this._frame = requestAnimationFrame(function () {
    self._frame = 0;
    self.redraw();
  });
};

/** Redraws now; a failure shows the fallback instead of throwing. */
Chart.prototype.redraw = function () {
  try {
    this.draw();
  } catch (error) {
    this._live = false;
    if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) this._trapped = true;
    this.fail(error);
  }
};

/** Validates and draws again (after new data or a fresh instance); invalid options stay reported. */
Chart.prototype.revive = function () {
  if (this._destroyed) return;
  try {
    wasmCall(function () { wasm_bindgen.check(resolveOptions(this.options)); }.bind(this));
  } catch (invalid) {
    this.fail(invalid);
    return;
  }
  this._live = true;
  this.redraw();
};

/** Width in CSS px and the device pixels per CSS px, including CSS transforms (zoom toolbars). */
Chart.prototype._metrics = function () {
  var host = this.element;
  var style = getComputedStyle(host);
  var padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  var border = (parseFloat(style.borderLeftWidth) || 0) + (parseFloat(style.borderRightWidth) || 0);
  var width = Math.max(0, host.clientWidth - padding);
  var rect = host.getBoundingClientRect();
  var outer = host.clientWidth + border;
  var scale = outer > 0 && rect.width > 0 ? rect.width / outer : 1;
  var dpr = (window.devicePixelRatio || 1) * scale;
  if (this._printing) dpr = Math.max(dpr, 3);
  // Browsers refuse canvases beyond ~16 megapixels (Safari): cap the density, never the size.
  var height = this.info ? this.info.height : width;
  var cap = Math.sqrt(16e6 / Math.max(1, width * height));
  return { width: width, dpr: Math.max(0.5, Math.min(dpr, cap)) };
};

/** A CSS transform changed since the last draw (zoom toolbars): redraw at the new density. */
Chart.prototype._checkDensity = function () {
  if (this._live && this.info && Math.abs(this._metrics().dpr - this.dpr) > 0.01) this.schedule();
};

Chart.prototype._lang = function () {
  return this.info && this.info.lang === 'en' ? 'en' : 'zh';
};

Chart.prototype.draw = function () {
  if (this._destroyed) return null;
  var metrics = this._metrics();
  if (metrics.width <= 0) return null; // hidden or 0 px: the ResizeObserver redraws later
  // The observer's first report is this width: without this, it would redraw the chart just drawn.
  this._observedWidth = this.element.clientWidth;
  var options = resolveOptions(this.options);
  if (forcedColorsActive()) options.forcedColors = this._systemColors();
  var canvas = this.canvas;
  var info = wasmCall(function () { return wasm_bindgen.render(canvas, options, metrics.width, metrics.dpr); });
  this.info = info;
  this.dpr = metrics.dpr;
  // Overlay layers snap to a CSS px step that is a whole number of device pixels: as crisp as the chart.
  var step = 1;
  var ratio = this.dpr || 1;
  while (step < 20 && Math.abs(step * ratio - Math.round(step * ratio)) > 0.01) step++;
  this._snapStep = step;
  this.theme = options.forcedColors ? 'forced' : options.theme;
  this.wrap.className = 'rc theme-' + this.theme;
  var words = UI[this._lang()];
  this.canvas.setAttribute('aria-label', info.title + (this._lang() === 'en' ? '. ' : '。') + info.summary);
  var english = this._lang() === 'en';
  this.wrap.lang = english ? 'en' : 'zh-CN';
  this.stage.setAttribute('aria-label', words.chart + (english ? ': ' : '：') + info.title + (english ? '. ' : '。') +
    (info.hits.length ? words.keys : ''));
  this._fillTable(info);
  // Rebuilding the buttons on every resize would drop keyboard focus: only rebuild on change.
  var controls = JSON.stringify([info.lang, info.tally, info.sections, this.options.toolbar, this.options.statuses,
    this.options.sections, this.options.chart, info.page, info.pages]);
  if (controls !== this._controls) {
    this._controls = controls;
    this._fillToolbar(words);
    this._fillFilters(info, words);
  }
  this.focusColor = this.theme === 'forced' ? options.forcedColors.highlight : (FOCUS[this.theme] || FOCUS.light);
  this._tipFor = null;
  this._layers.forEach(function (layer) { layer.key = null; }); // new density or colours: repaint
  if (this.focusIndex >= info.hits.length) this.focusIndex = info.hits.length - 1;
  this.hoverIndex = -1;
  this._paintOverlay();
  if (this.pinned && this.focusIndex >= 0) this._showTip(this.focusIndex); else this._hideTip();
  this.element.removeAttribute('data-error');
  this.element.removeAttribute('data-error-zh');
  this._showFallback(false);
  return info;
};

Chart.prototype._fillTable = function (info) {
  var table = this.table;
  while (table.firstChild) table.removeChild(table.firstChild);
  create('caption', table, '', info.title);
  var head = create('tr', create('thead', table));
  info.headers.forEach(function (h) { create('th', head, '', h).setAttribute('scope', 'col'); });
  var body = create('tbody', table);
  info.rows.forEach(function (row) {
    var tr = create('tr', body);
    [row.section, row.name, row.reference, row.target, row.actual, row.status, row.margin, row.summary, row.quote]
      .forEach(function (cell, i) {
        var node = create(i === 1 ? 'th' : 'td', tr, '', cell);
        if (i === 1) node.setAttribute('scope', 'row');
      });
  });
};

function button(parent, text, pressed) {
  var node = create('button', parent, '', text);
  node.type = 'button';
  if (pressed !== undefined) node.setAttribute('aria-pressed', String(pressed));
  return node;
}

/** 数据表 / 下载图片 / 下载数据, when the embed asks for them (`toolbar: true`). */
Chart.prototype._fillToolbar = function (words) {
  var self = this;
  var bar = this.toolbar;
  var wanted = this.options.toolbar === true || this.options.toolbar === 'true' || this.options.toolbar === '';
  bar.hidden = !wanted;
  while (bar.firstChild) bar.removeChild(bar.firstChild);
  if (!wanted) return;
  bar.setAttribute('aria-label', words.tools);
  var tableShown = !this.tableBox.classList.contains('sr');
  var toggle = button(bar, words.table);
  toggle.setAttribute('aria-expanded', String(tableShown));
  toggle.addEventListener('click', function () {
    var show = self.tableBox.classList.toggle('sr') === false;
    self.tableBox.classList.toggle('table-box', show);
    toggle.setAttribute('aria-expanded', String(show));
  });
  button(bar, words.png).addEventListener('click', function () {
    self.toPNG().then(function (blob) { download(blob, self._fileName() + '.png'); }, function (error) { self.report(error); });
  });
  button(bar, words.csv).addEventListener('click', function () {
    try {
      download(new Blob([self.toCSV()], { type: 'text/csv;charset=utf-8' }), self._fileName() + '.csv');
    } catch (error) {
      self.report(error);
    }
  });
};

Chart.prototype._fileName = function () {
  var what = this.options.section || (this.options.indicators || []).join('+') || 'chart';
  return 'report-charts-' + String(what).replace(/[^a-z0-9+-]/gi, '').slice(0, 60);
};

function download(blob, name) {
  var url = URL.createObjectURL(blob);
  var link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

/** Legend toggles for chart types that offer them (`info.toggles`: board, bars): real buttons, by status and section. */
Chart.prototype._fillFilters = function (info, words) {
  var box = this.filters;
  var toggles = info.toggles;
  var useful = (toggles && (info.tally.length > 1 || info.sections.length > 1)) || info.pages > 1;
  box.hidden = !useful;
  while (box.firstChild) box.removeChild(box.firstChild);
  if (!useful) return;
  if (info.pages > 1) this._fillPager(box, info, words);
  box.setAttribute('aria-label', words.filters);
  if (!toggles) return;
  if (info.tally.length > 1) {
    this._toggleRow(box, words.status, 'statuses', info.tally.map(function (t) {
      return { key: t.status, label: t.word + ' ' + t.count };
    }));
  }
  if (info.sections.length > 1) {
    this._toggleRow(box, words.section, 'sections', info.sections.map(function (s) {
      return { key: s.id, label: s.name + ' ' + s.count };
    }));
  }
};

/** One row of toggle buttons that narrows `options[option]` (undefined: everything shown). */
Chart.prototype._toggleRow = function (box, title, option, entries) {
  var self = this;
  var shown = this.options[option];
  var all = entries.map(function (e) { return e.key; });
  var row = create('div', box, 'filter-row');
  create('span', row, 'filter-label', title);
  entries.forEach(function (entry) {
    var on = !shown || shown.indexOf(entry.key) >= 0;
    var node = button(row, entry.label, on);
    node.setAttribute('data-filter', entry.key);
    node.addEventListener('click', function () {
      var current = shown || all;
      var next = on ? current.filter(function (k) { return k !== entry.key; }) : current.concat([entry.key]);
      var change = { page: 1 };
      change[option] = next.length === all.length ? undefined : next;
      self.update(change).then(function () { self._refocus('[data-filter="' + entry.key + '"]'); }, function (error) { self.report(error); });
    });
  });
};

/** 上一页 / 第 p / n 页 / 下一页: long boards come in pages rather than one giant canvas. */
Chart.prototype._fillPager = function (box, info, words) {
  var self = this;
  var row = create('div', box, 'filter-row pager');
  var go = function (page, key) {
    self.update({ page: page }).then(function () { self._refocus('[data-page="' + key + '"]'); }, function (error) { self.report(error); });
  };
  var previous = button(row, words.prevPage);
  previous.setAttribute('data-page', 'previous');
  previous.disabled = info.page <= 1;
  previous.addEventListener('click', function () { go(info.page - 1, 'previous'); });
  var label = create('span', row, 'filter-label', words.page(info.page, info.pages));
  label.setAttribute('aria-live', 'polite');
  var next = button(row, words.nextPage);
  next.setAttribute('data-page', 'next');
  next.disabled = info.page >= info.pages;
  next.addEventListener('click', function () { go(info.page + 1, 'next'); });
};

/** Rebuilding the buttons loses focus; put it back on the same toggle. */
Chart.prototype._refocus = function (selector) {
  var node = this.filters.querySelector(selector);
  if (node) node.focus();
};

/** The indicator under a pointer event, in the chart's CSS pixels (exact under CSS zoom/transform). */
Chart.prototype._hitAt = function (event) {
  if (!this.info) return -1;
  var rect = this.canvas.getBoundingClientRect();
  if (!rect.width || !rect.height) return -1;
  var x = (event.clientX - rect.left) * this.info.width / rect.width;
  var y = (event.clientY - rect.top) * this.info.height / rect.height;
  var hits = this.info.hits;
  for (var i = 0; i < hits.length; i++) {
    var h = hits[i];
    if (x >= h.x && x < h.x + h.w && y >= h.y && y < h.y + h.h) return i;
  }
  return -1;
};

Chart.prototype._hover = function (index) {
  if (index === this.hoverIndex) return;
  this.hoverIndex = index;
  // The tooltip first: it reads layout, which the overlay's style writes would make dirty.
  if (!this.pinned) { if (index >= 0) this._showTip(index); else this._hideTip(); }
  this._paintOverlay();
};

Chart.prototype._tap = function (index, pointerType) {
  if (index < 0) { this.pinned = false; this._hideTip(); return; }
  if (pointerType !== 'mouse' && this.pinned && this.focusIndex === index) {
    this.pinned = false;
    this._hideTip();
    return;
  }
  this.focusIndex = index;
  this.pinned = pointerType !== 'mouse';
  this._showTip(index);
  this._paintOverlay();
  this._select(index);
};

Chart.prototype._select = function (index) {
  var hit = this.info.hits[index];
  var row = this._row(hit.id);
  this.element.dispatchEvent(new CustomEvent('reportchart:select', { bubbles: true, composed: true, detail: { id: hit.id, row: row } }));
};

Chart.prototype._row = function (id) {
  var rows = this.info.rows;
  for (var i = 0; i < rows.length; i++) if (rows[i].id === id) return rows[i];
  return null;
};

Chart.prototype._onKey = function (event) {
  var count = this.info ? this.info.hits.length : 0;
  if (!count || event.altKey || event.ctrlKey || event.metaKey) return; // leave browser shortcuts alone
  var index = this.focusIndex;
  switch (event.key) {
    case 'ArrowDown': case 'ArrowRight': index = Math.min(count - 1, index + 1); break;
    case 'ArrowUp': case 'ArrowLeft': index = Math.max(0, index - 1); break;
    case 'Home': index = 0; break;
    case 'End': index = count - 1; break;
    case 'Enter': case ' ':
      this.pinned = true;
      this._showTip(Math.max(0, index), true);
      this._select(Math.max(0, index));
      event.preventDefault();
      return;
    case 'Escape':
      if (!this._tipFor) return; // nothing open: let an enclosing dialog have its Escape
      this.pinned = false;
      this._hideTip();
      event.preventDefault();
      return;
    default: return;
  }
  event.preventDefault();
  this.focusAt(index, true);
};

/** Moves keyboard focus to an indicator: ring on the overlay, tooltip, announcement. */
Chart.prototype.focusAt = function (index, announce) {
  if (!this.info || !this.info.hits.length) return;
  this.focusIndex = Math.max(0, Math.min(this.info.hits.length - 1, index));
  this._paintOverlay();
  this._showTip(this.focusIndex, this.pinned);
  var row = this._row(this.info.hits[this.focusIndex].id);
  if (row) this.live.textContent = (this.focusIndex + 1) + '/' + this.info.hits.length + ' ' + row.summary;
  if (announce !== false) this._scrollIntoView(this.focusIndex);
};

Chart.prototype._scrollIntoView = function (index) {
  var hit = this.info.hits[index];
  var rect = this.canvas.getBoundingClientRect();
  var scale = rect.height / this.info.height;
  var top = rect.top + hit.y * scale;
  var bottom = top + hit.h * scale;
  if (top < 0 || bottom > window.innerHeight) window.scrollBy(0, top < 0 ? top - 8 : bottom - window.innerHeight + 8);
};

/** Hover highlight and focus ring, on two small canvases above the chart: no full redraw. */
Chart.prototype._paintOverlay = function () {
  if (!this.info) return;
  var hits = this.info.hits;
  var color = this.focusColor;
  // Inset like the board's row stripes (10 px from each edge; chart content starts at 16 px).
  var inset = 10;
  var h = this.hoverIndex >= 0 ? hits[this.hoverIndex] : null;
  this._paintLayer(this._layers[0], h && [h.x + inset, h.y, h.w - 2 * inset, h.h], function (ctx, r) {
    ctx.globalAlpha = 0.08;
    ctx.fillStyle = color;
    ctx.fillRect(r[0], r[1], r[2], r[3]);
  });
  var focused = this.root.activeElement === this.stage || this.pinned;
  var f = focused && this.focusIndex >= 0 ? hits[this.focusIndex] : null;
  this._paintLayer(this._layers[1], f && [f.x + inset - 1, f.y + 1.5, f.w - 2 * inset + 2, f.h - 3], function (ctx, r) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.5;
    ctx.strokeRect(r[0], r[1], r[2], r[3]);
  });
};

/**
 * Shows one overlay layer over rectangle r (chart CSS px, plus a margin for the stroke), or hides it
 * (r null). Rows of one size share the same pixels, so moving between them is only a transform:
 * every repaint of a canvas costs a new resource at the next commit, however small the canvas.
 */
Chart.prototype._paintLayer = function (layer, r, paint) {
  var canvas = layer.canvas;
  if (!r) {
    if (layer.shown !== false) canvas.style.visibility = '';
    layer.shown = false;
    return;
  }
  var dpr = this.dpr || 1;
  var step = this._snapStep || 1;
  var x = Math.floor((r[0] - 3) / step) * step;
  var y = Math.floor((r[1] - 3) / step) * step;
  var w = Math.ceil((r[0] + r[2] + 3 - x) / step) * step;
  var h = Math.ceil((r[1] + r[3] + 3 - y) / step) * step;
  var dx = r[0] - x;
  var dy = r[1] - y;
  var key = [w, h, dx.toFixed(2), dy.toFixed(2), r[2].toFixed(2), r[3].toFixed(2)].join();
  if (key !== layer.key) {
    layer.key = key;
    var bw = Math.round(w * dpr);
    var bh = Math.round(h * dpr);
    if (canvas.width !== bw || canvas.height !== bh) {
      canvas.width = bw; // also clears
      canvas.height = bh;
      canvas.style.width = w + 'px';
      canvas.style.height = h + 'px';
    }
    var ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, bw, bh);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    paint(ctx, [dx, dy, r[2], r[3]]);
  }
  var at = 'translate(' + x + 'px,' + y + 'px)';
  if (layer.at !== at) { layer.at = at; canvas.style.transform = at; }
  if (!layer.shown) { layer.shown = true; canvas.style.visibility = 'visible'; }
};

/** The tooltip's nodes, built once: moving between rows only changes their text. */
function buildTip(tip) {
  var parts = { name: create('strong', tip, 'tip-name'), terms: [], values: [] };
  var list = create('dl', tip);
  for (var i = 0; i < 4; i++) {
    parts.terms.push(create('dt', list));
    parts.values.push(create('dd', list));
  }
  parts.summary = create('p', tip, 'tip-summary');
  var source = create('p', tip, 'tip-source');
  parts.label = create('span', source, 'tip-label');
  parts.quote = create('q', source);
  return parts;
}

/** Sets a node's text in place (one text node, edited), so unchanged text costs no relayout. */
function setText(node, text) {
  var child = node.firstChild;
  if (!child) node.appendChild(document.createTextNode(text));
  else if (child.data !== text) child.data = text;
}

Chart.prototype._showTip = function (index, withSource) {
  var hit = this.info && this.info.hits[index];
  var row = hit && this._row(hit.id);
  if (!row) return;
  var tip = this.tooltip;
  var pinned = !!withSource || this.pinned;
  var open = supportsPopover ? tip.matches(':popover-open') : !tip.hidden;
  // Read the chart's box before writing: after the text changes it would cost a forced layout.
  var rect = this.canvas.getBoundingClientRect();
  if (this._tipFor === hit.id + pinned && open) {
    this._placeTip(hit, rect); // same content: only move it
    return;
  }
  this._tipFor = hit.id + pinned;
  this._tipIndex = index;
  var words = UI[this._lang()];
  var parts = this._tipParts || (this._tipParts = buildTip(tip));
  setText(parts.name, row.name);
  [[words.target, row.target], [words.actual, row.actual], [words.previous, row.reference], [words.margin, row.margin]]
    .forEach(function (pair, i) {
      var shown = !!pair[1] && pair[1] !== '—';
      if (parts.terms[i].hidden === shown) parts.terms[i].hidden = parts.values[i].hidden = !shown;
      setText(parts.terms[i], shown ? pair[0] : '');
      setText(parts.values[i], shown ? pair[1] : '');
    });
  setText(parts.summary, row.summary);
  setText(parts.label, words.source + '（' + row.section + '）：');
  setText(parts.quote, row.quote);
  if (tip.classList.contains('pinned') !== pinned) tip.classList.toggle('pinned', pinned);
  if (this.stage.getAttribute('aria-describedby') !== 'tip') this.stage.setAttribute('aria-describedby', 'tip');
  if (supportsPopover) {
    if (!open) tip.showPopover();
  } else {
    tip.hidden = false;
  }
  this._placeTip(hit, rect);
};

/**
 * Below (or above) the row, inside the viewport: top-layer popovers escape host overflow and transforms.
 * `rect` is the chart canvas's box, when the caller has it already.
 */
Chart.prototype._placeTip = function (hit, rect) {
  var tip = this.tooltip;
  if (!rect) rect = this.canvas.getBoundingClientRect();
  var scale = rect.width / this.info.width;
  // The top layer is not zoomed with the page: enlarge the tooltip as a zoom toolbar enlarges the chart.
  var size = Math.round(13 * Math.max(1, scale) * 10) / 10 + 'px';
  if (tip.style.fontSize !== size) tip.style.fontSize = size;
  var tipRect = tip.getBoundingClientRect(); // the one layout of this change; the transform below needs none
  var margin = 8;
  var left = Math.min(Math.max(margin, rect.left + 16 * scale), window.innerWidth - tipRect.width - margin);
  var below = rect.top + (hit.y + hit.h) * scale + 4;
  var above = rect.top + hit.y * scale - tipRect.height - 4;
  var top = below + tipRect.height <= window.innerHeight - margin || above < margin ? below : above;
  top = Math.min(Math.max(margin, top), Math.max(margin, window.innerHeight - tipRect.height - margin));
  var at = 'translate(' + Math.round(Math.max(margin, left)) + 'px,' + Math.round(top) + 'px)';
  if (tip.style.transform !== at) tip.style.transform = at;
};

/** Keeps an open tooltip beside its row while the page scrolls; closes it when the row leaves. */
Chart.prototype._followScroll = function () {
  var hit = this._tipFor && this.info && this.info.hits[this._tipIndex];
  if (!hit) return;
  var rect = this.canvas.getBoundingClientRect();
  var scale = rect.height / this.info.height;
  var top = rect.top + hit.y * scale;
  if (top + hit.h * scale < 0 || top > window.innerHeight) {
    this.pinned = false;
    this._hideTip();
    this._paintOverlay();
  } else {
    this._placeTip(hit);
  }
};

Chart.prototype._hideTip = function () {
  var tip = this.tooltip;
  this._tipFor = null;
  if (supportsPopover) {
    if (tip.matches(':popover-open')) tip.hidePopover();
  } else {
    tip.hidden = true;
  }
  this.stage.removeAttribute('aria-describedby');
};

/** The system colours of forced-colors mode, as computed styles resolve them. */
Chart.prototype._systemColors = function () {
  var probe = create('span', this.wrap, 'sr');
  probe.style.color = 'CanvasText';
  probe.style.backgroundColor = 'Canvas';
  probe.style.borderTopColor = 'Highlight';
  var style = getComputedStyle(probe);
  var colors = { background: style.backgroundColor, text: style.color, highlight: style.borderTopColor };
  probe.remove();
  return colors;
};

Chart.prototype._showFallback = function (show) {
  this.stage.hidden = show;
  if (show) { this.toolbar.hidden = true; this.filters.hidden = true; this._hideTip(); }
  if (show && !this.fallback) this.fallback = create('slot', this.wrap, 'fallback');
  if (!show && this.fallback) { this.fallback.remove(); this.fallback = null; }
};

/** Tells the editor (console and data-error) without touching what readers see. */
Chart.prototype.report = function (error) {
  var message = 'report-charts: ' + errorText(error);
  this.element.setAttribute('data-error', message);
  this.element.setAttribute('data-error-zh', 'report-charts：' + errorTextZh(error));
  if (window.console) console.error(message);
};

/** The chart cannot be drawn: report it, and readers get the fallback content. */
Chart.prototype.fail = function (error) {
  this.report(error);
  this._showFallback(true);
};

Chart.prototype.update = function (partial) {
  var next = {};
  var key;
  for (key in this.options) if (Object.prototype.hasOwnProperty.call(this.options, key)) next[key] = this.options[key];
  for (key in partial) if (Object.prototype.hasOwnProperty.call(partial, key)) next[key] = partial[key];
  if (partial.section !== undefined && partial.indicators === undefined) delete next.indicators;
  if (partial.indicators !== undefined && partial.section === undefined) delete next.section;
  return this.replace(next);
};

/** Swaps all options at once; invalid options reject and leave the chart exactly as it was. */
Chart.prototype.replace = function (next) {
  var self = this;
  return api.ready.then(function () {
    wasmCall(function () { wasm_bindgen.check(resolveOptions(next)); });
    var previous = self.options;
    self.options = next;
    try {
      self.draw();
    } catch (error) {
      self.options = previous; // a refused update leaves the chart as it was
      self.redraw();
      throw error;
    }
    self._live = true;
    return self;
  });
};

Chart.prototype.toCSV = function () {
  var options = resolveOptions(this.options);
  return wasmCall(function () { return wasm_bindgen.csv(options); });
};

Chart.prototype.toPNG = function () {
  var canvas = this.canvas;
  return new Promise(function (resolve, reject) {
    canvas.toBlob(function (blob) { return blob ? resolve(blob) : reject(new Error('PNG export failed')); }, 'image/png');
  });
};

Chart.prototype.destroy = function () {
  if (this._destroyed) return;
  this._destroyed = true;
  if (this._frame) cancelAnimationFrame(this._frame);
  this._hideTip();
  this._observers.forEach(function (o) { o.disconnect(); });
  this._listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
  if (this._pixelRatioQuery) this._pixelRatioQuery.query.removeEventListener('change', this._pixelRatioQuery.listener);
  while (this.root.firstChild) this.root.removeChild(this.root.firstChild);
  var slot = document.createElement('slot'); // give the host's own content back
  this.root.appendChild(slot);
  this.element.__reportChart = null;
  CHARTS.delete(this);
};

function resolveElement(target) {
  if (typeof target === 'string') return document.querySelector(target);
  return target;
}

function render(target, options) {
  try {
    return renderOn(target, options);
  } catch (error) {
    // attachShadow refuses some hosts (<td>, <li>…); a bad selector throws: reject, never throw.
    var host = target && target.nodeType === 1 ? target : null;
    if (host) {
      host.setAttribute('data-error', 'report-charts: ' + errorText(error));
      if (window.console) console.error('report-charts: ' + errorText(error));
    }
    return Promise.reject(error);
  }
}

/**
 * First draws run one per task, in order. Charts waiting for the instance all become ready at once;
 * drawn in one go, none would show (nor input be handled) until the last was drawn. A destroyed
 * chart leaves the queue without taking a turn.
 */
var turns = [];
var turnTaken = false; // a first draw ran in this task
var turnChannel = typeof MessageChannel === 'function' ? new MessageChannel() : null; // no 4 ms clamp, unlike nested timeouts
if (turnChannel) turnChannel.port1.onmessage = nextTurn;
function inTurn(chart, job) {
  return new Promise(function (resolve, reject) {
    turns.push({ chart: chart, run: function () { try { resolve(job()); } catch (error) { reject(error); } } });
    if (!turnTaken) nextTurn();
  });
}
function nextTurn() {
  while (turns.length && turns[0].chart._destroyed) turns.shift().run();
  var turn = turns.shift();
  turnTaken = !!turn;
  if (!turn) return;
  turn.run();
  if (turnChannel) turnChannel.port2.postMessage(0); else setTimeout(nextTurn, 0);
}

function renderOn(target, options) {
  var host = resolveElement(target);
  if (!host) {
    var what = JSON.stringify(String(target));
    return Promise.reject({ errors: [{ path: 'target', en: 'target: expected an element or a selector that matches one, got ' + what,
      zh: 'target：应为元素或能匹配元素的选择器，实际为 ' + what }] });
  }
  if (host.__reportChart) host.__reportChart.destroy();
  var chart = new Chart(host, options === undefined ? {} : options);
  host.__reportChart = chart;
  return loadWasm().then(function () {
    return inTurn(chart, function () {
      if (chart._destroyed) return chart;
      try {
        // render validates the options as check does; only a chart that did not draw (0 px wide) is checked apart.
        if (!chart.draw()) wasmCall(function () { wasm_bindgen.check(resolveOptions(chart.options)); });
        chart._live = true;
      } catch (error) {
        chart.fail(error);
        throw error;
      }
      return chart;
    });
  }, function (error) {
    chart.fail(error);
    throw error;
  });
}

// --- Declarative embeds: data attributes and <report-chart>, initialised when visible. ---

var visibility = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        visibility.unobserve(entry.target);
        mountNow(entry.target); // never throws: one bad host must not stop the others
      }
    });
  }, { rootMargin: '200px' })
  : null;

function mountNow(el) {
  var isElement = el.tagName && el.tagName.toLowerCase() === 'report-chart';
  var options = optionsFromAttributes(el, isElement ? '' : 'data-');
  render(el, options).catch(function () { /* reported on the element */ });
}

function mount(el) {
  if (el.__reportChartQueued) return;
  el.__reportChartQueued = true;
  if (visibility) visibility.observe(el); else mountNow(el);
}

/** A removed subtree: destroy its charts, and let them mount again if it is put back. */
function unmountTree(root) {
  var hosts = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-report-chart], report-chart')));
  hosts.forEach(function (host) {
    if (host.isConnected) return;
    if (visibility) visibility.unobserve(host);
    if (host.__reportChart) host.__reportChart.destroy();
    host.__reportChartQueued = false;
  });
}

function scan(root) {
  if (!root.querySelectorAll) return;
  if (root.matches && root.matches('[data-report-chart]')) mount(root);
  Array.prototype.forEach.call(root.querySelectorAll('[data-report-chart]'), mount);
}

if (window.customElements && !window.customElements.get('report-chart')) {
  var ReportChartElement = function () {
    return Reflect.construct(HTMLElement, [], ReportChartElement);
  };
  ReportChartElement.prototype = Object.create(HTMLElement.prototype);
  ReportChartElement.prototype.constructor = ReportChartElement;
  Object.setPrototypeOf(ReportChartElement, HTMLElement);
  Object.defineProperty(ReportChartElement, 'observedAttributes', {
    get: function () {
      return ['indicator', 'section', 'chart', 'lang', 'theme', 'title', 'height', 'summary', 'toolbar',
        'actual-2023', 'actual-2024', 'actual-2025', 'actual-2026'];
    }
  });
  ReportChartElement.prototype.connectedCallback = function () { this.__reportChartQueued = false; mount(this); };
  ReportChartElement.prototype.disconnectedCallback = function () {
    if (visibility) visibility.unobserve(this);
    if (this.__reportChart) this.__reportChart.destroy();
    this.__reportChartQueued = false;
  };
  ReportChartElement.prototype.attributeChangedCallback = function () {
    var chart = this.__reportChart;
    if (chart) chart.replace(optionsFromAttributes(this, '')).catch(function (error) { chart.report(error); });
  };
  window.customElements.define('report-chart', ReportChartElement);
}

/** Page-wide preferences: print resolution, colour scheme, forced colours. One listener each. */
function watchPreferences() {
  var redrawAll = function (filter) {
    CHARTS.forEach(function (chart) { if (!filter || filter(chart)) chart.schedule(); });
  };
  var printing = function (on) {
    CHARTS.forEach(function (chart) {
      chart._printing = on;
      if (chart._live) chart.redraw(); // synchronously: the print snapshot is taken right after
    });
  };
  window.addEventListener('scroll', function () {
    CHARTS.forEach(function (chart) { chart._followScroll(); });
  }, { capture: true, passive: true });
  // Browser zoom fires resize (and changes devicePixelRatio): check every chart's density.
  window.addEventListener('resize', function () { CHARTS.forEach(function (chart) { chart._checkDensity(); }); });
  window.addEventListener('beforeprint', function () { printing(true); });
  window.addEventListener('afterprint', function () { printing(false); });
  if (!window.matchMedia) return;
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
    redrawAll(function (chart) { return !chart.options.theme || chart.options.theme === 'auto'; });
  });
  window.matchMedia('(forced-colors: active)').addEventListener('change', function () { redrawAll(); });
}

function start() {
  watchPreferences();
  scan(document);
  if (typeof MutationObserver === 'function') {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) { if (node.nodeType === 1) scan(node); });
        Array.prototype.forEach.call(record.removedNodes, function (node) {
          if (node.nodeType === 1 && !node.isConnected) unmountTree(node);
        });
        // A CMS (or a script) editing data-* attributes of a live chart redraws it.
        var host = record.type === 'attributes' ? record.target : null;
        if (host && !host.__reportChart && !host.__reportChartQueued && host.hasAttribute('data-report-chart')) mount(host);
        if (host && host.__reportChart && host.hasAttribute('data-report-chart')) {
          var chart = host.__reportChart;
          chart.replace(optionsFromAttributes(host, 'data-')).catch(function (error) { chart.report(error); });
        }
      });
    }).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ['data-report-chart', 'data-chart', 'data-lang', 'data-theme', 'data-title', 'data-summary', 'data-height',
        'data-toolbar', 'data-actual-2023', 'data-actual-2024', 'data-actual-2025', 'data-actual-2026']
    });
  }
}

var api = {
  __loader: true,
  version: REPORT_CHARTS_VERSION,
  render: render,
  indicators: function () { return wasmCall(function () { return wasm_bindgen.indicators(); }); },
  sections: function () { return wasmCall(function () { return wasm_bindgen.sections(); }); },
  /** Diagnostics for tests and benchmarks. */
  __diagnostics: function () {
    return { instances: instances, memoryBytes: wasm_bindgen.memoryBytes(), charts: CHARTS.size };
  },
  /** Test hook: traps the wasm instance as a panic would. */
  __trapForTests: function () { return wasmCall(function () { return wasm_bindgen.trapForTests(); }); },
  loadData: function (json) {
    return loadWasm().then(function () {
      // JSON text or the object itself: the wasm reads either (the browser parses the text).
      var counts = wasmCall(function () { return wasm_bindgen.loadData(json); });
      customData = json;
      CHARTS.forEach(function (chart) { chart.revive(); });
      return { sections: counts[0], indicators: counts[1] };
    });
  }
};
api.ready = loadWasm();
api.ready.catch(function (error) { if (window.console) console.error('report-charts: ' + errorText(error)); });
window.ReportCharts = api;

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
}

main();
