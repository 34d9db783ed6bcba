// Failures are Error instances that keep every problem in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportChartsError, asError, errorText, errorTextZh, loadFailures } from '../../src/loader/messages.js';

test('a load failure is an Error naming the file and the status, in zh and en', () => {
  const error = loadFailures.status('https://example.org/report-charts_bg.wasm', 503);
  assert.ok(error instanceof Error);
  assert.equal(error.message, 'https://example.org/report-charts_bg.wasm answered 503');
  assert.deepEqual(error.errors[0].path, 'wasm');
  assert.match(errorTextZh(error), /返回 503/);
});

test('the wasm\'s validation result becomes a ReportChartsError with the same errors', () => {
  const errors = [{ path: 'chart', en: 'chart: expected one of bullet…, got "pie"', zh: 'chart：应为…，实际为 "pie"' }, { path: 'lang', en: 'lang: x', zh: 'lang：x' }];
  const error = asError({ errors });
  assert.ok(error instanceof ReportChartsError && error instanceof Error);
  assert.deepEqual(error.errors, errors);
  assert.equal(errorText(error), 'chart: expected one of bullet…, got "pie"; lang: x');
  assert.equal(errorTextZh(error), 'chart：应为…，实际为 "pie"；lang：x');
});

test('a text the wasm throws becomes an Error; Errors pass through unchanged', () => {
  const thrown = new TypeError('boom');
  assert.equal(asError(thrown), thrown);
  const text = asError('canvas 2d context unavailable');
  assert.ok(text instanceof ReportChartsError);
  assert.deepEqual(text.errors, [{ path: 'wasm', en: 'canvas 2d context unavailable', zh: 'canvas 2d context unavailable' }]);
  assert.equal(errorText(thrown), 'boom');
  assert.equal(errorTextZh(thrown), 'boom');
});

test('a missing target quotes what was given', () => {
  assert.equal(loadFailures.noTarget('#nope').message, 'target: expected an element or a selector that matches one, got "#nope"');
});

test('options that are not an object are named in each language\'s words', () => {
  assert.deepEqual(loadFailures.notOptions([1]).errors[0], { path: 'options', en: 'options: expected an object, got an array', zh: 'options：应为对象，实际为 数组' });
  assert.equal(loadFailures.notOptions('board').errors[0].zh, 'options：应为对象，实际为 文本');
  assert.equal(loadFailures.notOptions(null).errors[0].zh, 'options：应为对象，实际为 null');
});
