// <report-chart> in React 19's JSX (`React.JSX`): `import type {} from 'report-charts/react'` once
// in a project that has @types/react. Other JSX flavours read the global JSX namespace that
// report-charts.d.mts declares, without this file.
import type { ReportChartProps } from './report-charts.mjs';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'report-chart': ReportChartProps;
    }
  }
}
export {};
