// Imported as a server-side renderer would: Node, no window. Prints what it found as JSON.
const before = Object.keys(globalThis).sort();
const charts = await import('report-charts');
const after = Object.keys(globalThis).sort();
// What a server render may call at module level or in a component: nothing loads, nothing throws.
const started = await charts.start({ merge: ['/data/2025.json'] });
await charts.ready();
const refused = await charts.render('#box', {}).then(() => 'resolved', (error) => error.errors[0].path);
const refusedData = await charts.loadData('{}').then(() => 'resolved', (error) => error.errors[0].path);
const resolved = {
  main: import.meta.resolve('report-charts'),
  classic: import.meta.resolve('report-charts/classic'),
  wasm: import.meta.resolve('report-charts/report-charts_bg.wasm'),
};
console.log(JSON.stringify({
  exports: Object.keys(charts).sort(),
  version: charts.version,
  globalsAdded: after.filter((key) => !before.includes(key)),
  diagnostics: charts.diagnostics(),
  started, refused, refusedData,
  resolved,
}));
