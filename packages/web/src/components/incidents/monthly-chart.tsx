/** Stacked monthly bars of people killed by casualty category (ECharts, tree-shaken to the bar chart). */

import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CATEGORIES, type Category, type IncidentStats } from '../../queries/incidents/types.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const CATEGORY_LABEL: Record<Category, string> = {
  militant: 'Militants',
  civilian: 'Civilians',
  security: 'Security forces',
  unknown: 'Unknown',
};
export const CATEGORY_COLOR: Record<Category, string> = {
  militant: '#495057',
  civilian: '#c92a2a',
  security: '#1f4888',
  unknown: '#adb5bd',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? m.slice(5, 7)} ${m.slice(2, 4)}`;

export function MonthlyChart({ stats, view, onMonth }: { stats: IncidentStats; view: 'best' | 'low'; onMonth?: (month: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(
      {
        animation: false,
        grid: { left: 44, right: 12, top: 36, bottom: 28 },
        legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: stats.monthly.map((m) => monthLabel(m.month)), axisLabel: { fontSize: 11 } },
        yAxis: {
          type: 'value',
          name: view === 'best' ? 'killed (best)' : 'killed (low)',
          nameTextStyle: { fontSize: 11 },
          axisLabel: { fontSize: 11 },
        },
        series: CATEGORIES.map((cat) => ({
          name: CATEGORY_LABEL[cat],
          type: 'bar',
          stack: 'killed',
          itemStyle: { color: CATEGORY_COLOR[cat] },
          emphasis: { focus: 'series' },
          data: stats.monthly.map((m) => m.figures.killedBy[cat][view]),
        })),
      },
      true,
    );
    c.off('click');
    if (onMonth) c.on('click', (p) => onMonth(stats.monthly[p.dataIndex]?.month ?? ''));
  }, [stats, view, onMonth]);

  const total = stats.monthly.reduce((s, m) => s + m.figures.killed[view], 0);
  return (
    <div
      ref={el}
      data-testid="monthly-chart"
      role="img"
      aria-label={`People killed per month by category, twelve months to ${stats.monthly.at(-1)?.month ?? ''}: ${total} in all (${view} estimate)`}
      style={{ height: 300, width: '100%' }}
    />
  );
}
