// The chart as a PNG image. The canvas holds the whole drawing, the title and the source line
// included (the caption under it is DOM text: the alt text to give beside the image). Without a
// `pixelRatio` the canvas is taken as shown; with one (2 for print and 微信公众号 articles) the
// last draw is drawn again on a canvas of its own at that density, the chart on the page untouched.

import * as load from './load.js';
import { loadFailures } from './messages.js';

var MOST_PIXELS = 16e6; // what some browsers (Safari) give one canvas at most

/** Resolves with the PNG of `chart`; rejects for a destroyed or undrawn chart or a bad `pixelRatio`. */
export function toPNG(chart, options) {
  var canvas = chart.canvas;
  var ratio = options && options.pixelRatio;
  if (chart._painting && !chart.destroyed) chart._painting = !load.call(function (wasm) { return wasm.paintMore(canvas); });
  return new Promise(function (resolve, reject) {
    if (chart.destroyed) throw loadFailures.destroyed();
    if (ratio !== undefined && !(ratio > 0 && ratio <= 8)) throw loadFailures.pixelRatio(ratio);
    if (!canvas || (ratio && !chart._info)) throw loadFailures.notDrawn();
    if (ratio) {
      var info = chart._info, scale = chart.textScale || 1, drawn = chart._drawn;
      var width = info.width * scale, dpr = Math.min(ratio, Math.sqrt(MOST_PIXELS / Math.max(1, width * info.height * scale)));
      canvas = document.createElement('canvas');
      load.call(function (wasm) { wasm.render(canvas, drawn, width, dpr, scale, NaN); });
    }
    canvas.toBlob(function (blob) { return blob ? resolve(blob) : reject(loadFailures.png()); }, 'image/png');
  });
}
