// Imported as a server-side renderer would: Node, no window. Prints what it found as JSON.
const before = Object.keys(globalThis).sort();
const charts = await import('report-charts');
const after = Object.keys(globalThis).sort();
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
  resolved,
}));
