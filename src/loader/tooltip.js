// The tooltip of one chart: a top-layer popover (a fixed box where popovers are missing) beside the
// row it describes. Its nodes are built once; moving between rows only edits their text. Its words
// are the table's column heads and each row's cite line, from the wasm. It is for the eye and the
// pointer: no control points at it (`aria-describedby` would read it on every keyboard step);
// keyboard and screen-reader users get the same details from Enter, through the live region.

import { create, setText } from './dom.js';
import { quoteLang } from './keyboard.js';

var supportsPopover = typeof HTMLElement === 'function' && typeof HTMLElement.prototype.showPopover === 'function';

/** The columns a tooltip lists, by the table's field names. */
var TERMS = ['target', 'actual', 'reference', 'margin'];

export class Tooltip {
  constructor(chart, parent) {
    this.chart = chart;
    this.node = create('div', parent, 'tip');
    this.node.setAttribute('role', 'tooltip');
    this.node.id = 'tip';
    if (supportsPopover) this.node.setAttribute('popover', 'manual');
    this.node.hidden = !supportsPopover;
    this.parts = null;
    this.showing = null; // id + pinned of the content shown, or null when closed
    this.index = -1;
  }

  /**
   * The filters of the host's ancestors (`filter: invert(1)` on <html>, a toolbar's 反色; 灰色模式's
   * grayscale): the top layer escapes them, so the popover applies them itself, or it would stay
   * glaring white on an inverted page. A fixed box without popovers is inside them already.
   */
  filter(value) {
    var wanted = supportsPopover && value && value !== 'none' ? value : '';
    if (this.node.style.filter !== wanted) this.node.style.filter = wanted;
  }

  isOpen() {
    return supportsPopover ? this.node.matches(':popover-open') : !this.node.hidden;
  }

  /** Builds the nodes on first use: a name, four term/value pairs, the sentence and the quote. */
  build() {
    var tip = this.node;
    var parts = { name: create('strong', tip, 'tip-name'), terms: [], values: [] };
    // Named by the indicator alone: a name from all of its content would run the chart's words and
    // the report's Chinese quote into one string, losing the quote's `lang`.
    parts.name.id = 'tip-name';
    tip.setAttribute('aria-labelledby', 'tip-name');
    var list = create('dl', tip);
    for (var i = 0; i < TERMS.length; i++) {
      parts.terms.push(create('dt', list));
      parts.values.push(create('dd', list));
    }
    parts.summary = create('p', tip, 'tip-summary');
    var source = create('p', tip, 'tip-source');
    parts.label = create('span', source, 'tip-label');
    parts.quote = create('q', source);
    return parts;
  }

  /** Shows row `index`; `withSource` (Enter, a tap) pins it. */
  show(index, withSource) {
    var chart = this.chart;
    var info = chart._info;
    var hit = info && info.hits[index];
    var row = hit && chart.row(hit.id);
    if (!row) return;
    var tip = this.node;
    var pinned = !!withSource || chart.pinned;
    var open = this.isOpen();
    // Read the chart's box before writing: after the text changes it would cost a forced layout.
    var rect = chart.canvas.getBoundingClientRect();
    if (this.showing === hit.id + pinned && open) {
      this.place(hit, rect); // same content: only move it
      return;
    }
    this.showing = hit.id + pinned;
    this.index = index;
    var parts = this.parts || (this.parts = this.build());
    var heads = {};
    info.columns.forEach(function (column) { heads[column.key] = column.head; });
    setText(parts.name, row.name);
    TERMS.forEach(function (key, i) {
      var value = row[key];
      var shown = !!value && value !== '—';
      if (parts.terms[i].hidden === shown) parts.terms[i].hidden = parts.values[i].hidden = !shown;
      setText(parts.terms[i], shown ? heads[key] : '');
      setText(parts.values[i], shown ? value : '');
    });
    setText(parts.summary, row.summary);
    setText(parts.label, row.cite);
    setText(parts.quote, row.quote);
    var lang = quoteLang(info) || ''; // the report's Chinese words inside an English chart
    if (parts.quote.lang !== lang) parts.quote.lang = lang;
    if (tip.classList.contains('pinned') !== pinned) tip.classList.toggle('pinned', pinned);
    if (supportsPopover) {
      if (!open) tip.showPopover();
    } else {
      tip.hidden = false;
    }
    this.place(hit, rect);
  }

  /**
   * Below (or above) the row, inside the viewport: top-layer popovers escape host overflow and
   * transforms. `rect` is the chart canvas's box, when the caller has it already.
   */
  place(hit, rect) {
    var tip = this.node;
    var info = this.chart._info;
    if (!rect) rect = this.chart.canvas.getBoundingClientRect();
    var scale = rect.width / info.width; // screen px per layout px: zoom times text scale
    // The top layer is not zoomed with the page: enlarge the tooltip as a zoom toolbar enlarges the
    // chart, and at least as the reader's text size does.
    var size = Math.round(13 * Math.max(this.chart.textScale || 1, scale) * 10) / 10 + 'px';
    if (tip.style.fontSize !== size) tip.style.fontSize = size;
    var tipRect = tip.getBoundingClientRect(); // the one layout of this change; the transform below needs none
    var margin = 8;
    var left = Math.min(Math.max(margin, rect.left + 16 * scale), window.innerWidth - tipRect.width - margin);
    var below = rect.top + (hit.y + hit.h) * scale + 4;
    var above = rect.top + hit.y * scale - tipRect.height - 4;
    var roomBelow = window.innerHeight - margin - below;
    var roomAbove = above + tipRect.height - margin;
    // Where it fits, below first; where it fits nowhere (large text), on the roomier side, to cover least of the row.
    var top = roomBelow >= tipRect.height || (roomAbove < tipRect.height && roomBelow >= roomAbove) ? below : above;
    top = Math.min(Math.max(margin, top), Math.max(margin, window.innerHeight - tipRect.height - margin));
    var at = 'translate(' + Math.round(Math.max(margin, left)) + 'px,' + Math.round(top) + 'px)';
    if (tip.style.transform !== at) tip.style.transform = at;
  }

  /** Keeps an open tooltip beside its row while the page scrolls; closes it when the row leaves. */
  followScroll() {
    var chart = this.chart;
    var hit = this.showing && chart._info && chart._info.hits[this.index];
    if (!hit) return;
    var rect = chart.canvas.getBoundingClientRect();
    var scale = rect.height / chart._info.height;
    var top = rect.top + hit.y * scale;
    if (top + hit.h * scale < 0 || top > window.innerHeight) {
      chart.pinned = false;
      this.hide();
      chart.overlay.paint();
    } else {
      this.place(hit);
    }
  }

  hide() {
    this.showing = null;
    if (supportsPopover) {
      if (this.node.matches(':popover-open')) this.node.hidePopover();
    } else {
      this.node.hidden = true;
    }
  }
}
