// React 19's JSX (`React.JSX`): report-charts/react puts <report-chart> there.
import type {} from 'report-charts/react';

export function Targets(props: { year: number }) {
  return <report-chart section="main-targets" chart="board" lang="zh" year={props.year} toolbar />;
}
// @ts-expect-error: lang is zh or en
export const bad = <report-chart indicator="gdp-growth" lang="de" />;
