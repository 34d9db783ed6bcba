// Type declarations for dist/report-charts.js (a classic script that defines `ReportCharts`).

export type ChartType = "bullet" | "dumbbell" | "bars" | "progress" | "board" | "trend";
export type Lang = "zh" | "en";
export type ThemeName = "light" | "dark" | "contrast" | "auto";

export interface ChartOptions {
  /** Indicator ids from `ReportCharts.indicators()`; or give `section`. */
  indicators?: string[];
  /** A section id from `ReportCharts.sections()`, or "all". */
  section?: string;
  chart?: ChartType;
  lang?: Lang;
  /**
   * `auto` (the default) follows, in order: forced colours (always first, whatever the theme),
   * `prefers-contrast: more` (contrast), the page's own colours where the host's text and
   * background are a high-contrast pair on a dark or coloured ground (a 无障碍工具条's 黄底黑字,
   * 黑底黄字…: the chart takes those two colours) or any dark ground (dark), then
   * `prefers-color-scheme`. It follows them as they change.
   */
  theme?: ThemeName;
  /** Actuals an editor knows, e.g. `{"gdp-growth": {"2024": 5.8}}`. */
  actuals?: Record<string, Record<string, number>>;
  title?: string;
  /** Overrides the generated summary sentence (the accessible description). */
  summary?: string;
  /** Minimum height in CSS px; the chart grows to fit its rows. */
  height?: number;
  /** Shows the toolbar: 数据表 (data table), 下载图片 (PNG), 下载数据 (CSV). */
  toolbar?: boolean;
  /**
   * The visible caption under the chart, the summary sentence in a light-DOM `<p slot="caption"
   * class="report-chart-caption">` of the host, styled by the page's CSS. Default true; `false`
   * (or `data-caption="false"`) leaves it out (screen readers still get the sentence).
   */
  caption?: boolean;
  /** Makes the chart a named region (`role="region"`, a landmark). Default false: several charts on one page would repeat landmarks. */
  landmark?: boolean;
  /** Legend toggles of board and bars: show only these statuses. */
  statuses?: Array<"exceeded" | "met" | "not_met" | "pending" | "qualitative" | "reported">;
  /** Show only indicators of these sections. */
  sections?: string[];
  /**
   * The year whose targets are assessed. Default: the latest year in which a selected indicator has
   * both a target and an actual, else the latest target year.
   */
  year?: number;
  /** Rows per page (boards default to 30, trends to 6 panels; 0 shows every row) and the 1-based page shown. */
  pageSize?: number;
  page?: number;
}

/** One row of the data table, finished text in the chart's language. */
export interface TableRow {
  id: string;
  section: string;
  name: string;
  reference: string;
  target: string;
  actual: string;
  status: string;
  margin: string;
  summary: string;
  quote: string;
  /** The line before the quote in the tooltip: `报告原文（板块）：`. */
  cite: string;
  /** The row in short, as the chart's listbox option says it: name, target, actual, status. */
  brief: string;
  /** What Enter reads before the quote: `详情：差距 …` / `Details: Margin …`, the sentence, the cite line. */
  details: string;
}

/** Detail of the `reportchart:select` event, dispatched on the host element. */
export interface SelectDetail {
  id: string;
  row: TableRow;
}

export interface ValidationError {
  path: string;
  en: string;
  zh: string;
}

/**
 * What every rejection (and throw) of the API is: a `ReportChartsError` (`ReportCharts.ReportChartsError`,
 * `name` "ReportChartsError") listing each problem in zh and en. Its `message` is the first
 * problem's text in the chart's language (Chinese unless its `lang` is `en`; English where no
 * chart is involved, as for `ready` and `loadData`).
 */
export interface ValidationFailure extends Error {
  name: "ReportChartsError";
  errors: ValidationError[];
}

/** A box in CSS px, from the host element's top-left border corner, before any CSS transform. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A table column: the `TableRow` field it shows and its head in the chart's language. */
export interface TableColumn {
  key: Exclude<keyof TableRow, "id" | "cite" | "brief" | "details">;
  head: string;
  /** True for the column that names its row (`<th scope="row">`). */
  rowHeader: boolean;
  /** The language of its cells where it is not the chart's (the report's Chinese quotes in an English chart), else null. */
  lang: string | null;
}

/** The words of the chart's controls, finished in the chart's language. */
export interface ControlWords {
  /** The canvas's label: title and summary (the canvas is aria-hidden: the figure says the same). */
  image: string;
  /** The listbox's accessible name: `图表：主要目标，共6项` / `Chart: Main targets, 6 indicators`. */
  stage: string;
  /** The listbox's description: how to move; empty when no row can be reached. */
  keys: string;
  /** The link that skips past the chart, and the place after it where it lands. */
  skip: string;
  end: string;
  /** What the live region says when Escape closes the details. */
  closed: string;
  tools: string;
  table: string;
  png: string;
  csv: string;
  filters: string;
  status: string;
  section: string;
  previousPage: string;
  nextPage: string;
  /** `第 2 / 4 页` / `Page 2 of 4`. */
  page: string;
}

/** What the last draw produced: sizes, sentences, hit regions, the data table and its boxes. */
export interface ChartInfo {
  /** CSS px of the chart (the canvas). */
  width: number;
  height: number;
  /**
   * The canvas's CSS size and its backing store in device pixels (`dpr` device px per CSS px).
   * `textScale`: the reader's text size (the browser's default font size against 16 px, times the
   * host's font size against its size at the first draw); the chart is laid out for
   * `cssWidth / textScale` px and shown `textScale` times larger, as browser zoom would.
   */
  canvas: { cssWidth: number; cssHeight: number; backingWidth: number; backingHeight: number; dpr: number; textScale: number };
  title: string;
  summary: string;
  lang: Lang;
  page: number;
  pages: number;
  /** True for chart types with legend toggles (board, bars): filters by status and section. */
  toggles: boolean;
  /** Hit regions in the canvas's CSS px, one per row drawn, with the listbox option's name (`第2项，共6项：…`). */
  hits: Array<Box & { id: string; label: string }>;
  /** The table's columns, by field name: read cells as `row[column.key]`. */
  columns: TableColumn[];
  /** Every row of the selection; `box` is where it is drawn, null when it is on another page. */
  rows: Array<TableRow & { box: Box | null }>;
  words: ControlWords;
}

/** The handle on one chart: `render` resolves with it; `chartFor` finds it from its element. */
export interface Chart {
  readonly element: HTMLElement;
  readonly options: ChartOptions;
  /** Null until the first draw (for example while the host is off screen or 0 px wide). */
  readonly info: ChartInfo | null;
  /** True after `destroy()`, or once another chart took its element. */
  readonly destroyed: boolean;
  /** Replaces all options at once (update merges); rejects with ValidationFailure, unchanged. */
  replace(options: ChartOptions): Promise<Chart>;
  /** Merges options and redraws; rejects with ValidationFailure and leaves the chart unchanged. */
  update(partial: Partial<ChartOptions>): Promise<Chart>;
  /** Moves the focus ring and the listbox's active option to row `index` of `info.hits` and opens its tooltip. */
  focusAt(index: number): void;
  destroy(): void;
  /**
   * The chart as a PNG, title and source line included. Without options, the canvas as shown (at
   * the screen's density); `{pixelRatio: 2}` draws it again at 2 device pixels per CSS pixel (for
   * print and 微信公众号 articles), capped at 16 megapixels. Rejects for a destroyed chart, a chart
   * not drawn yet, or a pixelRatio that is not above 0 and at most 8.
   */
  toPNG(options?: { pixelRatio?: number }): Promise<Blob>;
  /** UTF-8 CSV with a byte-order mark (opens in Excel with Chinese intact). */
  toCSV(): string;
}

/** What a site's monitoring reads: `ReportCharts.diagnostics()`. */
export interface Diagnostics {
  version: string;
  /** Charts alive (not destroyed), drawn or not; of them, those drawn and those showing an error. */
  charts: number;
  drawn: number;
  failed: number;
  /** Wasm instances started (a trap starts a fresh one) and the recoveries among them. */
  instances: number;
  recoveries: number;
  /** Bytes of the current instance's linear memory; null before the wasm is loaded. */
  memoryBytes: number | null;
}

export interface IndicatorInfo {
  id: string;
  name: { zh: string; en: string };
  section: string;
  unit: string;
  measure: "growth" | "level" | "amount" | "count" | "rank";
  /** True when a 2023 actual and a 2024 target of the same measure exist. */
  pair: boolean;
  /** The year of the latest numeric target (where an actual can be supplied), or null. */
  target_year: number | null;
}

export interface SectionInfo {
  id: string;
  name: { zh: string; en: string };
}

export interface ReportChartsApi {
  /** Resolves when the wasm is loaded. */
  readonly ready: Promise<ReportChartsApi>;
  readonly version: string;
  /** The class of every rejection, for `instanceof`. */
  readonly ReportChartsError: new (errors: ValidationError[]) => ValidationFailure;
  /**
   * Draws a chart. The first draw runs in steps of a task each (no task of the page runs long);
   * the promise resolves once the canvas is painted in full and the table and controls are filled.
   */
  render(target: Element | string, options: ChartOptions): Promise<Chart>;
  /**
   * The chart of an element, however it was made (`data-report-chart`, `<report-chart>`, `render`),
   * or of a node inside its shadow root; null when there is none. A chart not drawn yet (off screen)
   * has a handle already, with `info` null.
   */
  chartFor(element: Element | string): Chart | null;
  diagnostics(): Diagnostics;
  indicators(): IndicatorInfo[];
  sections(): SectionInfo[];
  /** Replaces the dataset (schema of seeds/indicators.json); rejects with ValidationFailure. */
  /**
   * With `{merge: true}`, adds the file's sources, sections, indicators and observations to the
   * current data, by indicator id (the next report); all or nothing, rejecting with every conflict.
   * A site can do the same once for every chart with `data-merge="next.json"` on the script tag.
   * A large file (over 500 indicators) is read in runs of 500, one task each (`runs` says how many),
   * so that the page answers its reader meanwhile; nothing changes before the last run succeeds.
   */
  loadData(json: string | object, options?: { merge?: boolean }): Promise<{ sections: number; indicators: number; runs: number }>;
}

// The classic script's global (the npm package's types.d.ts is this file up to here; build.mjs cuts it).
declare global {
  interface Window {
    ReportCharts: ReportChartsApi;
  }
  const ReportCharts: ReportChartsApi;
}
