/* global Toolbar */ // the test page's simulated toolbar (tests/e2e/pages/toolbar/toolbar.js), used in page.evaluate
// The reader's settings and a 无障碍工具条 (tests/e2e/pages/toolbar/toolbar.js simulates one): after
// the charts drew, a transform zoom, a colour scheme, a text size, a filter on <html>, cross-hair
// guide lines that take the pointer, a text-spacing stylesheet; and the browser's own settings (a
// 24 px default font size, prefers-contrast). Each chart must follow without a reload or a pointer
// event. Figures are printed for the record.
import { openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';
import { contrast, parseColor } from '../../src/loader/colors.js';

const URL_ = 'e2e/toolbar/toolbar.html';
const VIEW = { viewport: { width: 1000, height: 900 } };

/** What a chart shows now: public info, backing store, drawn box, DOM text, canvas colours. */
const facts = (page, sel) => page.evaluate((s) => {
  const host = document.querySelector(s);
  const chart = ReportCharts.chartFor(host);
  const root = host.shadowRoot;
  const canvas = root.querySelector('canvas');
  const rect = canvas.getBoundingClientRect();
  const style = (node) => { const c = getComputedStyle(node); return { color: c.color, background: c.backgroundColor, font: parseFloat(c.fontSize), letter: c.letterSpacing, word: c.wordSpacing, line: c.lineHeight }; };
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const counts = {};
  for (let i = 0; i < data.length; i += 4) {
    const key = data[i] + ',' + data[i + 1] + ',' + data[i + 2];
    counts[key] = (counts[key] || 0) + 1;
  }
  const hostStyle = getComputedStyle(host);
  return {
    info: chart.info, theme: chart.theme, backing: [canvas.width, canvas.height], drawn: [rect.width, rect.height],
    content: host.clientWidth - parseFloat(hostStyle.paddingLeft) - parseFloat(hostStyle.paddingRight),
    hostLetter: hostStyle.letterSpacing, hostWord: hostStyle.wordSpacing, canvasLetter: getComputedStyle(canvas).letterSpacing,
    dpr: devicePixelRatio, corner: Array.from(data.slice(0, 3)).join(','), counts,
    rc: style(root.querySelector('.rc')), button: root.querySelector('button') && style(root.querySelector('button')),
    cell: style(root.querySelector('td')),
  };
}, sel);

/** Waits for `predicate(facts)` on the chart, polling in the page's frames; returns the facts. */
async function until(page, sel, predicate, what) {
  const started = Date.now();
  let last = null;
  while (Date.now() - started < 5000) {
    last = await facts(page, sel);
    if (predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`${sel}: ${what} never came (last: ${JSON.stringify({ ...last, counts: undefined })})`);
}

/** Counts each chart's draws and rechecks from now on (public methods, wrapped in place). */
const countCalls = (page) => page.evaluate(() => {
  window.__calls = {};
  for (const sel of ['#board', '#review', '#bullets']) {
    const chart = ReportCharts.chartFor(sel);
    const calls = window.__calls[sel] = { draw: 0, recheck: 0 };
    for (const name of ['draw', 'recheck']) {
      const original = chart[name].bind(chart);
      chart[name] = function () { calls[name]++; return original(); };
    }
  }
});
const calls = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__calls)));
const frames = (page, n = 3) => page.evaluate((count) => new Promise((resolve) => {
  const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
  step(count);
}), n);

/** Centre of hit region `index` of a chart, in viewport px, from the public info (CSS px) and any transform. */
const hitCentre = (page, sel, index) => page.evaluate(([s, i]) => {
  const host = document.querySelector(s);
  const info = ReportCharts.chartFor(host).info;
  const canvas = host.shadowRoot.querySelector('canvas').getBoundingClientRect();
  const zoom = canvas.width / info.width;
  const hit = info.hits[i];
  const row = info.rows.find((r) => r.id === hit.id);
  return { x: canvas.left + (hit.x + hit.w / 2) * zoom, y: canvas.top + (hit.y + hit.h / 2) * zoom, name: row.name, id: hit.id };
}, [sel, index]);

const tip = (page, sel) => page.evaluate((s) => {
  const node = document.querySelector(s).shadowRoot.querySelector('[role=tooltip]');
  if (!node.matches(':popover-open')) return null;
  const c = getComputedStyle(node);
  return { text: node.textContent, color: c.color, background: c.backgroundColor, font: parseFloat(c.fontSize), filter: c.filter, letter: c.letterSpacing };
}, sel);

const ratio = (a, b) => contrast(parseColor(a), parseColor(b));

async function ready(page) {
  for (const sel of ['#board', '#review', '#bullets']) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    await canvasFacts(page, sel);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

export default function ({ server, browser }) {
  test('toolbar zoom: transform scale(1.5) on a container redraws crisp within frames, with no pointer or resize event', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    const before = await facts(page, '#board');
    assertEqual(before.backing[0], Math.round(before.drawn[0]), 'backing = drawn pixels before');
    await countCalls(page);
    await page.evaluate(() => { document.querySelector('header').style.outline = '1px solid red'; }); // not an ancestor
    await page.evaluate(() => { document.body.classList.add('nothing-changes'); }); // an ancestor, same looks
    await frames(page);
    const idle = await calls(page);
    assertEqual(idle['#board'].draw, 0, 'no redraw when nothing the chart shows changed');
    assertEqual(idle['#board'].recheck, 1, 'one check for the ancestor\'s class, none for the header');
    await page.evaluate(() => Toolbar.zoom(1.5));
    const after = await until(page, '#board', (f) => f.backing[0] === Math.round(f.drawn[0]), 'a crisp redraw');
    const counted = await calls(page);
    assertEqual(counted['#board'].draw, 1, 'one redraw for the zoom');
    assertEqual(counted['#bullets'].draw, 1, 'the other chart too');
    assert(Math.abs(after.drawn[0] / before.drawn[0] - 1.5) < 0.01, `drawn 1.5× wider (${before.drawn[0]} → ${after.drawn[0]})`);
    assertEqual(after.info.canvas.dpr, 1.5, 'density 1.5 device px per CSS px');
    // Many writes in one task: one check per chart in the next frame.
    await page.evaluate(() => { for (let i = 0; i < 20; i++) document.getElementById('page').style.outlineWidth = i + 'px'; });
    await frames(page);
    const burst = await calls(page);
    assertEqual(burst['#board'].recheck - counted['#board'].recheck, 1, 'twenty writes, one check');
    const hit = await hitCentre(page, '#board', 2);
    await page.mouse.move(hit.x, hit.y);
    assert(((await tip(page, '#board')) || {}).text.startsWith(hit.name), `hover under zoom opens ${hit.name}`);
    console.log(`     figures: backing ${before.backing.join('×')} at density 1 → ${after.backing.join('×')} at ${after.info.canvas.dpr} (drawn ${after.drawn.map(Math.round).join('×')} px)`);
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('toolbar colours: black on yellow (黄底黑字) and yellow on black (黑底黄字) recolour the auto chart, text ≥ 4.5:1; an explicit theme stays', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    assertEqual((await facts(page, '#board')).corner, '255,255,255', 'light before');
    for (const [text, ground, name] of [['#000000', '#ffff00', '黄底黑字'], ['#ffff00', '#000000', '黑底黄字']]) {
      await page.evaluate(([t, g]) => Toolbar.colours(t, g), [text, ground]);
      const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',');
      const f = await until(page, '#board', (x) => x.corner === rgb(ground), `${name} on the canvas`);
      assertEqual(f.theme, 'host', `${name}: the host's colours`);
      const inked = f.counts[rgb(text)] || 0;
      assert(inked > 2000, `${name}: text and marks in the text colour (${inked} px)`);
      assertEqual(f.counts['255,255,255'] || 0, 0, `${name}: nothing of the light theme's white left`);
      // Every colour covering 0.2% of the canvas (marks, not antialiasing) stands out from the ground.
      const total = f.backing[0] * f.backing[1];
      const weak = Object.entries(f.counts).filter(([k, n]) => n > total / 500 && k !== rgb(ground) && contrast(k.split(',').map(Number), rgb(ground).split(',').map(Number)) < 3);
      assertEqual(weak.length, 0, `${name}: marks under 3:1 ${JSON.stringify(weak)}`);
      assert(ratio(f.rc.color, f.rc.background) >= 4.5, `${name}: DOM text ${f.rc.color} on ${f.rc.background}`);
      assert(ratio(f.button.color, f.button.background) >= 4.5, `${name}: buttons ${f.button.color} on ${f.button.background}`);
      const hit = await hitCentre(page, '#board', 1);
      await page.mouse.move(hit.x, hit.y);
      const t = await tip(page, '#board');
      assert(t && ratio(t.color, t.background) >= 4.5, `${name}: tooltip ${t && t.color} on ${t && t.background}`);
      await page.mouse.move(1, 1);
      const fixed = await facts(page, '#bullets');
      assertEqual(fixed.corner, '255,255,255', `${name}: data-theme="light" keeps its theme`);
      console.log(`     figures: ${name} canvas ground ${f.corner}, text ${rgb(text)} (${ratio(f.rc.color, f.rc.background).toFixed(1)}:1), ${inked} px in the text colour`);
    }
    await page.evaluate(() => Toolbar.colours(null));
    await until(page, '#board', (x) => x.corner === '255,255,255' && x.theme === 'light', 'the light theme back');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('toolbar text ×3: the chart lays out for a third of its width and shows it 3× larger; the shadow DOM text follows, and back', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    const before = await facts(page, '#board');
    assertEqual(before.info.canvas.textScale, 1, 'text scale 1 at first');
    await page.evaluate(() => Toolbar.text(3));
    const f = await until(page, '#board', (x) => x.info.canvas.textScale === 3, 'text scale 3');
    assertEqual(f.drawn[0], f.content, 'the canvas still fills the host\'s width');
    assertEqual(f.backing[0], Math.round(f.drawn[0] * f.dpr), 'crisp');
    assertEqual(f.info.width, f.content, 'public width in CSS px');
    assertEqual(f.rc.font, 42, 'the chart\'s DOM text: 14 px × 3');
    assert(Math.abs(f.button.font - 39) < 0.2, `buttons 13 px × 3 (${f.button.font})`);
    const rowsBefore = before.info.hits[0].h;
    const rowsAfter = f.info.hits[0].h;
    assert(rowsAfter >= 2.5 * rowsBefore, `rows grow with the text (${rowsBefore} → ${rowsAfter} CSS px)`);
    assert(f.drawn[1] > 2 * before.drawn[1], `the chart grows (${before.drawn[1]} → ${f.drawn[1]} px tall)`);
    await page.evaluate(() => document.querySelector('#board').shadowRoot.querySelector('canvas').scrollIntoView());
    const hit = await hitCentre(page, '#board', 0);
    await page.mouse.move(hit.x, hit.y);
    const t = await tip(page, '#board');
    assert(t && t.text.startsWith(hit.name), `hover at 3× opens ${hit.name}: ${t && t.text}`);
    assert(t.font >= 39, `tooltip text 13 px × 3 (${t.font})`);
    console.log(`     figures: ×3 text: canvas ${before.drawn.map(Math.round).join('×')} → ${f.drawn.map(Math.round).join('×')} CSS px, backing ${f.backing.join('×')}, first row ${rowsBefore} → ${rowsAfter} px tall`);
    await page.evaluate(() => Toolbar.resetText());
    const back = await until(page, '#board', (x) => x.info.canvas.textScale === 1, 'text scale 1 again');
    assertEqual(back.drawn[1], before.drawn[1], 'the same height as before');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('a 24 px browser default font size (Page.setFontSizes) scales a px-styled page\'s charts by 1.5', async () => {
    const context = await browser.newContext(VIEW);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.goto(server.url + URL_);
    await ready(page);
    const f = await facts(page, '#board');
    assertEqual(f.info.canvas.textScale, 1.5, 'text scale = 24 / 16');
    assertEqual(f.rc.font, 21, 'DOM text 14 px × 1.5');
    assertEqual(f.drawn[0], f.content, 'the canvas fills the host');
    assertEqual(f.backing[0], Math.round(f.drawn[0] * f.dpr), 'crisp');
    const bullets = await facts(page, '#bullets');
    assertEqual(bullets.info.canvas.textScale, 1.5, 'every chart');
    await context.close();
  });

  test('text spacing (WCAG 1.4.12 bookmarklet rules) reaches the shadow DOM\'s text; its line height stays 1.5', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    const before = await facts(page, '#board');
    assertEqual(before.button.letter, 'normal', 'no letter spacing before');
    await page.evaluate(() => Toolbar.spacing());
    const f = await facts(page, '#board');
    assert(f.hostLetter !== 'normal', `the host has the reader's spacing (${f.hostLetter})`);
    for (const [part, s] of [['.rc', f.rc], ['button', f.button], ['table cell', f.cell]]) {
      assertEqual(s.letter, f.hostLetter, `${part} letter-spacing`);
      assertEqual(s.word, f.hostWord, `${part} word-spacing`);
      assert(parseFloat(s.line) >= 1.5 * s.font - 0.01, `${part} line-height ${s.line} ≥ 1.5 × ${s.font}`);
    }
    // Chromium would draw canvas text with the canvas's spacing, which the layout did not measure.
    assertEqual(f.canvasLetter, 'normal', 'the canvas itself keeps no spacing');
    const hit = await hitCentre(page, '#board', 0);
    await page.mouse.move(hit.x, hit.y);
    assertEqual((await tip(page, '#board')).letter, f.hostLetter, 'tooltip letter-spacing');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('prefers-contrast: more selects the contrast theme for auto charts, as it changes; forced colours still win over a toolbar\'s', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    await page.emulateMedia({ contrast: 'more' });
    const f = await until(page, '#board', (x) => x.corner === '0,0,0', 'the contrast theme');
    assertEqual(f.theme, 'contrast', 'theme');
    assertEqual((await facts(page, '#bullets')).corner, '255,255,255', 'data-theme="light" stays');
    await page.evaluate(() => Toolbar.colours('#000000', '#ffff00'));
    await frames(page);
    assertEqual((await facts(page, '#board')).theme, 'contrast', 'prefers-contrast comes before the host\'s colours');
    await page.emulateMedia({ contrast: null, forcedColors: 'active' });
    const forced = await until(page, '#board', (x) => x.theme === 'forced', 'forced colours');
    assert(forced.corner !== '255,255,0', 'forced colours win over the toolbar\'s yellow');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('cross-hair guide lines that take the pointer: 9 of 9 rows still open their tooltip, once each, and a click through selects once', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    await page.locator('#review').scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      Toolbar.crosshair();
      window.__selected = [];
      document.addEventListener('reportchart:select', (e) => window.__selected.push(e.detail.id));
      // Counts the tooltip's openings: a leave and a move handled twice would close and reopen it.
      const tipNode = document.querySelector('#review').shadowRoot.querySelector('[role=tooltip]');
      window.__opened = 0;
      const show = tipNode.showPopover.bind(tipNode);
      tipNode.showPopover = () => { window.__opened++; show(); };
    });
    const count = await page.evaluate(() => ReportCharts.chartFor('#review').info.hits.length);
    assert(count >= 9, `the board has 9 rows to point at (${count})`);
    const first = await hitCentre(page, '#review', 0);
    await page.mouse.move(first.x, first.y - 5);
    let right = 0;
    const wrong = [];
    for (let i = 0; i < 9; i++) {
      const hit = await hitCentre(page, '#review', i);
      await page.mouse.move(hit.x, hit.y);
      const t = await tip(page, '#review');
      if (t && t.text.startsWith(hit.name)) right++; else wrong.push(`${hit.name}: ${t && t.text.slice(0, 20)}`);
    }
    const stolen = await page.evaluate(() => window.__stolen);
    assert(stolen >= 8, `the guide lines took the pointer (${stolen} of 10 moves)`);
    assertEqual(right, 9, `rows opened under the guide lines; wrong: ${wrong.join('; ')}`);
    assertEqual(await page.evaluate(() => window.__opened), 1, 'the tooltip opened once and moved from row to row');
    const hit = await hitCentre(page, '#review', 4);
    await page.mouse.move(hit.x, hit.y);
    await page.mouse.down();
    await page.mouse.up();
    assertEqual(JSON.stringify(await page.evaluate(() => window.__selected)), JSON.stringify([hit.id]), 'a click through the guide selects its row, once');
    // Off the chart, still under the guides: the tooltip closes.
    await page.mouse.move(5, hit.y);
    assertEqual(await tip(page, '#review'), null, 'tooltip closed off the chart');
    // A click that reaches the canvas itself selects once, too (no double handling).
    await page.evaluate(() => { document.querySelectorAll('.guide').forEach((g) => g.remove()); window.__selected = []; });
    const direct = await hitCentre(page, '#review', 3);
    await page.mouse.click(direct.x, direct.y);
    assertEqual(JSON.stringify(await page.evaluate(() => window.__selected)), JSON.stringify([direct.id]), 'a direct click selects once');
    console.log(`     figures: ${right} of 9 rows right with ${stolen} of 10 moves taken by the guide lines`);
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('a filter on <html> (反色 invert(1)) is applied to the top-layer tooltip too, and removed with it', async () => {
    const { page, context, problems } = await openPage(browser, server.url + URL_, VIEW);
    await ready(page);
    await page.evaluate(() => Toolbar.invert(true));
    await frames(page);
    const hit = await hitCentre(page, '#board', 0);
    await page.mouse.move(hit.x, hit.y);
    assertEqual((await tip(page, '#board')).filter, 'invert(1)', 'tooltip filter under an inverted page');
    await page.evaluate(() => Toolbar.invert(false));
    await frames(page);
    assertEqual((await tip(page, '#board')).filter, 'none', 'filter gone with the page\'s');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });
}
