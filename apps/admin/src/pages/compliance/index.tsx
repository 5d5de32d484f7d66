/**
 * A jurisdiction's compliance at a glance: every rule's results over the node's communities, and the
 * child nodes (districts, streets, communities) by how many of their communities fail something.
 * Clicking a bar drills down: a rule's segment lists those communities, a child node opens its own
 * dashboard, each listed community links to its compliance page.
 */
import { articleLabel } from '@shequ/policy/labels';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { Result } from '../../components/OnDemand.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { labelledOptions } from '../../lib/labels.js';
import { errorCode, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { type BarChartOption, EChart } from './EChart.js';
import { type CheckStatus, statusChartColors, statusLabels, statusOrder } from './status.js';

type Dashboard = RouterOutputs['compliance']['dashboard'];

const COUNTRY = '000000';

function shorten(text: string, length = 18): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function ruleChart(dashboard: Dashboard): BarChartOption {
  const rules = [...dashboard.rules].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    // Every bar is the same length (all evaluated communities), so the axis ends there.
    xAxis: { type: 'value', max: dashboard.evaluated },
    yAxis: {
      type: 'category',
      data: rules.map((r) => `${shorten(r.title)}（${articleLabel(r.citation.article)}）`),
      axisLabel: { width: 260, overflow: 'truncate' },
    },
    series: statusOrder.map((status) => ({
      name: statusLabels[status],
      id: status,
      type: 'bar',
      stack: 'total',
      itemStyle: { color: statusChartColors[status] },
      emphasis: { focus: 'series' },
      data: rules.map((r) => ({ value: r.counts[status], rule: r.rule })),
    })),
  };
}

function childChart(dashboard: Dashboard): BarChartOption {
  const children = dashboard.children;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: children.map((c) => c.name),
      axisLabel: { interval: 0, rotate: children.length > 8 ? 40 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '有不通过项',
        type: 'bar',
        stack: 'total',
        itemStyle: { color: statusChartColors.fail },
        data: children.map((c) => ({ value: c.failing, code: c.code })),
      },
      {
        name: '仅有提醒',
        type: 'bar',
        stack: 'total',
        itemStyle: { color: statusChartColors.warn },
        data: children.map((c) => ({ value: c.warningOnly, code: c.code })),
      },
      {
        name: '其余',
        type: 'bar',
        stack: 'total',
        itemStyle: { color: statusChartColors.pass },
        data: children.map((c) => ({ value: c.communities - c.failing - c.warningOnly, code: c.code })),
      },
    ],
  };
}

function dataField(data: unknown, field: 'rule' | 'code'): string | undefined {
  if (typeof data !== 'object' || data === null || !(field in data)) return undefined;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function NodePicker({ onPick }: { onPick: (code: string) => void }) {
  const [query, setQuery] = useState('');
  const found = useQuery({
    ...trpc.jurisdictions.search.queryOptions({ query, limit: 20 }),
    enabled: query.trim().length > 0,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      aria-label="切换辖区"
      placeholder="切换辖区：输入名称或代码"
      style={{ width: 280 }}
      value={null}
      notFoundContent={query ? '没有匹配的辖区' : null}
      options={(found.data ?? [])
        .filter((n) => n.level !== 'community')
        .map((n) => ({
          value: n.code,
          label: `${n.name}（${[...n.path.map((p) => p.name)].join(' / ') || n.code}）`,
        }))}
      onChange={(code: string) => onPick(code)}
    />
  );
}

function FailingList({
  node,
  rule,
  status,
  dashboard,
}: {
  node: string;
  rule?: string;
  status: CheckStatus;
  dashboard: Dashboard;
}) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [, setParams] = useSearchParams();
  const list = useQuery({
    ...trpc.compliance.failing.queryOptions({
      jurisdictionCode: node,
      status,
      ...(rule ? { rule } : {}),
      ...page,
    }),
    placeholderData: keepPreviousData,
  });
  const ruleInfo = dashboard.rules.find((r) => r.rule === rule);
  const update = (next: { rule?: string | undefined; status?: CheckStatus }) => {
    const params = new URLSearchParams({ node, status: next.status ?? status });
    const chosen = 'rule' in next ? next.rule : rule;
    if (chosen) params.set('rule', chosen);
    setParams(params);
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>社区名单</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {ruleInfo ? `${ruleInfo.title}（${articleLabel(ruleInfo.citation.article)}）` : '任一检查项'}：
            {statusLabels[status]}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Select
            aria-label="检查项"
            style={{ width: 320 }}
            value={rule ?? ''}
            onChange={(value: string) => update({ rule: value || undefined })}
            options={[
              { value: '', label: '任一检查项' },
              ...dashboard.rules.map((r) => ({
                value: r.rule,
                label: `${r.title}（${articleLabel(r.citation.article)}）`,
              })),
            ]}
          />
          <Select
            aria-label="结果"
            style={{ width: 110 }}
            value={status}
            onChange={(value: CheckStatus) => update({ status: value })}
            options={labelledOptions(statusOrder, statusLabels)}
          />
          <ExportButton
            load={() =>
              trpcClient.spreadsheets.exportFailing.query({
                jurisdictionCode: node,
                status,
                ...(rule ? { rule } : {}),
              })
            }
          />
        </Space>
      }
      data-testid="failing-list"
    >
      <Table
        size="small"
        rowKey="code"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 个社区`,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        columns={[
          {
            title: '社区',
            key: 'name',
            render: (_, item) => <Link to={`/compliance/${item.code}`}>{item.name}</Link>,
          },
          { title: '代码', dataIndex: 'code' },
          { title: '街道（乡镇）', dataIndex: 'streetName', render: (name: string | null) => name ?? '—' },
          { title: '不通过项数', dataIndex: 'fail' },
          { title: '提醒数', dataIndex: 'warn' },
          { title: '数据日期', dataIndex: 'asOf' },
        ]}
      />
    </Card>
  );
}

export default function ComplianceDashboardPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  const node = params.get('node') || me.data?.jurisdictionCode;
  const rule = params.get('rule') ?? undefined;
  const status = (params.get('status') as CheckStatus | null) ?? 'fail';
  const dashboard = useQuery({
    ...trpc.compliance.dashboard.queryOptions({ jurisdictionCode: node ?? COUNTRY }),
    // A community's own reader goes straight to its results: no overview of one to compute first.
    enabled: node !== undefined && node.length !== 12,
  });
  const rulesOption = useMemo(() => (dashboard.data ? ruleChart(dashboard.data) : null), [dashboard.data]);
  const childrenOption = useMemo(
    () => (dashboard.data ? childChart(dashboard.data) : null),
    [dashboard.data],
  );

  if (node?.length === 12) return <Navigate to={`/compliance/${node}`} replace />;
  if (!node || dashboard.isPending) return <Skeleton active />;
  if (dashboard.isError) {
    const code = errorCode(dashboard.error);
    return <Result status={code === 'FORBIDDEN' ? '403' : 'error'} title={errorMessage(dashboard.error)} />;
  }
  const data = dashboard.data;
  // A reader with one community (a community worker, a street of one) wants its results, not an overview.
  const only = data.children.length === 1 ? data.children[0] : undefined;
  if (only && only.code.length === 12 && data.evaluated === 1 && !rule) {
    return <Navigate to={`/compliance/${only.code}`} replace />;
  }
  const goNode = (code: string) => setParams(new URLSearchParams({ node: code }));
  const childrenAreCommunities = data.children.some((c) => c.code.length === 12);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb
        items={[
          ...data.node.path.map((entry) => ({
            title: <Link to={`/compliance?${new URLSearchParams({ node: entry.code })}`}>{entry.name}</Link>,
          })),
          { title: data.node.name },
        ]}
      />
      <PageHeading title={<>{data.node.name} · 合规概览</>}>
        <NodePicker onPick={goNode} />
      </PageHeading>
      <Card size="small">
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title="社区总数" value={data.communities} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="已按政策检查" value={data.evaluated} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="有不通过项的社区"
              value={data.withFail}
              styles={{ content: { color: statusChartColors.fail } }}
            />
          </Col>
          {/* Every community has the national pack at least; a count here would mean a chain failed to load. */}
          {data.uncovered > 0 ? (
            <Col xs={12} md={6}>
              <Statistic title="无适用政策包" value={data.uncovered} />
            </Col>
          ) : null}
        </Row>
      </Card>
      {data.evaluated === 0 ? (
        <Card>
          <Empty description="该辖区还没有社区" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={13}>
            <Card
              size="small"
              title="按检查项"
              extra={<Typography.Text type="secondary">点击色块查看社区名单</Typography.Text>}
            >
              {rulesOption && (
                <EChart
                  option={rulesOption}
                  height={Math.max(240, data.rules.length * 30 + 80)}
                  ariaLabel="按检查项的合规情况"
                  testId="chart-rules"
                  onClick={(event) => {
                    const clicked = dataField(event.data, 'rule');
                    const seriesStatus = event.seriesId as CheckStatus | undefined;
                    if (!clicked) return;
                    setParams(new URLSearchParams({ node, rule: clicked, status: seriesStatus ?? 'fail' }));
                  }}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xxl={11}>
            <Card
              size="small"
              title={childrenAreCommunities ? '按社区' : '按下级辖区'}
              extra={
                <Typography.Text type="secondary">
                  {childrenAreCommunities ? '点击查看社区合规详情' : '点击进入下级辖区'}
                </Typography.Text>
              }
            >
              {childrenOption && (
                <EChart
                  option={childrenOption}
                  height={360}
                  ariaLabel="按下级辖区的合规情况"
                  testId="chart-children"
                  onClick={(event) => {
                    const code = dataField(event.data, 'code');
                    if (!code) return;
                    if (code.length === 12) navigate(`/compliance/${code}`);
                    else goNode(code);
                  }}
                />
              )}
              <Table
                size="small"
                rowKey="code"
                style={{ marginTop: 12 }}
                pagination={data.children.length > 10 ? { pageSize: 10 } : false}
                dataSource={data.children}
                columns={[
                  {
                    title: childrenAreCommunities ? '社区' : '辖区',
                    key: 'name',
                    render: (_, child) =>
                      child.code.length === 12 ? (
                        <Link to={`/compliance/${child.code}`}>{child.name}</Link>
                      ) : (
                        <Link to={`/compliance?${new URLSearchParams({ node: child.code })}`}>
                          {child.name}
                        </Link>
                      ),
                  },
                  // A community counts one: its row says how it stands instead of a column of 1s.
                  ...(childrenAreCommunities
                    ? [
                        {
                          title: '结果',
                          key: 'outcome',
                          render: (_: unknown, child: (typeof data.children)[number]) =>
                            child.failing > 0
                              ? '有不通过项'
                              : child.warningOnly > 0
                                ? '仅有提醒'
                                : '全部通过或不适用',
                        },
                      ]
                    : [
                        { title: '社区数', dataIndex: 'communities' },
                        { title: '有不通过项', dataIndex: 'failing' },
                        {
                          title: '不通过率',
                          key: 'rate',
                          render: (_: unknown, child: (typeof data.children)[number]) =>
                            child.communities > 0
                              ? `${Math.round((child.failing / child.communities) * 100)}%`
                              : '—',
                        },
                      ]),
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {data.evaluated > 0 && (
        <FailingList
          key={`${node}|${rule ?? ''}|${status}`}
          node={node}
          status={status}
          dashboard={data}
          {...(rule ? { rule } : {})}
        />
      )}
    </Space>
  );
}
