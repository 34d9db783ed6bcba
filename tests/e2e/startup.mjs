// `node tests/e2e/startup.mjs [N] [DIR…]`: what the bundled dataset costs at start-up, in headless
// Chromium (tests/e2e/pages/bench/startup.html). Each DIR holds a build (report-charts.js and
// report-charts_bg.wasm; default: dist/); with several, runs alternate between them, so that a busy
// machine slows each alike. Each run is a fresh context. Prints medians; asserts nothing about time.
//   first / second:  the first call after the instance is ready reads the bundled dataset, the
//                    second identical call does not (indicators(), or a render).
//   warm loadData:   the median of three loadData(text) of the same dataset on a warm instance.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch } from './harness.mjs';

const args = process.argv.slice(2);
const N = Math.max(1, Number(/^\d+$/.test(args[0] || '') ? args.shift() : process.env.N || 15) | 0);
const dirs = args.length ? args : [path.join(ROOT, 'dist')];
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Each build is served from a temporary folder under the test pages, removed afterwards.
const BUILDS = path.join(ROOT, 'tests/e2e/pages/bench/.startup-builds');
fs.rmSync(BUILDS, { recursive: true, force: true });
const builds = dirs.map((dir, i) => {
  const into = path.join(BUILDS, String(i));
  fs.mkdirSync(into, { recursive: true });
  for (const file of ['report-charts.js', 'report-charts_bg.wasm']) fs.copyFileSync(path.join(dir, file), path.join(into, file));
  return { dir, js: `/e2e/bench/.startup-builds/${i}/report-charts.js`, runs: { list: [], render: [] } };
});

const server = await startServer();
const browser = await launch();
try {
  for (let round = 0; round <= N; round++) {
    for (const build of builds) {
      for (const call of ['list', 'render']) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}e2e/bench/startup.html?call=${call}&js=${encodeURIComponent(build.js)}`);
        await page.waitForFunction(() => window.__startup, null, { timeout: 30000 });
        const result = await page.evaluate(() => window.__startup);
        await context.close();
        if (result.error) throw new Error(`${build.dir}: ${result.error}`);
        if (round > 0) build.runs[call].push(result); // round 0 warms the disk cache and the server
      }
    }
  }
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(BUILDS, { recursive: true, force: true });
}
console.log(`start-up in headless Chromium, medians of ${N} fresh contexts (ms):`);
for (const build of builds) {
  console.log(`  ${path.relative(process.cwd(), build.dir) || '.'}`);
  for (const call of ['list', 'render']) {
    const runs = build.runs[call];
    const m = (f) => median(runs.map(f)).toFixed(1);
    console.log(`    ${call === 'list' ? 'indicators()' : 'render()    '}  first ${m((r) => r.first)}  second ${m((r) => r.second)}` +
      `  first - second ${m((r) => r.first - r.second)}  (instance ready at ${m((r) => r.ready)})` +
      (call === 'list' ? `  warm loadData ${m((r) => median(r.loads))}` : ''));
  }
}
