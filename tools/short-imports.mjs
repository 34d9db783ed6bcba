// Renames the wasm's imports to short names in both the .wasm and wasm-bindgen's JS glue.
//
// wasm-bindgen names each import like `__wbg_set_textBaseline_ff2e3c5c84684b23`, under the module
// `./report-charts_bg.js`; the names travel twice (wasm import section and JS import object) and
// their hashes do not compress: shortening them saves ~1.3 KB gzip. Only the import section and
// the matching JS names change; a name missing from the glue stops the build.
//
//   node tools/short-imports.mjs IN.wasm IN.js OUT.wasm OUT.js     (tools/build.mjs dist runs it)
//
// Errors are thrown as ShortImportsError, whose message starts with "short-imports:".
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODULE = './report-charts_bg.js';
export const SHORT_MODULE = 'm';
const IMPORT_SECTION = 2;
const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1

export class ShortImportsError extends Error {
  constructor(message) {
    super(`short-imports: ${message}`);
    this.name = 'ShortImportsError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function byteAt(data, at) {
  if (at >= data.length) throw new ShortImportsError('the wasm ends in the middle of a section');
  return data[at];
}

/** Reads an unsigned LEB128 at `at`: [value, the offset after it]. */
export function readUleb(data, at) {
  let value = 0;
  let scale = 1; // 2 ** shift: section sizes can pass 2 ** 31, where `<<` would overflow
  for (;;) {
    const byte = byteAt(data, at++);
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, at];
  }
}

/** Encodes an unsigned LEB128. */
export function uleb(value) {
  const out = [];
  for (;;) {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(byte | (value ? 0x80 : 0));
    if (!value) return Uint8Array.from(out);
  }
}

function readName(data, at) {
  const [length, start] = readUleb(data, at);
  if (start + length > data.length) throw new ShortImportsError('the wasm ends in the middle of a name');
  return [utf8.decode(data.subarray(start, start + length)), start + length];
}

function nameBytes(text) {
  const raw = encoder.encode(text);
  return [uleb(raw.length), raw];
}

function skipLimits(data, at) {
  const flags = byteAt(data, at++);
  [, at] = readUleb(data, at);
  if (flags & 1) [, at] = readUleb(data, at);
  return at;
}

/** Copies nothing: returns the end of an import's description. */
function skipImportKind(data, at) {
  const kind = byteAt(data, at++);
  if (kind === 0) { // function: type index
    [, at] = readUleb(data, at);
  } else if (kind === 1) { // table: reftype, limits
    at = skipLimits(data, at + 1);
  } else if (kind === 2) { // memory: limits
    at = skipLimits(data, at);
  } else if (kind === 3) { // global: valtype, mutability
    at += 2;
  } else {
    throw new ShortImportsError(`unknown import kind ${kind}`);
  }
  return at;
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Renames the imports of MODULE in the wasm's import section: the module becomes SHORT_MODULE and
 * each `__wbg…`/`__wbindgen…` field `w` + a hexadecimal counter. Returns the new bytes and the
 * renames (a Map from the old field to the new one, in import order).
 */
export function rewriteWasm(wasm) {
  wasm = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  if (wasm.length < 8 || MAGIC.some((byte, i) => wasm[i] !== byte)) throw new ShortImportsError('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  const renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const section = wasm[at];
    const [size, body] = readUleb(wasm, at + 1);
    const end = body + size;
    if (end > wasm.length) throw new ShortImportsError('the wasm ends in the middle of a section');
    if (section !== IMPORT_SECTION) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, cursor] = readUleb(wasm, body);
    const newBody = [uleb(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, cursor] = readName(wasm, cursor);
      [field, cursor] = readName(wasm, cursor);
      const descriptionStart = cursor;
      cursor = skipImportKind(wasm, cursor);
      if (module === MODULE) {
        module = SHORT_MODULE;
        if (field.startsWith('__wbg') || field.startsWith('__wbindgen')) {
          if (!renames.has(field)) renames.set(field, 'w' + renames.size.toString(16));
          field = renames.get(field);
        }
      }
      newBody.push(...nameBytes(module), ...nameBytes(field), wasm.subarray(descriptionStart, cursor));
    }
    const bodyBytes = concat(newBody);
    parts.push(Uint8Array.of(section), uleb(bodyBytes.length), bodyBytes);
    at = end;
  }
  return { wasm: concat(parts), renames };
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Applies the renames to the glue: the module's one quoted name, then every renamed field. */
export function rewriteGlue(js, renames) {
  const quoted = JSON.stringify(MODULE);
  if (js.split(quoted).length !== 2) throw new ShortImportsError(`expected one ${quoted} in the glue`);
  js = js.replace(quoted, JSON.stringify(SHORT_MODULE));
  for (const [field, short] of renames) {
    const pattern = new RegExp(`\\b${escapeRegExp(field)}\\b`, 'g');
    let found = 0;
    js = js.replace(pattern, () => { found++; return short; });
    if (!found) throw new ShortImportsError(`${field} is not in the glue`);
  }
  return js;
}

/** Both at once: { wasm, js, count } (count = imports renamed). Throws ShortImportsError. */
export function shortImports(wasm, js) {
  const rewritten = rewriteWasm(wasm);
  return { wasm: rewritten.wasm, js: rewriteGlue(js, rewritten.renames), count: rewritten.renames.size };
}

/** The files' version: reads IN.wasm and IN.js, writes OUT.wasm and OUT.js; returns the count. */
export function shortImportsFiles(wasmIn, jsIn, wasmOut, jsOut) {
  const result = shortImports(readFileSync(wasmIn), readFileSync(jsIn, 'utf8'));
  writeFileSync(wasmOut, result.wasm);
  writeFileSync(jsOut, result.js);
  return result.count;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  if (args.length !== 4) {
    console.error('usage: node tools/short-imports.mjs IN.wasm IN.js OUT.wasm OUT.js');
    process.exit(2);
  }
  try {
    console.log(`short-imports: ${shortImportsFiles(...args)} imports renamed`);
  } catch (error) {
    console.error(error instanceof ShortImportsError ? error.message : error);
    process.exit(1);
  }
}
