import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what this chart draws, so the echarts chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface SectionCount {
  section: string;
  name: string;
  count: number;
}

/**
 * The bar chart itself. It is a picture to screen readers (role="img" with a label); the same
 * data is always available as a table next to it.
 */
export function EnterprisesBySectionChart({
  data,
  label,
  countLabel,
}: {
  data: SectionCount[];
  label: string;
  countLabel: string;
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
        grid: { left: 48, right: 16, top: 24, bottom: 56 },
        tooltip: {
          trigger: 'axis',
          formatter: (params: unknown) => {
            const item = (params as { dataIndex: number }[])[0];
            const row = item ? data[item.dataIndex] : undefined;
            return row ? `${row.section} ${row.name}<br/>${countLabel}: ${row.count}` : '';
          },
        },
        // Sections by name (制造业), not by letter; long names wrap under their bar.
        xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, width: 64, overflow: 'break' } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: countLabel, data: data.map((d) => d.count), itemStyle: { color: '#1677ff' } }],
      },
      true,
    );
  }, [data, countLabel]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height: 320 }} />;
}
