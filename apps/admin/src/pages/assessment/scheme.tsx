/**
 * One scheme: its findings and publication, score entry in a grid (one period at a time, only the
 * indicators the signed-in user scores, every bad cell marked), and the results computed now with
 * a ranking chart and the grade distribution. Links lead to a community's breakdown and to the
 * printable publication (公示).
 */

import { isAdminRole } from '@shequ/domain/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  List,
  Row,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { Result } from '../../components/OnDemand.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
// The charts' boxes keep their height from the first paint (ECharts itself is fetched when a chart is drawn),
// so the results table below does not move under the reader's finger or pointer.
import { DistributionChart, RankingChart } from './charts.js';
import { assessmentHonourLabels, schemeStatusColors, schemeStatusLabels } from './labels.js';

// Tabs not shown first are fetched when opened.
const ScoreGrid = lazy(() => import('./score-grid.js'));
const StreetRating = lazy(() => import('./street-rating.js').then((m) => ({ default: m.StreetRating })));

type Scheme = RouterOutputs['assessment']['scheme'];
type ResultRow = RouterOutputs['assessment']['results']['results'][number];

const _ANNUAL = 'annual';

function Results({ scheme }: { scheme: Scheme }) {
  const results = useQuery(trpc.assessment.results.queryOptions({ schemeId: scheme.id }));
  if (results.isPending) return <Skeleton active />;
  if (results.isError) return <Alert type="error" message={errorMessage(results.error)} />;
  const data = results.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>已计分社区：{data.scored}</Typography.Text>
        {data.incomplete.length > 0 && <Tag color="orange">分数未录完：{data.incomplete.length} 个社区</Tag>}
        <Link to={`/assessment/${scheme.id}/publication`}>公示页（可打印）</Link>
        <Link to={`/assessment/${scheme.id}/surveys`}>居民满意度调查</Link>
      </Space>
      {data.results.length === 0 ? (
        <Empty description="还没有录完分数的社区" />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card size="small" title="综合得分排名">
                <RankingChart results={data.results} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title="等次分布">
                <DistributionChart distribution={data.distribution} />
              </Card>
            </Col>
          </Row>
          <Table<ResultRow>
            rowKey="code"
            size="small"
            dataSource={data.results}
            // The other columns take 610px: without its own width the community's name was squeezed to one character a line.
            scroll={{ x: 780 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '排名', dataIndex: 'rank', width: 60 },
              {
                title: '社区',
                dataIndex: 'name',
                width: 170,
                render: (name: string, row) => (
                  <Link to={`/assessment/${scheme.id}/communities/${row.code}`}>{name}</Link>
                ),
              },
              { title: '平时', dataIndex: 'routine', width: 70 },
              { title: '年度', dataIndex: 'annual', width: 70 },
              { title: '综合得分', dataIndex: 'total', width: 90 },
              { title: '等次', dataIndex: 'grade', width: 80 },
              { title: '街道内', dataIndex: 'streetRank', width: 70 },
              {
                title: '奖励性薪酬',
                dataIndex: 'bonusMonths',
                width: 100,
                render: (months: number | undefined, row) =>
                  months === undefined ? (
                    '—'
                  ) : (
                    <Tooltip title={row.honours.map((h) => assessmentHonourLabels[h]).join('、') || '无'}>
                      {months} 个月
                    </Tooltip>
                  ),
              },
              { title: '区内', dataIndex: 'districtRank', width: 70 },
            ]}
          />
        </>
      )}
    </Space>
  );
}

function OnDemandTab({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active />}>{children}</Suspense>;
}

export default function SchemePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const scheme = useQuery(trpc.assessment.scheme.queryOptions({ id }));
  const publish = useMutation(trpc.assessment.publishScheme.mutationOptions());
  if (scheme.isPending) return <Skeleton active />;
  if (scheme.isError)
    return <Result status="404" title="没有这个考核方案" subTitle={errorMessage(scheme.error)} />;
  const data = scheme.data;
  const admin = me.data ? isAdminRole(me.data.role) : false;
  const blocking = data.findings.filter((f) => f.status === 'fail');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Link to="/assessment">综合考核</Link>
        <Typography.Text type="secondary">/</Typography.Text>
      </Space>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {data.name}
        </Typography.Title>
        <Tag>第 {data.version} 版</Tag>
        <Tag color={schemeStatusColors[data.status]} data-testid="scheme-status">
          {schemeStatusLabels[data.status]}
        </Tag>
      </Space>
      {data.status === 'draft' && admin && (
        <Space wrap>
          <Link to={`/assessment/${id}/edit`}>
            <Button>修改</Button>
          </Link>
          <Button
            type="primary"
            disabled={!data.publishable}
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(
                { id },
                {
                  onSuccess: () =>
                    void queryClient.invalidateQueries({ queryKey: trpc.assessment.pathKey() }),
                },
              )
            }
          >
            发布
          </Button>
        </Space>
      )}
      {publish.isError && <Alert type="error" showIcon message={errorMessage(publish.error)} />}
      {blocking.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="有不符合的约束性规定，不能发布"
          description={blocking.map((f) => `${f.citation.article} ${f.title}：${f.message}`).join('\n')}
          style={{ whiteSpace: 'pre-line' }}
        />
      )}
      <Tabs
        items={[
          { key: 'results', label: '结果', children: <Results scheme={data} /> },
          {
            key: 'scores',
            label: '分数录入',
            children: (
              <OnDemandTab>
                <ScoreGrid scheme={data} />
              </OnDemandTab>
            ),
          },
          {
            key: 'street',
            label: '社区考评街道',
            children: (
              <OnDemandTab>
                <StreetRating scheme={data} />
              </OnDemandTab>
            ),
          },
          {
            key: 'findings',
            label: '政策检查',
            children: (
              <List
                size="small"
                dataSource={data.findings}
                locale={{ emptyText: '本辖区没有关于考核方案的规定' }}
                renderItem={(f) => (
                  <List.Item data-rule={f.rule} data-status={f.status}>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>{f.title}</Typography.Text>
                      <Typography.Text type="secondary">
                        {f.citation.document} {f.citation.article}（{f.documentDate} 施行）
                      </Typography.Text>
                      <Typography.Text>{f.message}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
