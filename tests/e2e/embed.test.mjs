// Embedding on a hostile page: three routes, a CMS sub-folder, Bootstrap 3 + jQuery 1.x, global
// CSS resets, and a strict CSP. Also the wrong-MIME .wasm fallback and a wrong indicator id.
import { startServer, openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';

const HOSTS = ['#by-attribute', '#by-element', '#by-api'];

export default function ({ server, browser }) {
  for (const dpr of [1, 2]) {
    test(`hostile page at DPR ${dpr}: all three embed routes paint, crisp, with no CSP or console problems`, async () => {
      const { page, context, problems } = await openPage(browser, server.url + 'e2e/embed/hostile.html', { deviceScaleFactor: dpr, viewport: { width: 1200, height: 2000 } });
      await page.addInitScript(() => { window.__baseline = Object.keys(window); });
      await page.reload();
      for (const host of HOSTS) {
        const facts = await canvasFacts(page, host);
        assertEqual(facts.error, null, `${host} data-error`);
        assert(facts.painted > facts.total / 100, `${host}: only ${facts.painted} pixels painted`);
        assertEqual(facts.backingWidth, Math.round(facts.cssWidth * dpr), `${host}: backing width = CSS width × DPR`);
        assertEqual(facts.backingHeight, Math.round(facts.cssHeight * dpr), `${host}: backing height = CSS height × DPR`);
      }
      // The host's resets do not reach inside: the canvas fills its host exactly, without a border.
      const layout = await page.evaluate(() => {
        const host = document.querySelector('#by-attribute');
        const canvas = host.shadowRoot.querySelector('canvas');
        const style = getComputedStyle(host); // the hostile CSS pads every div: the chart fits inside the padding
        const content = host.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { host: content, canvas: canvas.getBoundingClientRect().width, border: getComputedStyle(canvas).borderTopWidth };
      });
      assertEqual(layout.canvas, layout.host, 'canvas width equals the host content width');
      assertEqual(layout.border, '0px', 'host canvas border rule');
      const added = await page.evaluate(() => Object.keys(window).filter((k) => !window.__baseline.includes(k)));
      const ours = added.filter((k) => !['$', 'jQuery', '__cspViolations', '__baseline', '__recorded'].includes(k) && !/^jQuery\d+$/.test(k));
      assertEqual(JSON.stringify(ours), JSON.stringify(['ReportCharts']), 'globals added');
      const page_ = await page.evaluate(() => ({
        styles: document.querySelectorAll('style').length,
        htmlAttrs: document.documentElement.getAttributeNames().join(','),
        bodyAttrs: document.body.getAttributeNames().join(','),
      }));
      assertEqual(page_.styles, 0, 'style elements added to the host page');
      assertEqual(page_.htmlAttrs, 'lang', 'attributes on <html>');
      assertEqual(page_.bodyAttrs, '', 'attributes on <body>');
      // jQuery 1.x itself trips script-src-attr (its focusin support probe); none may come from us.
      const csp = (await page.evaluate(() => window.__cspViolations)).filter((v) => !v.includes('/vendor/'));
      assertEqual(csp.length, 0, 'CSP violations ' + csp.join(', '));
      const unexpected = problems.filter((p) => !p.includes('fixed-asset-investment-grwth') && !p.includes('inline event handler'));
      assertEqual(unexpected.length, 0, 'console problems ' + unexpected.join('\n'));
      await context.close();
    });
  }

  test('a wrong id names the id and the nearest valid ids; readers keep the fallback; other charts still paint', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/embed/hostile.html', { viewport: { width: 1200, height: 2000 } });
    await page.waitForFunction(() => document.querySelector('#wrong-id').hasAttribute('data-error'));
    const error = await page.getAttribute('#wrong-id', 'data-error');
    assertEqual(error, 'report-charts: options.indicators[0]: expected a known indicator id (did you mean fixed-asset-investment-growth?), got "fixed-asset-investment-grwth"', 'data-error');
    const zh = await page.getAttribute('#wrong-id', 'data-error-zh');
    assert(zh.includes('是否想用 fixed-asset-investment-growth'), zh);
    assert(problems.some((p) => p.includes(error)), 'the error is logged to the console');
    assert(await page.isVisible('#wrong-id-fallback'), 'fallback content is visible');
    const facts = await canvasFacts(page, '#by-attribute');
    assert(facts.painted > 0, 'the good chart on the same page still paints');
    await context.close();
  });

  test('a server that sends .wasm as application/octet-stream still works (arrayBuffer fallback)', async () => {
    const octet = await startServer(['--wasm-mime', 'application/octet-stream']);
    try {
      const { page, context } = await openPage(browser, octet.url + 'e2e/embed/hostile.html', { viewport: { width: 1200, height: 2000 } });
      const mime = await page.evaluate(async () => (await fetch('/static/cms/2024/js/report-charts_bg.wasm')).headers.get('content-type'));
      assertEqual(mime, 'application/octet-stream', 'served MIME type');
      const facts = await canvasFacts(page, '#by-attribute');
      assert(facts.painted > facts.total / 100, 'paints after the fallback');
      await context.close();
    } finally {
      octet.stop();
    }
  });

  test('one shared wasm instance however many script tags load the loader', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/embed/hostile.html', { viewport: { width: 1200, height: 2000 } });
    await canvasFacts(page, '#by-attribute');
    const before = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    await page.evaluate(() => new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = '/dist/report-charts.js';
      script.onload = resolve;
      document.head.appendChild(script);
    }));
    const host = await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'late';
      el.setAttribute('data-report-chart', 'urban-new-jobs');
      document.querySelector('.col-md-8').appendChild(el);
      return '#late';
    });
    const facts = await canvasFacts(page, host);
    assert(facts.painted > 0, 'a chart added later by the CMS is mounted by the MutationObserver');
    const after = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    assertEqual(before, 1, 'wasm fetches before');
    assertEqual(after, 1, 'wasm fetches after a second script tag');
    await context.close();
  });

  for (const [how, prepare] of [
    ['WebAssembly is unavailable', (page) => page.addInitScript(() => { delete window.WebAssembly; })],
    ['the .wasm fails to load', (page) => page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }))],
  ]) {
    test(`when ${how}, readers see the fallback and the editor gets data-error`, async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 1600 } });
      const page = await context.newPage();
      await prepare(page);
      await page.goto(server.url + 'e2e/embed/hostile.html');
      await page.waitForFunction(() => document.querySelector('#by-attribute').hasAttribute('data-error'), null, { timeout: 10000 });
      const state = await page.evaluate(() => {
        const host = document.querySelector('#by-attribute');
        const fallback = host.querySelector('p');
        return { error: host.getAttribute('data-error'), visible: fallback.getBoundingClientRect().height > 0 };
      });
      assert(state.visible, 'fallback paragraph visible');
      assert(/WebAssembly is unavailable|answered 404/.test(state.error), state.error);
      await context.close();
    });
  }
}
