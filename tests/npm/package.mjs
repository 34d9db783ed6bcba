// The npm package end to end, as its users meet it (`make test-npm`, part of `make test`): the
// tarball that `npm pack` made (target/npm/, by `make package`) is installed into a scratch
// project (target/npm-test/, from tests/npm/scratch/), then
//   - Node imports it as server-side rendering does (no window) and resolves its `exports`;
//   - tsc --noEmit checks what a TypeScript user writes, with plain, JSX and React 19 settings;
//   - esbuild bundles an import of it, and Vite builds an app with it (its .wasm copied), as a
//     bundler user's build does;
//   - headless Chromium opens a plain ES module page under a strict CSP that uses it.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT, startServer, launch, canvasFacts, test, run, assert, assertEqual } from '../e2e/harness.mjs';

const PACKED = path.join(ROOT, 'target/npm');
const SCRATCH = path.join(ROOT, 'target/npm-test');
const version = JSON.parse(readFileSync(path.join(PACKED, 'package/package.json'), 'utf8')).version;
const tarball = path.join(PACKED, `report-charts-${version}.tgz`);
if (!existsSync(tarball)) throw new Error(`${tarball} is missing: run make package first`);

rmSync(SCRATCH, { recursive: true, force: true });
mkdirSync(SCRATCH, { recursive: true });
cpSync(path.join(ROOT, 'tests/npm/scratch'), SCRATCH, { recursive: true });
cpSync(path.join(ROOT, 'tests/e2e/pages/merge/next.json'), path.join(SCRATCH, 'next.json'));
writeFileSync(path.join(SCRATCH, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
// No dependencies of its own, so nothing is fetched: the install only unpacks the tarball.
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--offline', tarball], { cwd: SCRATCH, stdio: 'inherit' });

const EXPORTS = ['ReportChartsError', 'chartFor', 'diagnostics', 'indicators', 'loadData', 'ready', 'render', 'sections', 'start', 'version'];

test('the tarball holds what package.json names, and nothing of the repository', async () => {
  const installed = readdirSync(path.join(SCRATCH, 'node_modules/report-charts')).sort();
  assertEqual(installed.join(' '), ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'react.d.mts', 'report-charts.d.mts',
    'report-charts.css', 'report-charts.d.ts', 'report-charts.js', 'report-charts.mjs', 'report-charts_bg.wasm', 'types.d.ts'].sort().join(' '), 'package files');
  const types = readFileSync(path.join(SCRATCH, 'node_modules/report-charts/types.d.ts'), 'utf8');
  assert(!types.includes('ReportCharts: ReportChartsApi;'), 'the module types declare no classic global');
});

test('imported and called without a window (server-side rendering), it starts nothing, throws nothing and adds no global', async () => {
  const out = JSON.parse(execFileSync('node', ['ssr.mjs'], { cwd: SCRATCH, encoding: 'utf8' }));
  assertEqual(out.exports.join(','), EXPORTS.join(','), 'named exports');
  assertEqual(out.version, version, 'version');
  assertEqual(out.globalsAdded.length, 0, 'globals added: ' + out.globalsAdded.join(','));
  assertEqual(out.diagnostics.instances, 0, 'no wasm instance');
  assertEqual(JSON.stringify(out.started), JSON.stringify({ version, merged: [] }), 'start on a server');
  assertEqual(out.refused, 'browser', 'render on a server rejects, naming why');
  assertEqual(out.refusedData, 'browser', 'loadData on a server rejects, naming why');
  assert(out.resolved.main.endsWith('/node_modules/report-charts/report-charts.mjs'), out.resolved.main);
  assert(out.resolved.classic.endsWith('/report-charts.js'), out.resolved.classic);
  assert(out.resolved.wasm.endsWith('/report-charts_bg.wasm'), out.resolved.wasm);
  console.log(`     figures: ${out.exports.length} exports, ${out.globalsAdded.length} globals added, 0 instances`);
});

test('tsc --noEmit accepts a TypeScript user\'s code, and refuses what the types forbid', async () => {
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  for (const project of ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.jsx.json', 'tsconfig.react.json', 'tsconfig.react-node.json']) {
    try {
      execFileSync(tsc, ['-p', project], { cwd: SCRATCH, encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc -p ${project}:\n${error.stdout}${error.stderr}`);
    }
  }
  // The @ts-expect-error lines are only proof when removing them makes tsc fail.
  const loose = readFileSync(path.join(SCRATCH, 'usage.ts'), 'utf8').replace(/\/\/ @ts-expect-error.*\n/g, '');
  writeFileSync(path.join(SCRATCH, 'usage-loose.ts'), loose);
  writeFileSync(path.join(SCRATCH, 'tsconfig.loose.json'), JSON.stringify({ extends: './tsconfig.json', files: ['usage-loose.ts'] }));
  let errors = '';
  try { execFileSync(tsc, ['-p', 'tsconfig.loose.json'], { cwd: SCRATCH, encoding: 'utf8' }); } catch (error) { errors = error.stdout; }
  const count = (errors.match(/error TS/g) || []).length;
  assertEqual(count, 3, `errors without the @ts-expect-error lines:\n${errors}`);
  console.log(`     figures: 5 tsconfigs pass (bundler, nodenext, JSX, React 19 with bundler and nodenext); the 3 wrong uses are errors`);
});

test('a bundler resolves the package and keeps the .wasm address for its asset step', async () => {
  writeFileSync(path.join(SCRATCH, 'app.js'), "import { render, start } from 'report-charts';\nstart();\nrender('#box', { chart: 'board' });\n");
  const result = await esbuild.build({ absWorkingDir: SCRATCH, entryPoints: ['app.js'], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0].text;
  assert(/new URL\(["']\.\/report-charts_bg\.wasm["'], import\.meta\.url\)/.test(code), 'the .wasm address survives bundling');
  assert(!code.includes('window.ReportCharts = '), 'the classic entry is not bundled');
});

test('vite build copies the .wasm into the app (hashed) and names it in the bundle', async () => {
  const vite = await import('vite');
  await vite.build({
    root: path.join(SCRATCH, 'vite'), base: './', logLevel: 'silent',
    build: { outDir: path.join(SCRATCH, 'vite-dist'), emptyOutDir: true },
  });
  const assets = readdirSync(path.join(SCRATCH, 'vite-dist/assets'));
  const wasm = assets.filter((file) => /^report-charts_bg-.*\.wasm$/.test(file));
  // Safari before 16.4's stylesheet, named the same way, is copied beside it.
  assertEqual(assets.filter((file) => /^report-charts-.*\.css$/.test(file)).length, 1, 'one hashed .css in ' + assets.join(', '));
  const js = assets.filter((file) => file.endsWith('.js'));
  assertEqual(wasm.length, 1, 'one hashed .wasm in ' + assets.join(', '));
  assert(readFileSync(path.join(SCRATCH, 'vite-dist/assets', js[0]), 'utf8').includes(wasm[0]), 'the bundle names the copied .wasm');
  console.log(`     figures: ${assets.join(', ')}`);
});

const server = await startServer();
const browser = await launch();

test('a plain ES module page under a strict CSP draws by call and by markup, merges once, adds no global', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const wasmRequests = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });
  let dataRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmRequests.push(new URL(request.url()).pathname);
    if (request.url().endsWith('/next.json')) dataRequests++;
  });
  await page.goto(server.url + 'npm-test/index.html');
  const seen = await page.evaluate(async () => {
    const facts = await window.__npm;
    return { ...facts, selected: undefined, handle: undefined }; // functions and promises stay in the page
  });
  assertEqual(seen.version, version, 'version');
  assertEqual(seen.exports.join(','), EXPORTS.join(','), 'exports in the browser');
  assertEqual(JSON.stringify(seen.merged), JSON.stringify([{ url: 'next.json', error: null }]), 'merge outcome');
  assertEqual(seen.mergedAgain, 1, 'the second start names the file once more');
  assertEqual(JSON.stringify(seen.lateWasm), JSON.stringify({ isError: true, path: 'start.wasm' }), 'another .wasm after loading began');
  assertEqual(dataRequests, 1, 'next.json fetched once for both starts');
  assertEqual(seen.apiStatus, '未完成', 'judged with the merged 2024 result (5.8 against 6.5)');
  assertEqual(seen.apiActual, '5.8%', 'the merged result');
  assert(seen.elementIsOurs, '<report-chart> is the package\'s element');
  assertEqual(seen.globalAdded, false, 'window.ReportCharts');
  const api = await canvasFacts(page, '#by-api');
  const markup = await canvasFacts(page, '#by-markup');
  assert(api.painted > 1000 && markup.painted > 1000, `painted ${api.painted} and ${markup.painted} px`);
  assertEqual(wasmRequests.join(','), '/npm-test/node_modules/report-charts/report-charts_bg.wasm', 'one .wasm request, from beside the module');
  // A reader's Enter on the markup chart's row reaches the page as the typed event.
  await page.locator('#by-markup [role="listbox"]').focus();
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(async () => {
    const facts = await window.__npm;
    return Promise.race([facts.selected, new Promise((resolve) => setTimeout(() => resolve('no event'), 3000))]);
  });
  assertEqual(selected, 'gdp-growth', 'reportchart:select detail.id');
  assert(await page.evaluate(async () => (await window.__npm).handle() !== null), 'chartFor finds the markup chart');
  // As React 19 sets caption={false}: the property, which becomes the attribute the embed reads.
  const caption = await page.evaluate(async () => {
    const markup = document.querySelector('#by-markup');
    const before = { property: markup.caption, shown: !!markup.querySelector('.report-chart-caption') };
    markup.caption = false;
    const start = Date.now();
    while (markup.querySelector('.report-chart-caption') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
    return { before, attribute: markup.getAttribute('caption'), property: markup.caption, shown: !!markup.querySelector('.report-chart-caption') };
  });
  assertEqual(JSON.stringify(caption), JSON.stringify({ before: { property: true, shown: true }, attribute: 'false', property: false, shown: false }), 'caption = false');
  assertEqual(problems.length, 0, problems.join('\n'));
  await page.screenshot({ path: path.join(SCRATCH, 'page.png') });
  console.log(`     figures: ${api.painted} and ${markup.painted} px painted; ${wasmRequests.length} .wasm request`);
  await context.close();
});

test('the Vite-built app draws by call and by markup in Chromium, under the same strict CSP', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url + 'npm-test/vite-dist/index.html');
  const seen = await page.evaluate(() => window.__vite);
  assertEqual(seen.error, undefined, 'render rejected');
  assert(seen.rows >= 8, `${seen.rows} rows on the board`);
  const board = await canvasFacts(page, '#board');
  const progress = await canvasFacts(page, '#progress');
  assert(board.painted > 1000 && progress.painted > 1000, `painted ${board.painted} and ${progress.painted} px`);
  assertEqual(problems.length, 0, problems.join('\n'));
  console.log(`     figures: ${seen.rows} board rows; ${board.painted} and ${progress.painted} px painted`);
  await context.close();
});

const failed = await run();
await browser.close();
server.stop();
process.exit(failed ? 1 : 0);
