// Mouse and touch on a chart's canvas: hovering a row highlights it and opens its tooltip; a tap
// pins it (a second tap on the same row closes it). Hit tests use the last draw's hit regions.

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

/** Wires the canvas's and tooltip's pointer events through the chart's `on` (removed on destroy). */
export function attachPointer(chart) {
  var canvas = chart.canvas;
  var tip = chart.tooltip.node;
  chart.on(canvas, 'pointermove', function (e) { if (e.pointerType === 'mouse') hover(chart, hitAt(chart, e)); });
  chart.on(canvas, 'pointerleave', function (e) {
    // Moving onto the tooltip keeps it open (WCAG 1.4.13: hoverable).
    if (e.pointerType === 'mouse' && e.relatedTarget !== tip) hover(chart, -1);
  });
  chart.on(tip, 'pointerleave', function (e) { if (e.relatedTarget !== canvas) hover(chart, -1); });
  chart.on(canvas, 'pointerup', function (e) { tap(chart, hitAt(chart, e), e.pointerType); });
}
