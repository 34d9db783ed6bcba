// The embedding, hardening and accessibility-tree checks in headless Firefox ESR, through geckodriver's WebDriver
// protocol (playwright-core cannot drive Debian's Firefox). The client and the checks are shared with
// the WebKit suite (webdriver.mjs). Run by `make test` after the Chromium suite.
import { startServer, run } from './harness.mjs';
import { startDriver, session, webdriverChecks } from './webdriver.mjs';

const GECKODRIVER = process.env.GECKODRIVER || 'geckodriver';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

const server = await startServer();
const driver = await startDriver(GECKODRIVER, (port) => ['--port', String(port), '--host', '127.0.0.1'], {
  hint: 'Install it with `cargo install geckodriver` (.ci/setup does), or set GECKODRIVER.',
}).catch((error) => { server.stop(); throw error; });
let browser = null;
webdriverChecks({ engine: 'firefox', Engine: 'Firefox', browser: () => browser, server });

let failed = 1;
try {
  browser = await session(driver.base, { browserName: 'firefox', 'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless', '--width=1200', '--height=1000'] } });
  failed = await run();
} finally {
  if (browser) await browser.close().catch(() => {});
  driver.stop();
  server.stop();
}
process.exit(failed ? 1 : 0);
