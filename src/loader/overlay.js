// The hover highlight and the focus ring: two small canvases above the chart, moved by transform,
// so that neither hovering nor arrowing through rows redraws the chart. A board-sized overlay would
// cost a full-bitmap copy per change; a row-sized one costs almost nothing.

import { create } from './dom.js';

/** Inset like the board's row stripes (10 px from each edge; chart content starts at 16 px). */
var INSET = 10;

/**
 * The CSS px step that is a whole number of device pixels at `dpr`: layers snapped to it are as
 * crisp as the chart.
 */
export function snapStep(dpr) {
  var step = 1;
  var ratio = dpr || 1;
  while (step < 20 && Math.abs(step * ratio - Math.round(step * ratio)) > 0.01) step++;
  return step;
}

/**
 * Where a layer's canvas goes for rectangle `r` ([x, y, w, h], CSS px, plus 3 px for the stroke),
 * snapped to `step`; `dx`, `dy` place the rectangle inside it. Pure: unit-tested in Node.
 */
export function layerBox(r, step) {
  var x = Math.floor((r[0] - 3) / step) * step;
  var y = Math.floor((r[1] - 3) / step) * step;
  return {
    x: x,
    y: y,
    w: Math.ceil((r[0] + r[2] + 3 - x) / step) * step,
    h: Math.ceil((r[1] + r[3] + 3 - y) / step) * step,
    dx: r[0] - x,
    dy: r[1] - y
  };
}

export class Overlay {
  constructor(chart, parent) {
    this.chart = chart;
    // Hover highlight below, focus ring above: each layer only repaints when its own row changes.
    this.layers = [create('canvas', parent, 'overlay hover'), create('canvas', parent, 'overlay focus')].map(function (canvas) {
      canvas.setAttribute('aria-hidden', 'true');
      return { canvas: canvas, key: null, at: null, shown: false };
    });
    this.step = 1;
    this.scale = 1;
  }

  /**
   * After a draw: new density, text scale or colours, so every layer repaints. Rows are in layout
   * px, shown `scale` times larger, as the chart is: a layout px is `dpr × scale` device pixels.
   */
  reset(dpr, scale) {
    this.scale = scale || 1;
    this.step = snapStep(dpr * this.scale);
    this.layers.forEach(function (layer) { layer.key = null; });
  }

  paint() {
    var chart = this.chart;
    if (!chart._info) return;
    var hits = chart._info.hits;
    var color = chart.focusColor;
    var h = chart.hoverIndex >= 0 ? hits[chart.hoverIndex] : null;
    this.paintLayer(this.layers[0], h && [h.x + INSET, h.y, h.w - 2 * INSET, h.h], function (ctx, r) {
      ctx.globalAlpha = 0.08;
      ctx.fillStyle = color;
      ctx.fillRect(r[0], r[1], r[2], r[3]);
    });
    var focused = chart.root.activeElement === chart.stage || chart.pinned;
    var f = focused && chart.focusIndex >= 0 ? hits[chart.focusIndex] : null;
    this.paintLayer(this.layers[1], f && [f.x + INSET - 1, f.y + 1.5, f.w - 2 * INSET + 2, f.h - 3], function (ctx, r) {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5;
      ctx.strokeRect(r[0], r[1], r[2], r[3]);
    });
  }

  /**
   * Shows one layer over rectangle r, or hides it (r null). Rows of one size share the same pixels,
   * so moving between them is only a transform: every repaint of a canvas costs a new resource at
   * the next commit, however small the canvas.
   */
  paintLayer(layer, r, paint) {
    var canvas = layer.canvas;
    if (!r) {
      if (layer.shown !== false) canvas.style.visibility = '';
      layer.shown = false;
      return;
    }
    var scale = this.scale;
    var dpr = (this.chart.dpr || 1) * scale; // device pixels per layout px
    var box = layerBox(r, this.step);
    var key = [box.w, box.h, box.dx.toFixed(2), box.dy.toFixed(2), r[2].toFixed(2), r[3].toFixed(2)].join();
    if (key !== layer.key) {
      layer.key = key;
      var bw = Math.round(box.w * dpr);
      var bh = Math.round(box.h * dpr);
      if (canvas.width !== bw || canvas.height !== bh) {
        canvas.width = bw; // also clears
        canvas.height = bh;
        canvas.style.width = box.w * scale + 'px';
        canvas.style.height = box.h * scale + 'px';
      }
      var ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, bw, bh);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      paint(ctx, [box.dx, box.dy, r[2], r[3]]);
    }
    var at = 'translate(' + box.x * scale + 'px,' + box.y * scale + 'px)';
    if (layer.at !== at) { layer.at = at; canvas.style.transform = at; }
    if (!layer.shown) { layer.shown = true; canvas.style.visibility = 'visible'; }
  }
}
