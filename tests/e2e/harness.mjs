// Shared pieces of the end-to-end tests: the static server, the browser, and a tiny runner.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts .ci/serve.py on a free port; resolves with {url, stop}. */
export function startServer(extraArgs = []) {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', [path.join(ROOT, '.ci/serve.py'), '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    server.stdout.on('data', (chunk) => {
      const match = /serving (http:\/\/[^ \n]+)/.exec(String(chunk));
      if (match) resolve({ url: match[1], stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error('server exited ' + code)));
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Opens a page that records console errors, page errors and CSP violations. */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' from ' + e.sourceFile));
  });
  await page.goto(url);
  return { page, context, problems };
}

/** Waits until the chart in `hostSelector` has drawn, then returns its canvas facts. */
export async function canvasFacts(page, hostSelector) {
  await page.waitForFunction((sel) => {
    const host = document.querySelector(sel);
    const canvas = host && host.shadowRoot && host.shadowRoot.querySelector('canvas');
    return canvas && canvas.width > 0 && host.shadowRoot.querySelector('canvas[aria-label]');
  }, hostSelector, { timeout: 15000 });
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const canvas = host.shadowRoot.querySelector('canvas');
    const rect = canvas.getBoundingClientRect();
    const ctx = canvas.getContext('2d');
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
    }
    return {
      backingWidth: canvas.width, backingHeight: canvas.height,
      cssWidth: rect.width, cssHeight: rect.height,
      dpr: window.devicePixelRatio, painted, total: canvas.width * canvas.height,
      label: canvas.getAttribute('aria-label'), error: host.getAttribute('data-error'),
    };
  }, hostSelector);
}

const tests = [];
export function test(name, fn) { tests.push({ name, fn }); }

export async function run() {
  let failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    let timer;
    try {
      // A hung page must fail its test, never stall CI.
      await Promise.race([fn(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out after 90 s')), 90000); })]);
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(error && error.stack || error).split('\n').join('\n     ')}`);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  return failed;
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
