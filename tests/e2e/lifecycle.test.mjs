// Lazy initialisation of many embeds, and cleanup over repeated mount/destroy cycles.
import { openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';

const mounted = () => Array.from(document.querySelectorAll('[data-report-chart]'))
  .filter((el) => el.shadowRoot && el.shadowRoot.querySelector('canvas[aria-label]')).length;

export default function ({ server, browser }) {
  test('50 embeds: only the visible ones initialise, the rest as they scroll into view', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/embed/many.html', { viewport: { width: 800, height: 700 } });
    await canvasFacts(page, '#c0');
    await page.waitForTimeout(300);
    const early = await page.evaluate(mounted);
    assert(early >= 1 && early <= 8, `${early} of 50 initialised before scrolling`);
    await page.evaluate(() => document.querySelector('#c49').scrollIntoView());
    await canvasFacts(page, '#c49');
    const late = await page.evaluate(mounted);
    assert(late < 50 && late > early, `${late} initialised after jumping to the end`);
    const wasmFetches = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    assertEqual(wasmFetches, 1, 'wasm fetched once for 50 embeds');
    assertEqual(problems.length, 0, problems.join('\n'));
    console.log(`     figures: ${early} charts initialised on load, ${late} after jumping to the last one`);
    await context.close();
  });

  test('200 render/destroy cycles leave no DOM, listeners or memory behind', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/embed/many.html?n=1', { viewport: { width: 800, height: 700 } });
    await canvasFacts(page, '#c0');
    const measure = () => page.evaluate(async () => {
      const host = document.querySelector('#c0');
      return {
        nodes: document.getElementsByTagName('*').length + (host.shadowRoot ? host.shadowRoot.querySelectorAll('*').length : 0),
        heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
      };
    });
    const cycle = (n) => page.evaluate(async (count) => {
      const host = document.querySelector('#c0');
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const chart = await ReportCharts.render(host, { indicators: ['gdp-growth'], chart: i % 2 ? 'bullet' : 'progress' });
        chart.destroy();
      }
      return performance.now() - started;
    }, n);
    await cycle(20); // warm up
    const client = await context.newCDPSession(page);
    await client.send('HeapProfiler.collectGarbage');
    const before = await measure();
    const ms = await cycle(200);
    await client.send('HeapProfiler.collectGarbage');
    const after = await measure();
    const listeners = await client.send('Runtime.evaluate', { expression: 'document.querySelector("#c0")' })
      .then(({ result }) => client.send('DOMDebugger.getEventListeners', { objectId: result.objectId }));
    assertEqual(after.nodes, before.nodes, 'DOM nodes after 200 cycles');
    assertEqual(listeners.listeners.length, 0, 'listeners left on the host');
    const shadow = await page.evaluate(() => document.querySelector('#c0').shadowRoot.innerHTML);
    assertEqual(shadow, '<slot></slot>', 'a destroyed chart gives the host its own content back');
    assert(after.heap - before.heap < 2e6, `JS heap grew by ${after.heap - before.heap} bytes`);
    console.log(`     figures: 200 cycles in ${ms.toFixed(0)} ms (${(ms / 200).toFixed(2)} ms each); DOM ${before.nodes} → ${after.nodes} nodes; JS heap ${before.heap} → ${after.heap} bytes`);
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('a devicePixelRatio change and a print both redraw at the new density', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/embed/many.html?n=1', { viewport: { width: 800, height: 700 } });
    const before = await canvasFacts(page, '#c0');
    assertEqual(before.backingWidth, Math.round(before.cssWidth), 'DPR 1 backing');
    const client = await context.newCDPSession(page);
    await client.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 700, deviceScaleFactor: 2, mobile: false });
    // CDP emulation changes devicePixelRatio without the media-query change event a real zoom or a
    // monitor change fires; browser zoom also fires resize, which is what this sends.
    await page.evaluate(() => window.dispatchEvent(new Event('resize')));
    await page.waitForFunction(() => {
      const canvas = document.querySelector('#c0').shadowRoot.querySelector('canvas');
      return canvas.width === Math.round(canvas.getBoundingClientRect().width * 2);
    }, null, { timeout: 5000 });
    await client.send('Emulation.clearDeviceMetricsOverride');
    await page.waitForFunction(() => devicePixelRatio === 1);
    await page.evaluate(() => window.dispatchEvent(new Event('resize')));
    await page.waitForFunction(() => {
      const canvas = document.querySelector('#c0').shadowRoot.querySelector('canvas');
      return canvas.width === Math.round(canvas.getBoundingClientRect().width);
    }, null, { timeout: 5000 });
    const printed = await page.evaluate(() => {
      const canvas = document.querySelector('#c0').shadowRoot.querySelector('canvas');
      window.dispatchEvent(new Event('beforeprint'));
      const during = canvas.width / canvas.getBoundingClientRect().width;
      window.dispatchEvent(new Event('afterprint'));
      const after = canvas.width / canvas.getBoundingClientRect().width;
      return { during, after };
    });
    assertEqual(Math.round(printed.during), 3, 'print renders at 3× density');
    assertEqual(Math.round(printed.after), 1, 'back to screen density after printing');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });
}
