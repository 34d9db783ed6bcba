// Hardening: bad inputs get exact messages while good charts keep painting.
import { openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';

export default function ({ server, browser }) {
  test('30+ bad-input embeds each report their exact error; fallbacks show; good charts stay painted', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/hardening/bad-inputs.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#good-1');
    const cases = await page.evaluate(() => window.BAD_ATTRIBUTES.concat(window.BAD_ELEMENTS, window.BAD_OPTIONS).map((c) => [c[0], c[2]]));
    assert(cases.length >= 30, `${cases.length} cases`);
    // Lazy embeds initialise when visible: bring each into view.
    for (let i = 0; i < cases.length; i++) {
      await page.locator('#bad-' + i).scrollIntoViewIfNeeded();
      await page.waitForFunction((id) => document.getElementById(id).hasAttribute('data-error'), 'bad-' + i, { timeout: 5000 })
        .catch(() => { throw new Error(`${cases[i][0]}: no data-error`); });
    }
    const got = await page.evaluate((n) => Array.from({ length: n }, (_, i) => {
      const el = document.getElementById('bad-' + i);
      const fallback = el.querySelector('.fallback');
      return { error: el.getAttribute('data-error'), zh: el.getAttribute('data-error-zh'), fallback: fallback.getBoundingClientRect().height > 0 };
    }), cases.length);
    const wrong = [];
    cases.forEach(([name, expected], i) => {
      if (got[i].error !== 'report-charts: ' + expected) wrong.push(`${name}:\n       expected ${expected}\n       got      ${got[i].error}`);
      if (!got[i].zh || !got[i].zh.includes('应为')) wrong.push(`${name}: no Chinese message (${got[i].zh})`);
      if (!got[i].fallback) wrong.push(`${name}: fallback not visible`);
    });
    assertEqual(wrong.length, 0, 'mismatches:\n' + wrong.join('\n'));
    for (const good of ['#good-1', '#good-2']) {
      await page.locator(good).scrollIntoViewIfNeeded();
      const facts = await canvasFacts(page, good);
      assert(facts.painted > facts.total / 100 && facts.error === null, `${good} still painted`);
    }
    const logged = problems.filter((p) => p.startsWith('console: report-charts:')).length;
    const other = problems.filter((p) => !p.startsWith('console: report-charts:'));
    assert(logged >= cases.length, `${logged} errors logged to the console for ${cases.length} cases`);
    assertEqual(other.length, 0, 'other problems: ' + other.join('\n'));
    console.log(`     figures: ${cases.length} bad inputs, each with its exact message; 2 good charts painted`);
    await context.close();
  });

  test('script payloads in names, titles and summaries render as text under Trusted Types; nothing runs', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/hardening/xss.html', { viewport: { width: 1000, height: 900 } });
    await page.waitForSelector('body[data-ready=yes]', { timeout: 15000 });
    const facts = await canvasFacts(page, '#board');
    assert(facts.painted > facts.total / 100, 'painted');
    const found = await page.evaluate(() => {
      const board = document.querySelector('#board').shadowRoot;
      const bullet = document.querySelector('#bullet').shadowRoot;
      const chart = ReportCharts.chartFor('#board');
      chart.focusAt(0);
      return {
        pwned: window.__pwned,
        elements: board.querySelectorAll('img, script').length + bullet.querySelectorAll('img, script').length + document.querySelectorAll('img, script:not([src])').length,
        table: board.querySelector('table').textContent,
        label: board.querySelector('canvas').getAttribute('aria-label'),
        tip: board.querySelector('[role=tooltip]').textContent,
        summary: bullet.querySelector('canvas').getAttribute('aria-label'),
        csv: chart.toCSV(),
      };
    });
    const payload = await page.evaluate(() => window.PAYLOAD);
    const closer = await page.evaluate(() => window.CLOSER);
    assertEqual(found.pwned, undefined, 'window.__pwned');
    assertEqual(found.elements, 0, 'img/script elements created');
    assert(found.table.includes('地区生产总值增长' + payload), 'table shows the payload as text');
    assert(found.table.includes('主要目标' + payload), 'section names as text');
    assert(found.label.startsWith('T' + payload), 'title as text: ' + found.label);
    assert(found.tip.includes(payload), 'tooltip shows the payload as text');
    assert(found.summary.endsWith('S' + closer), 'editor summary as text: ' + found.summary);
    assert(found.csv.includes('地区生产总值增长' + payload.replace(/"/g, '""')), 'CSV keeps the text, quoted');
    const tt = problems.filter((p) => /trusted/i.test(p));
    assertEqual(tt.length, 0, 'Trusted Types violations: ' + tt.join('\n'));
    const csp = await page.evaluate(() => window.__cspViolations);
    assertEqual(csp.length, 0, 'CSP violations: ' + csp.join(', '));
    await context.close();
  });

  test('extremes: 0, negative growth, 1e15, 1e-9, 80-character names, 500 indicators, a 0 px container', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/hardening/extremes.html', { viewport: { width: 1000, height: 900 } });
    await page.waitForFunction(() => window.ReportCharts && window.EXTREMES);
    const result = await page.evaluate(async () => {
      await ReportCharts.ready;
      await ReportCharts.loadData(window.EXTREMES);
      const main = document.getElementById('main');
      const out = [];
      const ids = ['zero', 'negative', 'huge', 'tiny', 'long-name'];
      for (const chart of ['bullet', 'dumbbell', 'bars', 'progress', 'board']) {
        for (const lang of ['zh', 'en']) {
          const el = document.createElement('div');
          main.appendChild(el);
          const picked = chart === 'bars' ? ['zero', 'negative', 'tiny'] : ids;
          const c = await ReportCharts.render(el, { indicators: picked, chart, lang });
          out.push({ chart, lang, height: c.info.height, hits: c.info.hits.length });
        }
      }
      const big = document.createElement('div');
      main.appendChild(big);
      const started = performance.now();
      const board = await ReportCharts.render(big, { section: 'many', chart: 'board' });
      const boardMs = performance.now() - started;
      const firstPage = { hits: board.info.hits.length, pages: board.info.pages, rows: board.info.rows.length };
      big.shadowRoot.querySelector('[data-page=next]').click();
      await new Promise((r) => setTimeout(r, 100));
      const secondPage = { page: board.info.page, first: board.info.hits[0].id, label: big.shadowRoot.querySelector('.pager .filter-label').textContent };
      await board.update({ pageSize: 0 });
      // A container 0 px wide, then resized.
      const zero = document.createElement('div');
      zero.className = 'zero';
      main.appendChild(zero);
      const z = await ReportCharts.render(zero, { indicators: ['negative'] });
      const before = z.info;
      zero.className = '';
      await new Promise((r) => setTimeout(r, 300));
      // An element removed while loading its chart.
      const gone = document.createElement('div');
      main.appendChild(gone);
      const pending = ReportCharts.render(gone, { indicators: ['zero'] });
      gone.remove();
      await pending;
      return { out, firstPage, secondPage, boardHits: board.info.hits.length, boardHeight: board.info.height, boardMs, zeroBefore: before, zeroAfter: z.info && z.info.width };
    });
    for (const r of result.out) assert(r.height > 0 && r.hits > 0, `${r.chart} ${r.lang}: ${JSON.stringify(r)}`);
    assertEqual(JSON.stringify(result.firstPage), JSON.stringify({ hits: 30, pages: 17, rows: 500 }), 'a 500-row board pages by 30; the data table keeps all 500');
    assertEqual(JSON.stringify(result.secondPage), JSON.stringify({ page: 2, first: 'many-30', label: '第 2 / 17 页' }), 'next page');
    assertEqual(result.boardHits, 500, '500 rows on one page when pageSize is 0');
    assertEqual(result.zeroBefore, null, 'nothing drawn at 0 px');
    assertEqual(result.zeroAfter, 640, 'drawn at 640 px after the resize');
    assertEqual(problems.length, 0, problems.join('\n'));
    console.log(`     figures: 500-indicator board: first page (30 rows) rendered in ${result.boardMs.toFixed(1)} ms; all 500 on one page ${result.boardHeight} px tall`);
    await context.close();
  });

  test('a trapped wasm instance is replaced and live charts are redrawn', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/hardening/bad-inputs.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#good-1');
    const result = await page.evaluate(async () => {
      const host = document.querySelector('#good-1');
      const before = ReportCharts.diagnostics();
      let trapped = null;
      try { ReportCharts.__trapForTests(); } catch (e) { trapped = e.constructor.name; }
      await ReportCharts.ready;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const chart = await ReportCharts.render(document.querySelector('#bad-0'), { indicators: ['urban-new-jobs'] });
      return { trapped, before: before.instances, after: ReportCharts.diagnostics().instances, label: host.shadowRoot.querySelector('canvas').getAttribute('aria-label'), fresh: chart.info.title };
    });
    assertEqual(result.trapped, 'RuntimeError', 'the trap surfaces as a RuntimeError');
    assertEqual(result.after, result.before + 1, 'a fresh instance');
    assert(result.label.startsWith('固定资产投资增长'), 'the live chart was redrawn');
    assertEqual(result.fresh, '城镇新增就业', 'new charts render on the fresh instance');
    const facts = await canvasFacts(page, '#good-1');
    assert(facts.painted > facts.total / 100, 'still painted');
    assert(problems.some((p) => p.includes('internal fault')), 'the fault is reported to the editor');
    await context.close();
  });

  test('1000 render calls in a row: the last wins; 1000 render/destroy cycles do not grow memory', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/embed/many.html?n=1', { viewport: { width: 800, height: 700 } });
    await canvasFacts(page, '#c0');
    const client = await context.newCDPSession(page);
    const result = await page.evaluate(async () => {
      const host = document.querySelector('#c0');
      const ids = ['gdp-growth', 'urban-new-jobs', 'rural-roads', 'high-standard-farmland'];
      const calls = [];
      for (let i = 0; i < 1000; i++) calls.push(ReportCharts.render(host, { indicators: [ids[i % 4]], chart: 'bullet' }));
      const settled = await Promise.all(calls);
      const last = settled[999];
      return { label: host.shadowRoot.querySelector('canvas').getAttribute('aria-label'), destroyed: settled.filter((c) => c.destroyed).length, lastLive: !last.destroyed };
    });
    assert(result.label.startsWith('高标准农田'), 'the last call wins: ' + result.label);
    assertEqual(result.destroyed, 999, 'earlier charts destroyed');
    const measure = async () => {
      await client.send('HeapProfiler.collectGarbage');
      return page.evaluate(() => ({
        wasm: ReportCharts.diagnostics().memoryBytes,
        heap: performance.memory.usedJSHeapSize,
        nodes: document.getElementsByTagName('*').length + document.querySelector('#c0').shadowRoot.querySelectorAll('*').length,
      }));
    };
    const cycles = (n) => page.evaluate(async (count) => {
      const host = document.querySelector('#c0');
      for (let i = 0; i < count; i++) {
        const chart = await ReportCharts.render(host, { section: 'main-targets', chart: i % 2 ? 'board' : 'dumbbell' });
        chart.destroy();
      }
    }, n);
    await cycles(100);
    const before = await measure();
    await cycles(1000);
    const after = await measure();
    assertEqual(after.wasm, before.wasm, 'wasm memory bytes');
    assertEqual(after.nodes, before.nodes, 'DOM nodes');
    assert(after.heap - before.heap < 3e6, `JS heap grew ${after.heap - before.heap} bytes`);
    console.log(`     figures: wasm memory ${before.wasm} → ${after.wasm} bytes; JS heap ${before.heap} → ${after.heap}; DOM ${before.nodes} → ${after.nodes} nodes over 1000 cycles`);
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('render() on a host that cannot take a shadow root rejects instead of throwing', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/hardening/bad-inputs.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#good-1');
    const outcome = await page.evaluate(async () => {
      const td = document.createElement('td');
      document.body.appendChild(document.createElement('table')).appendChild(document.createElement('tr')).appendChild(td);
      let threw = false;
      let rejected = null;
      try {
        await ReportCharts.render(td, { indicators: ['gdp-growth'] }).catch((e) => { rejected = String(e && e.name); });
      } catch {
        threw = true;
      }
      return { threw, rejected, error: td.getAttribute('data-error') };
    });
    assertEqual(outcome.threw, false, 'render threw synchronously');
    assertEqual(outcome.rejected, 'NotSupportedError', 'rejection');
    assert(outcome.error && outcome.error.startsWith('report-charts:'), 'data-error on the host');
    await context.close();
  });
}
