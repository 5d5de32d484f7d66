/** 档案印章 of one community: catalogue, lending, seals, handovers and the custody log, one tab each. */
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Result, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { errorCode, type RouterOutputs, trpc } from '../../lib/trpc.js';
import { Catalogue } from './Catalogue.js';
import { CustodyLog } from './CustodyLog.js';
import { Destructions } from './Destructions.js';
import { Lending } from './Lending.js';
import { supervisingBodyLabels } from './labels.js';
import { Seals } from './Seals.js';
import { formatTime, useCanWrite } from './shared.js';

type HandoverRow = RouterOutputs['handovers']['list'][number];

function Handovers({ community, canWrite }: { community: string; canWrite: boolean }) {
  const list = useQuery(trpc.handovers.list.queryOptions({ community }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {canWrite && (
        <Link to={`/archives/${community}/handover/new`}>
          <Button type="primary">发起离任移交</Button>
        </Link>
      )}
      <Table<HandoverRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: '没有离任移交记录' }}
        columns={[
          { title: '发起时间', dataIndex: 'createdAt', render: (value: string) => formatTime(value) },
          // Names come with the list: a party who may not see the community's people still reads them.
          { title: '移交人', dataIndex: 'leaverName' },
          { title: '接交人', dataIndex: 'successorName' },
          {
            title: '监交人',
            key: 'supervisor',
            render: (_value, row) =>
              `${row.supervisorName}（${supervisingBodyLabels[row.supervisorBody] ?? row.supervisorBody}）`,
          },
          { title: '应完成', dataIndex: 'dueOn' },
          {
            title: '状态',
            dataIndex: 'state',
            render: (state: string, row) => (
              <Space size={4}>
                {state === 'completed' ? <Tag color="green">已完成</Tag> : <Tag color="gold">进行中</Tag>}
                {row.serious && <Tag color="red">情节严重</Tag>}
              </Space>
            ),
          },
          {
            title: '移交清单',
            key: 'open',
            render: (_value, row) => <Link to={`/archives/handovers/${row.id}`}>查看 / 打印</Link>,
          },
        ]}
      />
    </Space>
  );
}

const tabKeys = ['catalogue', 'lending', 'destructions', 'seals', 'handovers', 'log'] as const;

export default function CommunityArchivesPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canWrite = useCanWrite();
  const community = useQuery(trpc.communities.get.queryOptions({ code }));
  const tab = tabKeys.find((key) => key === params.get('tab')) ?? 'catalogue';

  if (community.isPending) return <Skeleton active />;
  if (community.isError) {
    const failure = errorCode(community.error);
    return (
      <Result
        status={failure === 'NOT_FOUND' ? '404' : failure === 'FORBIDDEN' ? '403' : 'error'}
        title={errorMessage(community.error)}
        extra={<Button onClick={() => navigate('/archives')}>返回</Button>}
      />
    );
  }
  const record = community.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/archives">档案印章</Link> },
          ...record.path.map((entry) => ({ title: entry.name })),
          { title: record.name },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {record.name} · 档案印章
      </Typography.Title>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'catalogue' ? {} : { tab: key })}
          destroyOnHidden
          items={[
            { key: 'catalogue', label: '档案目录', children: <Catalogue community={code} /> },
            { key: 'lending', label: '借阅登记', children: <Lending community={code} /> },
            { key: 'destructions', label: '销毁清册', children: <Destructions community={code} /> },
            { key: 'seals', label: '印章登记', children: <Seals community={code} /> },
            {
              key: 'handovers',
              label: '离任移交',
              children: <Handovers community={code} canWrite={canWrite} />,
            },
            { key: 'log', label: '留痕日志', children: <CustodyLog community={code} canWrite={canWrite} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
