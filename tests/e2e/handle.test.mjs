// The public handle: ReportCharts.chartFor, handle.info (sizes, rows and their boxes) and
// ReportCharts.diagnostics(), for charts made by attribute, by element and by the API.
import fs from 'node:fs';
import path from 'node:path';
import { openPage, canvasFacts, test, assert, assertEqual, ROOT } from './harness.mjs';

/** The property names of an interface in the shipped .d.ts. */
function declared(name) {
  const dts = fs.readFileSync(path.join(ROOT, 'src/report-charts.d.ts'), 'utf8');
  const body = dts.split(`export interface ${name} {`)[1].split('\n}')[0];
  return body.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('/*') && !l.startsWith('*'))
    .map((l) => l.split(/[?:(]/)[0].replace(/^readonly /, '')).filter(Boolean);
}

export default function ({ server, browser }) {
  test('chartFor gives one handle per chart, however made, before and after its first draw', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 });
    await canvasFacts(page, '#by-attribute');
    await canvasFacts(page, '#by-element');
    await canvasFacts(page, '#by-api');
    const found = await page.evaluate(async () => {
      const api = await window.byApi;
      const far = ReportCharts.chartFor('#far');
      const hosts = ['#by-attribute', '#by-element', '#by-api', '#broken', '#far'].map((s) => document.querySelector(s));
      return {
        apiSame: ReportCharts.chartFor('#by-api') === api,
        all: hosts.map((h) => !!ReportCharts.chartFor(h)),
        fromCanvas: ReportCharts.chartFor(document.querySelector('#by-element').shadowRoot.querySelector('canvas')) === ReportCharts.chartFor('#by-element'),
        none: [ReportCharts.chartFor(document.body), ReportCharts.chartFor('h1'), ReportCharts.chartFor('#missing')],
        farInfo: far.info,
        farHost: far.element.id,
        expandos: hosts.map((h) => Object.getOwnPropertyNames(h).length + Object.getOwnPropertySymbols(h).length),
      };
    });
    assert(found.apiSame, 'chartFor(host) is the handle render resolved with');
    assertEqual(found.all.join(), 'true,true,true,true,true', 'every host has a handle');
    assert(found.fromCanvas, 'a node inside the shadow root leads to its chart');
    assertEqual(JSON.stringify(found.none), '[null,null,null]', 'elements without a chart');
    assertEqual(found.farInfo, null, 'an off-screen chart has its handle, with info null');
    assertEqual(found.farHost, 'far', 'the handle names its element');
    assertEqual(found.expandos.join(), '0,0,0,0,0', 'own properties on the hosts');
    const before = await page.evaluate(() => { window.farHandle = ReportCharts.chartFor('#far'); document.querySelector('#far').scrollIntoView(); });
    await canvasFacts(page, '#far');
    const after = await page.evaluate(() => ({ same: ReportCharts.chartFor('#far') === window.farHandle, title: window.farHandle.info && window.farHandle.info.title }));
    assert(before === undefined && after.same, 'the handle stays the same through the first draw');
    assert(after.title, 'and its info is filled in by the draw');
    assertEqual(problems.filter((p) => !p.includes('no-such-indicator')).length, 0, problems.join('\n'));
    await context.close();
  });

  test('handle.info gives the canvas sizes and every row with its id and its box relative to the host', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 });
    await canvasFacts(page, '#by-attribute');
    const facts = await page.evaluate(async () => {
      const chart = ReportCharts.chartFor('#by-attribute');
      const host = chart.element;
      const canvas = host.shadowRoot.querySelector('canvas');
      const hostRect = host.getBoundingClientRect();
      const canvasRect = canvas.getBoundingClientRect();
      const first = chart.info;
      const backing = [canvas.width, canvas.height];
      const paged = (await chart.update({ pageSize: 3 })).info;
      return {
        canvas: first.canvas, backing, css: [canvasRect.width, canvasRect.height],
        offset: [canvasRect.left - hostRect.left, canvasRect.top - hostRect.top],
        hits: first.hits, rows: first.rows.map((r) => ({ id: r.id, box: r.box })),
        keys: Object.keys(first), columns: first.columns.map((c) => c.key), words: Object.keys(first.words),
        paged: paged.rows.map((r) => r.box), pagedHits: paged.hits.length,
      };
    });
    assertEqual(facts.canvas.backingWidth, facts.backing[0], 'backing width');
    assertEqual(facts.canvas.backingHeight, facts.backing[1], 'backing height');
    assertEqual(facts.canvas.cssWidth, facts.css[0], 'CSS width');
    assertEqual(facts.canvas.dpr, 2, 'dpr');
    assertEqual(facts.canvas.backingWidth, Math.round(facts.canvas.cssWidth * 2), 'backing = CSS × dpr');
    assert(facts.rows.length > 3 && facts.rows.length === facts.hits.length, `${facts.rows.length} rows, one hit each`);
    facts.rows.forEach((row, i) => {
      const hit = facts.hits.find((h) => h.id === row.id);
      assert(hit, `row ${row.id} has a hit region`);
      assertEqual(row.box.x, facts.offset[0] + hit.x, `${row.id} box x = canvas offset (border + padding) + hit x`);
      assertEqual(row.box.y, facts.offset[1] + hit.y, `${row.id} box y`);
      assert(row.box.w === hit.w && row.box.h === hit.h, `${row.id} box size`);
      if (i > 0) assert(row.box.y >= facts.rows[i - 1].box.y, 'rows go down the board');
    });
    assertEqual(facts.offset[0], 23, 'the canvas starts inside the host\'s 3 px border and 20 px padding');
    assertEqual(facts.columns.join(), 'section,name,reference,target,actual,status,margin,summary,quote', 'columns by name');
    assertEqual(facts.words.sort().join(), declared('ControlWords').sort().join(), 'info.words as the .d.ts declares');
    for (const key of declared('ChartInfo')) assert(facts.keys.includes(key), `info.${key} is declared and given`);
    assertEqual(facts.pagedHits, 3, 'three rows drawn on the first page');
    assertEqual(facts.paged.filter((b) => b !== null).length, 3, 'only the rows on this page have a box');
    await context.close();
  });

  test('diagnostics() counts charts alive, drawn and failed, the instances and the wasm memory', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 1000, height: 800 } });
    await canvasFacts(page, '#by-api');
    await page.waitForFunction(() => document.querySelector('#broken').hasAttribute('data-error'));
    const seen = await page.evaluate(() => {
      const before = ReportCharts.diagnostics();
      ReportCharts.chartFor('#by-api').destroy();
      const after = ReportCharts.diagnostics();
      return { before, after, keys: Object.keys(before) };
    });
    assertEqual(seen.keys.sort().join(), declared('Diagnostics').sort().join(), 'diagnostics() as the .d.ts declares');
    assertEqual(seen.before.charts, 5, 'five charts alive (one not drawn yet, off screen)');
    assertEqual(seen.before.drawn, 3, 'three drawn');
    assertEqual(seen.before.failed, 1, 'one failed (an unknown id)');
    assertEqual(seen.before.instances, 1, 'one wasm instance');
    // Whole 64 KiB wasm pages, at least the 128 KiB stack, the data and a heap (832 KiB when measured).
    assert(seen.before.memoryBytes % 65536 === 0 && seen.before.memoryBytes >= 8 * 65536, `wasm memory ${seen.before.memoryBytes} bytes`);
    assertEqual(seen.after.charts, 4, 'a destroyed chart is no longer alive');
    assert(/^\d+\.\d+\.\d+/.test(seen.before.version), 'the version');
    await context.close();
  });

  test('rejections are Error instances with errors in zh and en', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 1000, height: 800 } });
    await canvasFacts(page, '#by-api');
    const got = await page.evaluate(async () => {
      const outcomes = [];
      for (const attempt of [
        () => ReportCharts.render('#nowhere', {}),
        () => ReportCharts.render('#by-api', { indicators: ['gdp-growth'], chart: 'pie' }),
        () => ReportCharts.chartFor('#by-element').update({ lang: 'fr' }),
      ]) {
        try { await attempt(); outcomes.push('resolved'); } catch (e) { outcomes.push({ isError: e instanceof Error, path: e.errors[0].path, zh: e.errors[0].zh, message: e.message }); }
      }
      return outcomes;
    });
    for (const outcome of got) {
      assert(outcome.isError, `an Error: ${JSON.stringify(outcome)}`);
      assert(outcome.zh && outcome.message, `both languages: ${JSON.stringify(outcome)}`);
    }
    assertEqual(got.map((o) => o.path).join(), 'target,options.chart,options.lang', 'paths');
    await context.close();
  });

  test('actual attributes for any year reach the chart, on both embeds', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 1000, height: 800 } });
    await canvasFacts(page, '#by-element');
    await canvasFacts(page, '#by-attribute');
    await page.evaluate(() => {
      document.querySelector('#by-element').setAttribute('actual-2024', '6.4');
      document.querySelector('#by-attribute').setAttribute('data-actual-2031', 'gdp-growth=5');
    });
    await page.waitForFunction(() => ReportCharts.chartFor('#by-element').options.actuals['gdp-growth']['2024'] === 6.4);
    // 2031 has no target in the bundled report: the actual is taken (validated) and waits for one.
    await page.waitForFunction(() => { const o = ReportCharts.chartFor('#by-attribute').options; return o.actuals && o.actuals['gdp-growth'] && o.actuals['gdp-growth']['2031'] === 5; }, null, { timeout: 5000 });
    const seen = await page.evaluate(() => ({
      element: ReportCharts.chartFor('#by-element').info.rows[0].actual,
      attribute: document.querySelector('#by-attribute').getAttribute('data-error'),
    }));
    assert(/6\.4/.test(seen.element), `the element redrew with 6.4: ${seen.element}`);
    assertEqual(seen.attribute, null, 'the board took the 2031 actual without an error');
    await context.close();
  });

  test('attributes edited before a chart draws are the ones it draws with; a host that stops being an embed keeps its chart', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/handle/handle.html', { viewport: { width: 1000, height: 800 } });
    await canvasFacts(page, '#by-attribute');
    await page.evaluate(() => {
      document.querySelector('#far').setAttribute('data-chart', 'pie');
      document.querySelector('#by-attribute').removeAttribute('data-report-chart');
    });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    const before = await page.evaluate(() => ({ far: document.querySelector('#far').getAttribute('data-error'), info: ReportCharts.chartFor('#far').info }));
    assertEqual(JSON.stringify(before), '{"far":null,"info":null}', 'off screen: nothing drawn, nothing reported yet');
    await page.evaluate(() => document.querySelector('#far').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('#far').hasAttribute('data-error'));
    const seen = await page.evaluate(() => ({
      far: document.querySelector('#far').getAttribute('data-error'),
      fallback: document.querySelector('#far p').getBoundingClientRect().height > 0,
      board: document.querySelector('#by-attribute').getAttribute('data-error'),
      boardDrawn: !!ReportCharts.chartFor('#by-attribute').info,
    }));
    assert(/options\.chart/.test(seen.far) && /pie/.test(seen.far), `the edited chart type is reported when the chart starts: ${seen.far}`);
    assert(seen.fallback, 'readers keep the fallback');
    assertEqual(seen.board, null, 'removing data-report-chart reports nothing');
    assert(seen.boardDrawn, 'and the chart stays drawn');
    await context.close();
  });
}
