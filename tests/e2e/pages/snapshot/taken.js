// The page's own <report-chart>, defined before the loader runs (another widget of that name).
customElements.define('report-chart', class extends HTMLElement {});
