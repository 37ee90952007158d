import { Box } from '@mantine/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An Apache ECharts chart (SVG renderer) that follows its option and its container's width.
 * Options come from pure spec builders (e.g. src/core/monitoring/charts.ts); the server renders
 * the same options to PNG for DOCX reports. Bar charts only are registered: add the chart type
 * here when a builder uses another one (line: the school card's expected distribution and dynamics).
 */
export function EChart(props: {
  option: ChartOption;
  height?: number;
  label?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...props.option }, true);
  }, [props.option]);
  return (
    <Box
      ref={ref}
      h={props.height ?? 280}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
}
