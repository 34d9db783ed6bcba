// Start-up cost of the bundled dataset (tests/e2e/startup.mjs drives this page).
// `?js=URL` picks the build (default /dist/report-charts.js; its wasm is found beside it).
// `?call=list`: the first `ReportCharts.indicators()` after the instance is ready reads the bundled
// dataset, the second does not (the list crosses back to JS both times); then the dataset text is
// loaded three times with `loadData`, warm: the same read and validation, without first-call costs.
// `?call=render`: two renders of one bullet chart, timed around the API's promise.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var call = params.get('call') === 'render' ? 'render' : 'list';
  var options = { indicators: ['fixed-asset-investment-growth'], chart: 'bullet', lang: 'zh', theme: 'light' };
  var script = document.createElement('script');
  script.src = params.get('js') || '/dist/report-charts.js';
  script.onload = function () {
    ReportCharts.ready.then(function () {
      var t0 = performance.now();
      if (call === 'render') {
        return ReportCharts.render('#first', options).then(function () {
          var t1 = performance.now();
          return ReportCharts.render('#second', options).then(function () {
            return { ready: t0, first: t1 - t0, second: performance.now() - t1 };
          });
        });
      }
      ReportCharts.indicators();
      var t1 = performance.now();
      ReportCharts.indicators();
      var result = { ready: t0, first: t1 - t0, second: performance.now() - t1, loads: [] };
      return fetch('/seeds/indicators.json').then(function (r) { return r.text(); }).then(function (text) {
        var load = function (left) {
          if (!left) return result;
          var start = performance.now();
          return ReportCharts.loadData(text).then(function () {
            result.loads.push(performance.now() - start);
            return load(left - 1);
          });
        };
        return load(3);
      });
    }).then(function (result) { window.__startup = result; })
      .catch(function (error) { window.__startup = { error: String(error && error.message || error) }; });
  };
  document.head.appendChild(script);
})();
