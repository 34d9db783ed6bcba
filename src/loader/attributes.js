// Options from HTML attributes: `data-report-chart` embeds (data-* attributes) and the
// <report-chart> element (plain attributes). One list of names serves both kinds, and actuals are
// read for any year (`actual-2031` as much as `actual-2024`). Pure: it reads only getAttribute
// and attributes, so Node tests it with a plain object.

/** Options copied as text, then validated by the wasm. */
var TEXT_OPTIONS = ['chart', 'lang', 'theme', 'title', 'summary', 'toolbar', 'caption', 'landmark'];
/** Options given as numbers (a value that is not one is passed on as text, for validation to name). */
var NUMBER_OPTIONS = ['height', 'year'];
// Actuals with either prefix, on either embed: editors mix `data-actual-2024` and `actual-2024`.
var ACTUAL = /^(?:data-)?actual-(\d{4})$/;
var DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The two ways to embed a chart: the attribute naming what to show, and the prefix of the rest. */
export var EMBEDS = {
  data: { prefix: 'data-', what: ['report-chart'] }, // data-report-chart="id,id" or "section:id"
  element: { prefix: '', what: ['indicator', 'section'] } // `indicator` first: the list
};

/** True when a change of this attribute changes the chart of that kind of embed. */
export function isChartAttribute(name, embed) {
  if (ACTUAL.test(name)) return true;
  if (name.indexOf(embed.prefix) !== 0) return false;
  var bare = name.slice(embed.prefix.length);
  return embed.what.indexOf(bare) >= 0 || TEXT_OPTIONS.indexOf(bare) >= 0 || NUMBER_OPTIONS.indexOf(bare) >= 0;
}

/**
 * What to show: `indicators` from a comma list, or a `section` (`section:id` in the list, or the
 * element's own `section` attribute).
 */
function selection(el, embed) {
  var section = embed === EMBEDS.element ? el.getAttribute('section') : null;
  var what = section ? 'section:' + section : (el.getAttribute(embed.prefix + embed.what[0]) || '');
  what = what.trim();
  if (what.indexOf('section:') === 0) return { section: what.slice(8).trim() };
  return { indicators: what.split(',').map(function (s) { return s.trim(); }).filter(Boolean) };
}

/**
 * `actual-YYYY` attributes: `5.8` for the one indicator shown, or `id=5.8;id2=12` pairs. Pairs are
 * separated by ';' only, so that a decimal comma (5,8) is refused, not misread.
 */
function actuals(el, indicators) {
  // Prototype-free maps: an id such as `__proto__` or `constructor` is an ordinary id (which
  // validation then refuses or finds), never a write into Object.prototype of the host page.
  var found = null;
  Array.prototype.forEach.call(el.attributes, function (attribute) {
    var match = ACTUAL.exec(attribute.name);
    if (!match) return;
    found = found || Object.create(null);
    var year = match[1];
    attribute.value.split(';').forEach(function (part) {
      var pair = part.split('=');
      // A bare number with a section has no indicator: the empty id is refused by validation.
      var id = pair.length > 1 ? pair[0].trim() : (indicators || [''])[0];
      var text = (pair.length > 1 ? pair[1] : pair[0]).trim();
      found[id] = found[id] || Object.create(null);
      found[id][year] = DECIMAL.test(text) ? Number(text) : text;
    });
  });
  return found;
}

/** The options an embed's attributes give. */
export function optionsFromAttributes(el, embed) {
  var options = selection(el, embed);
  TEXT_OPTIONS.forEach(function (name) {
    var value = el.getAttribute(embed.prefix + name);
    if (value !== null) options[name] = value;
  });
  NUMBER_OPTIONS.forEach(function (name) {
    var value = el.getAttribute(embed.prefix + name);
    if (value !== null) options[name] = Number(value) || value;
  });
  var given = actuals(el, options.indicators);
  if (given) options.actuals = given;
  return options;
}
