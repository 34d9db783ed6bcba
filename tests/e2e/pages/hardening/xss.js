// Loads a dataset whose texts carry script payloads, then charts it. Nothing may execute.
window.PAYLOAD = '<img src=x onerror="window.__pwned=1">';
window.CLOSER = '</script><script>window.__pwned=2</script>';
document.addEventListener('DOMContentLoaded', function () {
  fetch('/seeds/indicators.json').then(function (r) { return r.json(); }).then(function (data) {
    data.sections[6].name.zh = '主要目标' + window.PAYLOAD;
    data.sections[6].name.en = 'Main targets' + window.CLOSER;
    data.indicators.forEach(function (indicator) {
      if (indicator.section === 'main-targets') {
        indicator.name.zh = indicator.name.zh + window.PAYLOAD;
        indicator.name.en = indicator.name.en + window.CLOSER;
      }
    });
    return ReportCharts.loadData(data);
  }).then(function () {
    return Promise.all([
      ReportCharts.render('#board', { section: 'main-targets', chart: 'board', toolbar: true, title: 'T' + window.PAYLOAD }),
      ReportCharts.render('#bullet', { indicators: ['gdp-growth'], lang: 'en', summary: 'S' + window.CLOSER })
    ]);
  }).then(function () { document.body.setAttribute('data-ready', 'yes'); });
});
