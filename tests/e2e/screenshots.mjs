// Screenshots for the README and for review by eye (make screenshots). Writes www/img/*.png.
// Not a test: it asserts nothing. `node tests/e2e/screenshots.mjs a11y-toolbar` writes only the
// images whose names contain the argument.
/* global Toolbar */ // tests/e2e/pages/toolbar/toolbar.js, in page.evaluate
import path from 'node:path';
import { startServer, launch, ROOT } from './harness.mjs';

const out = (name) => path.join(ROOT, 'www/img', name);
const server = await startServer();
const browser = await launch();

async function open(url, { width, height = 900, dpr = 1, ...rest }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, ...rest });
  const page = await context.newPage();
  await page.goto(server.url + url);
  // Scroll through so that every lazily initialised chart mounts.
  const scrolled = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < scrolled; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-report-chart], report-chart'))
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('canvas[aria-label]')), null, { timeout: 15000 });
  return { page, context };
}

const only = process.argv[2];

async function shoot(url, name, options, prepare) {
  if (only && !name.includes(only)) return;
  const { page, context } = await open(url, options);
  if (prepare) await prepare(page);
  await page.waitForTimeout(200);
  if (options.selector) await page.locator(options.selector).screenshot({ path: out(name) });
  else await page.screenshot({ path: out(name), fullPage: !options.viewportOnly });
  await context.close();
  console.log('wrote www/img/' + name);
}

const press = (label) => async (page) => {
  await page.getByRole('button', { name: label }).click();
  await page.waitForTimeout(300);
};

await shoot('', 'gallery-1280.png', { width: 1280 });
await shoot('', 'gallery-390.png', { width: 390, dpr: 2 });
await shoot('', 'bullet-fixed-asset-investment.png', { width: 1280, dpr: 2, selector: '#fai-bullet' });
await shoot('', 'trend-390.png', { width: 390, dpr: 2, selector: '#trend-zh' });
await shoot('', 'trend-en-1280.png', { width: 1280, selector: '#trend-en' });
await shoot('', 'gallery-dark.png', { width: 1280, viewportOnly: true }, press(/Dark/));
await shoot('', 'gallery-contrast.png', { width: 1280, viewportOnly: true }, press(/Contrast/));
await shoot('', 'gallery-english-390.png', { width: 390, dpr: 2, viewportOnly: true }, press('English'));
await shoot('e2e/a11y.html', 'a11y-forced-colors.png', { width: 1000, forcedColors: 'active', viewportOnly: true });
await shoot('e2e/a11y.html?zoom', 'a11y-zoomed.png', { width: 1400, viewportOnly: true }, async (page) => {
  const p = await page.evaluate(() => {
    const el = document.querySelector('#rows');
    const rect = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const hit = ReportCharts.chartFor(el).info.hits[1];
    const s = rect.width / ReportCharts.chartFor(el).info.width;
    return { x: rect.left + (hit.x + hit.w / 2) * s, y: rect.top + (hit.y + hit.h / 2) * s };
  });
  await page.mouse.move(p.x, p.y);
});
// A 无障碍工具条 at work after the charts drew (tests/e2e/pages/toolbar/toolbar.js), with a row hovered.
const toolbar = (apply, row = 1) => async (page) => {
  await page.evaluate(apply);
  await page.waitForTimeout(300);
  const p = await page.evaluate((i) => {
    const el = document.querySelector('#board');
    const canvas = el.shadowRoot.querySelector('canvas');
    canvas.scrollIntoView();
    const rect = canvas.getBoundingClientRect();
    const info = ReportCharts.chartFor(el).info;
    const hit = info.hits[i];
    const s = rect.width / info.width;
    return { x: rect.left + (hit.x + hit.w / 2) * s, y: rect.top + (hit.y + hit.h / 2) * s };
  }, row);
  await page.mouse.move(p.x, p.y);
};
await shoot('e2e/toolbar/toolbar.html', 'a11y-toolbar-yellow.png', { width: 1000, viewportOnly: true },
  toolbar(() => Toolbar.colours('#000000', '#ffff00')));
// The whole board at 3× text, unhovered: at this size a tooltip would cover most of it.
await shoot('e2e/toolbar/toolbar.html', 'a11y-toolbar-text3.png', { width: 1000, selector: '#board' }, async (page) => {
  await page.evaluate(() => Toolbar.text(3));
  await page.waitForTimeout(300);
});
await shoot('e2e/toolbar/toolbar.html', 'a11y-toolbar-zoom.png', { width: 1000, viewportOnly: true },
  toolbar(() => Toolbar.zoom(1.5)));
await shoot('builder.html', 'builder-1280.png', { width: 1280, viewportOnly: true });
// README.zh-CN.md, the editors' guide: the builder as an editor sees it, desktop and phone, and
// its output cards (the code, the 2× image and its alt text) with a chart of the main targets.
const mainTargets = async (page) => {
  await page.getByLabel('整个板块 Whole section').check();
  await page.getByLabel('总览 Board').check();
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('section:main-targets'));
  await page.waitForFunction(() => { const { state, info } = window.SnippetBuilder.current(); return state.chart === 'board' && document.getElementById('alt').value.includes(info.summary); });
};
// Tall enough for the whole right-hand column (sticky, scrolled on its own at 900 px).
await shoot('builder.html', 'guide-builder-zh-1280.png', { width: 1280, height: 1700, viewportOnly: true }, mainTargets);
await shoot('builder.html', 'guide-builder-zh-390.png', { width: 390, dpr: 2, viewportOnly: true });
await shoot('builder.html', 'guide-builder-output-390.png', { width: 390, dpr: 2, selector: '.output' }, async (page) => {
  await mainTargets(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#png').click()]);
  await page.waitForFunction(() => document.getElementById('png-status').textContent.includes('px'));
  // The image itself, as an editor gets it for a phone article: the 390 px preview at 2×.
  await download.saveAs(out('guide-export-board-zh@2x.png'));
  console.log('wrote www/img/guide-export-board-zh@2x.png');
});
// Target against achievement: the bundled report's 2024 targets with the (invented, test-only)
// next report merged in through data-merge: what a site shows once the results are in.
await shoot('e2e/merge/merge.html', 'board-merged-zh-720.png', { width: 720, dpr: 2, selector: '#board' });
await shoot('e2e/merge/merge.html', 'board-merged-en-390.png', { width: 390, dpr: 2, selector: '#board-en' });
await browser.close();
server.stop();
