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
}
