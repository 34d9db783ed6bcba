// First draws take one task each, in order; a cancelled one takes none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGAIN, inTurn, inTurns } from '../../src/loader/turns.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// The loader's message port does not keep Node alive (it is unref'd): a timer does, meanwhile.
const alive = setInterval(() => {}, 1000);
test.after(() => clearInterval(alive));

test('the first turn runs at once, each later one in a later task, in order', async () => {
  const ran = [];
  const done = [1, 2, 3].map((n) => inTurn(() => false, () => { ran.push(n); return n * 10; }));
  assert.deepEqual(ran, [1], 'only the first ran in this task');
  assert.deepEqual(await Promise.all(done), [10, 20, 30]);
  assert.deepEqual(ran, [1, 2, 3]);
});

test('a cancelled turn runs without taking a task of its own', async () => {
  await nextTask();
  const ran = [];
  inTurn(() => false, () => ran.push('a'));
  const cancelled = inTurn(() => true, () => { ran.push('cancelled'); return 'skipped'; });
  const c = inTurn(() => false, () => ran.push('c'));
  assert.deepEqual(ran, ['a']);
  await c;
  assert.equal(await cancelled, 'skipped');
  assert.deepEqual(ran, ['a', 'cancelled', 'c']);
});

test('a job that throws rejects its own turn and the queue goes on', async () => {
  await nextTask();
  const failing = inTurn(() => false, () => { throw new Error('no'); });
  const after = inTurn(() => false, () => 'fine');
  await assert.rejects(failing, /no/);
  assert.equal(await after, 'fine');
});

test('a draw in steps takes one turn a step, taking turns with the draws queued before its step', async () => {
  await nextTask();
  const ran = [];
  let steps = 0;
  inTurn(() => false, () => ran.push('first'));
  const stepped = inTurns(() => false, () => { ran.push('step ' + ++steps); return steps < 3 ? AGAIN : 'drawn'; });
  const other = inTurn(() => false, () => ran.push('other'));
  assert.deepEqual(ran, ['first'], 'one turn in this task');
  await other;
  assert.equal(await stepped, 'drawn');
  assert.deepEqual(ran, ['first', 'step 1', 'other', 'step 2', 'step 3']);
});
