// The chart's keyboard model: the WAI-ARIA APG listbox. The stage is one Tab stop, `role=listbox`,
// and the arrow keys move `aria-activedescendant` over visually hidden `role=option` elements, one
// per hit region (row) of the last draw. Arrows, Home and End move; Enter or Space gives the
// row's details through the live region, pins its tooltip and selects it; Escape closes.
//
// Why active descendant rather than roving focus over real elements: the rows are pixels on one
// canvas, so there is no element per row to focus, and DOM focus moving between 1 px options
// would scroll and fire focus/blur on each step. With active descendant, DOM focus stays on the
// stage (its ring and the overlay's stay where they are drawn) while screen readers follow the
// option: NVDA and JAWS switch to focus mode on Tab because listbox is a widget role, and each
// step is spoken once, as the option's name, with no live-region write. Browser shortcuts pass.

import { clear, create, setText } from './dom.js';

/** The row a key moves to from `index` among `count`, or null for a key that does not move. */
export function nextIndex(key, index, count) {
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return Math.min(count - 1, index + 1);
    case 'ArrowUp': case 'ArrowLeft': return Math.max(0, index - 1);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

/** The id of the option of row `index` (ids are scoped to the chart's shadow root). */
function optionId(index) {
  return 'row-' + index;
}

/**
 * Makes the stage a listbox of the last draw's rows, or a plain box when no row can be reached
 * (an empty listbox is an error to assistive technology). The options are rebuilt only when their
 * names change: a resize redraws the chart but keeps the same rows.
 */
export function fillOptions(chart, info) {
  var stage = chart.stage;
  var words = info.words;
  var labels = info.hits.map(function (hit) { return hit.label; });
  var key = JSON.stringify(labels);
  if (labels.length) {
    stage.tabIndex = 0;
    stage.setAttribute('role', 'listbox');
    stage.setAttribute('aria-label', words.stage);
    stage.setAttribute('aria-describedby', 'keys');
  } else {
    // Nothing to reach: a plain box, and a name on a plain box is not allowed (the figure says it).
    ['tabindex', 'role', 'aria-label', 'aria-describedby'].forEach(function (name) { stage.removeAttribute(name); });
  }
  setText(chart.keys, words.keys);
  if (key === chart._options) return;
  chart._options = key;
  // Children of the listbox itself (no wrapper between them), visually hidden one by one.
  chart.optionNodes.forEach(function (option) { option.remove(); });
  chart.optionNodes = labels.map(function (label, index) {
    var option = create('div', stage, 'sr', label);
    option.id = optionId(index);
    option.setAttribute('role', 'option');
    return option;
  });
  chart.activeOption = null;
  markActive(chart);
}

/** Points `aria-activedescendant` at the focused row's option (none before the first step). */
export function markActive(chart) {
  var stage = chart.stage;
  var option = chart.focusIndex >= 0 ? chart.root.getElementById(optionId(chart.focusIndex)) : null;
  if (option === chart.activeOption) return;
  if (chart.activeOption) chart.activeOption.removeAttribute('aria-selected');
  chart.activeOption = option;
  if (option) {
    option.setAttribute('aria-selected', 'true');
    stage.setAttribute('aria-activedescendant', option.id);
  } else {
    stage.removeAttribute('aria-activedescendant');
  }
}

/** Says `text` once through the live region; `quote` goes after it in its own language. */
export function say(chart, text, quote, quoteLang) {
  var live = chart.live;
  // One node, built apart and added at once, the quote a plain span: with Orca and Firefox, a `q`
  // (or an atomic region) was announced twice, the quote once more on its own. New nodes each
  // time: the same details twice are said twice.
  var said = create('span', null, '', text);
  if (quote) {
    var words = create('span', said, '', quote);
    if (quoteLang) words.lang = quoteLang;
  }
  clear(live);
  live.appendChild(said);
}

/** The language of the report's quotes in this chart, where it is not the chart's (from the wasm). */
export function quoteLang(info) {
  for (var i = 0; i < info.columns.length; i++) if (info.columns[i].key === 'quote') return info.columns[i].lang;
  return null;
}

/** Enter, Space or a click on an option: the row's details, its tooltip pinned, the row selected. */
export function openDetails(chart, index) {
  var info = chart._info;
  chart.pinned = true;
  focusAt(chart, index, true);
  var row = chart.row(info.hits[chart.focusIndex].id);
  if (row) say(chart, row.details, row.quote, quoteLang(info));
  chart.select(chart.focusIndex);
}

export function onKey(chart, event) {
  var count = chart._info ? chart._info.hits.length : 0;
  if (!count || event.altKey || event.ctrlKey || event.metaKey) return; // leave browser shortcuts alone
  if (event.key === 'Enter' || event.key === ' ') {
    openDetails(chart, Math.max(0, chart.focusIndex));
    event.preventDefault();
    return;
  }
  if (event.key === 'Escape') {
    if (!chart.tooltip.showing) return; // nothing open: let an enclosing dialog have its Escape
    var hadDetails = chart.pinned;
    chart.pinned = false;
    chart.tooltip.hide();
    chart.overlay.paint();
    if (hadDetails) say(chart, chart._info.words.closed);
    event.preventDefault();
    return;
  }
  var next = nextIndex(event.key, chart.focusIndex, count);
  if (next === null) return;
  event.preventDefault();
  focusAt(chart, next, true);
}

/** Moves to a row: the active option, the ring on the overlay, the tooltip; nothing is written to the live region. */
export function focusAt(chart, index, scroll) {
  var info = chart._info;
  if (!info || !info.hits.length) return;
  chart.focusIndex = Math.max(0, Math.min(info.hits.length - 1, index));
  markActive(chart);
  chart.overlay.paint();
  chart.tooltip.show(chart.focusIndex, chart.pinned);
  if (scroll !== false) scrollIntoView(chart, chart.focusIndex);
}

function scrollIntoView(chart, index) {
  var info = chart._info;
  var hit = info.hits[index];
  var rect = chart.canvas.getBoundingClientRect();
  var scale = rect.height / info.height;
  var top = rect.top + hit.y * scale;
  var bottom = top + hit.h * scale;
  if (top < 0 || bottom > window.innerHeight) window.scrollBy(0, top < 0 ? top - 8 : bottom - window.innerHeight + 8);
}
