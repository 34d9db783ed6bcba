// Start-up probe of ours.html: deferred, placed right before the (deferred) loader script, so it
// runs just before the loader does (deferred scripts run in document order). The CSP forbids inline
// scripts, hence a file. ours.js marks `rc-ready` when ReportCharts.ready resolves.
window.__benchScriptStart = performance.now();
