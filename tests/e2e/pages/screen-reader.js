// ?lang=en: the same chart in English (tests/screen-reader/run.sh runs both). Runs before the
// deferred loader, so the chart is drawn once, in the language asked for.
var lang = new URLSearchParams(location.search).get('lang');
if (lang) document.getElementById('chart').setAttribute('data-lang', lang);
