/**
 * 档案印章: choose a community (a community's own worker goes straight to theirs), and see what is
 * waiting across the signed-in person's scope: requests to decide, loans and seals overdue.
 */
import { AuditOutlined, FileSearchOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Select, Skeleton, Space, Spin, Statistic } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';

function CommunityPicker() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const search = useQuery({
    ...trpc.jurisdictions.search.queryOptions({ query: query.trim(), limit: 30 }),
    enabled: query.trim().length > 0,
  });
  const options = (search.data ?? [])
    .filter((node) => node.level === 'community')
    .map((node) => ({
      value: node.code,
      label: `${[...node.path.map((entry) => entry.name), node.name].join(' / ')}（${node.code}）`,
    }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        aria-label="选择社区"
        style={{ width: '100%', maxWidth: 640 }}
        size="large"
        showSearch={{ filterOption: false, onSearch: setQuery }}
        placeholder="输入社区名称或代码，如：象山"
        notFoundContent={search.isFetching ? <Spin size="small" /> : query ? '没有匹配的社区' : null}
        options={options}
        onChange={(code: string) => navigate(`/archives/${code}`)}
      />
      {search.isError && <Alert type="error" showIcon title={errorMessage(search.error)} />}
    </Space>
  );
}

/** A count on the home page that opens its list; an overdue count above nought shows red. */
function CountCard({
  to,
  title,
  count,
  icon,
  overdue,
}: {
  to: string;
  title: string;
  /** Still loading: a dash. */
  count: number | undefined;
  icon: ReactNode;
  overdue?: boolean;
}) {
  return (
    <Col xs={24} md={8}>
      <Card size="small">
        <Link to={to}>
          <Statistic
            title={title}
            value={count ?? '—'}
            prefix={icon}
            {...(overdue ? { styles: { content: { color: count ? '#cf1322' : undefined } } } : {})}
          />
        </Link>
      </Card>
    </Col>
  );
}

export default function ArchivesHome() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const inbox = useQuery(trpc.seals.inbox.queryOptions());
  const endInbox = useQuery(trpc.seals.endInbox.queryOptions());
  const overdueLoans = useQuery(trpc.archives.overdueLoans.queryOptions({}));
  const overdueSeals = useQuery(trpc.seals.overdue.queryOptions({}));
  if (!me.data) {
    return me.isError ? <Alert type="error" showIcon title={errorMessage(me.error)} /> : <Skeleton active />;
  }
  // A worker's scope is their own community: there is nothing to choose.
  if (me.data.jurisdictionCode.length === 12)
    return <Navigate to={`/archives/${me.data.jurisdictionCode}`} replace />;

  return (
    <TitledPage title="档案印章">
      <Row gutter={[16, 16]}>
        <CountCard
          to="/archives/requests"
          title="待我审批的用印、外带、停用销毁申请"
          count={inbox.data && endInbox.data ? inbox.data.length + endInbox.data.length : undefined}
          icon={<AuditOutlined />}
        />
        <CountCard
          to="/archives/overdue"
          title="逾期未还的档案"
          count={overdueLoans.data?.length}
          icon={<FileSearchOutlined />}
          overdue
        />
        <CountCard
          to="/archives/overdue"
          title="外带逾期未还的印章"
          count={overdueSeals.data?.length}
          icon={<WarningOutlined />}
          overdue
        />
      </Row>
      <Card size="small" title={`选择社区（${me.data.jurisdictionName}辖区内）`}>
        <CommunityPicker />
      </Card>
      <Space>
        <Link to="/archives/requests">审批与我的申请</Link>
        <Link to="/archives/overdue">外带与逾期</Link>
      </Space>
    </TitledPage>
  );
}
