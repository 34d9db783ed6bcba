// One watch for every chart on the page: a 无障碍工具条 zooms with a transform on a container,
// enlarges text and recolours the page by writing `style` or `class` on an ancestor of the charts,
// or by adding a stylesheet. Any of these asks each chart, once in the next frame, to compare its
// density, text scale, host colours and filters with its last draw's (`Chart.recheck`).

import { guarded } from './messages.js';

var frame = 0;

/**
 * Starts the page's one attribute observer; `charts()` lists the drawn charts. Returns `soon()`,
 * which asks for the check in the next frame (for the document observer's added stylesheets).
 */
export function watchPage(charts) {
  var run = guarded(function () {
    frame = 0;
    charts().forEach(function (chart) { chart.recheck(); });
  });
  var soon = function () {
    if (!frame) frame = requestAnimationFrame(run);
  };
  if (typeof MutationObserver !== 'function') return soon;
  new MutationObserver(guarded(function (records) {
    if (frame) return; // a check is already coming: it sees this change too
    var list = charts();
    for (var i = 0; i < records.length; i++) {
      var target = records[i].target;
      // Only ancestors of a chart (or its host) can change what it shows; a page's carousel cannot.
      for (var j = 0; j < list.length; j++) {
        if (target.contains(list[j].element)) { soon(); return; }
      }
    }
  })).observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'], subtree: true });
  return soon;
}
