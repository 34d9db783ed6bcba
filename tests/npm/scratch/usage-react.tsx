// React 19's JSX (`React.JSX`): report-charts/react puts <report-chart> there. The second component
// is npm/README.md's example, as written there.
import type {} from 'report-charts/react';
import type { ReportChartElement, SelectDetail } from 'report-charts';
import { useEffect, useRef } from 'react';

export function Targets(props: { year: number }) {
  return <report-chart section="main-targets" chart="board" lang="zh" year={props.year} toolbar />;
}

export function Growth() {
  const ref = useRef<ReportChartElement>(null);
  useEffect(() => {
    const element = ref.current;
    const onSelect = (event: CustomEvent<SelectDetail>) => console.log(event.detail.id);
    element?.addEventListener('reportchart:select', onSelect);
    return () => element?.removeEventListener('reportchart:select', onSelect);
  }, []);
  return <report-chart ref={ref} indicator="gdp-growth" chart="progress" caption={false} />;
}

// @ts-expect-error: lang is zh or en
export const bad = <report-chart indicator="gdp-growth" lang="de" />;
