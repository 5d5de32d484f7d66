/**
 * The results' charts: totals by rank and the grade distribution. Their boxes are laid out at once;
 * ECharts itself is fetched only when a chart is drawn (see EChart).
 */
import { type BarChartOption, EChart } from '../compliance/EChart.js';

export interface RankedCommunity {
  code: string;
  name: string;
  total: number;
  rank: number;
}

export function RankingChart({ results }: { results: readonly RankedCommunity[] }) {
  const shown = results.slice(0, 30).reverse();
  const option: BarChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      data: shown.map((r) => `${r.rank}. ${r.name}`),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: '综合得分',
        type: 'bar',
        data: shown.map((r) => r.total),
        label: { show: true, position: 'right' },
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={Math.max(160, shown.length * 28 + 40)}
      ariaLabel={`综合得分排名：${results.map((r) => `${r.rank}. ${r.name} ${r.total}分`).join('；')}`}
      testId="ranking-chart"
    />
  );
}

export function DistributionChart({
  distribution,
}: {
  distribution: readonly { grade: string; count: number }[];
}) {
  const option: BarChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: distribution.map((d) => d.grade) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '社区数',
        type: 'bar',
        data: distribution.map((d) => d.count),
        label: { show: true, position: 'top' },
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={220}
      ariaLabel={`等次分布：${distribution.map((d) => `${d.grade}${d.count}个`).join('，')}`}
      testId="distribution-chart"
    />
  );
}
