// One chart per host, found from the host or from inside its shadow root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartFor, liveCharts, register, unregister } from '../../src/loader/registry.js';

function fakeChart(element) {
  return { element, destroyed: false, destroy() { this.destroyed = true; unregister(this); } };
}

test('a registered chart is found from its host and leaves on unregister', () => {
  const host = {};
  const chart = fakeChart(host);
  register(chart);
  assert.equal(chartFor(host), chart);
  assert.ok(liveCharts().has(chart));
  unregister(chart);
  assert.equal(chartFor(host), null);
  assert.ok(!liveCharts().has(chart));
});

test('a second chart on the same host destroys the first', () => {
  const host = {};
  const first = fakeChart(host);
  const second = fakeChart(host);
  register(first);
  register(second);
  assert.ok(first.destroyed);
  assert.equal(chartFor(host), second);
  unregister(second);
});

test('a node inside a chart\'s shadow root leads to its chart; other nodes to none', () => {
  const host = { getRootNode: () => document };
  const document = {};
  const shadow = { host };
  const canvas = { getRootNode: () => shadow };
  const chart = fakeChart(host);
  register(chart);
  assert.equal(chartFor(canvas), chart);
  assert.equal(chartFor({ getRootNode: () => document }), null);
  assert.equal(chartFor(null), null);
  unregister(chart);
});
