/**
 * The residents' satisfaction per month over the last year (feedback through the one-time links):
 * the share answering 满意 or 很满意, and how many answered.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty } from 'antd';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';
import { type BarChartOption, EChart } from '../compliance/EChart.js';

export function SatisfactionTrend({ under }: { under: string }) {
  const trend = useQuery({
    ...trpc.services.satisfaction.queryOptions({ under }),
    enabled: under.length > 0,
  });
  const months = trend.data?.months ?? [];
  const answered = months.some((m) => m.responses > 0);
  // One axis: the share satisfied per month; each month's number of answers under its name.
  const option: BarChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 44, right: 12, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: months.map((m) => `${m.month.slice(5)}月\n${m.responses}条`) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '满意率（%）',
        type: 'bar',
        label: { show: true, position: 'top', formatter: ({ value }) => (value ? `${value}%` : '') },
        data: months.map((m) =>
          m.responses === 0 ? 0 : Math.round((m.satisfied * 1000) / m.responses) / 10,
        ),
      },
    ],
  };
  return (
    <Card size="small" title="居民满意度（近12个月）" data-testid="services-satisfaction">
      {trend.isError && <Alert type="error" showIcon title={errorMessage(trend.error)} />}
      {trend.isSuccess && !answered ? (
        <Empty description="还没有居民评价" />
      ) : (
        <EChart option={option} height={240} ariaLabel="居民满意度按月趋势" testId="satisfaction-chart" />
      )}
    </Card>
  );
}
