// The third embed route: the JavaScript API.
document.addEventListener('DOMContentLoaded', function () {
  ReportCharts.render('#by-api', { section: 'main-targets', chart: 'board', lang: 'zh', theme: 'auto' })
    .catch(function () { /* shown on the element */ });
});
