// Loading that survives: one retry policy for the page, transient failures retried with backoff
// (and `ready` recovers), permanent ones fetched once however many charts wait, every error
// naming the file and what was wrong with it.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { test, assert, assertEqual, ROOT } from './harness.mjs';

const WASM = fs.readFileSync(path.join(ROOT, 'dist/report-charts_bg.wasm'));

/** Opens the 50-embed page with the .wasm answered by `answer(n)` for the n-th request (from 1). */
async function withWasm(browser, server, answer) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const counter = { requests: 0 };
  await page.route('**/*.wasm', (route) => {
    counter.requests++;
    const reply = answer(counter.requests);
    return reply ? route.fulfill(reply) : route.fulfill({ status: 200, contentType: 'application/wasm', body: WASM });
  });
  await page.goto(server.url + 'e2e/embed/many.html');
  return { page, context, counter };
}

const errorOf = (page, selector) => page.evaluate((sel) => document.querySelector(sel).getAttribute('data-error'), selector);

export default function ({ server, browser }) {
  test('two 503s, then the .wasm: retried with backoff, the charts draw and ready resolves', async () => {
    const started = Date.now();
    const { page, context, counter } = await withWasm(browser, server, (n) => (n <= 2 ? { status: 503, body: 'busy' } : null));
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-report-chart]');
      return el.shadowRoot && ReportCharts.chartFor(el) && ReportCharts.chartFor(el).info;
    }, null, { timeout: 15000 });
    const ready = await page.evaluate(() => ReportCharts.ready.then(() => 'resolved', (e) => 'rejected ' + e.message));
    assertEqual(ready, 'resolved');
    assertEqual(counter.requests, 3, 'two failures and one success, for every chart on the page');
    console.log(`     figures: 3 requests for the page's charts; first chart drawn ${Date.now() - started} ms after opening (a try is a fetch with the integrity check and one without it: backoff 0.4 s)`);
    await context.close();
  });

  test('a .wasm that is an HTML error page is fetched once, and every chart says what it is', async () => {
    const page404 = { status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>Login</body></html>' };
    const { page, context, counter } = await withWasm(browser, server, () => page404);
    await page.waitForFunction(() => document.querySelector('[data-report-chart]').hasAttribute('data-error'), null, { timeout: 10000 });
    // Scroll so that more embeds start: none may fetch again.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 20)); }
    });
    await page.waitForTimeout(300);
    const error = await errorOf(page, '[data-report-chart]');
    const errors = await page.evaluate(() => Array.from(document.querySelectorAll('[data-error]')).length);
    assert(/report-charts_bg\.wasm is not WebAssembly: \d+ bytes starting "<!DOCTYPE html>.*an HTML page/.test(error), error);
    assert(!/report-charts: report-charts:/.test(error), 'one prefix: ' + error);
    // Two: the one with the integrity check, refused, and one without it that says what the file is.
    assertEqual(counter.requests, 2, `two requests for ${errors} charts that failed`);
    const update = await page.evaluate(() => ReportCharts.render(document.body.appendChild(document.createElement('div')), { indicators: ['gdp-growth'], lang: 'en' }).then(() => 'drew', (e) => e.message));
    assert(update.includes('is not WebAssembly'), 'a later render gets the same answer: ' + update);
    assertEqual(counter.requests, 2, 'and fetches nothing');
    await context.close();
  });

  test('a truncated .wasm names the file, its size and what is wrong', async () => {
    const { page, context, counter } = await withWasm(browser, server, () => ({ status: 200, contentType: 'application/wasm', body: WASM.subarray(0, 5000) }));
    await page.waitForFunction(() => document.querySelector('[data-report-chart]').hasAttribute('data-error'), null, { timeout: 10000 });
    const error = await errorOf(page, '[data-report-chart]');
    assert(/report-charts_bg\.wasm could not be compiled \(5000 bytes: truncated or corrupted\?\)/.test(error), error);
    assertEqual(counter.requests, 2, 'a compile error is not retried (one request with the integrity check, one without)');
    await context.close();
  });

  test('a .wasm of another build (it compiles, its hash differs) is refused, in both languages, and not retried', async () => {
    // The same module with a custom section added: valid WebAssembly, another SHA-384.
    const other = Buffer.concat([WASM, Buffer.from([0, 5, 4, 0x74, 0x65, 0x73, 0x74])]);
    const { page, context, counter } = await withWasm(browser, server, () => ({ status: 200, contentType: 'application/wasm', body: other }));
    await page.waitForFunction(() => document.querySelector('[data-report-chart]').hasAttribute('data-error'), null, { timeout: 10000 });
    const error = await errorOf(page, '[data-report-chart]');
    const zh = await page.evaluate(() => document.querySelector('[data-report-chart]').getAttribute('data-error-zh'));
    assert(new RegExp(`report-charts_bg\\.wasm is not the file this script was built with \\(${other.length} bytes, another hash\\): serve both files of one release, unchanged`).test(error), error);
    assert(zh.includes(`report-charts_bg.wasm 不是与此脚本一同构建的文件（${other.length} 字节，校验值不符）：请原样使用同一版本的两个文件`), zh);
    const ready = await page.evaluate(() => ReportCharts.ready.then(() => 'resolved', (e) => e.errors[0].path + ' ' + e.message));
    assert(ready.startsWith('wasm ') && ready.includes('another hash'), 'ready rejects with it: ' + ready);
    assertEqual(counter.requests, 2, 'one request with the integrity check, one without to name the file; no retry');
    await context.close();
  });

  test('a first download that breaks off, then the whole file: the second, hashed by the page, is used', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    let requests = 0;
    await page.route('**/*.wasm', (route) => (++requests === 1 ? route.abort('connectionreset') : route.fulfill({ status: 200, contentType: 'application/wasm', body: WASM })));
    await page.goto(server.url + 'e2e/embed/many.html');
    assertEqual(await page.evaluate(() => ReportCharts.ready.then(() => 'resolved', (e) => e.message)), 'resolved', 'ready resolves');
    await page.waitForFunction(() => { const c = ReportCharts.chartFor(document.querySelector('[data-report-chart]')); return c && c.info; }, null, { timeout: 10000 });
    assertEqual(requests, 2, 'the failed one and the one that names the failure, which is the file');
    await context.close();
  });

  test('the script tag with the integrity make dist prints loads and draws; a wrong one is blocked', async () => {
    const hash = 'sha384-' + createHash('sha384').update(fs.readFileSync(path.join(ROOT, 'dist/report-charts.js'))).digest('base64');
    const load = async (integrity) => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + 'e2e/blank.html');
      const result = await page.evaluate((value) => new Promise((resolve) => {
        const host = document.body.appendChild(document.createElement('div'));
        host.setAttribute('data-report-chart', 'gdp-growth');
        const script = document.createElement('script');
        script.src = '/dist/report-charts.js';
        script.integrity = value;
        script.crossOrigin = 'anonymous';
        script.onerror = () => resolve('blocked');
        script.onload = () => ReportCharts.ready.then(() => resolve('ready'), (e) => resolve(e.message));
        document.head.appendChild(script);
      }), integrity);
      return { result, page, context };
    };
    const good = await load(hash);
    assertEqual(good.result, 'ready', 'the printed integrity matches dist/report-charts.js');
    await good.page.waitForFunction(() => { const c = ReportCharts.chartFor(document.querySelector('[data-report-chart]')); return c && c.info; }, null, { timeout: 10000 });
    await good.context.close();
    const bad = await load(hash.slice(0, -4) + 'AAAA');
    assertEqual(bad.result, 'blocked', 'another hash blocks the script');
    await bad.context.close();
  });

  test('a network failure that lasts past the retries leaves ready rejected until a later call succeeds', async () => {
    let down = true;
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    let requests = 0;
    await page.route('**/*.wasm', (route) => { requests++; return down ? route.abort('connectionreset') : route.fulfill({ status: 200, contentType: 'application/wasm', body: WASM }); });
    await page.goto(server.url + 'e2e/embed/many.html');
    const first = await page.evaluate(() => ReportCharts.ready.then(() => 'resolved', (e) => e.message));
    assert(/report-charts_bg\.wasm could not be fetched/.test(first), first);
    assertEqual(requests, 8, 'one try and three retries, each fetched with the integrity check and again without it');
    down = false;
    const later = await page.evaluate(() => ReportCharts.ready.then(() => 'resolved', (e) => e.message));
    assertEqual(later, 'resolved', 'ready recovers');
    await page.waitForFunction(() => { const c = ReportCharts.chartFor(document.querySelector('[data-report-chart]')); return c && c.info; }, null, { timeout: 10000 });
    await context.close();
  });

  test('the largest allowed dataset, another, then the first again: memory reused, at most 2x the first load', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + 'e2e/embed/many.html');
    const got = await page.evaluate(async () => {
      await ReportCharts.ready;
      // Up to the limits: 5,000 indicators in just under 5,000,000 bytes.
      const dataset = (names) => {
        const indicators = [];
        for (let i = 0; i < 5000; i++) {
          indicators.push({
            id: 'indicator-' + i, section: 's', name: { zh: names + i, en: names + i }, unit: '%', measure: 'growth', direction: 'higher',
            observations: [{ year: 2023, kind: 'actual', value: 5, quote: '增长5%' }, { year: 2024, kind: 'target', value: 6, quote: '增长6%' }]
          });
        }
        return JSON.stringify({ source: { title: { zh: '报告', en: 'Report' }, file: 'none.txt' }, sections: [{ id: 's', name: { zh: '甲', en: 'A' } }], indicators: indicators });
      };
      const first = dataset('指标'.repeat(61));
      const second = dataset('另一'.repeat(55));
      const memory = () => ReportCharts.diagnostics().memoryBytes;
      const utf8 = (text) => new TextEncoder().encode(text).length;
      const before = memory();
      const times = [];
      const load = async (text) => { const t = performance.now(); await ReportCharts.loadData(text); times.push(Math.round(performance.now() - t)); return memory(); };
      const afterFirst = await load(first);
      const afterSecond = await load(second);
      const afterThird = await load(first);
      const longest = await new Promise((resolve) => {
        // Another load of the largest, watched for long tasks: it is read in runs.
        let most = 0;
        const watch = new PerformanceObserver((list) => { for (const entry of list.getEntries()) most = Math.max(most, entry.duration); });
        watch.observe({ type: 'longtask' });
        ReportCharts.loadData(first).then((counts) => setTimeout(() => { watch.disconnect(); resolve({ most: Math.round(most), runs: counts.runs, indicators: counts.indicators }); }, 50));
      });
      const broken = JSON.parse(first);
      broken.indicators[4321].section = 'nowhere';
      const refused = await ReportCharts.loadData(JSON.stringify(broken)).then(() => 'loaded', (e) => e.errors[0].en);
      const kept = ReportCharts.indicators().length;
      const tooBig = await ReportCharts.loadData(first + ' '.repeat(5000001 - utf8(first))).then(() => 'loaded', (e) => e.message);
      return { bytes: [utf8(first), utf8(second)], before, afterFirst, afterSecond, afterThird, times, tooBig, longest, refused, kept };
    });
    assert(got.bytes[0] <= 5000000 && got.bytes[0] > 4000000, `the first dataset is near the limit: ${got.bytes[0]} bytes`);
    assert(got.afterThird <= 2 * got.afterFirst, `memory after the third load ${got.afterThird} ≤ 2 × ${got.afterFirst}`);
    assertEqual(got.longest.runs, 10, '5,000 indicators in runs of 500');
    assertEqual(got.longest.indicators, 5000);
    assert(got.refused.startsWith('indicators[4321].section: expected a known section id'), 'the path a whole file gives: ' + got.refused);
    assertEqual(got.kept, 5000, 'a refused staged read leaves the data as it was');
    console.log(`     figures: the largest dataset read in ${got.longest.runs} runs; its longest task ${got.longest.most} ms (0 = none over 50 ms)`);
    assert(got.tooBig.startsWith('$: expected at most 5,000,000 bytes of JSON text'), got.tooBig);
    console.log(`     figures: datasets of ${got.bytes.join(' and ')} bytes; wasm memory ${got.before} → ${got.afterFirst} → ${got.afterSecond} → ${got.afterThird} bytes; loads took ${got.times.join(', ')} ms`);
    await context.close();
  });
}
