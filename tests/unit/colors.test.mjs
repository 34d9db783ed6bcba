// The colours a toolbar puts on the page, and the theme `auto` takes from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrast, hostScheme, luminance, over, parseColor } from '../../src/loader/colors.js';

test('computed colours parse in the forms browsers give; anything else is null', () => {
  assert.deepEqual(parseColor('rgb(255, 255, 0)'), [255, 255, 0, 1]);
  assert.deepEqual(parseColor('rgba(0, 0, 0, 0)'), [0, 0, 0, 0]);
  assert.deepEqual(parseColor('rgba(10, 20, 30, 0.5)'), [10, 20, 30, 0.5]);
  assert.deepEqual(parseColor('rgb(10 20 30 / 50%)'), [10, 20, 30, 0.5]);
  for (const text of ['', 'yellow', '#00ff80', 'color(srgb 1 1 0)', 'rgb(1, 2)', undefined]) assert.equal(parseColor(text), null);
});

test('luminance and contrast follow WCAG 2', () => {
  assert.equal(luminance([255, 255, 255, 1]), 1);
  assert.equal(contrast([0, 0, 0, 1], [255, 255, 255, 1]), 21);
  assert.ok(Math.abs(contrast([0x76, 0x76, 0x76, 1], [255, 255, 255, 1]) - 4.54) < 0.01);
  assert.deepEqual(over([0, 0, 0, 0.5], [255, 255, 255, 1]), [128, 128, 128, 1]);
});

test('a toolbar\'s high-contrast schemes give the host\'s own pair, with an accent that stands out', () => {
  for (const [text, ground] of [
    ['rgb(0, 0, 0)', 'rgb(255, 255, 0)'], // 黄底黑字
    ['rgb(255, 255, 0)', 'rgb(0, 0, 0)'], // 黑底黄字
    ['rgb(255, 255, 255)', 'rgb(0, 51, 102)'], // 深蓝底白字
    ['rgb(255, 255, 255)', 'rgb(0, 0, 255)'],
  ]) {
    const scheme = hostScheme(text, ground);
    assert.equal(typeof scheme, 'object', `${text} on ${ground}`);
    assert.equal(scheme.text, text);
    assert.equal(scheme.background, ground);
    const bg = parseColor(scheme.background);
    assert.ok(contrast(parseColor(scheme.text), bg) >= 7, 'text keeps its contrast');
    assert.ok(contrast(parseColor(scheme.highlight), bg) >= 4.5, `accent ${scheme.highlight} on ${ground}`);
  }
});

test('dark grounds without a high-contrast pair take the dark palette; usual pages take none', () => {
  assert.equal(hostScheme('rgb(150, 150, 150)', 'rgb(30, 30, 30)'), 'dark');
  assert.equal(hostScheme('rgb(51, 51, 51)', 'rgb(255, 255, 255)'), null); // Bootstrap's body
  assert.equal(hostScheme('rgb(0, 0, 0)', 'rgb(255, 255, 204)'), null); // a pale page tint
  assert.equal(hostScheme('rgb(0, 0, 0)', 'rgb(255, 255, 255)'), null);
  assert.equal(hostScheme('rgb(0, 0, 0)', 'rgba(0, 0, 0, 0)'), null); // transparent: white behind
  assert.equal(hostScheme('rgb(0, 0, 0)', 'oklch(0.9 0.1 100)'), null);
});

test('translucent text is judged as it shows over its ground', () => {
  const scheme = hostScheme('rgba(255, 255, 255, 0.5)', 'rgb(0, 0, 0)');
  assert.equal(scheme, 'dark'); // 50% white on black is 5.3:1: not a high-contrast pair
});
