// Fifty data-attribute embeds, as a long CMS article would have them (?n= overrides the count).
document.addEventListener('DOMContentLoaded', function () {
  var ids = ['fixed-asset-investment-growth', 'retail-sales-growth', 'high-standard-farmland', 'urban-new-jobs', 'technology-contract-turnover'];
  var count = Number(new URLSearchParams(location.search).get('n') || 50);
  var list = document.getElementById('list');
  for (var i = 0; i < count; i++) {
    var div = document.createElement('div');
    div.id = 'c' + i;
    div.setAttribute('data-report-chart', ids[i % ids.length]);
    list.appendChild(div);
  }
});
