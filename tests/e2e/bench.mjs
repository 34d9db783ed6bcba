// `make bench`: the same board (every indicator of the report with a 2024 target: status, name,
// target, actual or 待公布, a small completion bar) drawn by report-charts, ECharts and Chart.js in
// headless Chromium, plus the 1- and 50-embed pages of report-charts. Timings are printed and
// written to tests/e2e/out/bench.{json,md}; nothing is asserted about them. The run fails only if a
// page fails (an error, a blank canvas, a hover that did not reach its row).
//
//   make bench N=20            runs per page (default 10; also BENCH_N), alternating ours, ECharts, Chart.js, …
//   BENCH_WARMUP=0 make bench  untimed warm-up rounds before the runs (default 1)
//   BENCH_DPR=2 make bench     device pixel ratio of every page (default 1)
//   BENCH_SHOTS=1 make bench   also screenshots of the three boards in tests/e2e/out/
//
// Method (also written into bench.json):
// - Every run is a fresh browser context (empty cache, new renderer), 1000×2000 viewport, the board
//   in a 900 px wide box. Each library's own animations are off, so its draw call leaves final pixels.
// - first paint: performance.mark('chart-painted') set by the page right after its draw returns
//   (ours: `await ReportCharts.render`; ECharts: after `setOption`, which flushes zrender
//   synchronously; Chart.js: after `new Chart`), read as its startTime (ms since navigation start).
//   Every page fetches /seeds/indicators.json for its rows, so that cost is the same for all.
// - hover: real mouse moves (CDP Input.dispatchMouseEvent via page.mouse.move) to the centres of 50
//   successive rows. In the page, a capturing `pointermove` listener on window (the first listener
//   to see the move) takes t0; it requests an animation frame and, from inside it, posts a
//   MessageChannel message, whose handler takes t1. Mouse moves are rAF-aligned in Chromium, and
//   rendering (rAF callbacks, style, layout, paint recording) runs in the same task as that frame's
//   rAF callbacks, so t1 − t0 = every library handler + its repaint (ours: synchronous overlay canvas
//   + tooltip popover; Chart.js: its rAF-throttled full redraw; ECharts: zrender's rAF flush) + the
//   browser's style/layout/paint of that frame. Rasterisation on other threads is not included.
//   "of which input handlers" is t0 to the bubbling `mousemove` on window (the move's last listener).
//   After each move the page is asked which row it highlights; a wrong answer fails the run.
// - memory: after the first paint, CDP HeapProfiler.collectGarbage, then
//   performance.memory.usedJSHeapSize (precise with --enable-precise-memory-info). The wasm linear
//   memory is an external ArrayBuffer, not in that number: reported apart (diagnostics().memoryBytes).
// - embeds: tests/e2e/pages/bench/embeds.html?n=1|50 (the embeds of pages/embed/many.html, 1280×800
//   viewport) marks chart-painted when the first chart has drawn; then, after the page settles, the
//   charts drawn (`diagnostics().drawn`; `charts` also counts the handles of embeds not yet in view) and wasm instances.
// - transfer size: `gzip -9` of what each page loads for its chart library (not the shared page
//   files), as `make size` counts it. KB = 1000 bytes, MB = 10^6 bytes.
// - The runs alternate (ours, ECharts, Chart.js, 1 embed, 50 embeds, ours, …) after one untimed
//   warm-up round, so that a busy machine slows every library alike; medians, not means.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from './harness.mjs';

const N = Math.max(1, Number(process.env.BENCH_N || process.env.N || process.argv[2] || 10) | 0);
const WARMUP = Math.max(0, Number(process.env.BENCH_WARMUP === undefined ? 1 : process.env.BENCH_WARMUP) | 0);
const DPR = Number(process.env.BENCH_DPR || 1);
const SHOTS = process.env.BENCH_SHOTS === '1';
const HOVER_ROWS = 50;
const BOARD_VIEWPORT = { width: 1000, height: 2000 };
const EMBED_VIEWPORT = { width: 1280, height: 800 };
const OUT = path.join(ROOT, 'tests/e2e/out');

const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];

const LIBS = [
  { key: 'ours', name: 'report-charts', version: cargoVersion, page: '/e2e/bench/ours.html',
    files: ['dist/report-charts.js', 'dist/report-charts_bg.wasm'] },
  { key: 'echarts', name: 'ECharts', version: pkgVersion('echarts'), page: '/e2e/bench/echarts.html',
    files: ['node_modules/echarts/dist/echarts.min.js'] },
  { key: 'chartjs', name: 'Chart.js', version: pkgVersion('chart.js'), page: '/e2e/bench/chartjs.html',
    files: ['node_modules/chart.js/dist/chart.umd.min.js'] },
];

function transfer(files) {
  const list = files.map((file) => {
    const bytes = fs.readFileSync(path.join(ROOT, file));
    return { file, raw: bytes.length, gzip: execFileSync('gzip', ['-9c', path.join(ROOT, file)], { maxBuffer: 1 << 28 }).length };
  });
  return { files: list, raw: list.reduce((s, f) => s + f.raw, 0), gzip: list.reduce((s, f) => s + f.gzip, 0) };
}

/** Linear-interpolated quantile (q in 0..1) of the numbers. */
function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
const median = (values) => quantile(values, 0.5);
const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

async function launch() {
  // The harness's flags, plus precise (unbucketed) performance.memory.
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-sync', '--enable-precise-memory-info'],
  });
}

/** A fresh context and page; records page errors, console errors and failed requests. */
async function open(browser, url, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: DPR });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  page.on('requestfailed', (req) => problems.push('request failed: ' + req.url()));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.goto(url);
  return { context, page, problems };
}

async function waitPainted(page, problems, what) {
  try {
    await page.waitForFunction(() => window.__benchError || performance.getEntriesByName('chart-painted').length > 0, null, { timeout: 30000 });
  } catch {
    throw new Error(`${what}: no chart-painted mark within 30 s; ${problems.join('; ')}`);
  }
  const error = await page.evaluate(() => window.__benchError || null);
  if (error || problems.length) throw new Error(`${what}: ${error || ''} ${problems.join('; ')}`);
  return page.evaluate(() => performance.getEntriesByName('chart-painted')[0].startTime);
}

async function jsHeap(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => performance.memory.usedJSHeapSize);
}

/** Pixels of the chart canvas that differ from its top-left pixel: proof the chart is not blank. */
async function paintedPixels(page, key) {
  return page.evaluate((which) => {
    const host = document.getElementById('chart');
    const canvas = which === 'ours' ? host.shadowRoot.querySelector('canvas.chart') : host.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) painted++;
    }
    return { painted, total: canvas.width * canvas.height, width: canvas.width, height: canvas.height };
  }, key);
}

/**
 * In-page hover timer: arm() before a mouse move, result() after it (see the method above).
 * `frame` is t1 − t0; `handlers` is the synchronous part, from t0 to the bubbling `mousemove` on
 * window (the last listener of the move: pointer events come first, then the mouse events).
 */
function installHoverTimer() {
  let pending = null;
  window.__benchHoverArm = () => {
    pending = new Promise((resolve) => {
      let t0 = 0;
      let handlers = null;
      const onLast = () => {
        window.removeEventListener('mousemove', onLast, false);
        handlers = performance.now() - t0;
      };
      const onFirst = () => {
        window.removeEventListener('pointermove', onFirst, true);
        t0 = performance.now();
        window.addEventListener('mousemove', onLast, false);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ frame: performance.now() - t0, handlers });
          channel.port2.postMessage(0);
        });
      };
      window.addEventListener('pointermove', onFirst, true);
    });
  };
  window.__benchHoverResult = () => pending;
}

async function hoverSamples(page, what) {
  await page.evaluate(installHoverTimer);
  const targets = await page.evaluate((n) => window.__benchTargets(n), HOVER_ROWS);
  if (targets.length !== HOVER_ROWS) throw new Error(`${what}: only ${targets.length} rows to hover`);
  const outside = targets.filter((t) => t.y < 0 || t.y >= BOARD_VIEWPORT.height);
  if (outside.length) throw new Error(`${what}: ${outside.length} hover targets outside the viewport`);
  await page.mouse.move(BOARD_VIEWPORT.width - 4, 4); // off the chart
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const samples = [];
  const wrong = [];
  for (let i = 0; i < targets.length; i++) {
    await page.evaluate(() => window.__benchHoverArm());
    await page.mouse.move(targets[i].x, targets[i].y);
    const sample = await page.evaluate(() => window.__benchHoverResult());
    if (sample.handlers === null) throw new Error(`${what}: no mousemove reached window at row ${i}`);
    samples.push(sample);
    const hovered = await page.evaluate(() => window.__benchHovered());
    if (hovered !== i) wrong.push(`row ${i} → ${hovered}`);
  }
  if (wrong.length) throw new Error(`${what}: the hover did not reach its row: ${wrong.slice(0, 5).join(', ')}`);
  return samples;
}

async function runBoard(browser, server, lib, run) {
  const what = run < 0 ? `${lib.name} warm-up` : `${lib.name} run ${run + 1}`;
  const { context, page, problems } = await open(browser, server.url.replace(/\/$/, '') + lib.page, BOARD_VIEWPORT);
  try {
    const firstPaint = await waitPainted(page, problems, what);
    const rows = await page.evaluate(() => window.__benchRows());
    const heap = await jsHeap(context, page);
    const wasm = lib.key === 'ours' ? await page.evaluate(() => ReportCharts.diagnostics()) : null;
    let pixels = null;
    if (run === 0) {
      pixels = await paintedPixels(page, lib.key);
      if (pixels.painted < pixels.total * 0.01) throw new Error(`${what}: the canvas is blank (${pixels.painted} of ${pixels.total} pixels)`);
      if (SHOTS) {
        fs.mkdirSync(OUT, { recursive: true });
        await page.locator('#chart').screenshot({ path: path.join(OUT, `bench-${lib.key}.png`) });
      }
    }
    const hover = await hoverSamples(page, what);
    if (problems.length) throw new Error(`${what}: ${problems.join('; ')}`);
    return { firstPaint, rows, heap, wasmBytes: wasm && wasm.memoryBytes, instances: wasm && wasm.instances, pixels, hover };
  } finally {
    await context.close();
  }
}

async function runEmbeds(browser, server, n, run) {
  const what = run < 0 ? `${n}-embed page warm-up` : `${n}-embed page run ${run + 1}`;
  const { context, page, problems } = await open(browser, `${server.url.replace(/\/$/, '')}/e2e/bench/embeds.html?n=${n}`, EMBED_VIEWPORT);
  try {
    const firstPaint = await waitPainted(page, problems, what);
    // Settle: a few frames and a pause, so that every chart the first viewport asks for is drawn.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    const facts = await page.evaluate(() => {
      const d = ReportCharts.diagnostics();
      const hosts = Array.from(document.querySelectorAll('[data-report-chart]'));
      const drawn = hosts.filter((h) => h.shadowRoot && h.shadowRoot.querySelector('canvas[aria-label]')).length;
      return { instances: d.instances, charts: d.drawn, drawn, hosts: hosts.length, memoryBytes: d.memoryBytes };
    });
    if (facts.hosts !== n) throw new Error(`${what}: ${facts.hosts} embeds on the page`);
    if (problems.length) throw new Error(`${what}: ${problems.join('; ')}`);
    return { firstPaint, ...facts };
  } finally {
    await context.close();
  }
}

function ratio(a, b) {
  return a === null || b === null || !b ? null : a / b;
}

function summarise(lib, runs) {
  const hover = runs.flatMap((r) => r.hover.map((h) => h.frame));
  const handlers = runs.flatMap((r) => r.hover.map((h) => h.handlers));
  return {
    name: lib.name,
    version: lib.version,
    page: lib.page,
    transfer: transfer(lib.files),
    rows: runs[0].rows,
    canvas: runs[0].pixels,
    firstPaintMs: { median: median(runs.map((r) => r.firstPaint)), samples: runs.map((r) => round(r.firstPaint, 2)) },
    hoverMs: { p50: quantile(hover, 0.5), p95: quantile(hover, 0.95), moves: hover.length, samples: hover.map((v) => round(v, 2)) },
    hoverHandlersMs: { p50: quantile(handlers, 0.5), p95: quantile(handlers, 0.95), samples: handlers.map((v) => round(v, 2)) },
    jsHeapBytes: { median: median(runs.map((r) => r.heap)), samples: runs.map((r) => r.heap) },
    wasmMemoryBytes: lib.key === 'ours' ? { median: median(runs.map((r) => r.wasmBytes)), samples: runs.map((r) => r.wasmBytes) } : null,
    wasmInstances: lib.key === 'ours' ? Math.max(...runs.map((r) => r.instances)) : null,
  };
}

function fmt(value, digits = 1) {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

function table(result) {
  const { ours, echarts, chartjs } = result.libraries;
  const kb = (b) => (b === null || b === undefined ? null : b / 1000);
  const mb = (b) => (b === null || b === undefined ? null : b / 1e6);
  const lines = [
    ['library transfer, gzip -9 (KB)', kb(ours.transfer.gzip), kb(echarts.transfer.gzip), kb(chartjs.transfer.gzip), 1],
    ['first paint, median (ms)', ours.firstPaintMs.median, echarts.firstPaintMs.median, chartjs.firstPaintMs.median, 1],
    ['hover repaint p50 (ms)', ours.hoverMs.p50, echarts.hoverMs.p50, chartjs.hoverMs.p50, 2],
    ['hover repaint p95 (ms)', ours.hoverMs.p95, echarts.hoverMs.p95, chartjs.hoverMs.p95, 2],
    ['  of which input handlers, p50 (ms)', ours.hoverHandlersMs.p50, echarts.hoverHandlersMs.p50, chartjs.hoverHandlersMs.p50, 2],
    ['JS heap after GC, median (MB)', mb(ours.jsHeapBytes.median), mb(echarts.jsHeapBytes.median), mb(chartjs.jsHeapBytes.median), 2],
    ['wasm memory (MB)', mb(ours.wasmMemoryBytes.median), null, null, 2],
    ['JS heap + wasm memory (MB)', mb(ours.jsHeapBytes.median + ours.wasmMemoryBytes.median), mb(echarts.jsHeapBytes.median), mb(chartjs.jsHeapBytes.median), 2],
  ].map(([label, a, b, c, digits]) => [label, fmt(a, digits), fmt(b, digits), fmt(c, digits), fmt(ratio(a, b), 2), fmt(ratio(a, c), 2)]);
  const head = ['', `report-charts ${ours.version}`, `ECharts ${echarts.version}`, `Chart.js ${chartjs.version}`, 'ours/ECharts', 'ours/Chart.js'];
  return { head, lines };
}

function textTable({ head, lines }) {
  const rows = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ')).join('\n');
}

function markdown(result, t) {
  const e = result.embeds;
  const m = result.machine;
  return [
    `# report-charts benchmark, ${result.date}`,
    '',
    `Chromium ${result.chromium}, ${m.cpu} × ${m.cpus}, ${(m.memoryBytes / 1e9).toFixed(1)} GB, ${m.platform}; N = ${result.n} runs per page ` +
      `(alternating, fresh context each, after ${result.warmupRounds} untimed warm-up round), DPR ${result.dpr}. KB = 1000 bytes, MB = 10^6 bytes. Board: ${result.libraries.ours.rows} indicators with a 2024 target, 900 px wide. ` +
      `Hover: ${HOVER_ROWS} rows per run, p50/p95 over all ${result.libraries.ours.hoverMs.moves} moves. Method: tests/e2e/bench.mjs.`,
    '',
    `| ${t.head.join(' | ')} |`,
    `|${t.head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...t.lines.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Embeds (report-charts only, ${EMBED_VIEWPORT.width}×${EMBED_VIEWPORT.height}): first chart painted, median ${fmt(e.one.firstPaintMs.median)} ms on the 1-embed page, ` +
      `${fmt(e.fifty.firstPaintMs.median)} ms on the 50-embed page (ratio ${fmt(e.firstPaintRatio, 2)}); ` +
      `charts initialised at load on the 50-embed page: ${e.fifty.chartsAtLoad.max} of 50 (${e.fifty.drawnAtLoad.max} drawn); wasm instances: ${e.fifty.instances.max}.`,
    '',
  ].join('\n');
}

async function main() {
  for (const lib of LIBS) for (const file of lib.files) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`missing ${file}: run make dist, and make setup (npm ci in tests/e2e)`);
  }
  const server = await startServer();
  const browser = await launch();
  const board = { ours: [], echarts: [], chartjs: [] };
  const embeds = { one: [], fifty: [] };
  try {
    const version = browser.version();
    console.log(`bench: N=${N}, DPR ${DPR}, Chromium ${version}; alternating ${LIBS.map((l) => l.name).join(', ')}, 1 embed, 50 embeds`);
    for (let round = 0; round < WARMUP; round++) {
      for (const lib of LIBS) await runBoard(browser, server, lib, -1);
      await runEmbeds(browser, server, 1, -1);
      await runEmbeds(browser, server, 50, -1);
      console.log(`  warm-up round ${round + 1}/${WARMUP} done (not counted)`);
    }
    for (let run = 0; run < N; run++) {
      for (const lib of LIBS) board[lib.key].push(await runBoard(browser, server, lib, run));
      embeds.one.push(await runEmbeds(browser, server, 1, run));
      embeds.fifty.push(await runEmbeds(browser, server, 50, run));
      process.stdout.write(`  run ${run + 1}/${N}: first paint ` +
        LIBS.map((l) => `${l.key} ${board[l.key][run].firstPaint.toFixed(0)}`).join(', ') +
        ` ms; embeds 1/50 ${embeds.one[run].firstPaint.toFixed(0)}/${embeds.fifty[run].firstPaint.toFixed(0)} ms\n`);
    }
    const cpus = os.cpus();
    const libraries = Object.fromEntries(LIBS.map((lib) => [lib.key, summarise(lib, board[lib.key])]));
    const embedSummary = (runs) => ({
      firstPaintMs: { median: median(runs.map((r) => r.firstPaint)), samples: runs.map((r) => round(r.firstPaint, 2)) },
      chartsAtLoad: { median: median(runs.map((r) => r.charts)), max: Math.max(...runs.map((r) => r.charts)), samples: runs.map((r) => r.charts) },
      drawnAtLoad: { median: median(runs.map((r) => r.drawn)), max: Math.max(...runs.map((r) => r.drawn)) },
      instances: { max: Math.max(...runs.map((r) => r.instances)), samples: runs.map((r) => r.instances) },
      wasmMemoryBytes: { median: median(runs.map((r) => r.memoryBytes)) },
    });
    const one = embedSummary(embeds.one);
    const fifty = embedSummary(embeds.fifty);
    const result = {
      date: new Date().toISOString(),
      chromium: version,
      machine: { cpu: cpus[0] && cpus[0].model, cpus: cpus.length, memoryBytes: os.totalmem(), platform: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version },
      n: N,
      warmupRounds: WARMUP,
      dpr: DPR,
      viewport: { board: BOARD_VIEWPORT, embeds: EMBED_VIEWPORT },
      hoverRows: HOVER_ROWS,
      method: 'see the header comment of tests/e2e/bench.mjs',
      libraries,
      ratios: {
        oursOverEcharts: {
          transferGzip: ratio(libraries.ours.transfer.gzip, libraries.echarts.transfer.gzip),
          firstPaint: ratio(libraries.ours.firstPaintMs.median, libraries.echarts.firstPaintMs.median),
          hoverP50: ratio(libraries.ours.hoverMs.p50, libraries.echarts.hoverMs.p50),
          hoverP95: ratio(libraries.ours.hoverMs.p95, libraries.echarts.hoverMs.p95),
          jsHeap: ratio(libraries.ours.jsHeapBytes.median, libraries.echarts.jsHeapBytes.median),
        },
        oursOverChartjs: {
          transferGzip: ratio(libraries.ours.transfer.gzip, libraries.chartjs.transfer.gzip),
          firstPaint: ratio(libraries.ours.firstPaintMs.median, libraries.chartjs.firstPaintMs.median),
          hoverP50: ratio(libraries.ours.hoverMs.p50, libraries.chartjs.hoverMs.p50),
          hoverP95: ratio(libraries.ours.hoverMs.p95, libraries.chartjs.hoverMs.p95),
          jsHeap: ratio(libraries.ours.jsHeapBytes.median, libraries.chartjs.jsHeapBytes.median),
        },
      },
      embeds: { page: '/e2e/bench/embeds.html?n=', one, fifty, firstPaintRatio: ratio(fifty.firstPaintMs.median, one.firstPaintMs.median) },
    };
    const t = table(result);
    console.log('\n' + textTable(t));
    console.log(`\nembeds (ours, ${EMBED_VIEWPORT.width}×${EMBED_VIEWPORT.height}): first chart painted ${fmt(one.firstPaintMs.median)} ms (1 embed) vs ` +
      `${fmt(fifty.firstPaintMs.median)} ms (50 embeds), ratio ${fmt(result.embeds.firstPaintRatio, 2)}; ` +
      `charts initialised at load ${fifty.chartsAtLoad.max}/50 (drawn ${fifty.drawnAtLoad.max}); wasm instances ${fifty.instances.max}`);
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(OUT, 'bench.md'), markdown(result, t));
    console.log(`\nwrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))} and ${path.relative(ROOT, path.join(OUT, 'bench.md'))}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error) => {
  console.error('bench failed: ' + (error && error.stack || error));
  process.exit(1);
});
