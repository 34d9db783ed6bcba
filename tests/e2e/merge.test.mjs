// The next report merged into the bundled data: once per site through the script tag's
// data-merge, and through ReportCharts.loadData(json, {merge: true}).
import { openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';

export default function ({ server, browser }) {
  test('data-merge on the script tag merges the next report before the first draw', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/merge/merge.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#gdp');
    const seen = await page.evaluate(() => {
      const info = ReportCharts.chartFor('#gdp').info;
      return { status: info.rows[0].status, actual: info.rows[0].actual, cite: info.rows[0].cite, years: info.words.image };
    });
    assertEqual(seen.status, '未完成', 'judged with the merged 2024 result (5.8 against 6.5)');
    assertEqual(seen.actual, '5.8%', 'the merged result');
    assert(seen.cite.includes('随州市2025年政府工作报告（虚构样例）'), seen.cite);
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('a data-merge file that cannot be read is named on the script tag, in en and zh; the charts draw with the bundled data', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/merge/missing.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#gdp');
    const seen = await page.evaluate(() => {
      const script = document.querySelector('script[data-merge]');
      return { en: script.getAttribute('data-error'), zh: script.getAttribute('data-error-zh'), status: ReportCharts.chartFor('#gdp').info.rows[0].status };
    });
    assert(seen.en && seen.en.startsWith('report-charts: ') && seen.en.includes('/e2e/merge/missing.json') && seen.en.includes('404'), seen.en);
    assert(seen.zh && seen.zh.startsWith('report-charts：') && seen.zh.includes('/e2e/merge/missing.json') && /[\u4e00-\u9fff]/.test(seen.zh), seen.zh);
    assertEqual(seen.status, '待公布', 'the bundled data: no 2024 result');
    assertEqual(problems.filter((p) => !p.includes('404')).length, 0, problems.join('\n'));
    console.log(`     figures: data-error "${seen.en}"; data-error-zh "${seen.zh}"`);
    await context.close();
  });

  test('loadData with merge adds to the data, and a conflicting merge changes nothing', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#by-api');
    const seen = await page.evaluate(async () => {
      const next = await (await fetch('/e2e/merge/next.json')).text();
      const before = ReportCharts.indicators().length;
      const merged = await ReportCharts.loadData(next, { merge: true });
      let again = null;
      try { await ReportCharts.loadData(next.replace('"unit": "%"', '"unit": "个"'), { merge: true }); } catch (e) { again = { isError: e instanceof Error, path: e.errors[0].path }; }
      return { before, merged, after: ReportCharts.indicators().length, again };
    });
    assertEqual(seen.merged.indicators, seen.before + 1, 'one new indicator');
    assertEqual(seen.after, seen.before + 1, 'and nothing more after the refused merge');
    assert(seen.again && seen.again.isError && seen.again.path === 'indicators[0].unit', JSON.stringify(seen.again));
    await context.close();
  });
}
