// The colours a page shows its text in, as a 无障碍工具条 sets them (黄底黑字, 黑底黄字, 蓝底白字…),
// and the theme they call for under `theme: "auto"`. Pure: unit-tested in Node.

/**
 * [r, g, b, a] of a computed colour, or null for anything else: computed styles give `rgb(r, g, b)`
 * or `rgba(r, g, b, a)` for every sRGB colour (newer engines may use spaces and `/ a`).
 */
export function parseColor(text) {
  var m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(String(text || '').trim());
  if (!m) return null;
  var alpha = m[4] === undefined ? 1 : parseFloat(m[4]) / (m[5] ? 100 : 1);
  var rgb = [m[1], m[2], m[3]].map(function (c) { return Math.min(255, Math.round(parseFloat(c))); });
  return [rgb[0], rgb[1], rgb[2], Math.max(0, Math.min(1, alpha))];
}

/** `top` painted over the opaque colour `under`. */
export function over(top, under) {
  var a = top[3];
  return [0, 1, 2].map(function (i) { return Math.round(top[i] * a + under[i] * (1 - a)); }).concat([1]);
}

function linear(channel) {
  var c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** WCAG relative luminance. */
export function luminance(c) {
  return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a, b) {
  var x = luminance(a);
  var y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function css(c) {
  return 'rgb(' + c[0] + ', ' + c[1] + ', ' + c[2] + ')';
}

/** A ground this dark takes light text better than dark text (luminance where both give 4.58:1). */
var DARK_GROUND = 0.179;
/** The pair of a colour scheme made for reading: WCAG's enhanced contrast (1.4.6). */
var HIGH_PAIR = 7;
/** A light ground this far from grey is a scheme the reader picked (yellow, green), not a page's white. */
var COLOURED = 0.3;
/** The actual's mark and the focus ring: the light and dark themes' own accents, then bright blue. */
var ACCENTS = [[0x1d, 0x4f, 0x91, 1], [0x6c, 0xb4, 0xee, 1], [0x8c, 0xc8, 0xff, 1]];

/**
 * What `theme: "auto"` takes from the host's computed `text` colour and `background` (the first
 * opaque one up its ancestors): `{background, text, highlight}` (the forced-colours path: the
 * chart in the page's own two colours) for a high-contrast pair on a dark or coloured ground;
 * `"dark"` (the dark palette, whose contrasts are tested) for any other dark ground; null for the
 * usual dark text on a light neutral ground, where prefers-color-scheme decides.
 */
export function hostScheme(text, background) {
  var ground = parseColor(background);
  var ink = parseColor(text);
  if (!ground || !ink) return null;
  ground = over(ground, [255, 255, 255, 1]); // nothing opaque behind: the canvas is white
  ink = over(ink, ground);
  var dark = luminance(ground) < DARK_GROUND;
  var chroma = (Math.max(ground[0], ground[1], ground[2]) - Math.min(ground[0], ground[1], ground[2])) / 255;
  if (contrast(ink, ground) >= HIGH_PAIR && (dark || chroma >= COLOURED)) {
    var accent = ink; // when no accent stands out from this ground, marks take the text colour
    for (var i = 0; i < ACCENTS.length; i++) {
      if (contrast(ACCENTS[i], ground) >= 4.5) { accent = ACCENTS[i]; break; }
    }
    return { background: css(ground), text: css(ink), highlight: css(accent) };
  }
  return dark ? 'dark' : null;
}
