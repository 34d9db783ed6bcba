// The chart's visible caption: its summary sentence in a light-DOM `<p slot="caption">` of the
// host, slotted into the figure's caption inside the shadow root. In the light DOM, read-aloud
// toolbars and magnifiers that read the page's text under the pointer find it, and the page's CSS
// styles it like its own text. The one element the loader writes into the host; destroy removes it.
// Editors leave it out with `caption: false` (`data-caption="false"`); the figure then keeps the
// sentence in a visually hidden slot fallback, so screen readers still get it.

import { setText } from './dom.js';
import { wantsCaption } from './options.js';

/** Writes (or removes) the host's caption for the last draw; the slot fallback always holds the sentence. */
export function fillCaption(chart, info, lang) {
  setText(chart.captionFallback, info.summary);
  var node = chart.captionNode;
  if (!wantsCaption(chart.options)) { removeCaption(chart); return; }
  if (!node || node.parentNode !== chart.element) {
    node = document.createElement('p');
    node.setAttribute('slot', 'caption');
    node.className = 'report-chart-caption';
    chart.element.appendChild(node);
    chart.captionNode = node;
  }
  if (node.lang !== lang) node.lang = lang; // the host's page may be in the other language
  setText(node, info.summary);
}

export function removeCaption(chart) {
  if (chart.captionNode) chart.captionNode.remove();
  chart.captionNode = null;
}
