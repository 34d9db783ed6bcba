// Options as a snapshot: every render, update and loadData copies what it is given, once, into
// plain prototype-free data, and never reads the caller's object again. A getter with side
// effects runs once; one object reused for several charts, or changed later, changes none of
// them; host patches of Array.prototype.map, toJSON or toString play no part (no JSON.stringify,
// no array methods on the caller's values). What JSON has no form for is refused here, with its
// path, before the wasm sees it. Pure: unit-tested in Node.

import { loadFailures, notJson } from './messages.js';

/** How deep a snapshot goes: a cyclic object ends as an error at its path, not a stack overflow. */
var MOST_DEPTH = 64;

/** What a value is, in the words of an error: `a BigInt`, `a function`, `a Set`. */
function kindOf(value) {
  var type = typeof value;
  if (type === 'bigint') return 'a BigInt';
  if (type === 'symbol') return 'a Symbol';
  if (type === 'function') return 'a function';
  var tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag === 'Date') return 'a Date';
  if (tag === 'Set' || tag === 'WeakSet' || tag === 'WeakMap') return 'a ' + tag;
  if (tag === 'RegExp') return 'a RegExp';
  if (tag === 'Promise') return 'a Promise';
  return null;
}

/**
 * A copy of `value` for the wasm: null-prototype objects of their own enumerable data, arrays
 * item by item, a Map as an object of its entries (actuals may be a Map). `undefined` members stay,
 * as "not given" (update's merge reads them as "remove"). Throws a ReportChartsError naming the path of what it refuses.
 */
export function snapshot(value, path) {
  return copy(value, path || 'options', 0);
}

/** Options as `update` and `replace` take them: an object, as a snapshot; anything else refused. */
export function takeOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw loadFailures.notOptions(options);
  return snapshot(options, 'options');
}

function unreadable(path, error) {
  return notJson(path, 'an object that cannot be read (' + String(error && error.message ? error.message : error) + ')');
}

function copy(value, path, depth) {
  if (value === null || value === undefined) return value;
  var type = typeof value;
  if (type === 'string' || type === 'boolean') return value;
  if (type === 'number') return value; // NaN and Infinity: the wasm names them at their path
  var kind;
  var list;
  try {
    kind = kindOf(value);
    list = Array.isArray(value);
  } catch (error) {
    throw unreadable(path, error); // a revoked Proxy refuses even to say what it is
  }
  if (kind) throw notJson(path, kind);
  if (depth >= MOST_DEPTH) throw notJson(path, 'a value nested more than ' + MOST_DEPTH + ' levels deep');
  var out;
  if (list) {
    out = [];
    for (var i = 0; i < value.length; i++) out.push(copy(value[i], path + '[' + i + ']', depth + 1));
    return out;
  }
  out = Object.create(null);
  if (Object.prototype.toString.call(value) === '[object Map]') {
    value.forEach(function (item, key) {
      var name = String(key);
      out[name] = copy(item, path + '.' + name, depth + 1);
    });
    return out;
  }
  var keys;
  try {
    keys = Object.keys(value); // a Proxy's traps run here, once
  } catch (error) {
    throw unreadable(path, error);
  }
  for (var k = 0; k < keys.length; k++) {
    var item = value[keys[k]]; // a getter runs here, once
    out[keys[k]] = copy(item, path + '.' + keys[k], depth + 1);
  }
  return out;
}
