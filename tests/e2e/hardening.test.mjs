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
}
