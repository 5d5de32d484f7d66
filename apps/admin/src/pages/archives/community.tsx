/** 档案印章 of one community: catalogue, lending, seals, handovers and the custody log, one tab each. */

import { AuditOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Breadcrumb, Button, Card, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadFailed } from '../../components/LoadFailed.js';
import { QueryTable } from '../../components/QueryTable.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { Catalogue } from './Catalogue.js';
import { supervisingBodyLabels } from './labels.js';
import { CANNOT_START_HANDOVER, formatTime, useCanStartHandover, useCanWrite } from './shared.js';

// The tabs not shown first are fetched when opened: seals and the custody log alone are ~40 KB compressed.
const Lending = lazy(() => import('./Lending.js').then((module) => ({ default: module.Lending })));
const Destructions = lazy(() =>
  import('./Destructions.js').then((module) => ({ default: module.Destructions })),
);
const Seals = lazy(() => import('./Seals.js').then((module) => ({ default: module.Seals })));
const CustodyLog = lazy(() => import('./CustodyLog.js').then((module) => ({ default: module.CustodyLog })));

function OnDemand({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active />}>{children}</Suspense>;
}

type HandoverRow = RouterOutputs['handovers']['list'][number];

function Handovers({ community, canWrite }: { community: string; canWrite: boolean }) {
  const list = useQuery(trpc.handovers.list.queryOptions({ community }));
  const { canStart } = useCanStartHandover();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {canWrite &&
        (canStart ? (
          <Link to={`/archives/${community}/handover/new`}>
            <Button type="primary">发起离任移交</Button>
          </Link>
        ) : (
          <Space>
            <Button type="primary" disabled>
              发起离任移交
            </Button>
            <Typography.Text type="secondary">{CANNOT_START_HANDOVER}</Typography.Text>
          </Space>
        ))}
      <QueryTable<HandoverRow>
        query={list}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: list.isError ? '无法显示离任移交记录' : '没有离任移交记录' }}
        columns={[
          { title: '发起时间', dataIndex: 'createdAt', render: (value: string) => formatTime(value) },
          // Names come with the list: a party who may not see the community's people still reads them.
          { title: '移交人', dataIndex: 'leaverName' },
          { title: '接交人', dataIndex: 'successorName' },
          { title: '监交人', dataIndex: 'supervisorName' },
          {
            // Its own column: names already carry a bracketed post, e.g. 刘伟（金山镇纪委）.
            title: '监督机构',
            dataIndex: 'supervisorBody',
            render: (body: string) => supervisingBodyLabels[body] ?? body,
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

/**
 * The pages across communities — the approvals inbox with "my requests", and seals out and overdue —
 * which a community's own worker, sent straight here from 档案印章, could otherwise not reach.
 */
function ArchivesShortcuts() {
  const inbox = useQuery(trpc.seals.inbox.queryOptions());
  const endInbox = useQuery(trpc.seals.endInbox.queryOptions());
  const waiting = (inbox.data?.length ?? 0) + (endInbox.data?.length ?? 0);
  return (
    <Space size="large">
      <Link to="/archives/requests">
        <AuditOutlined /> 审批与我的申请
        {waiting > 0 && (
          <Badge count={waiting} size="small" offset={[6, -2]} title={`待我审批 ${waiting} 件`} />
        )}
      </Link>
      <Link to="/archives/overdue">
        <WarningOutlined /> 外带与逾期
      </Link>
    </Space>
  );
}

const tabKeys = ['catalogue', 'lending', 'destructions', 'seals', 'handovers', 'log'] as const;

export default function CommunityArchivesPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const canWrite = useCanWrite();
  const community = useQuery(trpc.communities.get.queryOptions({ code }));
  const tab = tabKeys.find((key) => key === params.get('tab')) ?? 'catalogue';

  if (community.isPending) return <Skeleton active />;
  if (community.isError)
    return <LoadFailed error={community.error} back={{ to: '/archives', label: '返回' }} />;
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
      <Space align="baseline" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {record.name} · 档案印章
        </Typography.Title>
        <ArchivesShortcuts />
      </Space>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'catalogue' ? {} : { tab: key })}
          destroyOnHidden
          items={[
            { key: 'catalogue', label: '档案目录', children: <Catalogue community={code} /> },
            {
              key: 'lending',
              label: '借阅登记',
              children: (
                <OnDemand>
                  <Lending community={code} />
                </OnDemand>
              ),
            },
            {
              key: 'destructions',
              label: '销毁清册',
              children: (
                <OnDemand>
                  <Destructions community={code} />
                </OnDemand>
              ),
            },
            {
              key: 'seals',
              label: '印章登记',
              children: (
                <OnDemand>
                  <Seals community={code} />
                </OnDemand>
              ),
            },
            {
              key: 'handovers',
              label: '离任移交',
              children: <Handovers community={code} canWrite={canWrite} />,
            },
            {
              key: 'log',
              label: '留痕日志',
              children: (
                <OnDemand>
                  <CustodyLog community={code} canWrite={canWrite} />
                </OnDemand>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
