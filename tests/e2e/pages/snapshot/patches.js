// What old libraries do to a page's prototypes: arrays that serialize as strings (Prototype.js's
// toJSON: JSON.stringify([1]) gives "\"[1]\""), a replaced `map`, and objects with a toJSON.
Array.prototype.toJSON = function () { return '[' + Array.prototype.join.call(this, ',') + ']'; };
var nativeMap = Array.prototype.map;
Array.prototype.map = function (f, self) { window.patchedMapCalls = (window.patchedMapCalls || 0) + 1; return nativeMap.call(this, f, self); };
