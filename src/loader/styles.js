// The chart's styles, inside its shadow root: one constructed sheet shared by every chart; where
// constructable sheets are missing, the same text from report-charts.css beside the script (the
// build writes it from STYLE_TEXT). No inline style attributes or elements: strict CSP.
// Sizes are in em of `.rc`, whose font size chart.js sets from the text scale (14 px at 1), so the
// shadow DOM's text grows with the reader's. Host CSS reaches inside only by inheritance: `.rc`
// resets every inherited property that could break the layout, and lets the reader's text
// spacing (letter and word spacing, WCAG 1.4.12) through; its line height is 1.5 already.

export var STYLE_TEXT = [
  ':host{display:block;position:relative;max-width:100%;}',
  ':host([hidden]),[hidden]{display:none !important;}',
  // The box, the figure and its caption keep the page's inherited text styles (from the host).
  '.box{display:block;position:relative;}',
  'figure{display:block;margin:0;padding:0;}',
  'figcaption{display:block;margin:0;padding:0 16px;}', // in line with the chart's own text
  // The skip link and the place it lands: hidden until focused, then shown above the chart.
  '.skip:not(:focus),.end:not(:focus){position:absolute;left:0;top:0;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;}',
  '.skip:focus,.end:focus{position:absolute;left:0;top:0;z-index:2;padding:4px 8px;background:#fff;color:#0b62d6;font:14px/1.5 sans-serif;outline:3px solid #0b62d6;outline-offset:0;}',
  '.end:focus{top:auto;bottom:0;}',
  '.rc{display:block;position:relative;box-sizing:content-box;margin:0;padding:0;border:0;color:#1f2933;font:14px/1.5 ' +
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;" +
    'text-align:left;text-indent:0;text-transform:none;text-shadow:none;white-space:normal;word-break:normal;' +
    'overflow-wrap:break-word;direction:ltr;writing-mode:horizontal-tb;font-feature-settings:normal;cursor:auto;' +
    'pointer-events:auto;list-style:none;border-collapse:separate;border-spacing:0;quotes:auto;hyphens:manual;}',
  // 1em of the host's font, and of `medium` (the browser's default): settings.js reads them.
  '.probe{position:absolute;left:0;top:0;width:1em;height:0;overflow:hidden;visibility:hidden;pointer-events:none;}',
  '.probe.medium{font-size:medium;}',
  // Chromium draws canvas text with the canvas element's letter and word spacing: the layout is
  // measured for none, so inherited spacing stops here (the DOM text keeps it).
  'canvas{display:block;max-width:none;margin:0;padding:0;border:0;letter-spacing:normal;word-spacing:normal;}',
  '.stage{position:relative;outline:none;}',
  '.stage:focus-visible{box-shadow:0 0 0 2px #0b62d6;}',
  '.chart{touch-action:pan-y;}',
  // Row-sized layers moved by transform: a board-sized canvas costs a full-bitmap copy per change.
  // Each its own compositor layer (will-change): the board under it is not committed again per move.
  '.overlay{position:absolute;left:0;top:0;pointer-events:none;visibility:hidden;transform-origin:0 0;will-change:transform;}',
  '.sr{position:absolute;left:0;top:0;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;}',
  'table{border-collapse:collapse;font-size:.93em;margin:.6em 0;color:inherit;}',
  '.table-box{overflow-x:auto;padding:0 1.15em .6em;}',
  '.table-box table{width:100%;}',
  'th,td{border:1px solid #c8ced6;padding:.3em .45em;text-align:left;vertical-align:top;}',
  'caption{text-align:left;font-weight:bold;padding:.3em 0;}',
  // 16 px of padding at scale 1 lines the controls up with the canvas's content, which scales alike.
  '.toolbar,.filter-row{display:flex;flex-wrap:wrap;gap:.43em;align-items:center;padding:.43em 1.15em 0;}',
  '.filter-label{font-size:.93em;color:#52606d;margin-right:.15em;}',
  'button{font:inherit;font-size:.93em;min-height:2.15em;min-width:2.15em;padding:.15em .77em;border:1px solid #7b8794;border-radius:.3em;' +
    'background:#fff;color:#1f2933;cursor:pointer;letter-spacing:inherit;word-spacing:inherit;}',
  'button:disabled{opacity:.55;cursor:default;}',
  'button[aria-pressed=false]{background:#eef1f4;color:#3e4c59;text-decoration:line-through;}',
  'button:focus-visible{outline:3px solid #0b62d6;outline-offset:1px;}',
  // Placed by transform from the viewport's corner: moving it needs no layout, and its width never depends on where it was.
  '.tip{position:fixed;inset:0 auto auto 0;margin:0;max-width:min(28em,calc(100vw - 16px));box-sizing:border-box;padding:.6em .77em;' +
    'border:1px solid #52606d;border-radius:.45em;background:#fff;color:#1f2933;font:13px/1.5 ' +
    "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;z-index:2147483647;}",
  '.tip[hidden]{display:none;}',
  '.tip strong{display:block;font-size:1.08em;margin-bottom:2px;}',
  '.tip dl{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:2px 0;}',
  '.tip dt{color:#52606d;}',
  '.tip dd{margin:0;}',
  '.tip p{margin:4px 0 0;}',
  '.tip .tip-source{color:#3e4c59;font-size:.92em;}',
  '.tip.pinned{border-width:2px;}',
  '.fallback{display:block;}',
  '.theme-light{background:#fff;color:#1f2933;}',
  '.theme-dark{background:#16202b;color:#e8edf2;}',
  '.theme-dark button{background:#223040;color:#e8edf2;border-color:#a9b4c0;}',
  '.theme-dark button[aria-pressed=false]{background:#16202b;color:#a9b4c0;}',
  '.theme-dark .filter-label{color:#a9b4c0;}',
  '.theme-contrast{background:#000;color:#fff;}',
  '.theme-contrast button{background:#000;color:#fff;border-color:#fff;}',
  '.theme-contrast button[aria-pressed=false]{background:#000;color:#b3b3b3;}',
  '.theme-contrast .filter-label{color:#fff;}',
  '.theme-dark th,.theme-dark td,.theme-contrast th,.theme-contrast td{border-color:#7b8794;}',
  // The host's own colours (a toolbar's 黄底黑字, 黑底黄字…), set by chart.js: one pair, no greys.
  '.theme-host,.theme-host button,.theme-host button[aria-pressed=false],.theme-host .tip{background:var(--rc-bg);color:var(--rc-fg);}',
  '.theme-host button,.theme-host .tip,.theme-host th,.theme-host td{border-color:var(--rc-fg);}',
  '.theme-host .filter-label,.theme-host .tip dt,.theme-host .tip .tip-source{color:var(--rc-fg);}',
  '.theme-host button:focus-visible{outline-color:var(--rc-hl);}',
  '.theme-host .stage:focus-visible{box-shadow:0 0 0 2px var(--rc-hl);}',
  '@media (forced-colors: active){.tip{border-color:CanvasText;}button[aria-pressed=false]{text-decoration:line-through;}}'
].join('\n');

var sheet = null;

/**
 * Gives a shadow root the chart's styles; resolves once they apply, before the first draw measures
 * anything. Safari before 16.4 has no constructable sheets: there the root links `href`
 * (report-charts.css beside the script), which a strict CSP's `style-src 'self'` lets through
 * where a <style> element is inline style and refused. Only if that file is missing (an editor
 * copied two files) does a <style> element stand in, which pages without such a CSP still apply.
 */
export function styleFor(root, href) {
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) {
        var made = new CSSStyleSheet();
        made.replaceSync(STYLE_TEXT);
        sheet = made;
      }
      root.adoptedStyleSheets = [sheet];
      return Promise.resolve();
    } catch { /* fall through to the linked file */ }
  }
  return new Promise(function (resolve) {
    var inline = function () {
      var style = document.createElement('style');
      style.textContent = STYLE_TEXT;
      root.appendChild(style);
      resolve();
    };
    if (!href) return inline();
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.addEventListener('load', function () { resolve(); });
    link.addEventListener('error', function () { link.remove(); inline(); });
    link.href = href;
    root.appendChild(link);
  });
}

/** Focus and hover colours of the overlay, per theme; system Highlight under forced colours. */
export var FOCUS = { light: '#0b62d6', dark: '#8cc8ff', contrast: '#00ffff' };
