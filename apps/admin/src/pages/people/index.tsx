/**
 * 人员名册 of any node in my jurisdiction (`?under=`, my own node when absent), picked in the division
 * tree or by drilling down the summary: above a community, the staffing of each child node (districts,
 * streets, communities) against the floor of five; from a street down, the community workers, filtered
 * by post, a term ending soon, a training missing this year and pay below a reference wage (Ezhou
 * 第二十一条), with numbers masked. A city's roster would run to tens of thousands of rows, so it opens
 * at street level.
 */
import { type WorkerPost, workerPostLabels, workerPosts } from '@shequ/people/labels';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Card,
  Checkbox,
  Col,
  Collapse,
  Empty,
  Flex,
  Grid,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { JurisdictionTree } from '../communities/JurisdictionTree.js';
import { RosterSpreadsheet } from './RegisterSpreadsheets.js';
import { peopleLink, StaffingSummary } from './StaffingSummary.js';

type RosterRow = RouterOutputs['people']['roster']['items'][number];

const columns: TableColumnsType<RosterRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    fixed: 'left',
    width: 96,
    render: (name: string, row) => <Link to={`/people/${row.id}`}>{name}</Link>,
  },
  {
    title: '社区',
    dataIndex: 'communityName',
    render: (name: string, row) => <Link to={`/people/org/${row.communityCode}`}>{name}</Link>,
  },
  { title: '岗位', dataIndex: 'post', render: (post: WorkerPost) => workerPostLabels[post] },
  { title: '身份证号', dataIndex: 'idNumber' },
  { title: '手机', dataIndex: 'phone', render: (phone?: string) => phone ?? '—' },
  { title: '入职', dataIndex: 'joinedOn' },
  {
    title: '提示',
    key: 'marks',
    render: (_value, row) => (
      <Space size={4} wrap>
        {row.termEndsOn && <Tag color="orange">任期至 {row.termEndsOn}</Tag>}
        {row.trainingMissing && <Tag color="gold">本年未培训</Tag>}
        {row.payBelowReference && <Tag color="red">低于参考工资</Tag>}
        {row.leftOn && <Tag>已离职 {row.leftOn}</Tag>}
      </Space>
    ),
  },
];

/** A street's communities side by side: full-time workers on the roster against the floor of five. */
function StaffingChart({ under }: { under: string }) {
  const staffing = useQuery(trpc.people.staffing.queryOptions({ under }));
  const rows = staffing.data?.communities.filter((c) => c.hasRoster) ?? [];
  return (
    <Card size="small" title="各社区在册专职人员（不少于5人）" data-testid="staffing-chart">
      {staffing.isError && <Alert type="error" showIcon title={errorMessage(staffing.error)} />}
      {rows.length === 0 && <Empty description="辖区内还没有社区登记花名册" />}
      {rows.map((c) => {
        const fullTime = 'fullTime' in c ? (c.fullTime ?? 0) : 0;
        const floor = staffing.data?.floor ?? 5;
        return (
          <Flex key={c.code} gap={8} align="center" wrap>
            <Link to={`/people/org/${c.code}`} style={{ minWidth: 140 }}>
              {c.name}
            </Link>
            <Progress
              style={{ flex: 1, minWidth: 160, margin: 0 }}
              percent={Math.min(100, (fullTime / Math.max(floor * 2, fullTime)) * 100)}
              success={{ percent: (floor / Math.max(floor * 2, fullTime)) * 100 }}
              status={fullTime < floor ? 'exception' : 'normal'}
              format={() => `${fullTime}人`}
            />
          </Flex>
        );
      })}
    </Card>
  );
}

function Roster({ under }: { under: string }) {
  const screens = Grid.useBreakpoint();
  const [post, setPost] = useState<WorkerPost | undefined>();
  const [termEnding, setTermEnding] = useState(false);
  const [trainingMissing, setTrainingMissing] = useState(false);
  const [payBelowReference, setPayBelowReference] = useState(false);
  const [referencePay, setReferencePay] = useState<number | null>(null);
  const [includeLeft, setIncludeLeft] = useState(false);
  const filter = {
    under,
    ...(post ? { post } : {}),
    termEnding,
    trainingMissing,
    includeLeft,
    ...(referencePay !== null ? { referencePay, payBelowReference } : {}),
  };
  const roster = useQuery(trpc.people.roster.queryOptions(filter));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <div style={{ marginBottom: 12 }}>
          <RosterSpreadsheet filter={filter} />
        </div>
        {/* On a phone the filters stack, one to a line, rather than squeeze each other. */}
        <Flex gap={12} wrap vertical={!screens.sm} align={screens.sm ? 'center' : 'start'}>
          <Select<WorkerPost>
            allowClear
            placeholder="全部岗位"
            aria-label="岗位"
            style={{ width: 140 }}
            value={post}
            onChange={setPost}
            options={workerPosts.map((p) => ({ value: p, label: workerPostLabels[p] }))}
          />
          <Checkbox checked={termEnding} onChange={(e) => setTermEnding(e.target.checked)}>
            任期将满（90天内）
          </Checkbox>
          <Checkbox checked={trainingMissing} onChange={(e) => setTrainingMissing(e.target.checked)}>
            本年未培训
          </Checkbox>
          <Space size={4} wrap>
            <InputNumber<number>
              aria-label="参考工资"
              placeholder="参考年工资（元）"
              min={0}
              style={{ width: 150 }}
              value={referencePay}
              onChange={setReferencePay}
            />
            <Checkbox
              checked={payBelowReference}
              disabled={referencePay === null}
              onChange={(e) => setPayBelowReference(e.target.checked)}
            >
              低于参考工资
            </Checkbox>
          </Space>
          <Checkbox checked={includeLeft} onChange={(e) => setIncludeLeft(e.target.checked)}>
            含已离职
          </Checkbox>
        </Flex>
      </Card>
      {roster.isError && <Alert type="error" showIcon title={errorMessage(roster.error)} />}
      <Table<RosterRow>
        rowKey="id"
        size="middle"
        data-testid="people-roster"
        loading={roster.isFetching}
        dataSource={roster.data?.items ?? []}
        columns={columns}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有符合条件的工作者' }}
      />
    </Space>
  );
}

/** Street and community codes: the levels whose roster is short enough to list person by person. */
const listsPeople = (code: string) => code.length >= 9;

export default function PeoplePage() {
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  const under = params.get('under') || me.data?.jurisdictionCode;
  const node = useQuery({ ...trpc.people.summary.queryOptions({ under: under ?? '' }), enabled: !!under });
  const pick = (code: string) => setParams(new URLSearchParams({ under: code }));
  const tree = <JurisdictionTree selected={under} onSelect={pick} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="people-page">
      {node.data && node.data.node.path.length > 0 && (
        <Breadcrumb
          items={[
            ...node.data.node.path.map((entry) => ({
              title: <Link to={peopleLink(entry.code)}>{entry.name}</Link>,
            })),
            { title: node.data.node.name },
          ]}
        />
      )}
      <Typography.Title level={3} style={{ margin: 0 }}>
        人员名册{node.data ? ` · ${node.data.node.name}` : ''}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={5}>
          {/* On a phone the tree folds away above the lists instead of pushing them a screen down. */}
          {screens.lg ? (
            <Card size="small" title="选择辖区">
              {tree}
            </Card>
          ) : (
            <Collapse size="small" items={[{ key: 'tree', label: '选择辖区', children: tree }]} />
          )}
        </Col>
        <Col xs={24} lg={17} xxl={19}>
          {under && (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              {under.length < 12 && <StaffingSummary under={under} />}
              {listsPeople(under) ? (
                <Roster key={under} under={under} />
              ) : (
                <Alert type="info" showIcon title="选择街道（乡镇）或社区，查看人员名单和筛选" />
              )}
              {under.length === 9 && <StaffingChart under={under} />}
            </Space>
          )}
        </Col>
      </Row>
    </Space>
  );
}
