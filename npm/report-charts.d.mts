// Types of the ES module entry (`import … from 'report-charts'`). The option, handle and error
// types are the classic script's (types.d.ts, shared with dist/report-charts.d.ts); the element's
// own types follow them here.
import type {
  Chart, ChartOptions, ChartType, Diagnostics, IndicatorInfo, Lang, SectionInfo, SelectDetail,
  ThemeName, ValidationError, ValidationFailure,
} from './types.js';

export type * from './types.js';

/** The package's version, which the .wasm must match. */
export declare const version: string;
/** The class of every rejection, for `instanceof`. */
export declare const ReportChartsError: new (errors: ValidationError[]) => ValidationFailure;

/**
 * Draws a chart on an element (or the first match of a selector). The first draw runs in steps of
 * a task each; the promise resolves once the canvas is painted and the table and controls filled.
 */
export declare function render(target: Element | string, options: ChartOptions): Promise<Chart>;
/** The chart of an element however it was made, or of a node inside its shadow root; else null. */
export declare function chartFor(element: Element | string): Chart | null;
export declare function diagnostics(): Diagnostics;
/** The indicators of the current data. Throws a ReportChartsError before `ready` resolves. */
export declare function indicators(): IndicatorInfo[];
export declare function sections(): SectionInfo[];
/** Replaces the dataset, or with `{merge: true}` adds the next report's file to it. */
export declare function loadData(json: string | object, options?: { merge?: boolean }): Promise<{ sections: number; indicators: number; runs: number }>;
/** Resolves when the wasm is loaded (after a trap, when the fresh instance is). */
export declare function ready(): Promise<void>;

export interface StartOptions {
  /** The next reports' data files, relative to the page: each is merged once per page, before the first chart draws when `start` comes first. */
  merge?: Array<string | URL>;
  /** Where the .wasm is, when it is not beside the module (a CDN, a CMS folder). */
  wasm?: string | URL;
}

export interface StartResult {
  version: string;
  /** One entry per file named, in order: `error` is null when it was merged. */
  merged: Array<{ url: string; error: Error | null }>;
}

/** The site's one setup: the script tag's `data-merge`, as a call. Safe to call from every component. */
export declare function start(options?: StartOptions): Promise<StartResult>;

/** The attributes of <report-chart>: the same options as `render`'s, as text. */
export interface ReportChartAttributes {
  /** One indicator id, or several separated by commas. */
  indicator?: string;
  /** A section id, instead of `indicator`. */
  section?: string;
  chart?: ChartType;
  lang?: Lang;
  theme?: ThemeName;
  title?: string;
  summary?: string;
  toolbar?: "true" | "false" | boolean;
  caption?: "true" | "false" | boolean;
  landmark?: "true" | "false" | boolean;
  height?: number | string;
  year?: number | string;
  /** An actual the editor knows: `actual-2024="5.8"`, or `"id=5.8;id2=12"` for several indicators. */
  [actual: `actual-${number}`]: number | string | undefined;
}

export interface ReportChartEventMap extends HTMLElementEventMap {
  /** A reader chose a row (click, Enter or Space): bubbles and crosses shadow roots. */
  "reportchart:select": CustomEvent<SelectDetail>;
}

/** <report-chart>, registered when the module is imported in a browser. */
export interface ReportChartElement extends HTMLElement {
  /** The yes/no options as properties (set as `"true"`/`"false"` attributes): what React 19 and Preact set. */
  toolbar: boolean;
  caption: boolean;
  landmark: boolean;
  addEventListener<K extends keyof ReportChartEventMap>(type: K, listener: (this: ReportChartElement, event: ReportChartEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ReportChartEventMap>(type: K, listener: (this: ReportChartElement, event: ReportChartEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** What JSX accepts on <report-chart>: its attributes and the usual element ones. */
export interface ReportChartProps extends ReportChartAttributes {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  style?: unknown;
  key?: string | number;
  ref?: unknown;
  children?: unknown;
}

declare global {
  interface HTMLElementTagNameMap {
    "report-chart": ReportChartElement;
  }
  interface HTMLElementEventMap {
    "reportchart:select": CustomEvent<SelectDetail>;
  }
  // JSX flavours that read the global namespace (Preact, Solid, React before 19's React.JSX).
  namespace JSX {
    interface IntrinsicElements {
      "report-chart": ReportChartProps;
    }
  }
}
