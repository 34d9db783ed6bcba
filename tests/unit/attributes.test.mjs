// Options from embed attributes: one list of names for both embeds, actuals for any year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMBEDS, isChartAttribute, optionsFromAttributes } from '../../src/loader/attributes.js';

/** The same data with ordinary prototypes: actuals are built prototype-free (see snapshot.test.mjs). */
const plainCopy = (value) => JSON.parse(JSON.stringify(value));

/** An element as the loader reads it: getAttribute and the attributes list. */
function element(attributes) {
  return {
    getAttribute: (name) => (Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : null),
    attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
  };
}

test('a data embed lists indicators, copies text options and reads the height as a number', () => {
  const options = optionsFromAttributes(element({
    'data-report-chart': ' gdp-growth, urban-new-jobs ,', 'data-chart': 'board', 'data-lang': 'en', 'data-height': '320',
    'data-year': '2024',
  }), EMBEDS.data);
  assert.deepEqual(options, { indicators: ['gdp-growth', 'urban-new-jobs'], chart: 'board', lang: 'en', height: 320, year: 2024 });
});

test('a height that is not a number is passed on as text, for validation to name', () => {
  assert.equal(optionsFromAttributes(element({ 'data-report-chart': 'x', 'data-height': 'tall' }), EMBEDS.data).height, 'tall');
});

test('section:id selects a section, from either embed', () => {
  assert.deepEqual(optionsFromAttributes(element({ 'data-report-chart': 'section: economy' }), EMBEDS.data), { section: 'economy' });
  assert.deepEqual(optionsFromAttributes(element({ indicator: 'section:economy' }), EMBEDS.element), { section: 'economy' });
  assert.deepEqual(optionsFromAttributes(element({ section: 'people', indicator: 'gdp' }), EMBEDS.element), { section: 'people' });
});

test('actuals are read for any year, bare for one indicator or as id=value pairs', () => {
  const options = optionsFromAttributes(element({
    'data-report-chart': 'gdp-growth,jobs', 'data-actual-2024': '5.8', 'data-actual-2031': 'gdp-growth=6; jobs=1.2e1',
  }), EMBEDS.data);
  assert.deepEqual(plainCopy(options.actuals), { 'gdp-growth': { 2024: 5.8, 2031: 6 }, jobs: { 2031: 12 } });
});

test('a decimal comma is kept as text, so that validation refuses it instead of misreading it', () => {
  const options = optionsFromAttributes(element({ indicator: 'gdp-growth', 'actual-2024': '5,8' }), EMBEDS.element);
  assert.deepEqual(plainCopy(options.actuals), { 'gdp-growth': { 2024: '5,8' } });
});

test('each embed reads its options with its own prefix, and actuals with either', () => {
  const plain = optionsFromAttributes(element({ 'data-report-chart': 'gdp', 'actual-2024': '5', chart: 'bars' }), EMBEDS.data);
  assert.deepEqual(plainCopy(plain), { indicators: ['gdp'], actuals: { gdp: { 2024: 5 } } });
  const data = optionsFromAttributes(element({ indicator: 'gdp', 'data-actual-2024': '5', 'data-chart': 'bars' }), EMBEDS.element);
  assert.deepEqual(plainCopy(data), { indicators: ['gdp'], actuals: { gdp: { 2024: 5 } } });
});

test('the attributes that change a chart are the ones it reads, for any year', () => {
  for (const name of ['data-report-chart', 'data-chart', 'data-title', 'data-height', 'data-year', 'data-toolbar', 'data-caption', 'data-landmark', 'data-actual-2023', 'data-actual-2040']) {
    assert.equal(isChartAttribute(name, EMBEDS.data), true, name);
  }
  for (const name of ['class', 'style', 'data-error', 'chart', 'data-actual-24', 'data-actual-2024x']) {
    assert.equal(isChartAttribute(name, EMBEDS.data), false, name);
  }
  for (const name of ['indicator', 'section', 'lang', 'summary', 'actual-2099']) {
    assert.equal(isChartAttribute(name, EMBEDS.element), true, name);
  }
  assert.equal(isChartAttribute('data-chart', EMBEDS.element), false);
  assert.equal(isChartAttribute('actual-2024', EMBEDS.data), true, 'actuals with either prefix');
});
