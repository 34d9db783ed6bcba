// A chart's first draw, in steps of a task each, so that no task of the page runs long: the wasm
// stops each step after about TASK_BUDGET ms where it can go on (reading the bundled dataset,
// measuring text, painting) and the next step, in a later turn (turns.js), goes on from there.
// Later draws (a resize, a new option, print) are synchronous: by then the dataset is read and
// the text widths are remembered.

import * as load from './load.js';
import { inLanguage } from './messages.js';
import { resolveOptions } from './options.js';
import { preferences } from './settings.js';
import { AGAIN, inTurns } from './turns.js';

/** The wasm's share of one task, in ms: the rest of the 50 ms of a long task is the DOM's. */
export var TASK_BUDGET = 25;

/** Draws `chart` in steps; resolves with it once its canvas is painted in full. */
export function drawInSteps(chart) {
  return inTurns(function () { return chart._destroyed; }, function () {
    var canvas = chart.canvas;
    if (chart._destroyed) {
      if (chart._painting) load.call(function (wasm) { wasm.paintCancel(canvas); });
      return chart;
    }
    try {
      if (chart._painting) {
        chart._painting = !load.call(function (wasm) { return wasm.paintMore(canvas, TASK_BUDGET); });
        if (!chart._painting && chart._unshown) chart._show(chart._unshown);
        return chart._painting ? AGAIN : chart;
      }
      var drawn = chart.draw(TASK_BUDGET);
      if (drawn && drawn.pending) return AGAIN;
      // render validates the options as check does; only a chart that did not draw (0 px wide) is checked apart.
      if (!drawn) load.call(function (wasm) { wasm.check(resolveOptions(chart.options, preferences())); });
      chart._live = true;
      chart._painting = !!drawn && !drawn.painted;
    } catch (error) {
      chart.fail(error);
      throw inLanguage(error, chart.lang());
    }
    return chart._painting ? AGAIN : chart;
  });
}
