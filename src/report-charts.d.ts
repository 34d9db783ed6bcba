// Type declarations for dist/report-charts.js (a classic script that defines `ReportCharts`).

export type ChartType = "bullet" | "dumbbell" | "bars" | "progress" | "board";
export type Lang = "zh" | "en";
export type ThemeName = "light" | "dark" | "contrast" | "auto";

export interface ChartOptions {
  /** Indicator ids from `ReportCharts.indicators()`; or give `section`. */
  indicators?: string[];
  /** A section id from `ReportCharts.sections()`, or "all". */
  section?: string;
  chart?: ChartType;
  lang?: Lang;
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
  /** Legend toggles of board and bars: show only these statuses. */
  statuses?: Array<"exceeded" | "met" | "not_met" | "pending" | "qualitative" | "reported">;
  /** Show only indicators of these sections. */
  sections?: string[];
  /** Rows per page (boards default to 30; 0 shows every row) and the 1-based page shown. */
  pageSize?: number;
  page?: number;
}

/** Detail of the `reportchart:select` event, dispatched on the host element. */
export interface SelectDetail {
  id: string;
  row: { id: string; section: string; name: string; reference: string; target: string; actual: string; status: string; margin: string; summary: string; quote: string };
}

export interface ValidationError {
  path: string;
  en: string;
  zh: string;
}

/** What a failed call rejects or throws with. */
export interface ValidationFailure {
  errors: ValidationError[];
}

/** What the last draw produced: sizes, sentences, hit regions and the data table. */
export interface ChartInfo {
  width: number;
  height: number;
  title: string;
  summary: string;
  lang: Lang;
  page: number;
  pages: number;
  /** True for chart types with legend toggles (board, bars): filters by status and section. */
  toggles: boolean;
  hits: Array<{ x: number; y: number; w: number; h: number; id: string }>;
  headers: string[];
  rows: SelectDetail["row"][];
}

export interface Chart {
  readonly element: HTMLElement;
  readonly options: ChartOptions;
  /** Null until the first draw (for example while the host is 0 px wide). */
  readonly info: ChartInfo | null;
  /** Replaces all options at once (update merges); rejects with ValidationFailure, unchanged. */
  replace(options: ChartOptions): Promise<Chart>;
  /** Merges options and redraws; rejects with ValidationFailure and leaves the chart unchanged. */
  update(partial: Partial<ChartOptions>): Promise<Chart>;
  destroy(): void;
  toPNG(): Promise<Blob>;
  /** UTF-8 CSV with a byte-order mark (opens in Excel with Chinese intact). */
  toCSV(): string;
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
  render(target: Element | string, options: ChartOptions): Promise<Chart>;
  indicators(): IndicatorInfo[];
  sections(): SectionInfo[];
  /** Replaces the dataset (schema of seeds/indicators.json); rejects with ValidationFailure. */
  loadData(json: string | object): Promise<{ sections: number; indicators: number }>;
}

declare global {
  interface Window {
    ReportCharts: ReportChartsApi;
  }
  const ReportCharts: ReportChartsApi;
}
