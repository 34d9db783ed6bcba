// The snippet builder (www/builder.html): editors pick, preview, and copy an embed snippet.
import fs from 'node:fs';
import path from 'node:path';
import { openPage, canvasFacts, test, assert, assertEqual, ROOT } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const HOSTILE = `<img src=x onerror="alert(1)"> "q" & 'a' </textarea><script>alert(2)</script>`;

async function openBuilder(browser, server, contextOptions = {}) {
  const opened = await openPage(browser, server.url + 'builder.html', { viewport: { width: 1280, height: 900 }, ...contextOptions });
  await canvasFacts(opened.page, '#preview');
  await opened.page.waitForFunction(() => document.getElementById('snippet').value.includes('data-report-chart'));
  return opened;
}

const label = (page) => page.evaluate(() => document.querySelector('#preview').shadowRoot.querySelector('canvas').getAttribute('aria-label'));

/** Waits until the preview's accessible label satisfies `predicate` (a string it must include, or must differ from). */
async function waitForLabel(page, { includes, differsFrom }) {
  await page.waitForFunction(([inc, diff]) => {
    const canvas = document.querySelector('#preview').shadowRoot.querySelector('canvas');
    const text = canvas && canvas.getAttribute('aria-label');
    return text && (inc === null || inc.every((s) => text.includes(s))) && (diff === null || text !== diff);
  }, [includes || null, differsFrom === undefined ? null : differsFrom], { timeout: 10000 });
}

/** Waits until the preview's data table names exactly `names` (multi-indicator labels only count them). */
async function waitForRows(page, names) {
  await page.waitForFunction((want) => {
    const rows = Array.from(document.querySelector('#preview').shadowRoot.querySelectorAll('tbody th'));
    return rows.map((th) => th.textContent).join('|') === want.join('|');
  }, names, { timeout: 10000 });
}

/** Unticks every picked indicator with the "移除 Remove" buttons, as an editor would. */
async function removeAll(page) {
  for (;;) {
    const buttons = page.locator('#selected-list button');
    if (await buttons.count() === 0) break;
    await buttons.first().click();
  }
}

/** Searches for `query` and ticks the indicator `id` in the filtered list. */
async function pick(page, query, id) {
  const search = page.locator('#search');
  await search.fill('');
  await search.pressSequentially(query);
  await page.locator(`#pick-${id}`).check();
}

async function checkClean(page, problems) {
  const csp = await page.evaluate(() => window.__cspViolations);
  assertEqual(csp.length, 0, 'CSP violations ' + csp.join(', '));
  assertEqual(problems.length, 0, 'console problems ' + problems.join('\n'));
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // addScriptTag({path}) inlines the file, which the page's CSP (rightly) blocks: serve it
    // from a same-origin URL instead, so the test runs under the real policy.
    await page.route('**/__axe.min.js', (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }));
    await page.addScriptTag({ url: '/__axe.min.js' });
  }
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n       ${v.nodes.map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\n/g, ' ')).join('\n       ')}`));
  if (violations.length) console.log('axe violations:\n  ' + violations.join('\n  '));
  return violations;
}

export default function ({ server, browser }) {
  test('builder: loads cleanly, the picker filters, picked indicators and chart type paint the preview', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    await removeAll(page);
    assert(await page.locator('#status').innerText().then((t) => t.includes('请至少选择一个指标') && t.includes('Select at least one indicator')),
      'an empty selection is explained in both languages');

    // The search box filters by Chinese name, English name and id.
    await page.locator('#search').pressSequentially('绿道');
    assert(await page.locator('#pick-urban-greenways').isVisible(), 'greenways match 绿道');
    assert(!(await page.locator('#pick-gdp-growth').isVisible()), 'gdp-growth is filtered out by 绿道');
    await page.locator('#pick-urban-greenways').check();
    await pick(page, 'rural roads', 'rural-roads');
    await page.locator('#search').fill('');
    assert(await page.locator('#pick-gdp-growth').isVisible(), 'an empty search shows everything again');

    await page.getByLabel('分组条形图 Bars').check();
    await waitForRows(page, ['新建城市绿道', '农村公路新改建']);
    await waitForLabel(page, { includes: ['共2项指标'] });
    const facts = await canvasFacts(page, '#preview');
    assertEqual(facts.error, null, 'preview data-error');
    assert(facts.painted > facts.total / 50, `only ${facts.painted} of ${facts.total} pixels painted`);
    assertEqual(await page.locator('#status').innerText(), '', 'no status message once valid');

    const snippet = await page.locator('#snippet').inputValue();
    assert(snippet.includes('data-report-chart="urban-greenways,rural-roads"'), snippet);
    assert(snippet.includes('data-chart="bars"'), snippet);

    // Keyboard only: search, Tab to the first match, Space ticks it.
    await page.locator('#search').focus();
    await page.keyboard.type('urban-pipe');
    await page.keyboard.press('Tab');
    assertEqual(await page.evaluate(() => document.activeElement.id), 'pick-urban-pipe-network-renewed', 'Tab reaches the first match');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.getElementById('selected-list').children.length === 3);

    // The skip link jumps over the long list.
    await page.locator('#search').fill('');
    await page.locator('#search').focus();
    await page.keyboard.press('Shift+Tab');
    assertEqual(await page.evaluate(() => document.activeElement.className), 'skip-inline', 'the skip link precedes the search box');
    assert(await page.locator('.skip-inline').isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assertEqual(await page.evaluate(() => document.activeElement.closest('#selected-list') !== null), true, 'after skipping, Tab reaches the selected list');

    // Language, theme and width change the preview too.
    await page.getByLabel('English').check();
    await waitForRows(page, ['New urban greenways', 'Rural roads built or upgraded', 'Water, drainage and gas pipes renewed']);
    await waitForLabel(page, { includes: ['3 indicators'] });
    await page.locator('#theme').selectOption('dark');
    await page.getByLabel('320 px').check();
    await page.waitForFunction(() => document.querySelector('#preview').shadowRoot.querySelector('canvas').getBoundingClientRect().width === 320);
    await checkClean(page, problems);
    await context.close();
  });

  test('builder: escapeHtml survives a hostile string', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    const result = await page.evaluate((hostile) => {
      const escaped = window.SnippetBuilder.escapeHtml(hostile);
      const doc = new DOMParser().parseFromString(`<p title="${escaped}" data-x='${escaped}'>${escaped}</p>`, 'text/html');
      const p = doc.body.firstElementChild;
      return {
        escaped,
        children: doc.body.children.length, inner: p.children.length,
        title: p.getAttribute('title'), single: p.getAttribute('data-x'), text: p.textContent,
      };
    }, HOSTILE);
    assert(!/[<>"']/.test(result.escaped), 'nothing left unescaped: ' + result.escaped);
    assertEqual(result.escaped, '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &quot;q&quot; &amp; &#39;a&#39; &lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;', 'escaped');
    assertEqual(result.children, 1, 'one element');
    assertEqual(result.inner, 0, 'no element injected');
    assertEqual(result.title, HOSTILE, 'double-quoted attribute round trip');
    assertEqual(result.single, HOSTILE, 'single-quoted attribute round trip');
    assertEqual(result.text, HOSTILE, 'text round trip');
    await checkClean(page, problems);
    await context.close();
  });

  test('builder: the snippet renders the same chart on a blank page, and copies', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByLabel('English').check();
    await page.locator('#theme').selectOption('contrast');
    await page.locator('#title').fill(HOSTILE);
    await page.locator('#actual-fixed-asset-investment-growth').fill('9.1');
    await waitForLabel(page, { includes: [HOSTILE, '1 exceeded'] });
    await page.waitForFunction(() => document.getElementById('snippet').value.includes('data-actual-2024'));
    const previewLabel = await label(page);
    const info = await page.evaluate(() => {
      const { info } = window.SnippetBuilder.current();
      return { summary: info.summary, rows: info.rows.length, shadowRows: document.querySelector('#preview').shadowRoot.querySelectorAll('tbody tr').length };
    });
    assertEqual(info.shadowRows, info.rows, 'the preview table has the rows of the render info');
    const snippet = await page.locator('#snippet').inputValue();
    assert(snippet.includes('data-actual-2024="fixed-asset-investment-growth=9.1"'), snippet);
    assert(!snippet.includes(HOSTILE), 'the hostile title is escaped in the snippet');

    // Copy: the button, the clipboard and the visible confirmation.
    await page.getByRole('button', { name: '复制代码 Copy snippet' }).click();
    await page.waitForFunction(() => document.getElementById('copy-status').textContent.includes('Copied'));
    assertEqual(await page.evaluate(() => navigator.clipboard.readText()), snippet, 'clipboard holds the snippet');
    // Without the async clipboard (denied or absent), the textarea is selected and execCommand copies.
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
    await page.evaluate(() => { document.getElementById('copy-status').textContent = ''; });
    await page.locator('#copy').click();
    await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
    const selection = await page.evaluate(() => {
      const area = document.getElementById('snippet');
      return { start: area.selectionStart, end: area.selectionEnd, length: area.value.length, status: document.getElementById('copy-status').textContent };
    });
    assert(selection.start === 0 && selection.end === selection.length, 'the whole snippet is selected: ' + JSON.stringify(selection));
    assert(/Copied|Ctrl\+C/.test(selection.status), 'a visible confirmation or instruction: ' + selection.status);
    await checkClean(page, problems);

    const blank = await openPage(browser, server.url + 'e2e/blank.html', { viewport: { width: 1280, height: 900 } });
    const parsed = await blank.page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const scripts = Array.from(doc.querySelectorAll('script')).map((s) => s.getAttribute('src'));
      const div = doc.querySelector('[data-report-chart]');
      const host = document.importNode(div, true);
      host.id = 'embedded';
      document.body.appendChild(host); // the static fallback first, as a page without the script shows it
      return {
        scripts,
        elements: doc.body.querySelectorAll('*').length,
        images: doc.querySelectorAll('img').length,
        title: host.getAttribute('data-title'),
        summary: host.querySelector('p').textContent,
        caption: host.querySelector('caption').textContent,
        rows: host.querySelectorAll('tbody tr').length,
        headers: host.querySelectorAll('thead th').length,
      };
    }, snippet);
    assertEqual(parsed.scripts.length, 1, 'one script tag in the snippet');
    assertEqual(parsed.scripts[0], '/path/to/report-charts.js', 'script src');
    assertEqual(parsed.images, 0, 'no element smuggled in by the title');
    assertEqual(parsed.title, HOSTILE, 'data-title round trip');
    assertEqual(parsed.caption, HOSTILE, 'fallback caption round trip');
    assertEqual(parsed.summary, info.summary, 'fallback summary = preview summary');
    assertEqual(parsed.rows, info.rows, 'fallback rows = preview rows');
    assertEqual(parsed.headers, 9, 'fallback headers');

    await blank.page.evaluate(() => {
      const script = document.createElement('script');
      script.src = '/dist/report-charts.js';
      document.head.appendChild(script);
    });
    const facts = await canvasFacts(blank.page, '#embedded');
    assertEqual(facts.error, null, 'embedded data-error');
    assertEqual(facts.label, previewLabel, 'the embedded chart is the preview chart');
    assert(facts.painted > facts.total / 50, `only ${facts.painted} of ${facts.total} pixels painted`);
    await checkClean(blank.page, blank.problems);
    await blank.context.close();
    await context.close();
  });

  for (const lang of ['zh', 'en']) {
    test(`builder: a 2× PNG with its title, and the alt text beside it (${lang})`, async () => {
      const { page, context, problems } = await openBuilder(browser, server);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      if (lang === 'en') {
        await page.getByLabel('English').check();
        await waitForLabel(page, { includes: ['2 indicators'] });
      }
      await page.waitForFunction((want) => window.SnippetBuilder.current().info.lang === want
        && document.getElementById('alt').value.includes(window.SnippetBuilder.current().info.summary), lang);
      const chart = await page.evaluate(() => {
        const host = document.querySelector('#preview');
        const { info } = ReportCharts.chartFor(host);
        return {
          css: info.canvas, title: info.title, summary: info.summary, briefs: info.rows.map((row) => row.brief),
          caption: host.querySelector('.report-chart-caption').textContent,
          figcaption: host.shadowRoot.querySelector('figcaption slot').assignedNodes().map((n) => n.textContent).join(''),
          alt: document.getElementById('alt').value, altLang: document.getElementById('alt').lang,
        };
      });
      // The alt text says what the image shows: its title, the chart's accessible summary (its
      // visible caption and the figure's caption), then each of its rows in short.
      assert(chart.alt.startsWith(chart.title), `alt text starts with the title: ${chart.alt}`);
      assertEqual(chart.summary, chart.caption, 'the summary is the visible caption');
      assertEqual(chart.summary, chart.figcaption, 'the summary is the figure caption');
      assert(chart.alt.includes(chart.summary), 'alt text holds the summary');
      assertEqual(chart.briefs.length, 2, 'two rows');
      let rowsFrom = chart.alt.indexOf(chart.summary) + chart.summary.length;
      for (const brief of chart.briefs) {
        const at = chart.alt.indexOf(brief, rowsFrom);
        assert(at >= rowsFrom, `alt text holds the row "${brief}", in order: ${chart.alt}`);
        rowsFrom = at + brief.length;
      }
      assertEqual(chart.altLang, lang === 'en' ? 'en' : 'zh-CN', 'the alt text carries its language');
      const cjk = /[\u4e00-\u9fff]/.test(chart.alt);
      assert(lang === 'en' ? !cjk && /[a-z]/.test(chart.alt) : cjk, 'alt text in the chart\'s language: ' + chart.alt);
      await page.getByRole('button', { name: '复制替代文字 Copy alt text' }).click();
      await page.waitForFunction(() => document.getElementById('copy-alt-status').textContent.includes('Copied'));
      assertEqual(await page.evaluate(() => navigator.clipboard.readText()), chart.alt, 'the clipboard holds the alt text');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#png').click()]);
      const name = download.suggestedFilename();
      assertEqual(name, `report-charts-fixed-asset-investment-growth+retail-sales-growth-${lang}@2x.png`, 'file name');
      const bytes = fs.readFileSync(await download.path());
      assertEqual(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG signature');
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      assertEqual(width, Math.round(chart.css.cssWidth * 2), 'PNG width = 2 × the chart\'s CSS width');
      assertEqual(height, Math.round(chart.css.cssHeight * 2), 'PNG height = 2 × the chart\'s CSS height');
      assertEqual(chart.css.dpr, 1, 'the page itself is at 1 device pixel per CSS px');
      await page.waitForFunction(() => document.getElementById('png-status').textContent.includes('px'));
      assert((await page.locator('#png-status').innerText()).includes(`${width} × ${height}`), 'the status says the size');
      // It decodes; its top band (the title line, 16 to 44 CSS px from the top) has the title's ink,
      // dark on the light theme's ground, and the band above the title has none.
      const ink = await page.evaluate(async (base64) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([data], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const dark = (y0, y1) => {
          const pixels = context.getImageData(0, y0, image.width, y1 - y0).data;
          let count = 0;
          for (let i = 0; i < pixels.length; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 100) count++;
          return count / (image.width * (y1 - y0));
        };
        return { width: image.width, height: image.height, title: dark(32, 88), above: dark(0, 12), ground: Array.from(context.getImageData(2, 2, 1, 1).data) };
      }, bytes.toString('base64'));
      assertEqual(ink.width, width, 'decoded width');
      assertEqual(ink.height, height, 'decoded height');
      assertEqual(ink.ground.join(','), '255,255,255,255', 'an opaque white ground (light theme)');
      assert(ink.title > 0.01, `title ink in the top band: ${(ink.title * 100).toFixed(2)}% dark pixels`);
      assertEqual(ink.above, 0, 'nothing above the title');
      console.log(`     figures (${lang}): PNG ${width} × ${height} px for a ${chart.css.cssWidth} × ${chart.css.cssHeight} CSS px chart, ${bytes.length} bytes; ${(ink.title * 100).toFixed(1)}% title ink`);
      // The preview itself is untouched: still 1 device px per CSS px.
      const after = await canvasFacts(page, '#preview');
      assertEqual(after.backingWidth, Math.round(chart.css.cssWidth), 'the preview canvas keeps its size');
      await checkClean(page, problems);
      await context.close();
    });
  }

  test('builder: the SRI box puts the integrity of report-charts.js (as make dist prints it) on the script tag', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    const bytes = fs.readFileSync(path.join(ROOT, 'dist/report-charts.js'));
    const expected = 'sha384-' + (await import('node:crypto')).createHash('sha384').update(bytes).digest('base64');
    const scriptTag = () => page.evaluate(() => document.getElementById('snippet').value.split('\n')[0]);
    assert(!(await scriptTag()).includes('integrity'), 'no integrity until asked: ' + await scriptTag());
    await page.getByLabel('加上完整性校验（SRI）').check();
    await page.waitForFunction(() => document.getElementById('snippet').value.includes('integrity'));
    const tag = await scriptTag();
    assert(tag.includes(`integrity="${expected}" crossorigin="anonymous"`), tag);
    await page.getByLabel('加上完整性校验（SRI）').uncheck();
    assert(!(await scriptTag()).includes('integrity'), 'unchecked: no integrity');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('builder: typing an actual value updates the preview', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    await page.locator('#selected-list button').nth(1).click(); // keep fixed-asset-investment-growth only
    await waitForLabel(page, { includes: ['固定资产投资增长：2024年目标8.5%'] });
    await page.waitForFunction(() => !document.querySelector('#actual-retail-sales-growth'));
    const before = await label(page);
    assert(!before.includes('9.3'), before);
    await page.locator('#actual-fixed-asset-investment-growth').pressSequentially('9.3');
    await waitForLabel(page, { includes: ['9.3%'], differsFrom: before });
    assert((await label(page)).includes('超额完成'), 'the status follows the actual: ' + await label(page));
    await page.waitForFunction(() => document.getElementById('snippet').value.includes('data-actual-2024="fixed-asset-investment-growth=9.3"'));
    assertEqual(await page.evaluate(() => document.activeElement.id), 'actual-fixed-asset-investment-growth', 'focus stays in the input while typing');
    // Clearing the value takes it out again.
    await page.locator('#actual-fixed-asset-investment-growth').fill('');
    await page.waitForFunction(() => !document.getElementById('snippet').value.includes('data-actual-2024'));
    assertEqual(await label(page), before, 'back to the pending chart');
    await checkClean(page, problems);
    await context.close();
  });

  test('builder: a picked data file is merged, its indicators can be picked, and the snippet merges it for the site', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    assert(!(await page.locator('#pick-consumer-price-rise').count()), 'not in the bundled data');
    const before = await label(page);
    await page.locator('#data-file').setInputFiles(path.join(ROOT, 'tests/fixtures/next-report-v1.json'));
    await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('已合并'));
    assert(await page.locator('#pick-consumer-price-rise').count(), 'the merged indicator is in the picker');
    // The default selection now has the merged 2024 results: the preview judges them.
    await waitForLabel(page, { differsFrom: before });
    assert((await label(page)).includes('超额完成1项'), 'the merged estimate (9%) beats the 8.5% target: ' + await label(page));
    await page.locator('#data-url').fill('/data/suizhou-2025.json');
    await page.waitForFunction(() => document.getElementById('snippet').value.includes('data-merge="/data/suizhou-2025.json"'));
    // A file that conflicts with the data (an indicator redefined) is refused, and says so.
    const redefined = fs.readFileSync(path.join(ROOT, 'tests/fixtures/next-report-v1.json'), 'utf8').replace('"unit": "%"', '"unit": "个"');
    await page.locator('#data-file').setInputFiles({ name: 'conflict.json', mimeType: 'application/json', buffer: Buffer.from(redefined) });
    await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('未能合并'));
    await checkClean(page, problems.filter((p) => !p.includes('report-charts')));
    await context.close();
  });

  test('builder: bars over mixed units show a bilingual error and keep the last good preview', async () => {
    const { page, context, problems } = await openBuilder(browser, server);
    await page.getByLabel('分组条形图 Bars').check();
    await page.waitForFunction(() => document.getElementById('snippet').value.includes('data-chart="bars"'));
    const good = await canvasFacts(page, '#preview');
    const goodSnippet = await page.locator('#snippet').inputValue();

    await pick(page, '高标准农田', 'high-standard-farmland');
    const status = page.locator('#status');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('sharing one unit'));
    const text = await status.innerText();
    assert(text.includes('应为单位相同的指标') && text.includes('expected indicators sharing one unit'), 'bilingual error: ' + text);
    assert(await status.isVisible(), 'the status is visible');
    assertEqual(await status.getAttribute('aria-live'), 'polite', 'status is live');

    const kept = await canvasFacts(page, '#preview');
    assertEqual(kept.label, good.label, 'the preview keeps the last good chart');
    assertEqual(kept.error, null, 'no data-error on the preview');
    assert(kept.painted > kept.total / 50, 'the last good preview is still painted');
    assertEqual(await page.locator('#snippet').inputValue(), goodSnippet, 'the snippet keeps the last good chart');

    // Fixing it (a chart type that allows mixed units) clears the message.
    await page.getByLabel('子弹图 Bullet').check();
    await waitForRows(page, ['固定资产投资增长', '社会消费品零售总额增长', '高标准农田']);
    await page.waitForFunction(() => document.getElementById('status').textContent === '');
    await checkClean(page, problems);
    await context.close();
  });

  for (const width of [1280, 390]) {
    test(`builder: axe-core finds no violations at ${width} px (valid and error states)`, async () => {
      const { page, context, problems } = await openBuilder(browser, server, { viewport: { width, height: 900 } });
      assertEqual((await axeViolations(page)).length, 0, 'axe violations in the initial state');
      await page.getByLabel('分组条形图 Bars').check();
      await pick(page, '高标准农田', 'high-standard-farmland');
      await page.waitForFunction(() => document.getElementById('status').textContent.includes('sharing one unit'));
      assertEqual((await axeViolations(page)).length, 0, 'axe violations with the error shown');
      await page.getByLabel('整个板块 Whole section').check();
      await page.getByLabel('English').check();
      await page.locator('#section').selectOption('plan-rural');
      await page.getByLabel('子弹图 Bullet').check();
      await page.waitForFunction(() => document.getElementById('snippet').value.includes('section:plan-rural'));
      assertEqual((await axeViolations(page)).length, 0, 'axe violations with a section chart');
      await page.getByLabel('768 px').check();
      await page.waitForFunction(() => document.querySelector('#preview').shadowRoot.querySelector('canvas').getBoundingClientRect().width === 768);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assertEqual(overflow, 0, 'no horizontal page scroll (a wide preview scrolls inside its frame)');
      assertEqual((await axeViolations(page)).length, 0, 'axe violations with a 768 px preview');
      await checkClean(page, problems);
      await context.close();
    });
  }
}
