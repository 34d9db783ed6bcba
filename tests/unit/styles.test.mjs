// The shadow root's styles without constructable stylesheets (Safari before 16.4): a linked file,
// and a <style> element only when that file fails to load. A stand-in DOM, in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { styleFor, STYLE_TEXT } from '../../src/loader/styles.js';

function fakeDom() {
  globalThis.document = {
    createElement: (tag) => {
      const listeners = {};
      const el = { tag, addEventListener: (type, fn) => { listeners[type] = fn; }, fire: (type) => listeners[type](), remove: () => { el.removed = true; } };
      return el;
    },
  };
  const children = [];
  return { children, appendChild: (el) => { children.push(el); return el; } }; // no adoptedStyleSheets
}

test('without adoptedStyleSheets the root links the file beside the script, and waits for it', async () => {
  const root = fakeDom();
  let done = false;
  const styled = styleFor(root, 'https://example.gov.cn/js/report-charts.css').then(() => { done = true; });
  assert.equal(root.children.length, 1);
  const [link] = root.children;
  assert.deepEqual([link.tag, link.rel, link.href], ['link', 'stylesheet', 'https://example.gov.cn/js/report-charts.css']);
  await Promise.resolve();
  assert.equal(done, false, 'not before the sheet loads');
  link.fire('load');
  await styled;
  assert.equal(root.children.length, 1, 'no <style> element');
});

test('a missing file falls back to a <style> element with the same text', async () => {
  const root = fakeDom();
  const styled = styleFor(root, 'https://example.gov.cn/js/report-charts.css');
  root.children[0].fire('error');
  await styled;
  assert.equal(root.children[0].removed, true, 'the failed link is removed');
  assert.equal(root.children[1].tag, 'style');
  assert.equal(root.children[1].textContent, STYLE_TEXT);
});

test.after(() => { delete globalThis.document; });
