// Options as a snapshot: copied once, prototype-free, every non-JSON value refused with its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshot } from '../../src/loader/snapshot.js';
import { optionsFromAttributes, EMBEDS } from '../../src/loader/attributes.js';

test('a getter runs once, and later changes to the caller\'s object change nothing', () => {
  let reads = 0;
  const options = { indicators: ['gdp-growth'], get chart() { reads++; return 'bullet'; } };
  const copy = snapshot(options);
  options.indicators.push('x');
  options.lang = 'en';
  assert.equal(reads, 1);
  assert.deepEqual(Object.keys(copy), ['indicators', 'chart']);
  assert.deepEqual(copy.indicators, ['gdp-growth']);
  assert.equal(Object.getPrototypeOf(copy), null);
});

test('every value JSON has no form for is refused at its path, in both languages', () => {
  const cases = [
    [{ height: 10n }, 'options.height', 'a BigInt'],
    [{ title: Symbol('t') }, 'options.title', 'a Symbol'],
    [{ actuals: { 'gdp-growth': { 2024: () => 5 } } }, 'options.actuals.gdp-growth.2024', 'a function'],
    [{ year: new Date() }, 'options.year', 'a Date'],
    [{ indicators: new Set(['a']) }, 'options.indicators', 'a Set'],
  ];
  for (const [options, path, kind] of cases) {
    assert.throws(() => snapshot(options), (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.errors[0].path, path);
      assert.ok(error.message.includes(kind), error.message);
      assert.ok(error.errors[0].zh.startsWith(path + '：'), error.errors[0].zh);
      return true;
    });
  }
  const cyclic = { a: {} };
  cyclic.a.b = cyclic;
  assert.throws(() => snapshot(cyclic), /nested more than 64 levels/);
});

test('undefined members stay, as "not given" (for update, "remove"), and null is kept', () => {
  assert.deepEqual({ ...snapshot({ chart: undefined, title: null }) }, { chart: undefined, title: null });
});

test('a Map of actuals is read as its entries', () => {
  const copy = snapshot({ actuals: new Map([['gdp-growth', new Map([[2024, 5.8]])]]) });
  assert.equal(copy.actuals['gdp-growth']['2024'], 5.8);
});

test('host prototype patches play no part', () => {
  const saved = [Array.prototype.map, Array.prototype.toJSON, Object.prototype.toString];
  try {
    Array.prototype.map = function () { throw new Error('patched map'); };
    Array.prototype.toJSON = function () { return 'patched'; };
    const copy = snapshot({ indicators: ['a', 'b'] });
    assert.ok(Array.isArray(copy.indicators));
    assert.equal(copy.indicators.length, 2);
  } finally {
    [Array.prototype.map, Array.prototype.toJSON] = saved;
    delete Array.prototype.toJSON;
    Object.prototype.toString = saved[2];
  }
});

test('an attribute id such as __proto__ is an ordinary id, never a prototype write', () => {
  const el = {
    getAttribute: (name) => (name === 'data-report-chart' ? 'gdp-growth' : null),
    attributes: [{ name: 'data-actual-2024', value: '__proto__=5;constructor=6' }],
  };
  const options = optionsFromAttributes(el, EMBEDS.data);
  assert.equal({}['2024'], undefined, 'Object.prototype is untouched');
  assert.equal(options.actuals.__proto__['2024'], 5);
  assert.equal(options.actuals.constructor['2024'], 6);
  assert.deepEqual(Object.keys(options.actuals), ['__proto__', 'constructor']);
});

test('a Proxy is read once through its traps; a revoked one is refused with its path', () => {
  let traps = 0;
  const proxy = new Proxy({ chart: 'bars' }, { ownKeys(target) { traps++; return Reflect.ownKeys(target); } });
  assert.equal(snapshot({ title: 'x', inner: proxy }).inner.chart, 'bars');
  assert.equal(traps, 1);
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => snapshot({ actuals: revoked }), (e) => e.errors[0].path === 'options.actuals' && /cannot be read/.test(e.message));
});
