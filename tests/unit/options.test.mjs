// What the loader sends to the wasm, and update's merge rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileName, mergeOptions, resolveOptions, wantsCaption, wantsLandmark, wantsToolbar } from '../../src/loader/options.js';

test('undefined members are dropped and the auto theme follows the reader', () => {
  assert.deepEqual(resolveOptions({ chart: 'bars', title: undefined }, { dark: false }), { chart: 'bars', theme: 'light' });
  assert.deepEqual(resolveOptions({ theme: 'auto' }, { dark: true }), { theme: 'dark' });
  assert.deepEqual(resolveOptions({ theme: 'contrast' }, { dark: true }), { theme: 'contrast' });
  assert.deepEqual(resolveOptions({}), { theme: 'light' });
});

test('auto: prefers-contrast, then the host\'s colours, then prefers-color-scheme; an explicit theme wins', () => {
  const pair = { background: 'rgb(255, 255, 0)', text: 'rgb(0, 0, 0)', highlight: 'rgb(29, 79, 145)' };
  assert.deepEqual(resolveOptions({ theme: 'auto' }, { dark: true, contrast: true, host: pair }), { theme: 'contrast' });
  assert.deepEqual(resolveOptions({}, { dark: true, host: pair }), { theme: 'light', forcedColors: pair });
  assert.deepEqual(resolveOptions({}, { dark: false, host: 'dark' }), { theme: 'dark' });
  assert.deepEqual(resolveOptions({}, { dark: true, host: null }), { theme: 'dark' });
  assert.deepEqual(resolveOptions({ theme: 'light' }, { dark: true, contrast: true, host: pair }), { theme: 'light' });
});

test('the caller\'s object is copied, never changed', () => {
  const given = { theme: 'auto' };
  resolveOptions(given, { dark: true });
  assert.deepEqual(given, { theme: 'auto' });
});

test('anything but a plain object passes through for validation to name', () => {
  for (const value of [null, 5, 'bars', [1]]) assert.equal(resolveOptions(value, {}), value);
});

test('update merges, and section and indicators replace each other', () => {
  assert.deepEqual(mergeOptions({ indicators: ['a'], chart: 'bars' }, { section: 'economy' }), { chart: 'bars', section: 'economy' });
  assert.deepEqual(mergeOptions({ section: 'economy', lang: 'en' }, { indicators: ['b'] }), { lang: 'en', indicators: ['b'] });
  assert.deepEqual(mergeOptions({ page: 2, statuses: ['met'] }, { page: 1, statuses: undefined }), { page: 1, statuses: undefined });
});

test('the toolbar is asked for by true, "true" or the bare attribute', () => {
  assert.deepEqual([true, 'true', '', false, 'false', undefined].map((toolbar) => wantsToolbar({ toolbar })),
    [true, true, true, false, false, false]);
});

test('download names keep only safe characters', () => {
  assert.equal(fileName({ indicators: ['gdp-growth', 'jobs'] }), 'report-charts-gdp-growth+jobs');
  assert.equal(fileName({ section: '../经济 <x>' }), 'report-charts-x');
  assert.equal(fileName({}), 'report-charts-chart');
});

test('the caption is on unless turned off; a landmark only when asked for', () => {
  assert.deepEqual([undefined, true, 'true', '', false, 'false'].map((caption) => wantsCaption({ caption })),
    [true, true, true, true, false, false]);
  assert.deepEqual([true, 'true', '', false, 'false', undefined].map((landmark) => wantsLandmark({ landmark })),
    [true, true, true, false, false, false]);
});
