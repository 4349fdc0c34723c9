import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<string, string> = { A: '#389e0d', B: '#1677ff', C: '#d48806', D: '#cf1322' };

/** Departments per grade as bars; a picture to screen readers, with the same figures in a table beside it. */
export function GradeChart({ counts, label }: { counts: Record<string, number>; label: string }) {
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
    const grades = ['A', 'B', 'C', 'D'];
    chart?.setOption(
      {
        grid: { left: 32, right: 16, top: 16, bottom: 24 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: grades },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: label, data: grades.map((g) => ({ value: counts[g] ?? 0, itemStyle: { color: COLORS[g] } })) },
        ],
      },
      true,
    );
  }, [counts, label]);
  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height: 220 }} />;
}
