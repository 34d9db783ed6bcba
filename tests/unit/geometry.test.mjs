// The pure geometry of overlays, keyboard and pointer: snapping, moving, hit tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerBox, snapStep } from '../../src/loader/overlay.js';
import { nextIndex } from '../../src/loader/keyboard.js';
import { hitIndex } from '../../src/loader/pointer.js';

test('overlay layers snap to a CSS step that is a whole number of device pixels', () => {
  assert.equal(snapStep(1), 1);
  assert.equal(snapStep(2), 1);
  assert.equal(snapStep(1.5), 2);
  assert.equal(snapStep(1.25), 4);
  assert.equal(snapStep(undefined), 1);
  assert.ok(snapStep(Math.PI) <= 20, 'an irrational ratio stops at 20');
});

test('a layer box encloses its rectangle and the stroke, on the snap grid', () => {
  const box = layerBox([10.5, 20, 100, 30], 2);
  assert.deepEqual(box, { x: 6, y: 16, w: 108, h: 38, dx: 4.5, dy: 4 });
  for (const value of [box.x, box.y, box.w, box.h]) assert.equal(value % 2, 0);
});

test('arrow keys move one row and stop at the ends; Home and End jump; other keys do not move', () => {
  assert.equal(nextIndex('ArrowDown', 0, 3), 1);
  assert.equal(nextIndex('ArrowRight', 2, 3), 2);
  assert.equal(nextIndex('ArrowUp', 0, 3), 0);
  assert.equal(nextIndex('ArrowLeft', -1, 3), 0, 'from no row, up goes to the first');
  assert.equal(nextIndex('Home', 2, 3), 0);
  assert.equal(nextIndex('End', 0, 3), 2);
  assert.equal(nextIndex('a', 0, 3), null);
});

test('hit regions are half-open, so that touching rows never both claim a point', () => {
  const hits = [{ x: 0, y: 0, w: 100, h: 20 }, { x: 0, y: 20, w: 100, h: 20 }];
  assert.equal(hitIndex(hits, 50, 19.9), 0);
  assert.equal(hitIndex(hits, 50, 20), 1);
  assert.equal(hitIndex(hits, 100, 10), -1);
  assert.equal(hitIndex([], 1, 1), -1);
});
