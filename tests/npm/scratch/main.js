// A plain ES module page using the installed package by its path (no bundler, no import map:
// the page's CSP forbids inline scripts).
import * as charts from './node_modules/report-charts/report-charts.mjs';

window.__npm = (async () => {
  const merged = await charts.start({ merge: ['next.json'] });
  const again = await charts.start({ merge: ['next.json'] }); // a second component's call: merged once
  const lateWasm = await charts.start({ wasm: '/elsewhere/report-charts_bg.wasm' }).then(() => 'resolved', (error) => ({
    isError: error instanceof charts.ReportChartsError, path: error.errors[0].path,
  }));
  const chart = await charts.render('#by-api', { indicators: ['gdp-growth'], chart: 'bullet', lang: 'zh' });
  const markup = document.querySelector('#by-markup');
  const selected = new Promise((resolve) => {
    markup.addEventListener('reportchart:select', (event) => resolve(event.detail.id));
  });
  return {
    version: charts.version,
    exports: Object.keys(charts).sort(),
    merged: merged.merged.map((m) => ({ url: m.url, error: m.error && m.error.message })),
    mergedAgain: again.merged.length,
    lateWasm,
    indicatorsAfterMerge: charts.indicators().length,
    apiStatus: chart.info.rows[0].status,
    apiActual: chart.info.rows[0].actual,
    elementIsOurs: markup instanceof customElements.get('report-chart'),
    globalAdded: 'ReportCharts' in window,
    selected,
    handle: () => charts.chartFor(markup),
  };
})();
