// README.zh-CN.md, the editors' guide, against the code: its tables name every message an editor
// can meet, in the words the code writes. The loader's own (src/loader/messages.js) are called
// with placeholder arguments and each fixed part of their Chinese text is looked for; the wasm's
// (src/error.rs `describe_zh`, src/input/limits.rs) are read from the Rust source, since the Rust
// tidy test (src/tidy.rs) covers the English README only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadFailures, notJson, TAKEN } from '../../src/loader/messages.js';

const root = new URL('../../', import.meta.url);
const read = (file) => readFileSync(new URL(file, root), 'utf8');
// The guide writes `<` as &lt; inside tables, and code spans in backquotes.
const GUIDE = read('README.zh-CN.md').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The parts of `text` between the placeholders, of 2 characters or more, trimmed. */
function fixedParts(text, placeholders) {
  let parts = [text];
  for (const p of placeholders) parts = parts.flatMap((part) => part.split(p));
  return parts.map((part) => part.trim()).filter((part) => part.length >= 2);
}

const U = 'URL_PLACEHOLDER';
const CALLS = {
  noWasm: [], status: [U, 503], network: [U, { message: 'WHY' }], notWasm: [U, 4242, '<html>'],
  broken: [U, 4242, 'WHY'], version: [U, '9.9.9', '0.0.1'], integrity: [U, 4242], noTarget: ['#nope'],
  destroyed: [], notOptions: [null], notReady: [], notDrawn: [], png: [], pixelRatio: [0],
};
const PLACEHOLDERS = [U, '503', 'WHY', '4242', '"<html>"', '9.9.9', '0.0.1', '"#nope"', 'null', '0'];

test('the guide names every loader message, in its Chinese words', () => {
  assert.deepEqual(Object.keys(loadFailures).sort(), Object.keys(CALLS).sort(), 'a new loadFailures entry needs a row in README.zh-CN.md and a call here');
  for (const [name, args] of Object.entries(CALLS)) {
    const zh = loadFailures[name](...args).errors[0].zh;
    for (const part of fixedParts(zh, PLACEHOLDERS)) {
      assert.ok(GUIDE.includes(part), `README.zh-CN.md lacks "${part}" of loadFailures.${name}: ${zh}`);
    }
  }
  for (const part of fixedParts(TAKEN.zh, ['…'])) assert.ok(GUIDE.includes(part), `README.zh-CN.md lacks "${part}" (TAKEN)`);
  const json = notJson('options.x', 'a function').errors[0].zh;
  for (const part of fixedParts(json, ['options.x：'])) assert.ok(GUIDE.includes(part), `README.zh-CN.md lacks "${part}" (notJson)`);
});

test('the guide names every expectation of src/error.rs, in its Chinese words', () => {
  const code = read('src/error.rs');
  const zh = code.slice(code.indexOf('pub fn describe_zh'), code.indexOf('fn nearest_suffix_en'));
  const arms = [...zh.matchAll(/Expected::(\w+)[^=]*=>\s*\{?\s*(?:format!\()?"([^"]*)"/g)];
  const variants = [...code.slice(code.indexOf('pub enum Expected'), code.indexOf('impl Expected')).matchAll(/^\s{4}([A-Z]\w+)/gm)].map((m) => m[1]);
  assert.ok(variants.length > 25, `found ${variants.length} variants`);
  assert.deepEqual(arms.map((m) => m[1]).sort(), [...variants].sort(), 'every variant has one describe_zh arm read here');
  for (const [, variant, text] of arms) {
    const first = text.split('{')[0]; // the words before the first value
    if (variant === 'MoreErrors') {
      assert.ok(GUIDE.includes('……另有 N 个错误'), 'README.zh-CN.md names "……另有 N 个错误"');
      continue;
    }
    assert.ok(first.length >= 2 && GUIDE.includes(first), `README.zh-CN.md lacks "${first}" (Expected::${variant})`);
  }
  // The message's own frame: path, 应为, 实际为; the missing field; suggestions.
  for (const part of ['：应为', '，实际为', '无（缺少该字段）', '（是否想用 ']) {
    assert.ok(GUIDE.includes(part.replace('（是否想用 ', '是否想用 ')), `README.zh-CN.md lacks "${part}"`);
  }
});

test('the guide lists every limit with its number and its Chinese words', () => {
  const code = read('src/input/limits.rs');
  const most = Object.fromEntries([...code.slice(code.indexOf('fn most'), code.indexOf('fn counted_en')).matchAll(/Limit::(\w+) => ([\d_]+)/g)]
    .map((m) => [m[1], Number(m[2].replace(/_/g, ''))]));
  const counted = [...code.slice(code.indexOf('fn counted_zh'), code.indexOf('pub const ALL')).matchAll(/Limit::(\w+) => "([^"]+)"/g)];
  assert.equal(counted.length, Object.keys(most).length, 'every limit has its Chinese words');
  for (const [, limit, words] of counted) {
    const line = `不超过 ${most[limit].toLocaleString('en-US')} ${words}`;
    assert.ok(GUIDE.includes(line), `README.zh-CN.md lacks "${line}" (Limit::${limit})`);
  }
});

test('README.md links the guide in its first lines', () => {
  const head = read('README.md').split('\n').slice(0, 5).join('\n');
  assert.ok(head.includes('(README.zh-CN.md)'), 'README.md links README.zh-CN.md in its first five lines');
});
