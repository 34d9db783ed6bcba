// Allocator and build-step measurements (docs/measurements.md): shipped gzip size, wasm memory kept over
// repeated loads of a large dataset, wasm memory over 1,000 render/destroy cycles, and the time of
// one whole-report board, for each build in target/alloc/NAME/ (made by tests/e2e/alloc-variants.sh).
//
//   node tests/e2e/alloc-bench.mjs [NAME|NAME=DIR ...]     (default: every folder in target/alloc/,
//                                                          or `dist` when there is none)
//   env: LOADS (50), COPIES (20), CYCLES (1000), RENDERS (20), ROUNDS (3), CHROMIUM
//
// Memory is `ReportCharts.diagnostics().memoryBytes`, the size of the wasm linear memory: it
// never shrinks, so it is the peak the allocator needed so far (stack and data segment included).
// Writes tests/e2e/out/alloc-bench.{json,md}. Timings on a shared 2-core machine are noisy.
import http from 'node:http';
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, launch } from './harness.mjs';

const env = (name, fallback) => Number(process.env[name] || fallback);
const LOADS = env('LOADS', 50);
const COPIES = env('COPIES', 20);
const CYCLES = env('CYCLES', 1000);
const RENDERS = env('RENDERS', 20);
const ROUNDS = env('ROUNDS', 3);

// Builds to compare: name -> folder holding report-charts.js and report-charts_bg.wasm.
const builds = new Map();
const args = process.argv.slice(2);
const allocDir = path.join(ROOT, 'target/alloc');
if (args.length === 0 && existsSync(allocDir)) {
  const order = ['current', 'heap', 'std', 'talc', 'talc-small', 'lol', 'noshort'];
  const found = readdirSync(allocDir).filter((d) => existsSync(path.join(allocDir, d, 'report-charts_bg.wasm')));
  found.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  for (const d of found) builds.set(d, path.join(allocDir, d));
}
for (const arg of args) {
  const [name, dir] = arg.includes('=') ? arg.split('=') : [arg, path.join(allocDir, arg)];
  builds.set(name, path.resolve(dir));
}
if (builds.size === 0) builds.set('dist', path.join(ROOT, 'dist'));

// /b/NAME/ serves one build and a test page beside it; /seeds/ the dataset.
const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>alloc bench</title>
<script src="report-charts.js" defer></script>
</head>
<body>
<div id="chart"></div>
</body>
</html>`;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = null;
  let match;
  if ((match = /^\/b\/([^/]+)\/(.*)$/.exec(url.pathname)) && builds.has(match[1])) {
    if (match[2] === 'page.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(PAGE); return; }
    if (match[2] === 'report-charts.js' || match[2] === 'report-charts_bg.wasm') file = path.join(builds.get(match[1]), match[2]);
  } else if (url.pathname === '/seeds/indicators.json') {
    file = path.join(ROOT, 'seeds/indicators.json');
  }
  if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
  if (!file || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript' : 'application/json';
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

async function open(name) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  await page.goto(`${base}/b/${name}/page.html`);
  await page.waitForFunction(() => window.ReportCharts && ReportCharts.ready);
  await page.evaluate(() => ReportCharts.ready.then(() => true));
  return { page, context, problems };
}

function sizes(dir) {
  // GNU gzip -9, as `make dist` and `make size` count (node's zlib gives about 1 % more).
  const gz = (file) => execFileSync('gzip', ['-9c', path.join(dir, file)], { maxBuffer: 1 << 26 }).length;
  const wasm = gz('report-charts_bg.wasm');
  const js = gz('report-charts.js');
  return { wasm, js, total: wasm + js, wasmRaw: statSync(path.join(dir, 'report-charts_bg.wasm')).size };
}

/** loadData(big) then a board of section "all", LOADS times; memory after load 1, 10 and LOADS. */
async function loads(name) {
  const { page, context, problems } = await open(name);
  const result = await page.evaluate(async ({ loads, copies }) => {
    const seed = await (await fetch('/seeds/indicators.json')).json();
    const big = Object.assign({}, seed, {
      indicators: Array.from({ length: copies }, (_, k) => seed.indicators.map((ind) => Object.assign({}, ind, { id: `${ind.id}-copy-${k + 1}` }))).flat(),
    });
    const text = JSON.stringify(big);
    const host = document.querySelector('#chart');
    const memory = () => ReportCharts.diagnostics().memoryBytes;
    const at = { start: memory() };
    const ms = [];
    let counts = null;
    let info = null;
    for (let i = 1; i <= loads; i++) {
      const started = performance.now();
      counts = await ReportCharts.loadData(text);
      const chart = await ReportCharts.render(host, { section: 'all', chart: 'board' });
      ms.push(performance.now() - started);
      info = { rows: chart.info.hits.length, pages: chart.info.pages };
      if (i === 1 || i === 10 || i === loads) at[i] = memory();
    }
    const label = host.shadowRoot.querySelector('canvas[aria-label]');
    return { at, counts, info, jsonBytes: text.length, ms, drawn: !!label };
  }, { loads: LOADS, copies: COPIES });
  result.problems = problems;
  await context.close();
  return result;
}

/** The hardening test's cycle: 100 warm-up, then CYCLES render/destroy of main-targets board/dumbbell. */
async function cycles(name) {
  const { page, context, problems } = await open(name);
  const result = await page.evaluate(async (count) => {
    const host = document.querySelector('#chart');
    const run = async (n) => {
      for (let i = 0; i < n; i++) {
        const chart = await ReportCharts.render(host, { section: 'main-targets', chart: i % 2 ? 'board' : 'dumbbell' });
        chart.destroy();
      }
    };
    const start = ReportCharts.diagnostics().memoryBytes;
    await run(100);
    const before = ReportCharts.diagnostics().memoryBytes;
    const started = performance.now();
    await run(count);
    const ms = performance.now() - started;
    return { start, before, after: ReportCharts.diagnostics().memoryBytes, ms };
  }, CYCLES);
  result.problems = problems;
  await context.close();
  return result;
}

/** RENDERS timed renders of the whole-report board (bundled data, every row on one canvas). */
async function renders(name) {
  const { page, context, problems } = await open(name);
  const result = await page.evaluate(async (count) => {
    const host = document.querySelector('#chart');
    const options = { section: 'all', chart: 'board', pageSize: 0 };
    for (let i = 0; i < 3; i++) await ReportCharts.render(host, options); // warm-up
    const ms = [];
    let chart = null;
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      chart = await ReportCharts.render(host, options);
      ms.push(performance.now() - started);
    }
    const canvas = host.shadowRoot.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const data = ctx.getImageData(0, 0, canvas.width, Math.min(canvas.height, 400)).data;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
    return { ms, rows: chart.info.hits.length, height: chart.info.height, painted, label: canvas.getAttribute('aria-label') || host.shadowRoot.querySelector('canvas[aria-label]').getAttribute('aria-label') };
  }, RENDERS);
  result.problems = problems;
  await context.close();
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const results = {};
for (const [name, dir] of builds) {
  results[name] = { dir: path.relative(ROOT, dir), size: sizes(dir) };
  process.stdout.write(`${name}: loads… `);
  results[name].loads = await loads(name);
  process.stdout.write('cycles… ');
  results[name].cycles = await cycles(name);
  process.stdout.write('done\n');
  results[name].renders = [];
}
// Timings alternate between builds, ROUNDS times, each round in a fresh page.
for (let round = 0; round < ROUNDS; round++) {
  for (const name of builds.keys()) results[name].renders.push(await renders(name));
}
await browser.close();
server.close();

const MiB = (b) => (b / 1048576).toFixed(2);
const lines = [
  `| build | wasm gzip | js gzip | total gzip | wasm memory at start | after 1 load | after 10 | after ${LOADS} | load+render ms (median) | ${CYCLES} cycles: before → after | board render ms (median of ${RENDERS}×${ROUNDS}) | errors |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];
for (const [name, r] of Object.entries(results)) {
  const l = r.loads;
  const c = r.cycles;
  const allMs = r.renders.flatMap((x) => x.ms);
  r.summary = {
    loadMs: median(l.ms), renderMs: median(allMs), renderRoundMedians: r.renders.map((x) => median(x.ms)),
    rows: r.renders[0].rows, painted: r.renders[0].painted,
  };
  const problems = [...l.problems, ...c.problems, ...r.renders.flatMap((x) => x.problems)];
  lines.push(`| ${name} | ${r.size.wasm} | ${r.size.js} | ${r.size.total} | ${MiB(l.at.start)} MiB | ${MiB(l.at[1])} MiB | ${MiB(l.at[10])} MiB | ${MiB(l.at[LOADS])} MiB | ${r.summary.loadMs.toFixed(0)} | ${MiB(c.before)} → ${MiB(c.after)} MiB | ${r.summary.renderMs.toFixed(1)} (rounds ${r.summary.renderRoundMedians.map((x) => x.toFixed(1)).join(', ')}) | ${problems.length ? problems.slice(0, 3).join('; ') : 'none'} |`);
}
const first = Object.values(results)[0];
const note = `Dataset: seeds/indicators.json with its indicators ×${COPIES} (${first.loads.counts && first.loads.counts.indicators} indicators, ${(first.loads.jsonBytes / 1e6).toFixed(2)} MB JSON); ` +
  `board of section "all" after each load (${first.loads.info.rows} rows on its first page of ${first.loads.info.pages}). ` +
  `Whole-report board: ${first.summary.rows} rows, pageSize 0. Sizes in bytes (gzip -9). Memory in MiB = 2^20 bytes (wasm pages of 64 KiB).`;
const md = lines.join('\n') + '\n\n' + note + '\n';
console.log('\n' + md);
mkdirSync(path.join(ROOT, 'tests/e2e/out'), { recursive: true });
writeFileSync(path.join(ROOT, 'tests/e2e/out/alloc-bench.json'), JSON.stringify(results, null, 1));
writeFileSync(path.join(ROOT, 'tests/e2e/out/alloc-bench.md'), md);
