/**
 * A community's total traced to its inputs: the formula, each round's score, and for every leaf
 * indicator the raw score, its value on 0–100, its weight in the part and the points it adds.
 */

import { satisfactionLabels } from '@shequ/services/labels';
import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { Result } from '../../components/OnDemand.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import {
  feedbackScores,
  percent,
  satisfactionLevelLabels,
  satisfactionLevels,
  scorerLabels,
} from './labels.js';

type Breakdown = RouterOutputs['assessment']['breakdown'];
type Round = Breakdown['annual'];
type ResidentScore = Breakdown['residentScores'][number];

/**
 * Where a raw score came from: the residents' survey and the feedback on closed service cases (with
 * their answers, R-ASM-3), or entry by hand.
 */
function sourceOf(resident: ResidentScore | undefined): string {
  if (!resident) return '录入';
  const parts: string[] = [];
  const { survey, caseFeedback } = resident;
  if (survey) {
    const levels = satisfactionLevels
      .filter((level) => survey.counts[level] > 0)
      .map((level) => `${satisfactionLevelLabels[level]} ${survey.counts[level]}`);
    parts.push(`居民满意度调查 ${survey.responses} 份（${levels.join('、')}）`);
  }
  if (caseFeedback) {
    const scores = [...feedbackScores]
      .reverse()
      .filter((score) => caseFeedback.counts[score] > 0)
      .map((score) => `${satisfactionLabels[score]} ${caseFeedback.counts[score]}`);
    parts.push(`服务事项回访 ${caseFeedback.responses} 份（${scores.join('、')}）`);
  }
  return parts.join('；');
}

function RoundTable({ round, residents }: { round: Round; residents: readonly ResidentScore[] }) {
  const resident = (indicatorId: string) =>
    residents.find((s) => s.period === round.period && s.indicatorId === indicatorId);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={round.leaves}
      columns={[
        { title: '指标', dataIndex: 'name' },
        {
          title: '评分主体',
          dataIndex: 'scorer',
          width: 90,
          render: (s: keyof typeof scorerLabels) => scorerLabels[s],
        },
        { title: '原始分', dataIndex: 'raw', width: 80 },
        {
          title: '来源',
          key: 'source',
          width: 220,
          render: (_: unknown, leaf) => sourceOf(resident(leaf.id)),
        },
        { title: '折算（百分制）', dataIndex: 'normalised', width: 110 },
        { title: '权重', dataIndex: 'effectiveWeight', width: 80, render: (w: number) => percent(w) },
        { title: '得分', dataIndex: 'contribution', width: 70 },
      ]}
    />
  );
}

export default function BreakdownPage() {
  const { id = '', code = '' } = useParams();
  const breakdown = useQuery(trpc.assessment.breakdown.queryOptions({ schemeId: id, communityCode: code }));
  if (breakdown.isPending) return <Skeleton active />;
  if (breakdown.isError)
    return <Result status="warning" title="无法显示得分明细" subTitle={errorMessage(breakdown.error)} />;
  const data = breakdown.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`/assessment/${id}`}>返回方案</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data.name} 得分明细
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph style={{ margin: 0 }} data-testid="breakdown-formula">
          综合得分 = 平时考核 × 占比 + 年度考核 × 占比：{data.formula}
        </Typography.Paragraph>
      </Card>
      <Collapse
        defaultActiveKey={['annual']}
        items={[
          ...data.routineRounds.map((round) => ({
            key: round.period,
            label: `平时考核 ${round.period}：${round.score} 分`,
            children: <RoundTable round={round} residents={data.residentScores} />,
          })),
          {
            key: 'annual',
            label: `年度考核：${data.annual.score} 分`,
            children: <RoundTable round={data.annual} residents={data.residentScores} />,
          },
        ]}
      />
    </Space>
  );
}
