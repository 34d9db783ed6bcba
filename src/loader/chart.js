// One chart on one host element: its shadow DOM, its lifecycle (start, draw, update, destroy) and
// the public handle (`ReportCharts.render` and `ReportCharts.chartFor` return it). The parts around
// the canvas live in their own modules: overlay, tooltip, keyboard, pointer, toolbar, caption, styles.

import * as load from './load.js';
import { clear, create, matches, setText } from './dom.js';
import { loadFailures, errorText, errorTextZh, guarded, inLanguage } from './messages.js';
import { mergeOptions, resolveOptions } from './options.js';
import { takeOptions } from './snapshot.js';
import { register, unregister } from './registry.js';
import { styleFor, FOCUS } from './styles.js';
import { drawInSteps } from './steps.js';
import { Overlay } from './overlay.js';
import { Tooltip } from './tooltip.js';
import { fillOptions, focusAt, markActive, onKey, openDetails } from './keyboard.js';
import { fillCaption, removeCaption } from './caption.js';
import { attachPointer } from './pointer.js';
import { fillFilters, fillTable, fillToolbar } from './toolbar.js';
import { makeProbes, preferences, readHost, systemColors, textScale } from './settings.js';
import { hostScheme } from './colors.js';
import { wantsLandmark } from './options.js';
import { toPNG } from './png.js';

/** The chart's own text size (.rc) at text scale 1; every other size in the shadow DOM is in em. */
var FONT_PX = 14;

function isTrap(error) {
  return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
}

export class Chart {
  /** A handle on `host`, registered at once; it builds its DOM and draws on `start()`. */
  constructor(host, options) {
    this.element = host;
    this.options = options;
    this._info = null; // what the last draw returned (the public `info` adds boxes to it)
    this._described = null;
    this.focusIndex = -1;
    this.hoverIndex = -1;
    this.pinned = false;
    this.root = null; // the shadow root, once built
    this._frame = 0;
    this._listeners = [];
    this._observers = [];
    this._destroyed = false;
    this._live = false; // true once drawn: only then do resizes redraw
    this._painting = false; // a first draw's painting goes on in later steps (steps.js)
    this._printing = false;
    this._error = null;
    register(this);
  }

  /** The last draw's sizes, sentences, hit regions and rows, with boxes relative to the host; null before. */
  get info() {
    if (!this._info) return null;
    if (!this._described) this._described = this._describe(this._info);
    return this._described;
  }

  get destroyed() {
    return this._destroyed;
  }

  /** Builds the shadow DOM, waits for the wasm, then draws in steps (steps.js); resolves once painted in full. */
  start() {
    var self = this;
    this._build();
    return Promise.all([load.loadWasm(), this._styled]).then(function () {
      return drawInSteps(self);
    }, function (error) {
      self.fail(error);
      throw inLanguage(error, self.lang());
    });
  }

  /** The chart's language, for its rejections' messages: Chinese unless the options say `en`. */
  lang() {
    return this.options && this.options.lang === 'en' ? 'en' : 'zh';
  }

  _build() {
    var self = this;
    var host = this.element;
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    clear(root);
    this._styled = styleFor(root, load.styleUrl());
    this.root = root;
    // A skip link, then the figure (named by the title: the stage's canvas is hidden from
    // assistive technology, since the caption says what it shows), then the place the link lands.
    // `box` is a named region only where the editor asks for one (`landmark`): several charts on
    // a page would repeat landmarks. Outside `.rc` (which resets every style), the caption and the
    // skip link inherit the page's text styles through the host.
    this.box = create('div', root, 'box');
    this.skip = create('a', this.box, 'skip');
    this.skip.href = '#';
    this.figure = create('figure', this.box, 'figure');
    this.wrap = create('div', this.figure, 'rc');
    this.toolbar = create('div', this.wrap, 'toolbar');
    this.toolbar.setAttribute('role', 'group');
    this.toolbar.hidden = true;
    this.filters = create('div', this.wrap, 'filters');
    this.filters.setAttribute('role', 'group');
    this.filters.hidden = true;
    // The stage: the chart's one Tab stop, a listbox over the rows (keyboard.js says why).
    this.stage = create('div', this.wrap, 'stage');
    this.canvas = create('canvas', this.stage, 'chart');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.overlay = new Overlay(this, this.stage);
    this.optionNodes = [];
    this.keys = create('p', this.wrap, 'sr');
    this.keys.id = 'keys';
    this.tooltip = new Tooltip(this, this.wrap);
    this.live = create('p', this.wrap, 'sr');
    this.live.setAttribute('aria-live', 'polite');
    this.tableBox = create('div', this.wrap, 'sr');
    this.table = create('table', this.tableBox);
    this.probes = makeProbes(root);
    var caption = create('figcaption', this.figure, 'caption');
    var slot = create('slot', caption);
    slot.name = 'caption';
    this.captionFallback = create('span', slot, 'sr'); // shown when the editor turned the caption off
    this.captionNode = null;
    this.end = create('span', this.box, 'end');
    this.end.tabIndex = -1;
    // Chromium's Tab from a focused tabindex=-1 element at the end of a shadow root goes back to
    // the root's first stop: the landing place is a Tab stop while it has focus, so the next Tab
    // leaves the chart.
    this.on(this.skip, 'click', function (e) { e.preventDefault(); self.end.tabIndex = 0; self.end.focus(); });
    this.on(this.end, 'blur', function () { self.end.tabIndex = -1; });
    this.fallback = null;
    if (typeof ResizeObserver === 'function') {
      var resize = new ResizeObserver(guarded(function (entries) {
        // A probe resized: the host's or the browser's font size changed (a toolbar's text button).
        if (entries.some(function (entry) { return entry.target !== host; })) self.recheck();
        // Height follows from width (the chart sets it), so only a width change needs a redraw.
        var width = host.clientWidth;
        if (width !== self._observedWidth) { self._observedWidth = width; self.schedule(); }
      }));
      resize.observe(host);
      resize.observe(this.probes.em);
      resize.observe(this.probes.medium);
      this._observers.push(resize);
    }
    this._watchPixelRatio();
    this.on(this.stage, 'keydown', function (e) { onKey(self, e); });
    this.on(this.stage, 'focus', function () {
      self.recheck();
      // Tab in names the chart, its count and its keys, and no row: the first arrow reaches row 1.
      markActive(self);
      self.overlay.paint();
    });
    // A screen reader's browse mode activates an option by a click on it: the same as Enter.
    this.on(this.stage, 'click', function (e) {
      var index = self.optionNodes.indexOf(e.target);
      if (index >= 0) openDetails(self, index);
    });
    this.on(this.canvas, 'pointerenter', function () { self.recheck(); });
    this.on(this.stage, 'blur', function () { if (!self.pinned) self.tooltip.hide(); self.overlay.paint(); });
    attachPointer(this);
    this._showFallback(true); // until the first draw, readers see the host's own content
  }

  /** Adds a listener that `destroy` removes. */
  on(target, type, listener) {
    var safe = guarded(listener);
    target.addEventListener(type, safe);
    this._listeners.push([target, type, safe]);
  }

  _watchPixelRatio() {
    var self = this;
    if (!window.matchMedia) return;
    var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    var onChange = function () {
      query.removeEventListener('change', onChange);
      if (!self._destroyed) { self.schedule(); self._watchPixelRatio(); }
    };
    query.addEventListener('change', onChange);
    this._pixelRatioQuery = { query: query, listener: onChange };
  }

  /** Coalesces redraw requests (resize, DPR change, new data) into one per frame. */
  schedule() {
    var self = this;
    if (this._frame || this._destroyed || !this._live) return;
    this._frame = requestAnimationFrame(function () {
      self._frame = 0;
      self.redraw();
    });
  }

  /** Redraws now; a failure shows the fallback instead of throwing. */
  redraw() {
    try {
      this.draw();
    } catch (error) {
      this._live = false;
      if (isTrap(error)) this._trapped = true;
      this.fail(error);
    }
  }

  /** Validates and draws again (after new data or a fresh instance); invalid options stay reported. */
  revive() {
    if (this._destroyed || !this.root) return;
    var options = this.options;
    try {
      load.call(function (wasm) { wasm.check(resolveOptions(options, preferences())); });
    } catch (invalid) {
      this.fail(invalid);
      return;
    }
    this._live = true;
    this.redraw();
  }

  /**
   * Width in CSS px, the device pixels per CSS px including CSS transforms (zoom toolbars), the
   * text scale (the reader's font size) and what the host shows (`readHost`: font, colours, filters).
   */
  _metrics() {
    var host = this.element;
    var read = readHost(host);
    var style = read.style;
    var padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
    var border = (parseFloat(style.borderLeftWidth) || 0) + (parseFloat(style.borderRightWidth) || 0);
    var width = Math.max(0, host.clientWidth - padding);
    var rect = host.getBoundingClientRect();
    var outer = host.clientWidth + border;
    var zoom = outer > 0 && rect.width > 0 ? rect.width / outer : 1;
    var dpr = (window.devicePixelRatio || 1) * zoom;
    if (this._printing) dpr = Math.max(dpr, 3);
    var scale = textScale(this.probes, read.font, this._baseFont || read.font);
    // Browsers refuse canvases beyond ~16 megapixels (Safari): cap the density, never the size.
    var height = this._info ? this._info.height * (this.textScale || 1) : width;
    var cap = Math.sqrt(16e6 / Math.max(1, width * height));
    return { width: width, dpr: Math.max(0.5, Math.min(dpr, cap)), scale: scale, host: read };
  }

  /** The host colours `theme: "auto"` follows (a key to compare), or '' when the theme is set. */
  _colorKey(read) {
    var theme = this.options.theme;
    return !theme || theme === 'auto' ? read.color + '|' + read.background : '';
  }

  /**
   * Something around the chart may have changed (a zoom transform, the text size, the page's
   * colours or filters): redraws when the density, the text scale or the host's colours differ from
   * the last draw's. Cheap when nothing did: computed styles and one box, no drawing.
   */
  recheck() {
    if (!this._live || !this._info || this._destroyed) return;
    var m = this._metrics();
    this.tooltip.filter(m.host.filter);
    if (Math.abs(m.dpr - this.dpr) > 0.01 || m.scale !== this.textScale || this._colorKey(m.host) !== this._colors) this.schedule();
  }

  /** Draws now; returns the info, or null when the host has no width yet. Throws what the wasm refuses.
   *  With a `budget` (ms) it may stop early (`{pending: true}`) or before the painting is done (steps.js). */
  draw(budget) {
    if (this._destroyed || !this.root) return null;
    var metrics = this._metrics();
    if (metrics.width <= 0) return null; // hidden or 0 px: the ResizeObserver redraws later
    // The observer's first report is this width: without this, it would redraw the chart just drawn.
    this._observedWidth = this.element.clientWidth;
    var reader = preferences();
    var colors = this._colorKey(metrics.host);
    if (colors) reader.host = hostScheme(metrics.host.color, metrics.host.background);
    var options = resolveOptions(this.options, reader);
    var forced = matches('(forced-colors: active)');
    if (forced) options.forcedColors = systemColors(this.wrap);
    var canvas = this.canvas;
    var info = load.call(function (wasm) { return wasm.render(canvas, options, metrics.width, metrics.dpr, metrics.scale, budget); });
    if (info.pending) return info;
    var shown = { info: info, metrics: metrics, options: options, forced: forced, colors: colors };
    if (budget && !info.painted) this._unshown = shown; else this._show(shown);
    return info;
  }

  /** Fills the DOM around the canvas from a draw's info (steps.js calls it once the painting is done). */
  _show(shown) {
    var info = shown.info, metrics = shown.metrics, options = shown.options, forced = shown.forced;
    this._unshown = null;
    this._info = info;
    this._described = null;
    this.dpr = metrics.dpr;
    this.textScale = metrics.scale;
    if (!this._baseFont) this._baseFont = metrics.host.font; // later text sizes scale against this one
    this._colors = shown.colors;
    this._drawn = options; // what toPNG draws again at another density
    this.theme = forced ? 'forced' : options.forcedColors ? 'host' : options.theme;
    this._paintDom(options.forcedColors);
    this.tooltip.filter(metrics.host.filter);
    var words = info.words;
    var lang = info.lang === 'en' ? 'en' : 'zh-CN';
    this.canvas.setAttribute('aria-label', words.image); // not read (aria-hidden): for tools and tests
    this.box.lang = lang;
    this.figure.setAttribute('aria-label', info.title);
    if (wantsLandmark(this.options)) {
      this.box.setAttribute('role', 'region');
      this.box.setAttribute('aria-label', info.title);
    } else {
      this.box.removeAttribute('role');
      this.box.removeAttribute('aria-label');
    }
    setText(this.skip, words.skip);
    setText(this.end, words.end);
    fillCaption(this, info, lang);
    fillTable(this.table, info);
    // Rebuilding the buttons on every resize would drop keyboard focus: only rebuild on change.
    var controls = JSON.stringify([info.lang, info.tally, info.sections, this.options.toolbar, this.options.statuses,
      this.options.sections, this.options.chart, info.page, info.pages]);
    if (controls !== this._controls) {
      this._controls = controls;
      fillToolbar(this, words);
      fillFilters(this, info, words);
    }
    this.focusColor = options.forcedColors ? options.forcedColors.highlight : (FOCUS[this.theme] || FOCUS.light);
    this.tooltip.showing = null;
    this.overlay.reset(this.dpr, this.textScale);
    if (this.focusIndex >= info.hits.length) this.focusIndex = info.hits.length - 1;
    fillOptions(this, info);
    markActive(this);
    this.hoverIndex = -1;
    this.overlay.paint();
    if (this.pinned && this.focusIndex >= 0) this.tooltip.show(this.focusIndex); else this.tooltip.hide();
    this.element.removeAttribute('data-error');
    this.element.removeAttribute('data-error-zh');
    this._error = null;
    this._showFallback(false);
  }

  /**
   * The shadow DOM's text and colours follow the chart's: its font size from the text scale (every
   * other size is in em), and the host's own colours under the `host` theme, through custom
   * properties (CSSOM writes, allowed by a strict CSP).
   */
  _paintDom(colors) {
    var wrap = this.wrap;
    wrap.className = 'rc theme-' + this.theme;
    var size = FONT_PX * this.textScale + 'px';
    if (wrap.style.fontSize !== size) wrap.style.fontSize = size;
    var own = this.theme === 'host' ? colors : { background: '', text: '', highlight: '' };
    wrap.style.setProperty('--rc-bg', own.background);
    wrap.style.setProperty('--rc-fg', own.text);
    wrap.style.setProperty('--rc-hl', own.highlight);
  }

  /**
   * The public info, in CSS px: the canvas's sizes, the hit regions, and each row's box from the
   * host's top-left corner. The wasm's are layout px, shown `textScale` times larger.
   */
  _describe(info) {
    var canvas = this.canvas;
    var at = canvas.getBoundingClientRect();
    var host = this.element.getBoundingClientRect();
    var s = this.textScale || 1;
    var zoom = at.width > 0 ? at.width / (info.width * s) : 0; // a CSS transform scales both boxes alike
    var hits = info.hits.map(function (hit) { return { x: hit.x * s, y: hit.y * s, w: hit.w * s, h: hit.h * s, id: hit.id, label: hit.label }; });
    var boxes = {};
    if (zoom > 0) {
      var left = (at.left - host.left) / zoom;
      var top = (at.top - host.top) / zoom;
      hits.forEach(function (hit) {
        if (!boxes[hit.id]) boxes[hit.id] = { x: left + hit.x, y: top + hit.y, w: hit.w, h: hit.h };
      });
    }
    var described = {};
    for (var key in info) described[key] = info[key];
    described.width = info.width * s;
    described.height = info.height * s;
    described.hits = hits;
    described.canvas = {
      cssWidth: info.width * s, cssHeight: info.height * s, backingWidth: canvas.width, backingHeight: canvas.height,
      dpr: this.dpr, textScale: s,
    };
    described.rows = info.rows.map(function (row) {
      var copy = {};
      for (var field in row) copy[field] = row[field];
      copy.box = boxes[row.id] || null;
      return copy;
    });
    return described;
  }

  /** Moves the focus ring to row `index` of the last draw and opens its tooltip. */
  focusAt(index) {
    focusAt(this, index, true);
  }

  /** The row of an indicator id in the last draw, or null. */
  row(id) {
    var rows = this._info ? this._info.rows : [];
    for (var i = 0; i < rows.length; i++) if (rows[i].id === id) return rows[i];
    return null;
  }

  /** Tells the page which row a reader chose (Enter, a click, a tap). */
  select(index) {
    markActive(this); // a tap moves the row too: the listbox's active option follows it
    var hit = this._info.hits[index];
    var detail = { id: hit.id, row: this.row(hit.id) };
    this.element.dispatchEvent(new CustomEvent('reportchart:select', { bubbles: true, composed: true, detail: detail }));
  }

  _showFallback(show) {
    this.box.hidden = show;
    if (show) { this.toolbar.hidden = true; this.filters.hidden = true; this.tooltip.hide(); }
    if (show && !this.fallback) this.fallback = create('slot', this.root, 'fallback'); // outside the hidden box
    if (!show && this.fallback) { this.fallback.remove(); this.fallback = null; }
  }

  /** Tells the editor (console and data-error) without touching what readers see. */
  report(error) {
    var message = 'report-charts: ' + errorText(error);
    this.element.setAttribute('data-error', message);
    this.element.setAttribute('data-error-zh', 'report-charts：' + errorTextZh(error));
    if (window.console) console.error(message);
  }

  /** The chart cannot be drawn: report it, and readers get the fallback content. */
  fail(error) {
    this._error = error; // counted by diagnostics() until a draw succeeds
    this.report(error);
    if (this.root) this._showFallback(true);
  }

  /** Merges options and redraws; rejects and leaves the chart unchanged when they are refused. */
  update(partial) {
    var self = this;
    return this._snapshot(partial).then(function (copy) {
      return self.replace(mergeOptions(self.options, copy), true);
    }).then(null, function (error) { throw inLanguage(error, partial && partial.lang === 'en' ? 'en' : self.lang()); });
  }

  /**
   * Swaps all options at once; invalid options reject and leave the chart exactly as it was.
   * `copied`: `next` is a snapshot already (update's merge).
   */
  replace(next, copied) {
    var self = this;
    var taken = copied ? Promise.resolve(next) : this._snapshot(next);
    return taken.then(function (copy) { next = copy; return load.ready(); }).then(function () {
      load.call(function (wasm) { wasm.check(resolveOptions(next, preferences())); });
      var previous = self.options;
      self.options = next;
      if (!self.root) return self; // not started yet (off screen): it draws with these when it starts
      try {
        self.draw();
      } catch (error) {
        self.options = previous; // a refused update leaves the chart as it was
        self.redraw();
        throw error;
      }
      self._live = true;
      return self;
    }).then(null, function (error) { throw inLanguage(error, next && next.lang === 'en' ? 'en' : self.lang()); });
  }

  /** The caller's options as a snapshot (snapshot.js), or a rejection (also for a destroyed chart). */
  _snapshot(options) {
    var destroyed = this._destroyed;
    return new Promise(function (resolve) {
      if (destroyed) throw loadFailures.destroyed();
      resolve(takeOptions(options));
    });
  }

  toCSV() {
    if (this._destroyed) throw loadFailures.destroyed(); // misuse: the one synchronous throw
    var options = resolveOptions(this.options, preferences());
    return load.call(function (wasm) { return wasm.csv(options); });
  }

  /** The chart as a PNG (png.js): as shown, or drawn again at `{pixelRatio}` device px per CSS px. */
  toPNG(options) {
    return toPNG(this, options);
  }

  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    unregister(this);
    if (this._frame) cancelAnimationFrame(this._frame);
    this._observers.forEach(function (o) { o.disconnect(); });
    this._listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
    if (this._pixelRatioQuery) this._pixelRatioQuery.query.removeEventListener('change', this._pixelRatioQuery.listener);
    if (!this.root) return;
    this.tooltip.hide();
    removeCaption(this);
    clear(this.root);
    this.root.appendChild(document.createElement('slot')); // give the host's own content back
  }
}
