// Keyboard navigation inside a chart's stage (its one Tab stop): arrows, Home and End move between
// rows, Enter or Space pins a row's tooltip and selects it, Escape closes. Browser shortcuts pass.

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

export function onKey(chart, event) {
  var count = chart._info ? chart._info.hits.length : 0;
  if (!count || event.altKey || event.ctrlKey || event.metaKey) return; // leave browser shortcuts alone
  if (event.key === 'Enter' || event.key === ' ') {
    var index = Math.max(0, chart.focusIndex);
    chart.pinned = true;
    chart.tooltip.show(index, true);
    chart.select(index);
    event.preventDefault();
    return;
  }
  if (event.key === 'Escape') {
    if (!chart.tooltip.showing) return; // nothing open: let an enclosing dialog have its Escape
    chart.pinned = false;
    chart.tooltip.hide();
    event.preventDefault();
    return;
  }
  var next = nextIndex(event.key, chart.focusIndex, count);
  if (next === null) return;
  event.preventDefault();
  focusAt(chart, next, true);
}

/** Moves keyboard focus to a row: ring on the overlay, tooltip, announcement. */
export function focusAt(chart, index, announce) {
  var info = chart._info;
  if (!info || !info.hits.length) return;
  chart.focusIndex = Math.max(0, Math.min(info.hits.length - 1, index));
  chart.overlay.paint();
  chart.tooltip.show(chart.focusIndex, chart.pinned);
  var row = chart.row(info.hits[chart.focusIndex].id);
  if (row) chart.live.textContent = (chart.focusIndex + 1) + '/' + info.hits.length + ' ' + row.summary;
  if (announce !== false) scrollIntoView(chart, chart.focusIndex);
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
