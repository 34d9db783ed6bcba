// The gallery: the demo page that `make demo` serves.
import { openPage, canvasFacts, test, assert, assertEqual } from './harness.mjs';

export default function ({ server, browser }) {
  for (const dpr of [1, 2]) {
    test(`gallery bullet chart is painted and crisp at DPR ${dpr}`, async () => {
      const { page, context, problems } = await openPage(browser, server.url, { deviceScaleFactor: dpr, viewport: { width: 1280, height: 900 } });
      const facts = await canvasFacts(page, '#fai-bullet');
      assertEqual(facts.dpr, dpr, 'devicePixelRatio');
      assertEqual(facts.backingWidth, Math.round(facts.cssWidth * dpr), 'backing width = CSS width × DPR');
      assertEqual(facts.backingHeight, Math.round(facts.cssHeight * dpr), 'backing height = CSS height × DPR');
      assert(facts.painted > facts.total / 50, `only ${facts.painted} of ${facts.total} pixels painted`);
      assert(facts.label.includes('固定资产投资增长') && facts.label.includes('8.5%') && facts.label.includes('7.1%'), facts.label);
      const csp = await page.evaluate(() => window.__cspViolations);
      assertEqual(csp.length, 0, 'CSP violations ' + csp.join(', '));
      assertEqual(problems.length, 0, 'console problems ' + problems.join('\n'));
      await context.close();
    });
  }

  test('every gallery chart renders without an error', async () => {
    const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 } });
    const hosts = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('[data-report-chart], report-chart'));
      all.forEach((el, i) => { el.id = el.id || 'chart-' + i; });
      return all.map((el) => '#' + el.id);
    });
    assert(hosts.length >= 9, `${hosts.length} charts in the gallery`);
    for (const host of hosts) {
      await page.locator(host).scrollIntoViewIfNeeded();
      const facts = await canvasFacts(page, host);
      assertEqual(facts.error, null, `${host} data-error`);
      assert(facts.painted > facts.total / 100, `${host}: only ${facts.painted} pixels painted`);
    }
    assertEqual(problems.length, 0, 'console problems ' + problems.join('\n'));
    await context.close();
  });

  test('the gallery switches every chart to English and to each theme through data attributes', async () => {
    const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 } });
    const before = await canvasFacts(page, '#fai-bullet');
    assert(before.label.startsWith('固定资产投资增长'), before.label);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('#fai-bullet').shadowRoot.querySelector('canvas').getAttribute('aria-label').startsWith('Fixed-asset'));
    for (const theme of ['Dark', 'Contrast', 'Light']) {
      await page.getByRole('button', { name: new RegExp(theme) }).click();
      const expected = { Dark: [0x16, 0x20, 0x2b], Contrast: [0, 0, 0], Light: [255, 255, 255] }[theme];
      await page.waitForFunction((rgb) => {
        const canvas = document.querySelector('#fai-bullet').shadowRoot.querySelector('canvas');
        const px = canvas.getContext('2d').getImageData(1, 1, 1, 1).data;
        return px[0] === rgb[0] && px[1] === rgb[1] && px[2] === rgb[2];
      }, expected, { timeout: 5000 });
    }
    assertEqual(problems.length, 0, 'console problems ' + problems.join('\n'));
    await context.close();
  });
}
