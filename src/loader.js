// report-charts loader: the hand-written part of dist/report-charts.js. The build wraps the
// wasm-bindgen glue (which defines `wasm_bindgen`) and this file in one IIFE, so the only global
// is `ReportCharts`. No inline styles, no eval, no innerHTML: it runs under a strict CSP.
/* global wasm_bindgen */


if (window.ReportCharts && window.ReportCharts.__loader) {
  return; // a second script tag: the first instance serves the page
}

var SCRIPT = document.currentScript;
var BASE = (SCRIPT && SCRIPT.src) || document.baseURI;
var WASM_URL = new URL('report-charts_bg.wasm', BASE).href;
var CHARTS = new Set();
var STYLE_TEXT = [
  ':host{display:block;position:relative;contain:content;max-width:100%;}',
  ':host([hidden]){display:none;}',
  '.rc{all:initial;display:block;position:relative;font:14px/1.5 ' +
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;}",
  'canvas{display:block;max-width:none;margin:0;padding:0;border:0;}',
  '.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;}',
  'table{border-collapse:collapse;font-size:13px;margin:8px 0;color:inherit;}',
  'th,td{border:1px solid #c8ced6;padding:4px 6px;text-align:left;vertical-align:top;}',
  '.fallback{display:block;}'
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
    } catch (e) { /* fall through to a <style> element */ }
  }
  var style = document.createElement('style');
  style.textContent = STYLE_TEXT;
  root.appendChild(style);
}

var loading = null;
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
    return wasm_bindgen({ module_or_path: module });
  }).then(function () { return api; });
  return loading;
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

function darkPreferred() {
  return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

function resolveOptions(options) {
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
  ['chart', 'lang', 'theme', 'title', 'summary'].forEach(function (name) {
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
    attribute.value.split(/[;,]/).forEach(function (part) {
      var pair = part.split('=');
      var id = pair.length > 1 ? pair[0].trim() : (options.indicators || [])[0];
      var text = (pair.length > 1 ? pair[1] : pair[0]).trim();
      var number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : text;
      if (!id) return;
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

/** One chart on one host element. */
function Chart(host, options) {
  this.element = host;
  this.options = options;
  this.info = null;
  this._frame = 0;
  this._observers = [];
  this._destroyed = false;
  this._live = false; // true once drawn: only then do resizes redraw
  var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  while (root.firstChild) root.removeChild(root.firstChild);
  styleFor(root);
  this.root = root;
  this.wrap = create('div', root, 'rc');
  this.canvas = create('canvas', this.wrap);
  this.canvas.setAttribute('role', 'img');
  this.summary = create('p', this.wrap, 'sr');
  this.table = create('table', this.wrap, 'sr');
  this.fallback = null;
  var self = this;
  if (typeof ResizeObserver === 'function') {
    var resize = new ResizeObserver(function () { self.schedule(); });
    resize.observe(host);
    this._observers.push(resize);
  }
  this._watchPixelRatio();
  CHARTS.add(this);
}

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
    try {
      self.draw();
    } catch (error) {
      self._live = false;
      self.fail(error);
    }
  });
};

/** Width in CSS px and the device pixels per CSS px, including CSS transforms (zoom toolbars). */
Chart.prototype._metrics = function () {
  var width = this.element.clientWidth;
  var rect = this.element.getBoundingClientRect();
  var scale = width > 0 && rect.width > 0 ? rect.width / width : 1;
  return { width: width, dpr: (window.devicePixelRatio || 1) * scale };
};

Chart.prototype.draw = function () {
  if (this._destroyed) return null;
  var metrics = this._metrics();
  if (metrics.width <= 0) return null; // hidden or 0 px: the ResizeObserver redraws later
  var options = resolveOptions(this.options);
  var info = wasm_bindgen.render(this.canvas, options, metrics.width, metrics.dpr);
  this.info = info;
  this.canvas.setAttribute('aria-label', info.title + '。' + info.summary);
  this.summary.textContent = info.summary;
  this._fillTable(info);
  this.element.removeAttribute('data-error');
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

Chart.prototype._showFallback = function (show) {
  this.canvas.hidden = show;
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
    wasm_bindgen.check(resolveOptions(next));
    self.options = next;
    self.draw();
    self._live = true;
    return self;
  });
};

Chart.prototype.toCSV = function () {
  return wasm_bindgen.csv(resolveOptions(this.options));
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
  this._observers.forEach(function (o) { o.disconnect(); });
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
  var host = resolveElement(target);
  if (!host) return Promise.reject(new Error('report-charts: no element matches ' + String(target)));
  if (host.__reportChart) host.__reportChart.destroy();
  var chart = new Chart(host, options || {});
  host.__reportChart = chart;
  return loadWasm().then(function () {
    if (chart._destroyed) return chart;
    try {
      wasm_bindgen.check(resolveOptions(chart.options));
      chart.draw();
      chart._live = true;
    } catch (error) {
      chart.fail(error);
      throw error;
    }
    return chart;
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
        mountNow(entry.target);
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
    get: function () { return ['indicator', 'section', 'chart', 'lang', 'theme', 'title', 'height', 'summary', 'actual-2024']; }
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

function start() {
  scan(document);
  if (typeof MutationObserver === 'function') {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) { if (node.nodeType === 1) scan(node); });
        Array.prototype.forEach.call(record.removedNodes, function (node) {
          if (node.nodeType === 1 && node.__reportChart && !node.isConnected) node.__reportChart.destroy();
        });
        // A CMS (or a script) editing data-* attributes of a live chart redraws it.
        var host = record.type === 'attributes' ? record.target : null;
        if (host && host.__reportChart && host.hasAttribute('data-report-chart')) {
          var chart = host.__reportChart;
          chart.replace(optionsFromAttributes(host, 'data-')).catch(function (error) { chart.report(error); });
        }
      });
    }).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ['data-report-chart', 'data-chart', 'data-lang', 'data-theme', 'data-title', 'data-summary', 'data-height', 'data-actual-2024']
    });
  }
}

var api = {
  __loader: true,
  version: '0.1.0',
  render: render,
  indicators: function () { return wasm_bindgen.indicators(); },
  sections: function () { return wasm_bindgen.sections(); },
  loadData: function (json) {
    return loadWasm().then(function () {
      var text = typeof json === 'string' ? json : JSON.stringify(json);
      var counts = wasm_bindgen.loadData(text);
      CHARTS.forEach(function (chart) { chart.schedule(); });
      return { sections: counts[0], indicators: counts[1] };
    });
  }
};
api.ready = loadWasm();
api.ready.catch(function (error) { if (window.console) console.error('report-charts: ' + errorText(error)); });
window.ReportCharts = api;

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
