// `make bench`: the same board (every indicator of the report with a 2024 target: status, name,
// target, actual or 待公布, a small completion bar) drawn by report-charts, ECharts and Chart.js in
// headless Chromium, plus the 1- and 50-embed pages of report-charts. One run prints every figure of
// issue 17: transfer (and ours against the 80 KB budget), first paint and the longest task / total
// blocking time up to it, unthrottled and at 4× CPU, report-charts' start-up, hover repaint, memory.
// Timings are printed and written to tests/e2e/out/bench.{json,md}; nothing is asserted about them.
// The run fails only if a page fails (an error, a blank canvas, a hover that did not reach its row).
//
//   make bench N=20               runs per page and round (default 20; also BENCH_N)
//   BENCH_ROUNDS=3 make bench     rounds (default 3), each with its own medians and ratios
//   BENCH_THROTTLE=0 make bench   no throttled runs (default 4: the CPU throttling rate of the phone setting)
//   BENCH_TRACE=0 make bench      no Chromium trace (the longest task then comes from the Long Tasks API only)
//   BENCH_EMBEDS=0 make bench     no 1- and 50-embed pages
//   BENCH_WARMUP=0 make bench     untimed warm-up rounds before the runs (default 1)
//   BENCH_DPR=2 make bench        device pixel ratio of every page (default 1)
//   BENCH_SHOTS=1 make bench      also screenshots of the three boards in tests/e2e/out/
// Small runs while developing: `N=2 BENCH_ROUNDS=1 node tests/e2e/bench.mjs` (about a minute).
//
// Method (also written into bench.json):
// - Every run is a fresh browser context (empty cache, new renderer), 1000×2000 viewport, the board
//   in a 900 px wide box. Each library's own animations are off, so its draw call leaves final pixels.
// - Two CPU settings: unthrottled, and CDP Emulation.setCPUThrottlingRate({rate: 4}) (the phone
//   setting), sent through a CDP session on the page before it navigates. Throttled runs measure first
//   paint, long tasks and start-up only (no hover, no memory). "CPU check": after each board's
//   first paint, a fixed JS loop is timed in the page; its throttled/unthrottled ratio shows that the
//   throttle took effect.
// - first paint: performance.mark('chart-painted') set by the page right after its draw returns
//   (ours: `await ReportCharts.render`; ECharts: after `setOption`, which flushes zrender
//   synchronously; Chart.js: after `new Chart`), read as its startTime (ms since navigation start).
//   Every page fetches /seeds/indicators.json for its rows, so that cost is the same for all.
// - long tasks, from navigation to the painted board: the tasks that start no later than the
//   chart-painted mark (so the task that paints counts in full). Long Tasks API: a
//   PerformanceObserver for 'longtask' (buffered) registered by an init script before any page
//   script, read (with takeRecords) 50 ms after the mark; it only sees tasks over 50 ms, so its
//   longest is "< 50" when there is none. Total blocking time = sum of (duration − 50 ms) over those
//   tasks. Trace: a Chromium trace of the same run (categories disabled-by-default-devtools.timeline
//   and blink.user_timing), the outermost `RunTask` events on the thread that recorded the
//   chart-painted mark (the renderer main thread), placed in page time through that mark; gives the
//   longest task even under 50 ms, and its own blocking time (in bench.json). The trace's task
//   durations run a little longer than the API's (about 5–10 %: the scheduler's task wrapper).
//   Every board run is traced, for every library alike (BENCH_TRACE=0: none).
// - start-up (report-charts only): t0.js, a deferred script right before the deferred loader, takes
//   performance.now() just before the loader runs; ours.js marks `rc-ready` when ReportCharts.ready
//   (the shared wasm instance: .wasm fetched, compiled, instantiated) resolves. start-up = the
//   difference.
// - hover (unthrottled): real mouse moves (CDP Input.dispatchMouseEvent via page.mouse.move) to the
//   centres of 50 successive rows. In the page, a capturing `pointermove` listener on window (the
//   first listener to see the move) takes t0; it requests an animation frame and, from inside it,
//   posts a MessageChannel message, whose handler takes t1. Mouse moves are rAF-aligned in Chromium,
//   and rendering (rAF callbacks, style, layout, paint recording) runs in the same task as that
//   frame's rAF callbacks, so t1 − t0 = every library handler + its repaint (ours: synchronous
//   overlay canvas + tooltip popover; Chart.js: its rAF-throttled full redraw; ECharts: zrender's rAF
//   flush) + the browser's style/layout/paint of that frame. Rasterisation on other threads is not
//   included. "of which input handlers" is t0 to the bubbling `mousemove` on window (the move's last
//   listener). After each move the page is asked which row it highlights; a wrong answer fails the
//   run. "ours/faster peer" divides by the faster of ECharts and Chart.js in that round.
// - memory (unthrottled): after the first paint, CDP HeapProfiler.collectGarbage, then
//   performance.memory.usedJSHeapSize (precise with --enable-precise-memory-info). The wasm linear
//   memory is an external ArrayBuffer, not in that number: reported apart (diagnostics().memoryBytes)
//   and added to ours as "JS heap + wasm memory".
// - embeds (unthrottled): tests/e2e/pages/bench/embeds.html?n=1|50 (the embeds of
//   pages/embed/many.html, 1280×800 viewport) marks chart-painted when the first chart has drawn;
//   then, after the page settles, the charts drawn (`diagnostics().drawn`; `charts` also counts the
//   handles of embeds not yet in view) and wasm instances.
// - transfer size: `gzip -9` of what each page loads for its chart library (not the shared page
//   files), as `make size` counts it, and ours against issue 17's budget (BUDGET_KB of
//   tools/size.mjs). KB = 1000 bytes, MB = 10^6 bytes.
// - Rounds: each round is N runs of every page after the others (unthrottled ours, ECharts,
//   Chart.js, 1 embed, 50 embeds, then throttled ours, ECharts, Chart.js; again …), so that a busy
//   machine slows every library alike; one untimed warm-up round comes first. Each round takes its
//   own medians (hover: p50/p95 over the round's moves) and ratios; the table gives the median over
//   rounds of each figure and of each ratio, with the rounds' range (min–max) beside the ratio.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from './harness.mjs';
import { BUDGET_KB } from '../../tools/size.mjs';

const envInt = (value, fallback, min) => Math.max(min, Number(value === undefined || value === '' ? fallback : value) | 0);
const N = envInt(process.env.BENCH_N || process.env.N || process.argv[2], 20, 1);
const ROUNDS = envInt(process.env.BENCH_ROUNDS, 3, 1);
const WARMUP = envInt(process.env.BENCH_WARMUP, 1, 0);
const THROTTLE = envInt(process.env.BENCH_THROTTLE, 4, 0);
const TRACE = process.env.BENCH_TRACE !== '0';
const EMBEDS = process.env.BENCH_EMBEDS !== '0';
const DPR = Number(process.env.BENCH_DPR || 1);
const SHOTS = process.env.BENCH_SHOTS === '1';
const HOVER_ROWS = 50;
const BOARD_VIEWPORT = { width: 1000, height: 2000 };
const EMBED_VIEWPORT = { width: 1280, height: 800 };
const OUT = path.join(ROOT, 'tests/e2e/out');
const TRACE_CATEGORIES = ['-*', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
// A main-thread task in the trace: `RunTask` today; the older names, as Lighthouse accepts them.
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork', 'TaskQueueManager::ProcessTaskFromWorkQueue']);
const LONG_TASK_MS = 50;

/** The CPU settings: unthrottled always, throttled unless BENCH_THROTTLE=0 (or 1). */
const SETTINGS = [
  { key: 'unthrottled', rate: 1, label: 'unthrottled' },
  ...(THROTTLE > 1 ? [{ key: 'throttled', rate: THROTTLE, label: `${THROTTLE}× CPU` }] : []),
];

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

const METHOD = {
  overview: 'see the header comment of tests/e2e/bench.mjs',
  settings: `unthrottled, and CDP Emulation.setCPUThrottlingRate({rate: ${THROTTLE}}) sent before navigation (throttled runs: first paint, long tasks, start-up only)`,
  firstPaint: "performance.mark('chart-painted') right after the library's draw returns; its startTime (ms since navigation start)",
  longTasksApi: "PerformanceObserver 'longtask' (buffered, from an init script); tasks starting no later than chart-painted; longest (0 = none over 50 ms) and total blocking time = sum of (duration - 50)",
  trace: `Chromium trace (${TRACE_CATEGORIES.slice(1).join(', ')}): outermost RunTask events on the thread of the chart-painted mark, starting between navigation and the mark`,
  startup: 'report-charts only: rc-ready mark (ReportCharts.ready resolved) minus performance.now() taken by t0.js just before the deferred loader runs',
  hover: `${HOVER_ROWS} real mouse moves per run, pointermove (capture) to a MessageChannel message posted from the next rAF; p50/p95 over the round's moves`,
  memory: 'after first paint: HeapProfiler.collectGarbage, then performance.memory.usedJSHeapSize; ours adds wasm linear memory (diagnostics().memoryBytes)',
  transfer: `gzip -9 of the library files each page loads; ours also against issue 17's budget of ${BUDGET_KB} KB`,
  rounds: 'each round: N runs of every page, alternating; medians per round; the table gives the median over rounds and the range of the per-round ratios',
  cpuCheck: 'a fixed JS loop timed in the page after first paint, in each CPU setting',
};

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
const round2 = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
const stat = (values, digits = 2) => ({ median: median(values), samples: values.map((v) => round2(v, digits)) });

async function launch() {
  // The harness's flags, plus precise (unbucketed) performance.memory.
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-sync', '--enable-precise-memory-info'],
  });
}

/**
 * Init script of the board pages: a 'longtask' observer before any page script. Entries arrive
 * after their task ends; __benchLongTaskRecords() also takes those not yet delivered.
 */
function installLongTaskObserver() {
  const entries = [];
  window.__benchLongTasks = entries;
  const keep = (list) => { for (const e of list) entries.push({ start: e.startTime, duration: e.duration }); };
  try {
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
    window.__benchLongTaskRecords = () => { keep(observer.takeRecords()); return entries; };
  } catch (error) {
    window.__benchLongTaskError = String(error);
  }
}

/**
 * A fresh context and page; records page errors, console errors and failed requests. `rate` > 1
 * throttles the CPU and `trace` starts a Chromium trace, both before the navigation.
 */
async function open(browser, url, viewport, { rate = 1, trace = false, longTasks = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: DPR });
  if (longTasks) await context.addInitScript(installLongTaskObserver);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('pageerror: ' + err.message));
  page.on('requestfailed', (req) => problems.push('request failed: ' + req.url()));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  const opened = { context, page, problems, tracing: false };
  try {
    if (rate > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
    if (trace) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      opened.tracing = true;
    }
    await page.goto(url);
  } catch (error) {
    await close(browser, opened);
    throw error;
  }
  return opened;
}

/** Closes what open() opened, the trace included (a failed run must not leave it recording). */
async function close(browser, opened) {
  if (opened.tracing) {
    opened.tracing = false;
    await browser.stopTracing().catch(() => {});
  }
  await opened.context.close();
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

/** Longest task and total blocking time of the tasks (durations in ms); longest 0 when there is none. */
function blocking(durations) {
  return {
    count: durations.length,
    longest: durations.length ? Math.max(...durations) : 0,
    tbt: durations.reduce((sum, d) => sum + Math.max(0, d - LONG_TASK_MS), 0),
  };
}

/** The Long Tasks API's tasks that start no later than the paint (ms since navigation start). */
async function longTasks(page, paint, what) {
  // The painting task's entry arrives after that task: let it end, then take what is queued too.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  const read = await page.evaluate(() => (window.__benchLongTaskRecords ? window.__benchLongTaskRecords() : window.__benchLongTaskError || 'no observer'));
  if (!Array.isArray(read)) throw new Error(`${what}: no long-task observer (${read})`);
  const tasks = read.filter((t) => t.start <= paint);
  return { ...blocking(tasks.map((t) => t.duration)), tasks: tasks.map((t) => [round2(t.start), round2(t.duration)]) };
}

/**
 * Main-thread tasks of a trace up to the paint: the outermost task events on the thread that
 * recorded the chart-painted mark, between navigation start (the mark's trace time minus its
 * startTime) and the mark. null (and a warning) when the trace has no such mark.
 */
function traceTasks(buffer, paint, what) {
  let events;
  try {
    events = JSON.parse(buffer.toString('utf8')).traceEvents || [];
  } catch (error) {
    console.warn(`  ${what}: unreadable trace (${error.message}); no trace figures for this run`);
    return null;
  }
  const mark = events.find((e) => e.name === 'chart-painted' && String(e.cat).includes('blink.user_timing'));
  if (!mark) {
    console.warn(`  ${what}: no chart-painted mark in the trace; no trace figures for this run`);
    return null;
  }
  const origin = mark.ts - paint * 1000; // µs, trace clock
  const all = events
    .filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && e.pid === mark.pid && e.tid === mark.tid && e.ts >= origin && e.ts <= mark.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const outer = [];
  let end = -Infinity;
  for (const e of all) {
    if (e.ts >= end) {
      outer.push(e);
      end = e.ts + e.dur;
    }
  }
  const durations = outer.map((e) => e.dur / 1000);
  const result = blocking(durations);
  const longest = outer[durations.indexOf(result.longest)];
  return { ...result, busy: durations.reduce((s, d) => s + d, 0), longestStart: longest ? (longest.ts - origin) / 1000 : null };
}

/** A fixed amount of JavaScript work, timed in the page (the CPU check of each setting). */
function cpuCheck() {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
  window.__benchSink = x;
  return performance.now() - t0;
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

/** One board run in one CPU setting; hover, memory and the blank-canvas check only unthrottled. */
async function runBoard(browser, server, lib, setting, run, label) {
  const what = `${lib.name}, ${setting.label}, ${label}`;
  const full = setting.rate === 1;
  const opened = await open(browser, server.url.replace(/\/$/, '') + lib.page, BOARD_VIEWPORT, { rate: setting.rate, trace: TRACE, longTasks: true });
  const { context, page, problems } = opened;
  try {
    const firstPaint = await waitPainted(page, problems, what);
    const api = await longTasks(page, firstPaint, what);
    let trace = null;
    if (opened.tracing) {
      opened.tracing = false;
      trace = traceTasks(await browser.stopTracing(), firstPaint, what);
    }
    let startup = null;
    if (lib.key === 'ours') {
      await page.waitForFunction(() => performance.getEntriesByName('rc-ready').length > 0, null, { timeout: 10000 })
        .catch(() => { throw new Error(`${what}: no rc-ready mark (ReportCharts.ready did not resolve)`); });
      const marks = await page.evaluate(() => ({ start: window.__benchScriptStart, ready: performance.getEntriesByName('rc-ready')[0].startTime }));
      if (typeof marks.start !== 'number') throw new Error(`${what}: t0.js did not run before the loader`);
      startup = { ...marks, ms: marks.ready - marks.start };
    }
    const cpu = await page.evaluate(cpuCheck);
    const rows = await page.evaluate(() => window.__benchRows());
    const result = { firstPaint, longTasks: api, trace, startup, cpu, rows };
    if (!full) {
      if (problems.length) throw new Error(`${what}: ${problems.join('; ')}`);
      return result;
    }
    result.heap = await jsHeap(context, page);
    const wasm = lib.key === 'ours' ? await page.evaluate(() => ReportCharts.diagnostics()) : null;
    result.wasmBytes = wasm && wasm.memoryBytes;
    result.instances = wasm && wasm.instances;
    if (run === 0) {
      result.pixels = await paintedPixels(page, lib.key);
      if (result.pixels.painted < result.pixels.total * 0.01) {
        throw new Error(`${what}: the canvas is blank (${result.pixels.painted} of ${result.pixels.total} pixels)`);
      }
      if (SHOTS) {
        fs.mkdirSync(OUT, { recursive: true });
        await page.locator('#chart').screenshot({ path: path.join(OUT, `bench-${lib.key}.png`) });
      }
    }
    result.hover = await hoverSamples(page, what);
    if (problems.length) throw new Error(`${what}: ${problems.join('; ')}`);
    return result;
  } finally {
    await close(browser, opened);
  }
}

async function runEmbeds(browser, server, n, label) {
  const what = `${n}-embed page, ${label}`;
  const opened = await open(browser, `${server.url.replace(/\/$/, '')}/e2e/bench/embeds.html?n=${n}`, EMBED_VIEWPORT);
  const { page, problems } = opened;
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
    await close(browser, opened);
  }
}

function ratio(a, b) {
  return a === null || a === undefined || b === null || b === undefined || !b ? null : a / b;
}

/** One library's medians over one round's runs in one setting. */
function summarise(lib, runs) {
  const traced = runs.map((r) => r.trace).filter(Boolean);
  const out = {
    runs: runs.length,
    firstPaintMs: stat(runs.map((r) => r.firstPaint)),
    longTasksApi: {
      longestMs: stat(runs.map((r) => r.longTasks.longest)),
      tbtMs: stat(runs.map((r) => r.longTasks.tbt)),
      count: stat(runs.map((r) => r.longTasks.count), 0),
      tasks: runs.map((r) => r.longTasks.tasks),
    },
    trace: traced.length ? {
      runs: traced.length,
      longestMs: stat(traced.map((t) => t.longest)),
      longestStartMs: stat(traced.map((t) => t.longestStart)),
      tbtMs: stat(traced.map((t) => t.tbt)),
      busyMs: stat(traced.map((t) => t.busy)),
      tasks: stat(traced.map((t) => t.count), 0),
    } : null,
    startupMs: lib.key === 'ours' ? stat(runs.map((r) => r.startup.ms)) : null,
    cpuCheckMs: stat(runs.map((r) => r.cpu)),
  };
  if (!runs[0].hover) return out;
  const hover = runs.flatMap((r) => r.hover.map((h) => h.frame));
  const handlers = runs.flatMap((r) => r.hover.map((h) => h.handlers));
  return {
    ...out,
    hoverMs: { p50: quantile(hover, 0.5), p95: quantile(hover, 0.95), moves: hover.length, samples: hover.map((v) => round2(v, 2)) },
    hoverHandlersMs: { p50: quantile(handlers, 0.5), p95: quantile(handlers, 0.95), samples: handlers.map((v) => round2(v, 2)) },
    jsHeapBytes: stat(runs.map((r) => r.heap), 0),
    wasmMemoryBytes: lib.key === 'ours' ? stat(runs.map((r) => r.wasmBytes), 0) : null,
    wasmInstances: lib.key === 'ours' ? Math.max(...runs.map((r) => r.instances)) : null,
  };
}

/**
 * The table's figures. `get(round, lib)` reads one round's value; `time`: ratios to the faster peer
 * too; `floor`: values under it are shown as "< floor" and give no ratio (the Long Tasks API's 50 ms).
 */
function metrics(libraries) {
  const kb = (b) => (b === null || b === undefined ? null : b / 1000);
  const mb = (b) => (b === null || b === undefined ? null : b / 1e6);
  const at = (r, setting, lib) => r.settings[setting] && r.settings[setting][lib];
  const list = [
    { key: 'transferKb', label: 'library transfer, gzip -9 (KB)', digits: 1, get: (r, lib) => kb(libraries[lib].transfer.gzip) },
    { key: 'budget', label: `  ours / the ${BUDGET_KB} KB budget (issue 17)`, digits: 2, noRatio: true,
      get: (r, lib) => (lib === 'ours' ? libraries.ours.transfer.gzip / (BUDGET_KB * 1000) : null) },
  ];
  const perSetting = [
    ['firstPaint', 'first paint, median (ms)', 1, (s) => s.firstPaintMs.median, {}],
    ['longestTrace', 'longest task to first paint, trace (ms)', 1, (s) => (s.trace ? s.trace.longestMs.median : null), {}],
    ['longestApi', 'longest task to first paint, Long Tasks API (ms)', 1, (s) => s.longTasksApi.longestMs.median, { floor: LONG_TASK_MS }],
    ['tbt', 'total blocking time to first paint (ms)', 1, (s) => s.longTasksApi.tbtMs.median, {}],
    ['startup', 'start-up: loader to ReportCharts.ready (ms)', 1, (s) => (s.startupMs ? s.startupMs.median : null), { oursOnly: true }],
  ];
  for (const [key, label, digits, read, extra] of perSetting) {
    if (key === 'longestTrace' && !TRACE) continue;
    for (const setting of SETTINGS) {
      list.push({
        key: `${key}.${setting.key}`, label: label.replace(/ \((ms)\)$/, `, ${setting.label} ($1)`), digits, time: !extra.oursOnly, ...extra,
        get: (r, lib) => { const s = at(r, setting.key, lib); return s ? read(s) : null; },
      });
    }
  }
  const full = (r, lib) => at(r, 'unthrottled', lib);
  list.push(
    { key: 'hoverP50', label: 'hover repaint p50 (ms)', digits: 2, time: true, get: (r, lib) => full(r, lib).hoverMs.p50 },
    { key: 'hoverP95', label: 'hover repaint p95 (ms)', digits: 2, time: true, get: (r, lib) => full(r, lib).hoverMs.p95 },
    { key: 'handlersP50', label: '  of which input handlers, p50 (ms)', digits: 2, time: true, get: (r, lib) => full(r, lib).hoverHandlersMs.p50 },
    { key: 'jsHeapMb', label: 'JS heap after GC, median (MB)', digits: 2, get: (r, lib) => mb(full(r, lib).jsHeapBytes.median) },
    { key: 'wasmMb', label: 'wasm memory (MB)', digits: 2, get: (r, lib) => (lib === 'ours' ? mb(full(r, lib).wasmMemoryBytes.median) : null) },
    { key: 'heapWasmMb', label: 'JS heap + wasm memory (MB)', digits: 2,
      get: (r, lib) => mb(full(r, lib).jsHeapBytes.median + (lib === 'ours' ? full(r, lib).wasmMemoryBytes.median : 0)) },
  );
  return list;
}

const PEERS = [['echarts', 'ours/ECharts'], ['chartjs', 'ours/Chart.js'], ['faster', 'ours/faster peer']];

/** Each figure: per-round values and ratios, their medians over rounds and the ratios' ranges. */
function figures(libraries, rounds) {
  const shown = (m, v) => (v === null || v === undefined || (m.floor && v < m.floor) ? null : v);
  return metrics(libraries).map((m) => {
    const perRound = rounds.map((r) => {
      const values = Object.fromEntries(LIBS.map((lib) => [lib.key, m.get(r, lib.key)]));
      const ratios = {};
      if (!m.noRatio && !m.oursOnly) {
        ratios.echarts = ratio(shown(m, values.ours), shown(m, values.echarts));
        ratios.chartjs = ratio(shown(m, values.ours), shown(m, values.chartjs));
        if (m.time) {
          const peer = [values.echarts, values.chartjs].filter((v) => v !== null && v !== undefined);
          ratios.faster = peer.length === 2 ? ratio(shown(m, values.ours), shown(m, Math.min(...peer))) : null;
          ratios.fasterPeer = peer.length === 2 ? (values.echarts <= values.chartjs ? 'echarts' : 'chartjs') : null;
        }
      }
      return { values, ratios };
    });
    const values = Object.fromEntries(LIBS.map((lib) => [lib.key, median(perRound.map((p) => p.values[lib.key]).filter((v) => v !== null && v !== undefined))]));
    const ratios = {};
    for (const [peer] of PEERS) {
      const list = perRound.map((p) => p.ratios[peer]);
      if (list.every((v) => v === undefined)) continue;
      const known = list.filter((v) => v !== null && v !== undefined);
      ratios[peer] = { median: median(known), min: known.length ? Math.min(...known) : null, max: known.length ? Math.max(...known) : null, rounds: list.map((v) => round2(v, 3)) };
    }
    return { key: m.key, label: m.label, digits: m.digits, floor: m.floor || null, time: !!m.time, values, ratios, perRound };
  });
}

function fmt(value, digits = 1) {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

function fmtValue(f, v) {
  if (v === null || v === undefined) return '—';
  return f.floor && v < f.floor ? `< ${f.floor}` : fmt(v, f.digits);
}

function fmtRatio(r) {
  if (!r) return '—';
  if (r.median === null) return '—';
  // The range only where the rounds differ (transfer, say, is the same in every round).
  return r.rounds.length > 1 && fmt(r.min, 2) !== fmt(r.max, 2) ? `${fmt(r.median, 2)} (${fmt(r.min, 2)}–${fmt(r.max, 2)})` : fmt(r.median, 2);
}

function table(result) {
  const { ours, echarts, chartjs } = result.libraries;
  const head = ['', `report-charts ${ours.version}`, `ECharts ${echarts.version}`, `Chart.js ${chartjs.version}`, ...PEERS.map(([, label]) => label)];
  const lines = result.figures.map((f) => [f.label, ...LIBS.map((lib) => fmtValue(f, f.values[lib.key])), ...PEERS.map(([peer]) => fmtRatio(f.ratios[peer]))]);
  return { head, lines };
}

/** The ratios of every round, side by side (one column per peer, the rounds in order). */
function roundsTable(result) {
  const head = ['ratio by round', ...PEERS.map(([, label]) => `${label}: ${result.rounds.map((_, i) => `#${i + 1}`).join(' ')}`)];
  const lines = result.figures.filter((f) => Object.values(f.ratios).some((r) => r.median !== null)).map((f) => [f.label,
    ...PEERS.map(([peer]) => (f.ratios[peer] ? f.perRound.map((p) => fmt(p.ratios[peer], 2)).join(' ') : '—'))]);
  return { head, lines };
}

function textTable({ head, lines }) {
  const rows = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ')).join('\n');
}

function markdownTable({ head, lines }) {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...lines.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const minutes = (ms) => `${(ms / 60000).toFixed(1)} min`;

/** The sentences under the table (console and bench.md). */
function notes(result) {
  const ours = result.libraries.ours;
  const gz = ours.transfer.gzip / 1000;
  const out = [
    `Transfer against issue 17's budget: ${fmt(gz)} KB gzip, ${fmt(gz / BUDGET_KB, 2)}× the ${BUDGET_KB} KB budget ` +
      (gz > BUDGET_KB ? `(over by ${fmt(gz - BUDGET_KB)} KB).` : `(${fmt(BUDGET_KB - gz)} KB to spare).`),
    `Long tasks: from navigation to the painted board (the painting task in full). The Long Tasks API reports only tasks over ${LONG_TASK_MS} ms, ` +
      `so "< ${LONG_TASK_MS}" means the median run had none; ` +
      (result.trace ? "the trace's longest counts every task (its durations run 5–10 % over the API's)." : 'no trace in this run (BENCH_TRACE=0).'),
  ];
  const cpu = result.cpuCheck;
  if (cpu.throttled) {
    out.push(`CPU check (a fixed JS loop after the paint, median): ${fmt(cpu.unthrottled, 1)} ms unthrottled, ${fmt(cpu.throttled, 1)} ms at ` +
      `${result.throttle}× CPU: ${fmt(cpu.ratio, 2)}× slower.`);
  }
  const e = result.embeds;
  if (e) {
    out.push(`Embeds (report-charts only, ${EMBED_VIEWPORT.width}×${EMBED_VIEWPORT.height}, unthrottled): first chart painted, median ${fmt(e.oneMs)} ms on the 1-embed page, ` +
      `${fmt(e.fiftyMs)} ms on the 50-embed page (ratio ${fmtRatio(e.ratio)}); charts initialised at load on the 50-embed page: ` +
      `${e.chartsAtLoad} of 50 (${e.drawnAtLoad} drawn); wasm instances: ${e.instances}.`);
  }
  return out;
}

function markdown(result, t, rt) {
  const m = result.machine;
  const r = result.rounds.length;
  return [
    `Measured on ${result.date.slice(0, 10)}: Chromium ${result.chromium}, ${m.cpu} × ${m.cpus} cores, ${(m.memoryBytes / 1e9).toFixed(1)} GB, ${m.platform}; ` +
      `${r} round${r > 1 ? 's' : ''} of N = ${result.n} runs per page (alternating, fresh context each, after ${result.warmupRounds} untimed warm-up round${result.warmupRounds === 1 ? '' : 's'}), ` +
      `DPR ${result.dpr}, software rendering (no GPU)` + (result.throttle > 1 ? `, unthrottled and at ${result.throttle}× CPU (CDP CPU throttling)` : '') +
      `; ${minutes(result.durationMs)}. Board: ${result.libraries.ours.rows} indicators with a 2024 target, 900 px wide. ` +
      `Figures: the median over rounds of each round's median; ratios: the median of the per-round ratios, with their range over rounds. ` +
      `Hover: ${HOVER_ROWS} rows per run, p50/p95 over each round's moves. KB = 1000 bytes, MB = 10^6 bytes. Method: tests/e2e/bench.mjs.`,
    '',
    markdownTable(t),
    '',
    ...notes(result).flatMap((line) => [line, '']),
    ...(r > 1 ? ['Ratios by round:', '', markdownTable(rt), ''] : []),
  ].join('\n');
}

async function main() {
  for (const lib of LIBS) for (const file of lib.files) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`missing ${file}: run make dist, and make setup (npm ci in tests/e2e)`);
  }
  const started = Date.now();
  const server = await startServer();
  const browser = await launch();
  try {
    const version = browser.version();
    console.log(`bench: ${ROUNDS} round${ROUNDS > 1 ? 's' : ''} of N=${N}, DPR ${DPR}, Chromium ${version}; ` +
      `${SETTINGS.map((s) => s.label).join(' and ')}${TRACE ? ', traced' : ''}; alternating ${LIBS.map((l) => l.name).join(', ')}` +
      (EMBEDS ? ', 1 embed, 50 embeds' : ''));
    /** One pass over every page: the boards unthrottled, the embed pages, the boards throttled. */
    const pass = async (run, label, into) => {
      for (const setting of SETTINGS) {
        for (const lib of LIBS) {
          const r = await runBoard(browser, server, lib, setting, run, label);
          if (into) into.settings[setting.key][lib.key].push(r);
        }
        if (setting.rate === 1 && EMBEDS) {
          for (const [key, n] of [['one', 1], ['fifty', 50]]) {
            const r = await runEmbeds(browser, server, n, label);
            if (into) into.embeds[key].push(r);
          }
        }
      }
    };
    for (let w = 0; w < WARMUP; w++) {
      await pass(0, `warm-up ${w + 1}`, null);
      console.log(`  warm-up round ${w + 1}/${WARMUP} done (not counted)`);
    }
    const rawRounds = [];
    for (let k = 0; k < ROUNDS; k++) {
      const roundStart = Date.now();
      const raw = { settings: Object.fromEntries(SETTINGS.map((s) => [s.key, { ours: [], echarts: [], chartjs: [] }])), embeds: { one: [], fifty: [] } };
      for (let run = 0; run < N; run++) {
        await pass(run, `round ${k + 1} run ${run + 1}`, raw);
        const fp = (s) => LIBS.map((l) => `${l.key} ${raw.settings[s.key][l.key][run].firstPaint.toFixed(0)}`).join(', ');
        process.stdout.write(`  round ${k + 1}/${ROUNDS}, run ${run + 1}/${N}: first paint ` + SETTINGS.map((s) => `${s.label}: ${fp(s)}`).join('; ') + ' ms' +
          (EMBEDS ? `; embeds 1/50 ${raw.embeds.one[run].firstPaint.toFixed(0)}/${raw.embeds.fifty[run].firstPaint.toFixed(0)} ms` : '') + '\n');
      }
      raw.durationMs = Date.now() - roundStart;
      console.log(`  round ${k + 1}/${ROUNDS} done in ${(raw.durationMs / 1000).toFixed(0)} s`);
      rawRounds.push(raw);
    }

    const cpus = os.cpus();
    const libraries = Object.fromEntries(LIBS.map((lib) => {
      const first = rawRounds[0].settings.unthrottled[lib.key][0];
      return [lib.key, { name: lib.name, version: lib.version, page: lib.page, transfer: transfer(lib.files), rows: first.rows, canvas: first.pixels }];
    }));
    const embedSummary = (runs) => ({
      firstPaintMs: stat(runs.map((r) => r.firstPaint)),
      chartsAtLoad: { median: median(runs.map((r) => r.charts)), max: Math.max(...runs.map((r) => r.charts)), samples: runs.map((r) => r.charts) },
      drawnAtLoad: { median: median(runs.map((r) => r.drawn)), max: Math.max(...runs.map((r) => r.drawn)) },
      instances: { max: Math.max(...runs.map((r) => r.instances)), samples: runs.map((r) => r.instances) },
      wasmMemoryBytes: { median: median(runs.map((r) => r.memoryBytes)) },
    });
    const rounds = rawRounds.map((raw) => {
      const one = EMBEDS ? embedSummary(raw.embeds.one) : null;
      const fifty = EMBEDS ? embedSummary(raw.embeds.fifty) : null;
      return {
        durationMs: raw.durationMs,
        settings: Object.fromEntries(SETTINGS.map((s) => [s.key, Object.fromEntries(LIBS.map((lib) => [lib.key, summarise(lib, raw.settings[s.key][lib.key])]))])),
        embeds: EMBEDS ? { one, fifty, firstPaintRatio: ratio(fifty.firstPaintMs.median, one.firstPaintMs.median) } : null,
      };
    });
    const cpuOf = (setting) => (rounds[0].settings[setting] ? median(rawRounds.flatMap((raw) => LIBS.flatMap((l) => raw.settings[setting][l.key].map((r) => r.cpu)))) : null);
    const cpuCheck = { unthrottled: cpuOf('unthrottled'), throttled: cpuOf('throttled') };
    cpuCheck.ratio = ratio(cpuCheck.throttled, cpuCheck.unthrottled);
    let embeds = null;
    if (EMBEDS) {
      const ratios = rounds.map((r) => r.embeds.firstPaintRatio);
      embeds = {
        page: '/e2e/bench/embeds.html?n=',
        oneMs: median(rounds.map((r) => r.embeds.one.firstPaintMs.median)),
        fiftyMs: median(rounds.map((r) => r.embeds.fifty.firstPaintMs.median)),
        ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios.map((v) => round2(v, 3)) },
        chartsAtLoad: Math.max(...rounds.map((r) => r.embeds.fifty.chartsAtLoad.max)),
        drawnAtLoad: Math.max(...rounds.map((r) => r.embeds.fifty.drawnAtLoad.max)),
        instances: Math.max(...rounds.map((r) => r.embeds.fifty.instances.max)),
      };
    }
    const result = {
      date: new Date().toISOString(),
      chromium: version,
      machine: { cpu: cpus[0] && cpus[0].model, cpus: cpus.length, memoryBytes: os.totalmem(), platform: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version },
      n: N,
      warmupRounds: WARMUP,
      throttle: THROTTLE > 1 ? THROTTLE : null,
      trace: TRACE,
      dpr: DPR,
      viewport: { board: BOARD_VIEWPORT, embeds: EMBED_VIEWPORT },
      hoverRows: HOVER_ROWS,
      budgetKb: BUDGET_KB,
      durationMs: null,
      method: METHOD,
      libraries,
      figures: figures(libraries, rounds),
      cpuCheck,
      embeds,
      rounds,
    };
    result.durationMs = Date.now() - started;
    const t = table(result);
    const rt = roundsTable(result);
    console.log('\n' + textTable(t));
    console.log('\n' + notes(result).join('\n'));
    if (rounds.length > 1) console.log('\n' + textTable(rt));
    if (cpuCheck.ratio !== null && cpuCheck.ratio < THROTTLE / 2) {
      console.warn(`\nwarning: the throttled CPU check is only ${fmt(cpuCheck.ratio, 2)}× the unthrottled one (rate ${THROTTLE}): was the throttle applied?`);
    }
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(OUT, 'bench.md'), markdown(result, t, rt));
    console.log(`\nwrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))} and ${path.relative(ROOT, path.join(OUT, 'bench.md'))} ` +
      `(bench.md is the README's "Size and speed" table, ready to paste); ${minutes(result.durationMs)} in all`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error) => {
  console.error('bench failed: ' + (error && error.stack || error));
  process.exit(1);
});
