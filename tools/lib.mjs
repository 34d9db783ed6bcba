// Helpers of tools/build.mjs: paths, running commands (each printed before it runs), sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const WASM_TARGET = 'wasm32-unknown-unknown';
export const RAW_WASM = `target/${WASM_TARGET}/release/report_charts.wasm`;
export const BINDGEN_OUT = 'target/bindgen';
export const DIST_JS = 'dist/report-charts.js';
export const DIST_WASM = 'dist/report-charts_bg.wasm';
export const DIST_DTS = 'dist/report-charts.d.ts';
export const BIN = (name) => `node_modules/.bin/${name}`;

// cargo-installed tools (wasm-bindgen, twiggy) live here; the Makefile puts it on PATH as well.
process.env.PATH = `${path.join(os.homedir(), '.cargo/bin')}${path.delimiter}${process.env.PATH || ''}`;

/** A failed step: main() prints the message (no stack) and exits with `code`. */
export class BuildError extends Error {
  constructor(message, code = 1) {
    super(message);
    this.name = 'BuildError';
    this.code = code;
  }
}

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** Prints a step that runs inside this process (esbuild, short imports), as a command would be. */
export function say(line) {
  console.log(`+ ${line}`);
}

/**
 * Runs a command from the repo root with inherited output, after printing it. Throws BuildError
 * when it cannot start or exits non-zero. `capture: true` returns its stdout instead.
 */
export function run(command, args, { capture = false, cwd = ROOT } = {}) {
  say([command, ...args].map(quote).join(' ') + (cwd === ROOT ? '' : `   (in ${path.relative(ROOT, cwd)})`));
  const result = spawnSync(command, args, {
    cwd,
    stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    maxBuffer: 1 << 28,
  });
  if (result.error && result.error.code === 'ENOENT') {
    throw new BuildError(`${command} is not installed (or not on PATH): run make setup`);
  }
  if (result.error) throw new BuildError(`${command}: ${result.error.message}`);
  if (result.signal) throw new BuildError(`${command} was killed by ${result.signal}`);
  if (result.status !== 0) throw new BuildError(`${command} failed (exit ${result.status})`);
  return capture ? result.stdout : undefined;
}

/** Whether a command is on PATH. */
export function hasCommand(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

export const abs = (file) => path.resolve(ROOT, file);

/** The file must exist, or `hint` is the error. */
export function need(file, hint, code = 1) {
  if (!existsSync(abs(file))) throw new BuildError(`${file} is missing: ${hint}`, code);
}

let gnuGzip = null;
/**
 * gzip -9 size of a file in bytes. GNU gzip (`gzip -9c FILE`, its name in the header), as the
 * size figures in the docs have always been measured: node's zlib at level 9 gives about 1 % more
 * on the wasm. node's zlib only where gzip is missing.
 */
export function gzipSize(file) {
  if (gnuGzip === null) gnuGzip = hasCommand('gzip');
  if (!gnuGzip) return zlibSize(readFileSync(abs(file)));
  const result = spawnSync('gzip', ['-9c', abs(file)], { maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new BuildError(`gzip -9c ${file} failed (exit ${result.status})`);
  return result.stdout.length;
}

/**
 * gzip -9 size of bytes that are not a file (the parts of the wasm), through gzip's stdin (so no
 * file name in the header), or node's zlib where gzip is missing.
 */
export function gzipBytesSize(bytes) {
  if (gnuGzip === null) gnuGzip = hasCommand('gzip');
  if (!gnuGzip) return zlibSize(bytes);
  const result = spawnSync('gzip', ['-9c'], { input: bytes, maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new BuildError(`gzip -9c failed (exit ${result.status})`);
  return result.stdout.length;
}

const zlibSize = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

export const rawSize = (file) => readFileSync(abs(file)).length;

/** KB = 1000 bytes, one decimal. */
export const kb = (bytes) => (bytes / 1000).toFixed(1);

/** A number of KB from the command line or the environment, or BuildError (exit 2). */
export function parseKb(text, what) {
  if (!/^[0-9]+([.][0-9]+)?$/.test(String(text))) {
    throw new BuildError(`${what} must be a number of KB, got '${text}'`, 2);
  }
  return Number(text);
}

/** Cargo.toml's [package] version: the one place the version is written. */
export function packageVersion() {
  let inPackage = false;
  for (const line of readFileSync(abs('Cargo.toml'), 'utf8').split('\n')) {
    const header = /^\s*\[([^\]]*)\]/.exec(line);
    if (header) inPackage = header[1].trim() === 'package';
    const version = inPackage && /^\s*version\s*=\s*"([^"]+)"/.exec(line);
    if (version) return version[1];
  }
  throw new BuildError('Cargo.toml has no [package] version');
}

export const pad = (text, width) => String(text).padEnd(width);
export const padLeft = (text, width) => String(text).padStart(width);
