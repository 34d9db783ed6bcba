// Readers: keyboard, the listbox's options and details, tooltips (hover, tap, zoom), forced colours,
// and axe-core audits of the gallery and a test page.
import path from 'node:path';
import { openPage, canvasFacts, test, assert, assertEqual, ROOT } from './harness.mjs';


async function mountAll(page) {
  await page.evaluate(async () => {
    const hosts = Array.from(document.querySelectorAll('[data-report-chart], report-chart'));
    for (const host of hosts) {
      host.scrollIntoView();
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-report-chart], report-chart'))
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('canvas[aria-label]')), null, { timeout: 15000 });
}

async function axe(page) {
  await page.addScriptTag({ url: '/vendor/axe-core/axe.min.js' });
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

const tipText = (page, host) => page.evaluate((sel) => {
  const tip = document.querySelector(sel).shadowRoot.querySelector('[role=tooltip]');
  const visible = tip.matches(':popover-open') || (!tip.hidden && tip.getBoundingClientRect().width > 0);
  return visible ? tip.textContent : null;
}, host);

/**
 * Centre of hit region `index` in page coordinates, through any CSS transform: from the public
 * handle's row box (CSS px from the host's corner), scaled as the host is.
 */
const hitCentre = (page, host, index) => page.evaluate(([sel, i]) => {
  const el = document.querySelector(sel);
  const info = ReportCharts.chartFor(el).info;
  const row = info.rows.find((r) => r.id === info.hits[i].id);
  const rect = el.getBoundingClientRect();
  const scale = rect.width / el.offsetWidth;
  return { x: rect.left + (row.box.x + row.box.w / 2) * scale, y: rect.top + (row.box.y + row.box.h / 2) * scale, name: row.name };
}, [host, index]);

export default function ({ server, browser }) {
  for (const [name, url] of [['gallery', ''], ['accessibility test page', 'e2e/a11y.html'], ['screen-reader test page', 'e2e/screen-reader.html?lang=en']]) {
    test(`axe-core finds no violations on the ${name}`, async () => {
      const { page, context } = await openPage(browser, server.url + url, { viewport: { width: 1280, height: 900 } });
      await mountAll(page);
      const violations = await axe(page);
      assertEqual(violations.length, 0, 'axe violations:\n' + violations.join('\n'));
      await context.close();
    });
  }

  test('the toolbar\'s 下载图片 saves the chart at 2 device pixels per CSS px on a 1× screen', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 }, acceptDownloads: true });
    const facts = await canvasFacts(page, '#rows');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#rows').getByRole('button', { name: '下载图片' }).click()]);
    const bytes = (await import('node:fs')).readFileSync(await download.path());
    assertEqual(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG signature');
    assertEqual(facts.dpr, 1, 'a 1× screen');
    assertEqual(bytes.readUInt32BE(16), Math.round(facts.cssWidth * 2), 'image width = 2 × the CSS width');
    assertEqual(facts.backingWidth, Math.round(facts.cssWidth), 'the chart on the page keeps its backing store');
    assertEqual(problems.length, 0, problems.join('\n'));
    console.log(`     figures: ${bytes.readUInt32BE(16)} × ${bytes.readUInt32BE(20)} px saved for a ${facts.cssWidth} CSS px chart`);
    await context.close();
  });

  test('keyboard only: one Tab stop, arrows step through every indicator, each option names its row', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 } });
    await canvasFacts(page, '#rows');
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // toolbar: data table
    await page.keyboard.press('Tab'); // download image
    await page.keyboard.press('Tab'); // download data
    await page.keyboard.press('Tab'); // the chart
    const focused = await page.evaluate(() => document.activeElement.id + '/' + document.activeElement.shadowRoot.activeElement.getAttribute('role'));
    assertEqual(focused, 'rows/listbox', 'focus after tabbing past the skip link and the toolbar');
    const state = () => page.evaluate(() => {
      const root = document.querySelector('#rows').shadowRoot;
      const stage = root.querySelector('[role=listbox]');
      const active = stage.getAttribute('aria-activedescendant');
      return { active: active && root.getElementById(active).textContent, live: root.querySelector('[aria-live]').textContent, describedby: stage.getAttribute('aria-describedby') };
    });
    const rows = await page.evaluate(() => Array.from(document.querySelector('#rows').shadowRoot.querySelectorAll('tbody tr'))
      .map((tr) => ({ name: tr.children[1].textContent, target: tr.children[3].textContent, actual: tr.children[4].textContent })));
    assertEqual(rows.length, 4, 'rows in the data table');
    const entered = await state();
    assertEqual(entered.active, null, 'Tab in names the chart, not a row');
    assertEqual(entered.describedby, 'keys', 'the listbox is described by its keys, never by the tooltip');
    for (let i = 0; i < rows.length; i++) {
      await page.keyboard.press('ArrowDown');
      const now = await state();
      assertEqual(now.active, `第${i + 1}项，共${rows.length}项：${rows[i].name}，目标${rows[i].target}，实绩${rows[i].actual}`, `option ${i + 1}`);
      assertEqual(now.live, '', 'no live-region write on a step');
      assertEqual(now.describedby, 'keys', 'the tooltip is not the listbox description');
    }
    await page.keyboard.press('ArrowDown'); // stays on the last
    await page.keyboard.press('Home');
    assert((await tipText(page, '#rows')).startsWith('固定资产投资增长'), 'Home goes to the first indicator');
    await page.keyboard.press('End');
    assert((await tipText(page, '#rows')).startsWith('城镇新增就业'), 'End goes to the last indicator');
    await page.evaluate(() => document.addEventListener('reportchart:select', (e) => { window.__selected = e.detail.id; }, { once: true }));
    await page.keyboard.press('Enter');
    assertEqual(await page.evaluate(() => window.__selected), 'urban-new-jobs', 'Enter selects the focused indicator');
    assert((await tipText(page, '#rows')).includes('城镇新增就业2.1万人 / 城镇新增就业1.6万人'), 'details show the verbatim source');
    const said = await page.evaluate(() => document.querySelector('#rows').shadowRoot.querySelector('[aria-live]').textContent);
    assert(said.startsWith('详情：') && said.includes('城镇新增就业2.1万人 / 城镇新增就业1.6万人'), 'Enter reads the details through the live region: ' + said);
    await page.keyboard.press('Escape');
    assertEqual(await tipText(page, '#rows'), null, 'Escape closes the details');
    assertEqual(await page.evaluate(() => document.querySelector('#rows').shadowRoot.querySelector('[aria-live]').textContent), '已关闭详情', 'Escape says it closed');
    const ring = await page.evaluate(() => {
      const overlay = document.querySelector('#rows').shadowRoot.querySelector('.overlay.focus');
      const data = overlay.getContext('2d').getImageData(0, 0, overlay.width, overlay.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    });
    assert(ring > 100, `focus ring drawn on the overlay (${ring} pixels)`);
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('hover shows a tooltip with name, target, actual, status sentence, margin and source, never clipped', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 700 } });
    await canvasFacts(page, '#board');
    await page.locator('#board').scrollIntoViewIfNeeded();
    const target = await hitCentre(page, '#board', 0);
    await page.mouse.move(target.x, target.y);
    const text = await tipText(page, '#board');
    assert(text && text.startsWith(target.name), `tooltip for ${target.name}: ${text}`);
    for (const part of ['Target', '6.5%', 'Actual', '5.8%', 'Margin', '−0.7 pp', 'not met', 'From Suizhou Municipal Government Work Report 2024', '地区生产总值增长6.5%']) {
      assert(text.includes(part), `tooltip lacks ${part}: ${text}`);
    }
    // The clipped host: its tooltip lies fully inside the viewport even below the clip box.
    const last = await hitCentre(page, '#rows', 3);
    await page.mouse.move(last.x, last.y);
    const box = await page.evaluate(() => {
      const tip = document.querySelector('#rows').shadowRoot.querySelector('[role=tooltip]');
      const r = tip.getBoundingClientRect();
      const topmost = document.querySelector('#rows').shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, onTop: tip.contains(topmost), w: innerWidth, h: innerHeight };
    });
    assert(box.top >= 0 && box.left >= 0 && box.bottom <= box.h && box.right <= box.w, 'tooltip inside the viewport ' + JSON.stringify(box));
    assert(box.onTop, 'tooltip is not clipped or covered ' + JSON.stringify(box));
    await context.close();
  });

  test('touch: a tap opens the right tooltip; targets are at least 24×24 px', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await canvasFacts(page, '#rows');
    const target = await hitCentre(page, '#rows', 2);
    await page.touchscreen.tap(target.x, target.y);
    const text = await tipText(page, '#rows');
    assert(text && text.startsWith('高标准农田'), `tapped 高标准农田, tooltip: ${text}`);
    const small = await page.evaluate(() => {
      const out = [];
      document.querySelectorAll('[data-report-chart]').forEach((host) => {
        const root = host.shadowRoot;
        if (!root) return;
        root.querySelectorAll('button').forEach((b) => {
          const r = b.getBoundingClientRect();
          if (r.width && (r.width < 24 || r.height < 24)) out.push(b.textContent + ' ' + r.width + '×' + r.height);
        });
        (root.__chartHits || []).forEach(() => {});
      });
      const rows = ReportCharts.chartFor(document.querySelector('#rows')).info.hits.filter((h) => h.h < 24);
      return out.concat(rows.map((h) => 'row ' + h.id));
    });
    assertEqual(small.length, 0, 'touch targets under 24 px: ' + small.join(', '));
    await context.close();
  });

  test('zoom by transform: scale(1.5) on body keeps hit-testing exact and the canvas crisp', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/a11y.html?zoom', { viewport: { width: 1400, height: 1000 } });
    await canvasFacts(page, '#rows');
    for (const index of [0, 1, 2, 3]) {
      const target = await hitCentre(page, '#rows', index);
      await page.mouse.move(target.x, target.y);
      const text = await tipText(page, '#rows');
      assert(text && text.startsWith(target.name), `under zoom, pointing at ${target.name} shows ${text}`);
    }
    const facts = await page.evaluate(() => {
      const canvas = document.querySelector('#rows').shadowRoot.querySelector('canvas');
      return { backing: canvas.width, drawn: canvas.getBoundingClientRect().width };
    });
    assertEqual(facts.backing, Math.round(facts.drawn), 'backing pixels = drawn pixels under the transform (crisp)');
    await context.close();
  });

  test('forced colours and reduced motion: the chart renders in system colours', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 }, forcedColors: 'active', reducedMotion: 'reduce' });
    const facts = await canvasFacts(page, '#rows');
    assert(facts.painted > facts.total / 100, 'painted under forced colours');
    const colours = await page.evaluate(() => {
      const host = document.querySelector('#rows');
      const canvas = host.shadowRoot.querySelector('canvas');
      const px = canvas.getContext('2d').getImageData(1, 1, 1, 1).data;
      const probe = document.createElement('span');
      probe.style.backgroundColor = 'Canvas';
      document.body.appendChild(probe);
      const system = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { pixel: `rgb(${px[0]}, ${px[1]}, ${px[2]})`, system };
    });
    assertEqual(colours.pixel, colours.system, 'chart background is the system Canvas colour');
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/out/forced-colors.png'), fullPage: true });
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('the data-table toggle shows the table and keeps keyboard focus through the redraw', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 } });
    await canvasFacts(page, '#rows');
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    const state = await page.evaluate(() => {
      const root = document.querySelector('#rows').shadowRoot;
      const table = root.querySelector('table');
      return { focused: root.activeElement && root.activeElement.textContent, expanded: root.activeElement && root.activeElement.getAttribute('aria-expanded'), height: table.getBoundingClientRect().height };
    });
    assertEqual(state.focused, '数据表', 'focus stays on the toggle');
    assertEqual(state.expanded, 'true', 'aria-expanded');
    assert(state.height > 100, `the table is visible (${state.height} px)`);
    await context.close();
  });
}
