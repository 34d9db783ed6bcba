// Which charts are alive, and which chart a host element carries: a WeakMap, so that no expando
// goes on the page's elements and a host that the page drops can be collected. Pure.

var byHost = new WeakMap();
var live = new Set();

export function register(chart) {
  var previous = byHost.get(chart.element);
  if (previous && previous !== chart) previous.destroy();
  byHost.set(chart.element, chart);
  live.add(chart);
}

export function unregister(chart) {
  if (byHost.get(chart.element) === chart) byHost.delete(chart.element);
  live.delete(chart);
}

/** Every chart not destroyed, drawn or not. */
export function liveCharts() {
  return live;
}

/**
 * The chart of a host element, or of a node inside a chart's shadow root (an event's target, the
 * canvas); null otherwise.
 */
export function chartFor(node) {
  while (node) {
    var chart = byHost.get(node);
    if (chart) return chart;
    var root = node.getRootNode ? node.getRootNode() : null;
    node = root && root !== node && root.host ? root.host : null;
  }
  return null;
}
