// tools/short-imports.mjs on a wasm module built here byte by byte, with a glue shaped like
// wasm-bindgen's: both sides must be renamed alike, and a name missing from the glue must stop it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortImports, rewriteWasm, rewriteGlue, uleb, readUleb, MODULE, ShortImportsError } from '../../tools/short-imports.mjs';

const LOG = '__wbg_log_8a9c2f1e0b7d3c4a';
const THROW = '__wbindgen_throw';

const text = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...uleb(body.length), ...body];

/** A valid module: one type `(i32) -> ()`, imports of it, one exported `run` calling the second import (or the only one). */
function tinyWasm(imports) {
  const types = section(1, [1, 0x60, 1, 0x7f, 0]);
  const importBody = [...uleb(imports.length)];
  for (const [module, field] of imports) importBody.push(...text(module), ...text(field), 0x00, 0); // func, type 0
  const functions = section(3, [1, 0]);
  const exports = section(7, [1, ...text('run'), 0x00, imports.length]); // the function after the imports
  const callee = Math.min(1, imports.length - 1);
  const code = section(10, [1, ...[6, 0, 0x20, 0, 0x10, callee, 0x0b]]); // local.get 0; call callee; end
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...section(2, importBody), ...functions, ...exports, ...code]);
}

const glue = `
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${LOG}: function(arg0) { console.log(arg0); },
        ${THROW}: function(arg0) { throw new Error(String(arg0)); },
    };
    return {
        __proto__: null,
        "${MODULE}": import0,
    };
}`;

const importsOf = (bytes) => WebAssembly.Module.imports(new WebAssembly.Module(bytes));

test('the hand-made module is valid wasm with the long names', () => {
  assert.deepEqual(importsOf(tinyWasm([[MODULE, LOG], [MODULE, THROW]])), [
    { module: MODULE, name: LOG, kind: 'function' },
    { module: MODULE, name: THROW, kind: 'function' },
  ]);
});

test('imports and glue are renamed alike', () => {
  const input = tinyWasm([[MODULE, LOG], [MODULE, THROW], ['env', '__wbg_other']]);
  const out = shortImports(input, glue);
  assert.equal(out.count, 2);
  assert.deepEqual(importsOf(out.wasm), [
    { module: 'm', name: 'w0', kind: 'function' },
    { module: 'm', name: 'w1', kind: 'function' },
    { module: 'env', name: '__wbg_other', kind: 'function' }, // another module is left alone
  ]);
  assert.ok(out.wasm.length < input.length);
  assert.match(out.js, /\bw0: function\(arg0\) \{ console\.log/);
  assert.match(out.js, /\bw1: function\(arg0\) \{ throw/);
  assert.match(out.js, /"m": import0/);
  assert.doesNotMatch(out.js, /__wbg_log|__wbindgen_throw|report-charts_bg/);
  // The renamed module still links against the renamed glue's import object: run calls w1 (the throw).
  const imports = new Function(`${out.js}\nreturn __wbg_get_imports();`)();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(out.wasm), { ...imports, env: { __wbg_other() {} } });
  assert.throws(() => instance.exports.run(7), /^Error: 7$/);
});

test('everything but the import section is copied as it was', () => {
  const input = tinyWasm([[MODULE, LOG]]);
  const { wasm } = rewriteWasm(input);
  const sections = (bytes) => {
    const found = [];
    for (let at = 8; at < bytes.length;) {
      const [size, body] = readUleb(bytes, at + 1);
      found.push([bytes[at], Buffer.from(bytes.subarray(body, body + size)).toString('hex')]);
      at = body + size;
    }
    return found;
  };
  const before = sections(input).filter(([id]) => id !== 2);
  const after = sections(wasm).filter(([id]) => id !== 2);
  assert.deepEqual(after, before);
});

test('a repeated import keeps one short name', () => {
  const { renames } = rewriteWasm(tinyWasm([[MODULE, LOG], [MODULE, LOG]]));
  assert.deepEqual([...renames], [[LOG, 'w0']]);
});

test('a name missing from the glue throws', () => {
  const wasm = tinyWasm([[MODULE, LOG], [MODULE, THROW]]);
  assert.throws(() => shortImports(wasm, glue.replace(THROW, '__wbindgen_thrown')),
    (error) => error instanceof ShortImportsError && error.message === `short-imports: ${THROW} is not in the glue`);
});

test('the module name must be in the glue exactly once', () => {
  const { renames } = rewriteWasm(tinyWasm([[MODULE, LOG]]));
  assert.throws(() => rewriteGlue(glue.replace(`"${MODULE}"`, '"./other.js"'), renames), /expected one "\.\/report-charts_bg\.js" in the glue/);
  assert.throws(() => rewriteGlue(`${glue}\n"${MODULE}"`, renames), /expected one/);
});

test('not a wasm module, or a truncated one, throws', () => {
  assert.throws(() => rewriteWasm(Buffer.from('not wasm')), /short-imports: not a wasm module/);
  const wasm = tinyWasm([[MODULE, LOG]]);
  assert.throws(() => rewriteWasm(wasm.subarray(0, wasm.length - 3)), /short-imports: the wasm ends/);
});

test('LEB128 round trip', () => {
  for (const value of [0, 1, 127, 128, 300, 624485, 2 ** 31 + 5]) {
    assert.deepEqual(readUleb(uleb(value), 0), [value, uleb(value).length]);
  }
});
