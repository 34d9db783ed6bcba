// The API route of the handle page: one chart made by render(), the promise kept for the test.
window.byApi = ReportCharts.render('#by-api', { indicators: ['gdp-growth', 'urban-new-jobs'], chart: 'bullet' });
