// Mouse and touch on a chart's canvas: hovering a row highlights it and opens its tooltip; a tap
// pins it (a second tap on the same row closes it). Hit tests use the last draw's hit regions.
// An overlay that takes the pointer (a toolbar's cross-hair guide lines under the pointer) passes
// it on: the window hears those events first and hit-tests them against each chart's canvas box.

import { guarded } from './messages.js';

/** What keeps the pointer over a chart for itself: controls, links and dialogs of the page. */
var KEEPS_POINTER = 'a[href],button,input,select,textarea,label,summary,iframe,video,[tabindex],[contenteditable=""],' +
  '[contenteditable=true],[role=button],[role=link],[role=dialog],[role=alertdialog],[aria-modal=true],dialog';

/** The chart hovered through an overlay (or handed over by its canvas's pointerleave), or null. */
var passing = null;
/** `under`'s answer for an event inside a chart's shadow root: the chart's own listeners have it. */
var OWN = {};

/** The index of the hit region under chart CSS px (x, y), or -1. Pure: unit-tested in Node. */
export function hitIndex(hits, x, y) {
  for (var i = 0; i < hits.length; i++) {
    var h = hits[i];
    if (x >= h.x && x < h.x + h.w && y >= h.y && y < h.y + h.h) return i;
  }
  return -1;
}

/** The row under a pointer event, exact under CSS zoom and transforms. */
export function hitAt(chart, event) {
  var info = chart._info;
  if (!info) return -1;
  var rect = chart.canvas.getBoundingClientRect();
  if (!rect.width || !rect.height) return -1;
  var x = (event.clientX - rect.left) * info.width / rect.width;
  var y = (event.clientY - rect.top) * info.height / rect.height;
  return hitIndex(info.hits, x, y);
}

export function hover(chart, index) {
  if (index === chart.hoverIndex) return;
  chart.hoverIndex = index;
  // The tooltip first: it reads layout, which the overlay's style writes would make dirty.
  if (!chart.pinned) { if (index >= 0) chart.tooltip.show(index); else chart.tooltip.hide(); }
  chart.overlay.paint();
}

export function tap(chart, index, pointerType) {
  if (index < 0) { chart.pinned = false; chart.tooltip.hide(); return; }
  if (pointerType !== 'mouse' && chart.pinned && chart.focusIndex === index) {
    chart.pinned = false;
    chart.tooltip.hide();
    return;
  }
  chart.focusIndex = index;
  chart.pinned = pointerType !== 'mouse';
  chart.tooltip.show(index);
  chart.overlay.paint();
  chart.select(index);
}

function inside(rect, x, y) {
  return rect.width > 0 && x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom;
}

/**
 * The chart whose canvas lies under an event that something else received and lets through; OWN
 * for an event inside a chart; null otherwise. Cheap away from charts: one box per drawn chart.
 */
export function under(charts, event) {
  var path = event.composedPath ? event.composedPath() : [];
  var target = path[0] || event.target;
  if (!target || target.nodeType !== 1) return null;
  var root = target.getRootNode ? target.getRootNode() : null;
  var i;
  if (root && root.host) {
    for (i = 0; i < charts.length; i++) if (root.host === charts[i].element) return OWN;
  }
  var found = null;
  var rect = null;
  for (i = 0; i < charts.length && !found; i++) {
    rect = charts[i].canvas.getBoundingClientRect();
    if (inside(rect, event.clientX, event.clientY)) found = charts[i];
  }
  if (!found) return null;
  // A page's control or dialog over the chart keeps its pointer; so does a cover over all of it (a modal's backdrop).
  for (var j = 0; j < path.length && path[j] !== document.body; j++) {
    if (path[j].matches && path[j].matches(KEEPS_POINTER)) return null;
  }
  var box = target.getBoundingClientRect();
  if (box.left <= rect.left && box.top <= rect.top && box.right >= rect.right && box.bottom >= rect.bottom) return null;
  return found;
}

/**
 * Window-level listeners, capture phase: they hear a pointer event before any overlay's own
 * listener can stop it, and leave events that reached a chart to the chart's listeners.
 */
export function watchWindowPointer(charts) {
  window.addEventListener('pointermove', guarded(function (e) {
    if (e.pointerType !== 'mouse') return;
    var chart = under(charts(), e);
    if (chart === OWN) return;
    if (passing && passing !== chart) {
      if (!passing.destroyed) hover(passing, -1);
      passing = null;
    }
    if (chart) { passing = chart; hover(chart, hitAt(chart, e)); }
  }), { capture: true, passive: true });
  window.addEventListener('pointerup', guarded(function (e) {
    var chart = under(charts(), e);
    if (chart && chart !== OWN) tap(chart, hitAt(chart, e), e.pointerType);
  }), { capture: true, passive: true });
}

/** Wires the canvas's and tooltip's pointer events through the chart's `on` (removed on destroy). */
export function attachPointer(chart) {
  var canvas = chart.canvas;
  var tip = chart.tooltip.node;
  chart.on(canvas, 'pointermove', function (e) { if (e.pointerType === 'mouse') hover(chart, hitAt(chart, e)); });
  chart.on(canvas, 'pointerleave', function (e) {
    if (e.pointerType !== 'mouse' || e.relatedTarget === tip) return; // onto the tooltip: it stays open (WCAG 1.4.13)
    // Still over the canvas: an overlay came under the pointer; the window's listener decides.
    if (inside(canvas.getBoundingClientRect(), e.clientX, e.clientY)) passing = chart; else hover(chart, -1);
  });
  chart.on(tip, 'pointerleave', function (e) { if (e.relatedTarget !== canvas) hover(chart, -1); });
  chart.on(canvas, 'pointerup', function (e) { tap(chart, hitAt(chart, e), e.pointerType); });
}
