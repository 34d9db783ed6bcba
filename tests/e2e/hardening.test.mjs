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
      const chart = document.querySelector('#board').__reportChart;
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
}
