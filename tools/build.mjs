#!/usr/bin/env node
// report-charts' one build tool (dev-only: nothing here is shipped). The Makefile's targets call it.
//
//   node tools/build.mjs dist              dist/report-charts.js, dist/report-charts_bg.wasm, .d.ts, .css
//   node tools/build.mjs size [BUDGET_KB]  shipped sizes, the wasm's parts, twiggy top, budget check
//   node tools/build.mjs size-guard        make test's regression ceiling on the shipped gzip total
//   node tools/build.mjs size-floor        what the required stack alone costs
//   node tools/build.mjs package           target/npm/: the npm package's files and its `npm pack` tarball
//
// Environment: SHORT_IMPORTS=0 (dist without short import names), MINIFY=esbuild|terser (dist),
// BUDGET_KB (size), SIZE_CEILING_KB (size-guard). Every command is printed before it runs; a failed
// step stops the build with its message and a non-zero exit.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as esbuild from 'esbuild';
import {
  ROOT, WASM_TARGET, RAW_WASM, BINDGEN_OUT, DIST_JS, DIST_WASM, DIST_DTS, BIN, BuildError, need,
  run, say, abs, gzipSize, gzipBytesSize, rawSize, packageVersion, pad, padLeft,
} from './lib.mjs';
import { shortImportsFiles, ShortImportsError } from './short-imports.mjs';
import { sizeReport, sizeGuard } from './size.mjs';
import { STYLE_TEXT } from '../src/loader/styles.js';

const LOADER_ENTRY = 'src/loader/index.js';
const MODULE_ENTRY = 'src/loader/module.js';
const NPM_SOURCE = 'npm';
const NPM_OUT = 'target/npm/package';
// src/report-charts.d.ts up to this line is the package's types.d.ts: the rest declares the
// classic script's global, which an ES module's user does not have.
const CLASSIC_GLOBAL = "// The classic script's global";
const DIST_CSS = 'dist/report-charts.css';
const GLUE_MODULE = 'report-charts:glue';
const BINDGEN_FLAGS = ['--target', 'no-modules', '--no-typescript', '--remove-name-section', '--remove-producers-section'];
// Name the features: --all-features emits imports that Chromium refuses (toolchain notes).
// --low-memory-unused (-0.6 KB gzip): Rust puts its stack, then its data, from 1 MiB up, so no
// address below 1 KiB is ever used, which lets wasm-opt fold constant offsets into loads and stores.
// --converge (-0.3 KB gzip, 139,685 → 139,384 B; ~5 s more build): -Oz again until the size stops
// shrinking. Measured alone against -Oz -Oz, --gufa, --flatten --rereloop and -O4 -Oz, which gave
// less or grew it.
const WASM_OPT_FLAGS = ['-Oz', '--converge', '--low-memory-unused', '--enable-reference-types', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
// How dist/report-charts.js is minified. Both were measured on the same bundle (the one-module
// loader, gzip -9 of the js): esbuild --minify alone 12,974 B; esbuild's plain bundle → terser
// --compress --mangle 12,605 B (the concatenating build before it: 12,600 B). terser is 369 B
// smaller, so it is the default; MINIFY=esbuild builds the other to compare again.
const MINIFIERS = ['terser', 'esbuild'];
const DEFAULT_MINIFY = 'terser';

function cargoBuild() {
  // `widget`: the loader's exports, diagnostics and allocator (Cargo.toml [features]).
  run('cargo', ['build', '--release', '--lib', '--target', WASM_TARGET, '--features', 'widget']);
}

function bindgen() {
  run('wasm-bindgen', [...BINDGEN_FLAGS, '--out-dir', BINDGEN_OUT, '--out-name', 'report-charts', RAW_WASM]);
}

/** SHORT_IMPORTS and MINIFY, checked before anything is built. */
function distSettings() {
  const shortImports = process.env.SHORT_IMPORTS || '1';
  if (shortImports !== '0' && shortImports !== '1') throw new BuildError(`SHORT_IMPORTS must be 0 or 1, got '${shortImports}'`);
  const minify = process.env.MINIFY || DEFAULT_MINIFY;
  if (!MINIFIERS.includes(minify)) throw new BuildError(`MINIFY must be one of ${MINIFIERS.join(', ')}, got '${minify}'`);
  return { shortImports: shortImports === '1', minify };
}

/** target/bindgen/short{_bg.wasm,.js}: the bindgen output with short import names (or a copy). */
function shortImports(enabled) {
  const [wasmIn, jsIn] = [`${BINDGEN_OUT}/report-charts_bg.wasm`, `${BINDGEN_OUT}/report-charts.js`];
  const [wasmOut, jsOut] = [`${BINDGEN_OUT}/short_bg.wasm`, `${BINDGEN_OUT}/short.js`];
  if (!enabled) {
    // `make dist SHORT_IMPORTS=0`: to measure what the renaming saves (docs/measurements.md).
    console.log(`short-imports skipped (SHORT_IMPORTS=0)`);
    copyFileSync(abs(wasmIn), abs(wasmOut));
    copyFileSync(abs(jsIn), abs(jsOut));
    return;
  }
  say(`short-imports ${wasmIn} ${jsIn} ${wasmOut} ${jsOut}   (tools/short-imports.mjs)`);
  try {
    console.log(`short-imports: ${shortImportsFiles(abs(wasmIn), abs(jsIn), abs(wasmOut), abs(jsOut))} imports renamed`);
  } catch (error) {
    throw error instanceof ShortImportsError ? new BuildError(error.message) : error;
  }
}

function wasmOpt(input, output) {
  run(BIN('wasm-opt'), [...WASM_OPT_FLAGS, input, '-o', output]);
}

/**
 * `import makeBindings from 'report-charts:glue'` is the wasm-bindgen glue wrapped in a function:
 * each call runs the glue again and returns a fresh `wasm_bindgen` (fresh state), which is how the
 * loader re-instantiates after a wasm trap.
 */
function gluePlugin(glueFile) {
  return {
    name: 'report-charts-glue',
    setup(build) {
      build.onResolve({ filter: /^report-charts:glue$/ }, () => ({ path: GLUE_MODULE, namespace: 'report-charts' }));
      build.onLoad({ filter: /.*/, namespace: 'report-charts' }, () => ({
        contents: `export default function makeBindings() {\n${readFileSync(abs(glueFile), 'utf8')}\nreturn wasm_bindgen;\n}\n`,
        loader: 'js',
        resolveDir: ROOT,
        watchFiles: [abs(glueFile)],
      }));
    },
  };
}

/**
 * ES modules are strict, but the IIFE esbuild emits for them is not (a "use strict" of the entry
 * would be hoisted above the IIFE, making the whole classic script strict, and any script a CMS
 * concatenates after it). As the concatenating build before it did, the directive goes inside.
 */
function strictInsideIife(code) {
  const start = /^((?:\/\*![^]*?\*\/\s*)?)(\(\(\) ?=> ?\{)/.exec(code);
  if (!start) throw new BuildError(`esbuild's output does not start with its IIFE (a top-level "use strict" in ${LOADER_ENTRY}?)`);
  return `${start[1]}${start[2]}"use strict";${code.slice(start[0].length)}`;
}

/** A file's Subresource Integrity value: `sha384-` and the base64 of its SHA-384 digest. */
function integrity(file) {
  return 'sha384-' + createHash('sha384').update(readFileSync(abs(file))).digest('base64');
}

/**
 * The loader and the glue in one file: the classic script (an IIFE, from index.js) or the npm
 * package's ES module (from module.js); esbuild, minified by esbuild or not. Either carries the
 * SRI hash of dist's .wasm (built before it), for the loader's fetch of it.
 */
async function bundle(version, minify, outfile, { entry = LOADER_ENTRY, format = 'iife' } = {}) {
  const banner = `/*! report-charts ${version} | MIT */`;
  const wasmIntegrity = integrity(DIST_WASM);
  say(`esbuild ${entry} --bundle --format=${format} --target=es2020 --charset=utf8 '--banner:js=${banner}' ` +
    `--define:REPORT_CHARTS_VERSION='${JSON.stringify(version)}' --define:REPORT_CHARTS_WASM_INTEGRITY='"${wasmIntegrity}"'` +
    `${minify ? ' --minify' : ''} ` +
    `(${GLUE_MODULE} = ${BINDGEN_OUT}/short.js in makeBindings()) --outfile=${outfile}`);
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      bundle: true,
      format,
      target: 'es2020',
      // Chinese UI words as they are (as terser left them), not as \u escapes: ~1 KB raw less.
      charset: 'utf8',
      banner: { js: banner },
      // The .wasm's hash, for the loader's fetch of it (`integrity`): a changed or other file is refused.
      define: { REPORT_CHARTS_VERSION: JSON.stringify(version), REPORT_CHARTS_WASM_INTEGRITY: JSON.stringify(wasmIntegrity) },
      plugins: [gluePlugin(`${BINDGEN_OUT}/short.js`)],
      legalComments: 'inline',
      minify,
      write: false,
      logLevel: 'warning',
    });
  } catch (error) {
    throw new BuildError(`esbuild failed: ${error.errors ? error.errors.map((e) => e.text).join('; ') : error.message}`);
  }
  const code = result.outputFiles[0].text;
  writeFileSync(abs(outfile), format === 'iife' ? strictInsideIife(code) : code);
}

/**
 * dist/report-charts.js by the chosen minifier (or, with `module`, the package's ES module); the
 * intermediate files stay in target/bindgen.
 */
async function script(version, minify, { outfile = DIST_JS, module = false } = {}) {
  const shape = module ? { entry: MODULE_ENTRY, format: 'esm' } : {};
  if (minify === 'esbuild') {
    await bundle(version, true, outfile, shape);
  } else {
    const full = `${BINDGEN_OUT}/report-charts.bundle.${module ? 'mjs' : 'js'}`;
    await bundle(version, false, full, shape);
    // Two compress passes and short names for the loader's private members (`_name`: one
    // underscore; the glue's `__wbg…` keys have two and keep theirs): −145 B gzip together.
    run(BIN('terser'), [full, '--compress', 'passes=2', '--mangle', '--mangle-props', 'regex=/^_[a-z]/',
      '--comments', '/^!/', '--ecma', '2020', ...(module ? ['--module'] : []), '-o', outfile]);
  }
  console.log(`minified by ${minify} (MINIFY=${MINIFIERS.find((m) => m !== minify)} for the other)`);
}

/** Raw and gzip -9 of each file, and the shipped total (the table .ci/sizes printed before). */
function printSizes(files) {
  let raw = 0;
  let gz = 0;
  console.log(`${pad('file', 32)} ${padLeft('raw', 10)} ${padLeft('gzip', 10)}`);
  for (const file of files) {
    const [r, g] = [rawSize(file), gzipSize(file)];
    console.log(`${pad(file, 32)} ${padLeft(r, 10)} ${padLeft(g, 10)}`);
    if (!file.endsWith('.d.ts') && !file.endsWith('.css')) [raw, gz] = [raw + r, gz + g]; // current browsers load neither
  }
  console.log(`${pad('shipped total (js + wasm)', 32)} ${padLeft(raw, 10)} ${padLeft(gz, 10)}`);
}

async function dist() {
  const settings = distSettings();
  const version = packageVersion();
  cargoBuild();
  bindgen();
  shortImports(settings.shortImports);
  mkdirSync(abs('dist'), { recursive: true });
  wasmOpt(`${BINDGEN_OUT}/short_bg.wasm`, DIST_WASM);
  await script(version, settings.minify); // after the .wasm: the script carries its hash
  copyFileSync(abs('src/report-charts.d.ts'), abs(DIST_DTS));
  // The chart's styles as a file, for browsers without constructable stylesheets (Safari before
  // 16.4), where a strict CSP refuses a <style> element: src/loader/styles.js links it.
  writeFileSync(abs(DIST_CSS), `/*! report-charts ${version} | MIT */\n${STYLE_TEXT}\n`);
  printSizes([DIST_JS, DIST_WASM, DIST_DTS, DIST_CSS]);
  printIntegrity(integrity(DIST_JS), integrity(DIST_WASM));
}

/**
 * The SRI hashes of the two shipped files, and the script tag that uses the script's. The .wasm's
 * is baked into the script, whose loader fetches the .wasm with it (load.js): pages need no
 * attribute for it, and a .wasm of another build or a changed one is refused with a clear error.
 */
function printIntegrity(jsIntegrity, wasmIntegrity) {
  console.log('');
  console.log('integrity (Subresource Integrity, sha384, base64):');
  console.log(`  ${pad(DIST_JS, 30)} ${jsIntegrity}`);
  console.log(`  ${pad(DIST_WASM, 30)} ${wasmIntegrity}   (baked into ${DIST_JS}, which fetches the .wasm with it)`);
  console.log('the script tag (crossorigin: the files may come from another host, which must then send CORS headers):');
  console.log(`  <script src="/path/to/report-charts.js" integrity="${jsIntegrity}" crossorigin="anonymous" defer></script>`);
}

/**
 * The required stack's own cost: one bar, one tick and one label through plotters-canvas, built
 * with the same profile, wasm-bindgen and wasm-opt flags as dist.
 */
function sizeFloor() {
  const out = 'target/floor';
  run('cargo', ['build', '-q', '--release', '--target', WASM_TARGET], { cwd: abs('.ci/floor') });
  run('wasm-bindgen', [...BINDGEN_FLAGS, '--out-dir', out, '--out-name', 'floor', `.ci/floor/target/${WASM_TARGET}/release/stack_floor.wasm`]);
  wasmOpt(`${out}/floor_bg.wasm`, `${out}/floor.opt.wasm`);
  const glue = run(BIN('terser'), [`${out}/floor.js`, '-c', '-m'], { capture: true });
  console.log(`stack floor: wasm ${gzipSize(`${out}/floor.opt.wasm`)} B gzip, glue ${gzipBytesSize(glue)} B gzip`);
}

/**
 * target/npm/package/: the classic script and the .wasm of dist (`make package` builds it first), the ES module
 * entry, the types, and npm/'s README, CHANGELOG and package.json (its version set from
 * Cargo.toml's); then `npm pack` writes target/npm/report-charts-VERSION.tgz.
 */
async function npmPackage() {
  for (const file of [DIST_JS, DIST_WASM, DIST_DTS, DIST_CSS, `${BINDGEN_OUT}/short.js`]) need(file, 'run make dist first');
  const settings = distSettings();
  const version = packageVersion();
  rmSync(abs('target/npm'), { recursive: true, force: true });
  mkdirSync(abs(NPM_OUT), { recursive: true });
  await script(version, settings.minify, { outfile: `${NPM_OUT}/report-charts.mjs`, module: true });
  copyFileSync(abs(DIST_JS), abs(`${NPM_OUT}/report-charts.js`));
  copyFileSync(abs(DIST_WASM), abs(`${NPM_OUT}/report-charts_bg.wasm`));
  copyFileSync(abs(DIST_DTS), abs(`${NPM_OUT}/report-charts.d.ts`));
  copyFileSync(abs(DIST_CSS), abs(`${NPM_OUT}/report-charts.css`));
  const classic = readFileSync(abs(DIST_DTS), 'utf8');
  const cut = classic.indexOf(CLASSIC_GLOBAL);
  if (cut < 0) throw new BuildError(`src/report-charts.d.ts has no line '${CLASSIC_GLOBAL}' to cut the package's types.d.ts at`);
  writeFileSync(abs(`${NPM_OUT}/types.d.ts`), classic.slice(0, cut).trimEnd() + '\n');
  for (const file of ['report-charts.d.mts', 'react.d.mts', 'README.md', 'CHANGELOG.md']) {
    copyFileSync(abs(`${NPM_SOURCE}/${file}`), abs(`${NPM_OUT}/${file}`));
  }
  copyFileSync(abs('LICENSE'), abs(`${NPM_OUT}/LICENSE`));
  const manifest = JSON.parse(readFileSync(abs(`${NPM_SOURCE}/package.json`), 'utf8'));
  manifest.version = version;
  writeFileSync(abs(`${NPM_OUT}/package.json`), JSON.stringify(manifest, null, 2) + '\n');
  const packed = run('npm', ['pack', '--json', '--pack-destination', '..'], { capture: true, cwd: abs(NPM_OUT) });
  const [info] = JSON.parse(packed);
  console.log(`npm pack: target/npm/${info.filename}, ${info.files.length} files, ${info.size} B packed, ${info.unpackedSize} B unpacked`);
  printSizes([`${NPM_OUT}/report-charts.mjs`, `${NPM_OUT}/report-charts_bg.wasm`]);
}

const COMMANDS = {
  dist,
  package: npmPackage,
  size: (args) => sizeReport({ budgetArg: args[0], rawWasm: RAW_WASM, bindgenFlags: ['--target', 'no-modules', '--no-typescript'] }),
  'size-guard': () => sizeGuard(),
  'size-floor': sizeFloor,
};

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const job = COMMANDS[command];
  if (!job) {
    console.error(`usage: node tools/build.mjs ${Object.keys(COMMANDS).join('|')} [args]`);
    return 2;
  }
  try {
    await job(args);
    return 0;
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(`build.mjs ${command}: ${error.message}`);
    return error.code;
  }
}

process.exitCode = await main();
