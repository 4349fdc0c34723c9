import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what this chart draws, so the echarts chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface MonthFigures {
  month: string;
  submitted: number;
  completed: number;
  onTimeRate: number | null;
}

/**
 * Requests and completions per month (bars) with the on-time rate (line). A picture to screen
 * readers (role="img" with a label): the same figures are always in the table beside it.
 */
export function MonthlyChart({
  data,
  label,
  names,
}: {
  data: MonthFigures[];
  label: string;
  names: { submitted: string; completed: string; onTimeRate: string };
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    const element = container.current;
    const chart = element ? echarts.getInstanceByDom(element) : undefined;
    chart?.setOption(
      {
        animation: false,
        grid: { left: 48, right: 48, top: 36, bottom: 32 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: data.map((d) => d.month) },
        yAxis: [
          { type: 'value', minInterval: 1 },
          { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        ],
        series: [
          { type: 'bar', name: names.submitted, data: data.map((d) => d.submitted), itemStyle: { color: '#1677ff' } },
          { type: 'bar', name: names.completed, data: data.map((d) => d.completed), itemStyle: { color: '#52c41a' } },
          {
            type: 'line',
            name: names.onTimeRate,
            yAxisIndex: 1,
            data: data.map((d) => (d.onTimeRate === null ? null : Math.round(d.onTimeRate * 100))),
            itemStyle: { color: '#fa8c16' },
          },
        ],
      },
      true,
    );
  }, [data, names]);
  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height: 300 }} />;
}
