// The embed page of tests/e2e/pages/embed/many.html (?n= embeds, made by ../embed/many.js) plus a probe:
// `chart-painted` is marked when the first chart has drawn. The widget sets the canvas's aria-label
// inside the same task as its draw, so a MutationObserver on each host's shadow root sees it right
// after. The probe attaches the (open) shadow roots itself; the widget reuses an existing one.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var marked = false;
  var observer = new MutationObserver(function () {
    if (marked) return;
    marked = true;
    performance.mark('chart-painted');
    observer.disconnect();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-report-chart]'), function (host) {
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  });
});
