// Options as a snapshot: read once, never again; every JS type answered with its path; host
// prototype patches change nothing; a destroyed chart says so.
import { openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';

export default function ({ server, browser }) {
  test('options are read once: getters, shared and later-changed objects change no chart', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/snapshot/snapshot.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#attr');
    const got = await page.evaluate(async () => {
      let reads = 0;
      const shared = { indicators: ['gdp-growth'], get chart() { reads++; return 'bullet'; } };
      const a = await ReportCharts.render('#a', shared);
      const b = await ReportCharts.render('#b', shared);
      shared.indicators.push('no-such-indicator');
      Object.defineProperty(shared, 'chart', { value: 'nonsense' });
      // Redraws (a resize) must not read the caller's object again.
      document.body.style.width = '700px';
      await new Promise((r) => setTimeout(r, 300));
      return { reads, a: a.info.rows.length, b: b.info.rows.length, aChart: a.options.chart, errors: String(a.element.getAttribute('data-error')) + ',' + String(b.element.getAttribute('data-error')) };
    });
    assertEqual(got.reads, 2, 'one read per render');
    assertEqual([got.a, got.b, got.aChart].join(), '1,1,bullet');
    assertEqual(got.errors, 'null,null', 'no error after the caller changed its object');
    await context.close();
  });

  test('every JS type gets a clear answer with its path; a Map of actuals is read', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/snapshot/snapshot.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#attr');
    const got = await page.evaluate(async () => {
      const cases = {
        bigint: { indicators: ['gdp-growth'], height: 10n, lang: 'en' },
        symbol: { indicators: ['gdp-growth'], title: Symbol('t'), lang: 'en' },
        fn: { indicators: ['gdp-growth'], title: () => 'x', lang: 'en' },
        date: { indicators: ['gdp-growth'], year: new Date(), lang: 'en' },
        set: { indicators: new Set(['gdp-growth']), lang: 'en' },
        nul: { indicators: ['gdp-growth'], title: null, lang: 'en' },
        zh: { indicators: ['gdp-growth'], height: 10n },
      };
      const out = {};
      for (const [name, options] of Object.entries(cases)) {
        try {
          await ReportCharts.render('#a', options);
          out[name] = 'drew';
        } catch (e) {
          out[name] = (e instanceof Error ? 'Error ' : 'not an Error ') + e.message;
        }
      }
      const map = await ReportCharts.render('#b', { indicators: ['gdp-growth'], chart: 'progress', actuals: new Map([['gdp-growth', new Map([[2024, 5.8]])]]) });
      out.map = map.info.rows[0].actual;
      return out;
    });
    assert(got.bigint.startsWith('Error options.height: expected a JSON value'), got.bigint);
    assert(got.zh.startsWith('Error options.height：应为 JSON 值'), 'a Chinese chart rejects in Chinese: ' + got.zh);
    assert(got.symbol.includes('options.title') && got.symbol.includes('a Symbol'), got.symbol);
    assert(got.fn.includes('a function'), got.fn);
    assert(got.date.includes('options.year') && got.date.includes('a Date'), got.date);
    assert(got.set.includes('options.indicators') && got.set.includes('a Set'), got.set);
    assertEqual(got.nul, 'drew', 'null is "not given", as undefined is');
    assert(got.map && got.map.includes('5.8'), 'the Map actual reaches the chart: ' + got.map);
    console.log('     figures: ' + Object.keys(got).length + ' JS types, each answered');
    await context.close();
  });

  test('prototype patches and a __proto__ id change nothing on the host page', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/snapshot/snapshot.html', { viewport: { width: 900, height: 800 } });
    const facts = await canvasFacts(page, '#attr');
    assert(facts.painted > 0 && facts.error === null, 'the data-attribute chart draws under patched Array.prototype');
    await page.waitForFunction(() => document.getElementById('proto').hasAttribute('data-error'));
    const got = await page.evaluate(() => ({
      polluted: ({})['2024'],
      error: document.getElementById('proto').getAttribute('data-error'),
    }));
    assertEqual(got.polluted, undefined, 'Object.prototype untouched');
    assert(got.error.includes('options.actuals.__proto__'), got.error);
    await context.close();
  });

  test('a destroyed chart says so: update and toPNG reject, toCSV throws; update(null) rejects', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/snapshot/snapshot.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#attr');
    const got = await page.evaluate(async () => {
      const chart = await ReportCharts.render('#a', { indicators: ['gdp-growth'], lang: 'en' });
      const out = {};
      try { const p = chart.update(null); out.nullSync = 'returned'; await p; out.null = 'resolved'; } catch (e) { out.null = e.message; }
      chart.destroy();
      try { await chart.update({ chart: 'bars' }); out.update = 'resolved'; } catch (e) { out.update = (e instanceof Error) + ' ' + e.message; }
      try { await chart.toPNG(); out.png = 'resolved'; } catch (e) { out.png = e.message; }
      try { chart.toCSV(); out.csv = 'returned'; } catch (e) { out.csv = e.name + ' ' + e.message; }
      return out;
    });
    assertEqual(got.nullSync, 'returned', 'update(null) returns a promise');
    assert(got.null.startsWith('options: expected an object, got null'), got.null);
    assert(got.update.startsWith('true this chart was destroyed'), got.update);
    assert(got.png.startsWith('this chart was destroyed'), got.png);
    assert(got.csv.startsWith('ReportChartsError this chart was destroyed'), got.csv);
    await context.close();
  });

  test('a page that breaks Array.prototype.map after the charts drew gets no uncaught error from them', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/snapshot/snapshot.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#attr');
    await page.evaluate(() => {
      Array.prototype.map = function () { throw new TypeError('map is broken on this page'); };
      Array.prototype.forEach = function () { throw new TypeError('forEach is broken on this page'); };
    });
    // What readers and toolbars then do: resize, hover, zoom an ancestor, edit an attribute.
    await page.setViewportSize({ width: 700, height: 800 });
    const box = await page.locator('#attr').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.move(box.x + box.width / 3, box.y + 60);
    await page.evaluate(() => {
      document.body.style.transform = 'scale(1.2)';
      document.getElementById('attr').setAttribute('data-chart', 'bullet');
    });
    await page.waitForTimeout(500);
    const uncaught = problems.filter((p) => p.startsWith('pageerror'));
    const told = problems.filter((p) => p.startsWith('console: report-charts:')).length;
    assertEqual(uncaught.length, 0, 'uncaught: ' + uncaught.join('\n'));
    console.log(`     figures: 0 uncaught errors; ${told} told on the console instead`);
    await context.close();
  });

  test('a page with its own <report-chart> is told so; data-report-chart still draws', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/snapshot/taken.html', { viewport: { width: 900, height: 800 } });
    const facts = await canvasFacts(page, '#ours');
    assert(facts.painted > 0, 'the attribute embed draws');
    const got = await page.evaluate(() => ({ error: document.getElementById('theirs').getAttribute('data-error'), zh: document.getElementById('theirs').getAttribute('data-error-zh') }));
    assert(got.error && got.error.includes('already defines <report-chart>'), String(got.error));
    assert(got.zh && got.zh.includes('已自行定义'), String(got.zh));
    assert(problems.some((p) => p.includes('already defines <report-chart>')), 'and the console says it');
    await context.close();
  });

  test('charts made through the API go with the container a single-page app removes', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/snapshot/taken.html', { viewport: { width: 900, height: 800 } });
    await canvasFacts(page, '#ours');
    const got = await page.evaluate(async () => {
      const before = ReportCharts.diagnostics().charts;
      const app = document.getElementById('app');
      for (let view = 0; view < 10; view++) {
        const container = app.appendChild(document.createElement('section'));
        const made = [];
        for (let i = 0; i < 20; i++) made.push(ReportCharts.render(container.appendChild(document.createElement('div')), { indicators: ['gdp-growth'] }));
        await Promise.all(made);
        container.remove(); // the next view replaces this one
        await new Promise((r) => setTimeout(r, 0));
      }
      // A chart moved within the page (removed and put back in one task) keeps its chart.
      const moved = app.appendChild(document.createElement('div'));
      const kept = await ReportCharts.render(moved, { indicators: ['gdp-growth'] });
      document.body.appendChild(moved);
      await new Promise((r) => setTimeout(r, 0));
      return { before, after: ReportCharts.diagnostics().charts, keptAlive: !kept.destroyed };
    });
    assertEqual(got.after, got.before + 1, `200 charts in 10 removed views leave none alive (${got.before} → ${got.after}, the moved one kept)`);
    assert(got.keptAlive, 'a moved chart keeps its chart');
    console.log(`     figures: 200 API charts in 10 removed views: live charts ${got.before} → ${got.after}`);
    await context.close();
  });
}
