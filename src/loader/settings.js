// The reader's settings as the page shows them to one chart: the browser's default font size, the
// host's text size (a toolbar's 放大文字 button), the colours and filters a toolbar puts on the
// page, prefers-contrast. Read from computed styles; chart.js compares them to the last draw's.

import { create, matches } from './dom.js';

/** The text scale's steps: sixteenths, so that it times a whole DPR is a whole number of 1/16 px. */
var STEP = 16;

/**
 * Two hidden probes in the shadow root, outside `.rc`: one 1em of the host's font (it inherits),
 * one 1em of `medium`, the browser's default font size, which no page style changes. A
 * ResizeObserver on them tells of a change of either, however it was made.
 */
export function makeProbes(root) {
  var em = create('span', root, 'probe');
  var medium = create('span', root, 'probe medium');
  em.setAttribute('aria-hidden', 'true');
  medium.setAttribute('aria-hidden', 'true');
  return { em: em, medium: medium };
}

/**
 * The host's computed font size, text colour and first opaque background up its ancestors, and
 * the filters of every ancestor (outermost last), in one walk. A top-layer tooltip escapes the
 * filters, so it applies them itself (`filter: invert(1)` or 灰色模式's `grayscale(1)` on <html>).
 */
export function readHost(host) {
  var style = getComputedStyle(host);
  var background = null;
  var filters = [];
  for (var node = host; node && node.nodeType === 1; node = node.parentElement || (node.getRootNode && node.getRootNode().host)) {
    var s = node === host ? style : getComputedStyle(node);
    if (!background) {
      var color = s.backgroundColor;
      if (color && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color)) background = color;
    }
    if (s.filter && s.filter !== 'none') filters.push(s.filter);
  }
  return {
    style: style,
    font: parseFloat(style.fontSize) || 0,
    color: style.color,
    background: background || 'rgb(255, 255, 255)', // nothing opaque: the page's canvas, white
    filter: filters.join(' ') || 'none',
  };
}

/**
 * The text scale: the browser's default font size against 16 px, times the host's font size now
 * against `base` (its size at the first draw). In sixteenths, between 0.5 and 5.
 */
export function textScale(probes, font, base) {
  var medium = probes ? parseFloat(getComputedStyle(probes.medium).fontSize) || 16 : 16;
  var scale = (medium / 16) * (base > 0 && font > 0 ? font / base : 1);
  return Math.max(0.5, Math.min(5, Math.round(scale * STEP) / STEP));
}

/** The page-wide preferences `theme: "auto"` follows before the host's colours. */
export function preferences() {
  return { dark: matches('(prefers-color-scheme: dark)'), contrast: matches('(prefers-contrast: more)') };
}

/** The system colours of forced-colors mode, as computed styles resolve them. */
export function systemColors(parent) {
  var probe = create('span', parent, 'sr');
  probe.style.color = 'CanvasText';
  probe.style.backgroundColor = 'Canvas';
  probe.style.borderTopColor = 'Highlight';
  var style = getComputedStyle(probe);
  var colors = { background: style.backgroundColor, text: style.color, highlight: style.borderTopColor };
  probe.remove();
  return colors;
}
