// The chart's styles, inside its shadow root: one constructed sheet shared by every chart (a
// <style> element where adoptedStyleSheets is missing). No inline style attributes: strict CSP.

var STYLE_TEXT = [
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
  '.rc{all:initial;display:block;position:relative;color:#1f2933;font:14px/1.5 ' +
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;}",
  'canvas{display:block;max-width:none;margin:0;padding:0;border:0;}',
  '.stage{position:relative;outline:none;}',
  '.stage:focus-visible{box-shadow:0 0 0 2px #0b62d6;}',
  '.chart{touch-action:pan-y;}',
  // Row-sized layers moved by transform: a board-sized canvas costs a full-bitmap copy per change.
  '.overlay{position:absolute;left:0;top:0;pointer-events:none;visibility:hidden;transform-origin:0 0;}',
  '.sr{position:absolute;left:0;top:0;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;}',
  'table{border-collapse:collapse;font-size:13px;margin:8px 0;color:inherit;}',
  '.table-box{overflow-x:auto;padding:0 16px 8px;}',
  '.table-box table{width:100%;}',
  'th,td{border:1px solid #c8ced6;padding:4px 6px;text-align:left;vertical-align:top;}',
  'caption{text-align:left;font-weight:bold;padding:4px 0;}',
  '.toolbar,.filter-row{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 16px 0;}',
  '.filter-label{font-size:13px;color:#52606d;margin-right:2px;}',
  'button{font:inherit;font-size:13px;min-height:28px;min-width:28px;padding:2px 10px;border:1px solid #7b8794;border-radius:4px;background:#fff;color:#1f2933;cursor:pointer;}',
  'button:disabled{opacity:.55;cursor:default;}',
  'button[aria-pressed=false]{background:#eef1f4;color:#3e4c59;text-decoration:line-through;}',
  'button:focus-visible{outline:3px solid #0b62d6;outline-offset:1px;}',
  // Placed by transform from the viewport's corner: moving it needs no layout, and its width never depends on where it was.
  '.tip{position:fixed;inset:0 auto auto 0;margin:0;max-width:min(28em,calc(100vw - 16px));box-sizing:border-box;padding:8px 10px;' +
    'border:1px solid #52606d;border-radius:6px;background:#fff;color:#1f2933;font:13px/1.5 ' +
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
  '@media (forced-colors: active){.tip{border-color:CanvasText;}button[aria-pressed=false]{text-decoration:line-through;}}'
].join('\n');

var sheet = null;

/** Gives a shadow root the chart's styles. */
export function styleFor(root) {
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE_TEXT);
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch { /* fall through to a <style> element */ }
  }
  var style = document.createElement('style');
  style.textContent = STYLE_TEXT;
  root.appendChild(style);
}

/** Focus and hover colours of the overlay, per theme; system Highlight under forced colours. */
export var FOCUS = { light: '#0b62d6', dark: '#8cc8ff', contrast: '#00ffff' };
