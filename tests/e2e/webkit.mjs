// The embedding, hardening and accessibility-tree checks in WebKit (the engine of every iPhone
// browser), through WebKitGTK's WebKitWebDriver (Debian's webkit2gtk-driver) driving MiniBrowser.
// The client and the shared checks are webdriver.mjs's, the same Firefox runs; the WebKit-only
// checks follow. WebKitGTK's MiniBrowser has no headless mode (2.50): it runs on our own Xvfb
// server (`-displayfd` picks a free display), unless WEBKIT_DISPLAY names one. Run by `make test`
// after Firefox. A missing WebKitWebDriver, MiniBrowser or Xvfb fails the run; nothing is skipped.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, run } from './harness.mjs';
import { startDriver, session, webdriverChecks } from './webdriver.mjs';

const DRIVER = process.env.WEBKIT_DRIVER || 'WebKitWebDriver';
const BROWSER = process.env.WEBKIT_BROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const INSTALL = 'Install it with `apt-get install webkit2gtk-driver xvfb` (.ci/setup does).';

/** Our own X server: resolves with {display, stop}. */
function startXvfb() {
  if (process.env.WEBKIT_DISPLAY) return Promise.resolve({ display: process.env.WEBKIT_DISPLAY, stop() {} });
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
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
  env: { ...process.env, DISPLAY: xvfb.display },
  hint: `${INSTALL} Or set WEBKIT_DRIVER.`,
}).catch((error) => { server.stop(); xvfb.stop(); throw error; });
let browser = null;
webdriverChecks({ engine: 'webkit', Engine: 'WebKit', browser: () => browser, server });

let failed = 1;
try {
  browser = await session(driver.base, { 'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] } }, { width: 1200, height: 1000 });
  console.log(`     ${browser.capabilities.browserName} ${browser.capabilities.browserVersion} (WebKitGTK) on ${xvfb.display}`);
  failed = await run();
} finally {
  if (browser) await browser.close().catch(() => {});
  driver.stop();
  server.stop();
  xvfb.stop();
}
process.exit(failed ? 1 : 0);
