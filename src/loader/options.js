// Options as the loader passes them to the wasm: a copy with `undefined` members dropped and the
// `auto` theme resolved from the reader's settings; and `update`'s merge rule. Pure.

/**
 * The options sent to the wasm. Anything but a plain object passes through, for validation to name.
 * `reader` says what `theme: "auto"` follows, in this order (forced colours come after, from the
 * caller, and win over everything): `contrast` (prefers-contrast: more), then `host` (the page's
 * own colours: `"dark"`, or `{background, text, highlight}` for a high-contrast pair, from
 * colors.js `hostScheme`), then `dark` (prefers-color-scheme).
 */
export function resolveOptions(options, reader) {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return options;
  var resolved = {};
  for (var key in options) {
    if (Object.prototype.hasOwnProperty.call(options, key) && options[key] !== undefined) resolved[key] = options[key];
  }
  if (resolved.theme === 'auto' || resolved.theme === undefined) {
    var prefs = reader || {};
    var host = prefs.host;
    if (prefs.contrast) {
      resolved.theme = 'contrast';
    } else if (host && typeof host === 'object') {
      resolved.theme = 'light'; // the wasm draws the host's colours through its forced-colours path
      resolved.forcedColors = { background: host.background, text: host.text, highlight: host.highlight };
    } else {
      resolved.theme = host === 'dark' || prefs.dark ? 'dark' : 'light';
    }
  }
  return resolved;
}

/** `update(partial)`: partial wins; `section` and `indicators` replace each other. */
export function mergeOptions(current, partial) {
  var next = {};
  var key;
  for (key in current) if (Object.prototype.hasOwnProperty.call(current, key)) next[key] = current[key];
  for (key in partial) if (Object.prototype.hasOwnProperty.call(partial, key)) next[key] = partial[key];
  if (partial.section !== undefined && partial.indicators === undefined) delete next.indicators;
  if (partial.indicators !== undefined && partial.section === undefined) delete next.section;
  return next;
}

/** Whether the embed asked for the toolbar (`toolbar: true`, or the bare attribute). */
export function wantsToolbar(options) {
  return options.toolbar === true || options.toolbar === 'true' || options.toolbar === '';
}

/** Whether the embed wants the visible caption: default yes; `false`, or the text "false", no. */
export function wantsCaption(options) {
  return options.caption !== false && options.caption !== 'false';
}

/** Whether the editor asked for the chart to be a named region (`landmark: true`, or the bare attribute). */
export function wantsLandmark(options) {
  return options.landmark === true || options.landmark === 'true' || options.landmark === '';
}

/** The download's file name: what the chart shows, in safe characters. */
export function fileName(options) {
  var what = options.section || (options.indicators || []).join('+') || 'chart';
  return 'report-charts-' + String(what).replace(/[^a-z0-9+-]/gi, '').slice(0, 60);
}
