// The embedding, hardening and accessibility-tree checks in WebKit (the engine of every iPhone
// browser), through WebKitGTK's WebKitWebDriver (Debian's webkit2gtk-driver) driving MiniBrowser.
// The client and the shared checks are webdriver.mjs's, the same Firefox runs; a WebKit-only
// check, a phone-sized window, follows. WebKitGTK's MiniBrowser has no headless mode (2.50): it runs on our own Xvfb
// server (`-displayfd` picks a free display), unless WEBKIT_DISPLAY names one. Run by `make test`
// after Firefox. A missing WebKitWebDriver, MiniBrowser or Xvfb fails the run; nothing is skipped.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, run, test, assert, assertEqual } from './harness.mjs';
import { startDriver, session, webdriverChecks, canvasFacts } from './webdriver.mjs';

const DRIVER = process.env.WEBKIT_DRIVER || 'WebKitWebDriver';
const BROWSER = process.env.WEBKIT_BROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
// iPhones draw at 2 or 3 device pixels per CSS px: GTK's window scale gives WebKit a
// devicePixelRatio of 2, so "crisp" means a backing store twice the CSS size (Firefox runs at 1).
const SCALE = process.env.WEBKIT_SCALE || '2';
const INSTALL = 'Install it with `apt-get install webkit2gtk-driver xvfb` (.ci/setup does).';

/** Our own X server: resolves with {display, stop}. */
function startXvfb() {
  if (process.env.WEBKIT_DISPLAY) return Promise.resolve({ display: process.env.WEBKIT_DISPLAY, stop() {} });
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '2560x2048x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    xvfb.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-2000); });
    xvfb.stdio[3].on('data', (chunk) => resolve({ display: ':' + String(chunk).trim(), stop: () => xvfb.kill() }));
    xvfb.on('error', (error) => reject(new Error(`Xvfb: ${error.code === 'ENOENT' ? 'not found' : error.message}. MiniBrowser needs a display. ${INSTALL}`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
  });
}

if (!existsSync(BROWSER)) throw new Error(`${BROWSER}: not found (WebKitGTK's MiniBrowser, from libwebkit2gtk-4.1-0). ${INSTALL} Or set WEBKIT_BROWSER.`);
const xvfb = await startXvfb();
const server = await startServer();
const driver = await startDriver(DRIVER, (port) => ['--port=' + port, '--host=127.0.0.1'], {
  env: { ...process.env, DISPLAY: xvfb.display, GDK_SCALE: SCALE },
  hint: `${INSTALL} Or set WEBKIT_DRIVER.`,
}).catch((error) => { server.stop(); xvfb.stop(); throw error; });
let browser = null;
webdriverChecks({ engine: 'webkit', Engine: 'WebKit', browser: () => browser, server });

test('webkit: an iPhone\'s viewport (390 CSS px, a frame: MiniBrowser\'s window is at least 447 wide): every embed fills its column, crisp, nothing scrolls sideways', async () => {
  await browser.open(server.url + 'e2e/embed/phone.html');
  await browser.frame(0);
  try {
    const sizes = [];
    for (const host of ['#by-attribute', '#by-element', '#by-api']) {
      const facts = await browser.evaluate(canvasFacts, host);
      const column = await browser.evaluate((sel) => {
        const el = document.querySelector(sel);
        const style = getComputedStyle(el);
        return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      }, host);
      assert(facts.error === null && facts.painted > facts.total / 100, `${host} painted`);
      assertEqual(facts.cssWidth, column, `${host}: the canvas fills the host's content box`);
      assertEqual(facts.backingWidth, Math.round(facts.cssWidth * facts.dpr), `${host}: backing width = CSS × DPR`);
      sizes.push(`${facts.cssWidth}×${Math.round(facts.cssHeight)}`);
    }
    const page = await browser.evaluate(() => ({ viewport: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth }));
    assert(page.viewport <= 390, `viewport ${page.viewport} CSS px`);
    assertEqual(page.scroll, page.viewport, 'no sideways scrolling');
    console.log(`     figures (WebKit): viewport ${page.viewport} CSS px; charts ${sizes.join(', ')} CSS px`);
  } finally {
    await browser.frame(null);
  }
});

let failed = 1;
try {
  browser = await session(driver.base, { 'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] } }, { width: 1200, height: 1000 });
  console.log(`     ${browser.capabilities.browserName} ${browser.capabilities.browserVersion} (WebKitGTK) on ${xvfb.display}, device pixel ratio ${await browser.evaluate(() => devicePixelRatio)}`);
  failed = await run();
} finally {
  if (browser) await browser.close().catch(() => {});
  driver.stop();
  server.stop();
  xvfb.stop();
}
process.exit(failed ? 1 : 0);
