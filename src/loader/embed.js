// Declarative embeds: `data-report-chart` hosts and the <report-chart> element. Each host gets its
// chart handle at once (so `chartFor` answers), and builds and draws when it comes near the
// viewport. One MutationObserver on the document mounts hosts that a CMS adds and destroys those
// it removes; one per host redraws when the host's own chart attributes change, for any year.
// Also the page-wide preferences every chart follows: print, colour scheme, contrast, forced
// colours, zoom, and (watch.js, pointer.js) a toolbar's changes to the page and its overlays.

import { Chart } from './chart.js';
import { watchPage } from './watch.js';
import { watchWindowPointer } from './pointer.js';
import { EMBEDS, isChartAttribute, optionsFromAttributes } from './attributes.js';
import { chartFor, liveCharts } from './registry.js';
import { TAKEN, guarded } from './messages.js';

var mounted = new WeakSet(); // hosts this module manages
var watchers = new WeakMap(); // host → its attribute observer
var visibility = null; // made by startEmbeds: nothing runs at import, for a second script tag
var recheckSoon = function () {}; // watchPage's: every chart checks its settings in the next frame

function watchVisibility() {
  if (typeof IntersectionObserver !== 'function') return null;
  return new IntersectionObserver(guarded(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      visibility.unobserve(entry.target);
      startChart(entry.target);
    });
  }), { rootMargin: '200px' });
}

function embedOf(host) {
  return host.tagName && host.tagName.toLowerCase() === 'report-chart' ? EMBEDS.element : EMBEDS.data;
}

/** Builds and draws a host's chart; never throws: one bad host must not stop the others. */
function startChart(host) {
  var chart = chartFor(host);
  if (!chart || chart.root || chart.destroyed) return;
  try {
    chart.start().catch(function () { /* reported on the element */ });
  } catch (error) {
    // attachShadow refuses some hosts (<td>, <li>…): the error stays on the host, no handle.
    chart.fail(error);
    chart.destroy();
  }
}

/**
 * Gives a host its chart handle (unless the page's script already made one with `render`), then
 * draws it when it is near the viewport.
 */
function mount(host) {
  if (mounted.has(host)) return;
  mounted.add(host);
  var embed = embedOf(host);
  if (!chartFor(host)) new Chart(host, optionsFromAttributes(host, embed));
  if (typeof MutationObserver === 'function' && !watchers.has(host)) {
    var watcher = new MutationObserver(guarded(function (records) {
      var chart = chartFor(host);
      var changed = records.some(function (record) { return isChartAttribute(record.attributeName, embed); });
      // A host that lost data-report-chart is no longer an embed: it keeps what it shows.
      if (!chart || !changed || (embed === EMBEDS.data && !host.hasAttribute('data-report-chart'))) return;
      var options = optionsFromAttributes(host, embed);
      // Not drawn yet: the attributes are read as they are when it starts, and validated then.
      if (!chart.root) { chart.options = options; return; }
      chart.replace(options).catch(function (error) { chart.report(error); });
    }));
    watcher.observe(host, { attributes: true });
    watchers.set(host, watcher);
  }
  if (visibility) visibility.observe(host); else startChart(host);
}

/** A host left the page: destroy its chart; it mounts again if it is put back. */
function unmount(host) {
  mounted.delete(host);
  if (visibility) visibility.unobserve(host);
  var watcher = watchers.get(host);
  if (watcher) { watcher.disconnect(); watchers.delete(host); }
  var chart = chartFor(host);
  if (chart && chart.element === host) chart.destroy();
}

function scan(root) {
  if (!root.querySelectorAll) return;
  reportTakenElement(root);
  if (root.matches && root.matches('[data-report-chart]')) mount(root);
  Array.prototype.forEach.call(root.querySelectorAll('[data-report-chart]'), mount);
}

function unmountTree(root) {
  var hosts = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-report-chart], report-chart')));
  hosts.forEach(function (host) { if (!host.isConnected && mounted.has(host)) unmount(host); });
  // Charts made through the API, in a container a single-page app removed: their observers,
  // canvases and listeners go with them. (A node moved within the page is connected again by the
  // time this runs, and keeps its chart.)
  Array.from(liveCharts()).forEach(function (chart) {
    if (!chart.element.isConnected && !mounted.has(chart.element)) chart.destroy();
  });
}

/** The page defined its own <report-chart>: told once on the console and on each such element. */
var elementTaken = false;

function reportTakenElement(root) {
  if (!elementTaken || !root.querySelectorAll) return;
  Array.prototype.forEach.call(root.querySelectorAll('report-chart'), function (el) {
    if (el.hasAttribute('data-error')) return;
    el.setAttribute('data-error', TAKEN.en);
    el.setAttribute('data-error-zh', TAKEN.zh);
  });
}

/** Defines <report-chart>, unless the page already has one of that name (then it says so). */
function defineElement() {
  if (!window.customElements) return;
  if (window.customElements.get('report-chart')) {
    elementTaken = true;
    if (window.console) console.error(TAKEN.en);
    return;
  }
  class ReportChartElement extends HTMLElement {
    connectedCallback() { mount(this); }
    disconnectedCallback() { unmount(this); }
  }
  // The yes/no options as properties too: React 19 and Preact set a custom element's property
  // where it has one, and would drop a `false` attribute (so caption={false} would show it).
  ['toolbar', 'caption', 'landmark'].forEach(function (name) {
    Object.defineProperty(ReportChartElement.prototype, name, {
      get: function () {
        var value = this.getAttribute(name);
        return value === null ? name === 'caption' : value !== 'false';
      },
      set: function (on) { this.setAttribute(name, on === false || on === 'false' ? 'false' : 'true'); },
    });
  });
  window.customElements.define('report-chart', ReportChartElement);
}

function drawnCharts() {
  return Array.from(liveCharts()).filter(function (chart) { return chart._info && chart._live; });
}

/** Page-wide preferences: print resolution, colour scheme, contrast, forced colours. One listener each. */
function watchPreferences() {
  var each = function (work) { liveCharts().forEach(function (chart) { if (chart.root) work(chart); }); };
  var auto = function (chart) { if (!chart.options.theme || chart.options.theme === 'auto') chart.schedule(); };
  var printing = function (on) {
    each(function (chart) {
      chart._printing = on;
      if (chart._live) chart.redraw(); // synchronously: the print snapshot is taken right after
    });
  };
  window.addEventListener('scroll', guarded(function () { each(function (chart) { chart.tooltip.followScroll(); }); }),
    { capture: true, passive: true });
  // Browser zoom fires resize (and changes devicePixelRatio): check every chart's density.
  window.addEventListener('resize', guarded(function () { each(function (chart) { chart.recheck(); }); }));
  recheckSoon = watchPage(drawnCharts);
  watchWindowPointer(drawnCharts);
  window.addEventListener('beforeprint', guarded(function () { printing(true); }));
  window.addEventListener('afterprint', guarded(function () { printing(false); }));
  if (!window.matchMedia) return;
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', guarded(function () { each(auto); }));
  window.matchMedia('(prefers-contrast: more)').addEventListener('change', guarded(function () { each(auto); }));
  window.matchMedia('(forced-colors: active)').addEventListener('change', guarded(function () { each(function (chart) { chart.schedule(); }); }));
}

/** A toolbar's stylesheet came or went: the charts check their settings. */
function restyled(node) {
  if (node.tagName === 'STYLE') recheckSoon();
  if (node.tagName === 'LINK' && /stylesheet/i.test(node.rel)) {
    recheckSoon();
    node.addEventListener('load', recheckSoon, { once: true }); // and again once it applies
  }
}

function watchDocument() {
  scan(document);
  if (typeof MutationObserver !== 'function') return;
  new MutationObserver(guarded(function (records) {
    records.forEach(function (record) {
      if (record.type === 'attributes') {
        // A host that gains data-report-chart mounts; its own observer follows its other attributes.
        if (record.target.hasAttribute('data-report-chart')) mount(record.target);
        return;
      }
      Array.prototype.forEach.call(record.addedNodes, function (node) { if (node.nodeType === 1) { scan(node); restyled(node); } });
      Array.prototype.forEach.call(record.removedNodes, function (node) {
        if (node.nodeType === 1) restyled(node);
        if (node.nodeType === 1 && !node.isConnected) unmountTree(node);
      });
    });
  })).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-report-chart'] });
}

/** Starts the declarative embeds: the element, the document's hosts, the page's preferences. */
export function startEmbeds() {
  visibility = watchVisibility();
  defineElement();
  watchPreferences();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchDocument); else watchDocument();
}
