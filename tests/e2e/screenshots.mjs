// Screenshots of the gallery for the README and for review by eye (make screenshots).
// Writes www/img/*.png. Not a test: it asserts nothing.
import { startServer, launch } from './harness.mjs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const out = (name) => path.join(ROOT, 'www/img', name);
const server = await startServer();
const browser = await launch();

async function shoot(width, dpr, name, selector) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  await page.goto(server.url);
  // Scroll through so that every lazily initialised chart mounts.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-report-chart], report-chart'))
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('canvas[aria-label]')), null, { timeout: 15000 });
  if (selector) await page.locator(selector).screenshot({ path: out(name) });
  else await page.screenshot({ path: out(name), fullPage: true });
  await context.close();
  console.log('wrote www/img/' + name);
}

await shoot(1280, 1, 'gallery-1280.png');
await shoot(390, 2, 'gallery-390.png');
await shoot(1280, 2, 'bullet-fixed-asset-investment.png', '#fai-bullet');
await browser.close();
server.stop();
