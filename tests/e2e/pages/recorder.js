// Loaded first by the test pages: records what a WebDriver session cannot read directly
// (console errors, page errors, CSP violations) and the globals that existed before the widget.
(function () {
  'use strict';
  var recorded = { baseline: Object.keys(window), errors: [], csp: [] };
  window.__recorded = recorded;
  var original = console.error;
  console.error = function () {
    recorded.errors.push(Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
  window.addEventListener('error', function (e) { recorded.errors.push('pageerror: ' + e.message); });
  window.addEventListener('unhandledrejection', function (e) { recorded.errors.push('unhandled: ' + String(e.reason && (e.reason.message || JSON.stringify(e.reason)))); });
  document.addEventListener('securitypolicyviolation', function (e) {
    recorded.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' from ' + e.sourceFile);
  });
})();
