/** The workers of a street or community, filtered (a part of 人员名册, loaded when a street or community is chosen). */
import { type WorkerPost, workerPostLabels, workerPosts } from '@shequ/people/labels';
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Flex, Grid, InputNumber, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryTable } from '../../components/QueryTable.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { RosterSpreadsheet } from './RegisterSpreadsheets.js';

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
export default function Roster({ under }: { under: string }) {
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
      <QueryTable<RosterRow>
        query={roster}
        rowKey="id"
        data-testid="people-roster"
        columns={columns}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有符合条件的工作者' }}
      />
    </Space>
  );
}
