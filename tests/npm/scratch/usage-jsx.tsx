// <report-chart> in the global JSX namespace (Preact, Solid, React before 19), checked with a
// minimal JSX factory so that no framework's types are needed.
import 'report-charts';

declare global {
  namespace JSX {
    type Element = unknown;
  }
}
declare function h(tag: string, props: unknown, ...children: unknown[]): unknown;

export const ok = <report-chart indicator="gdp-growth" chart="progress" lang="en" actual-2024="5.8" class="wide" />;
// @ts-expect-error: not a chart type
export const bad = <report-chart indicator="gdp-growth" chart="pie" />;
void h;
