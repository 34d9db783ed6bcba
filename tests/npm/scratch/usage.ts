// Type-checked with `tsc --noEmit` against the installed package: what a TypeScript user writes.
import { render, start, chartFor, ready, indicators, ReportChartsError, version } from 'report-charts';
import type { Chart, ChartOptions, ReportChartElement, SelectDetail, StartResult, ValidationFailure } from 'report-charts';

const options: ChartOptions = { section: 'main-targets', chart: 'board', lang: 'zh', actuals: { 'gdp-growth': { '2024': 5.8 } } };
const started: Promise<StartResult> = start({ merge: ['/data/2025.json'], wasm: new URL('https://cdn.example.org/x.wasm') });

async function draw(): Promise<void> {
  await ready();
  await started;
  const chart: Chart = await render('#box', options);
  await chart.update({ lang: 'en' });
  const blob: Blob = await chart.toPNG();
  const csv: string = chart.toCSV();
  const ids: string[] = indicators().map((indicator) => indicator.id);
  console.log(blob.size, csv.length, ids, version, chart.info?.summary);
  try {
    await render('#box', { chart: 'bullet' });
  } catch (error) {
    if (error instanceof ReportChartsError) {
      const failure: ValidationFailure = error;
      console.log(failure.errors.map((e) => e.path + ': ' + e.zh));
    }
  }
}

// <report-chart> is in HTMLElementTagNameMap, and its event is typed.
const element: ReportChartElement | null = document.querySelector('report-chart');
element?.addEventListener('reportchart:select', (event) => {
  const detail: SelectDetail = event.detail;
  console.log(detail.id, detail.row.name);
});
const made: ReportChartElement = document.createElement('report-chart');
made.setAttribute('indicator', 'gdp-growth');
console.log(chartFor(made));

// What must not type-check.
// @ts-expect-error: not a chart type
render('#box', { chart: 'pie' });
// @ts-expect-error: lang is zh or en
const wrong: ChartOptions = { lang: 'fr' };
// @ts-expect-error: merge is a list of addresses
start({ merge: 'one.json' });

void draw();
void wrong;
