/**
 * 服务事项: the open cases of my community or street (or, with 「我的事项」, the ones I am first
 * responder or handler of), priority residents first, overdue ones highlighted and counted; a street
 * also sees each community's counts and the satisfaction trend. Residents' numbers arrive masked.
 */
import {
  type CaseStatus,
  caseStatusLabels,
  intakeChannelLabels,
  mayExportResidentData,
  serviceCategoryLabels,
} from '@shequ/services/labels';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  List,
  Segmented,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { SatisfactionTrend } from './SatisfactionTrend.js';
import { VolunteerHours } from './VolunteerHours.js';

type Row = RouterOutputs['services']['cases']['items'][number];

const columns: TableColumnsType<Row> = [
  {
    title: '事项',
    dataIndex: 'subject',
    render: (subject: string, row) => (
      <Space size={4} wrap>
        <Link to={`/services/${row.id}`}>{subject}</Link>
        {row.priority && <Tag color="purple">优先</Tag>}
        {row.overdue && <Tag color="red">超期</Tag>}
      </Space>
    ),
  },
  { title: '类别', dataIndex: 'category', render: (c: Row['category']) => serviceCategoryLabels[c] },
  { title: '居民', key: 'resident', render: (_v, row) => row.resident.name },
  { title: '渠道', dataIndex: 'channel', render: (c: Row['channel']) => intakeChannelLabels[c] },
  { title: '首问责任人', key: 'firstResponder', render: (_v, row) => row.firstResponder.name },
  { title: '承办人', key: 'handler', render: (_v, row) => row.handler.name },
  { title: '承诺办结', dataIndex: 'promisedOn' },
  { title: '状态', dataIndex: 'status', render: (s: CaseStatus) => caseStatusLabels[s] },
];

export default function ServicesPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const node = me.data?.jurisdictionCode ?? '';
  const level = node.length === 12 ? 'community' : node.length === 9 ? 'street' : 'other';
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [includeClosed, setIncludeClosed] = useState(false);
  const canWrite = useCanWrite();
  const mine = scope === 'mine' || level === 'other';
  const cases = useQuery({
    ...trpc.services.cases.queryOptions({ mine, overdueOnly, includeClosed, limit: 100 }),
    enabled: me.isSuccess,
  });
  const street = level === 'street';
  const coverage = useQuery({
    ...trpc.services.visitCoverage.queryOptions({ under: node }),
    enabled: street,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="services-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          服务事项
        </Typography.Title>
        <Space wrap>
          {level !== 'other' && (
            <Link to="/services/visits">
              <Button>走访</Button>
            </Link>
          )}
          {level === 'community' && (
            <Link to="/services/volunteers">
              <Button>志愿者</Button>
            </Link>
          )}
          {level !== 'other' && (
            <Link to="/services/activities">
              <Button>志愿活动</Button>
            </Link>
          )}
          <Link to="/services/windows">
            <Button>服务窗口</Button>
          </Link>
          {canWrite && mayExportResidentData(me.data?.role ?? '') && (
            <Link to="/services/requests">
              <Button>个人信息申请</Button>
            </Link>
          )}
          {canWrite && level === 'community' && (
            <Link to="/services/new">
              <Button type="primary">受理事项</Button>
            </Link>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Flex gap={12} wrap align="center">
          {level !== 'other' && (
            <Segmented<'all' | 'mine'>
              value={scope}
              onChange={setScope}
              options={[
                { value: 'all', label: level === 'street' ? '本街道' : '本社区' },
                { value: 'mine', label: '我的事项' },
              ]}
            />
          )}
          <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
            只看超期
          </Checkbox>
          <Checkbox checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)}>
            含已办结
          </Checkbox>
        </Flex>
      </Card>
      {level === 'other' && (
        // Above the street there is no one list of cases to show: each community's are read by it and its
        // street, so an empty table here must not read as "no community has open cases".
        <Alert
          type="info"
          showIcon
          title="这里列出您本人受理或承办的事项。各社区的事项由社区和所属街道在本页查看。"
          data-testid="services-own-only"
        />
      )}
      {cases.isError && <Alert type="error" showIcon title={errorMessage(cases.error)} />}
      <Flex gap={24} wrap>
        <Statistic title="办理中" value={cases.data?.open ?? 0} data-testid="services-open" />
        <Statistic
          title="已超期"
          value={cases.data?.overdue ?? 0}
          styles={{ content: { color: (cases.data?.overdue ?? 0) > 0 ? '#cf1322' : undefined } }}
          data-testid="services-overdue"
        />
      </Flex>
      <Table<Row>
        rowKey="id"
        size="middle"
        data-testid="services-cases"
        loading={cases.isFetching}
        dataSource={cases.data?.items ?? []}
        columns={columns}
        rowClassName={(row) => (row.overdue ? 'services-overdue-row' : '')}
        onRow={(row) => (row.overdue ? { style: { background: '#fff1f0' } } : {})}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: level === 'other' ? '您没有受理或承办的服务事项' : '没有符合条件的服务事项' }}
      />
      {level === 'street' && !mine && (cases.data?.communities.length ?? 0) > 0 && (
        <Card size="small" title="各社区办理中与超期事项" data-testid="services-by-community">
          <List
            size="small"
            dataSource={cases.data?.communities ?? []}
            renderItem={(c) => (
              <List.Item>
                <span>{c.name}</span>
                <Space>
                  <Tag>办理中 {c.open}</Tag>
                  <Tag color={c.overdue > 0 ? 'red' : undefined}>超期 {c.overdue}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {street && (
        <Card size="small" title="各社区走访覆盖（三必到、五必访）" data-testid="services-visit-coverage">
          {coverage.isError && <Alert type="error" showIcon title={errorMessage(coverage.error)} />}
          <List
            size="small"
            loading={coverage.isFetching}
            dataSource={coverage.data?.communities ?? []}
            locale={{ emptyText: '街道下没有社区' }}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/services/visits?community=${c.code}`}>{c.name}</Link>
                <Space>
                  <Tag>在册 {c.onRegister}</Tag>
                  <Tag color="green">已走访 {c.visited}</Tag>
                  <Tag color={c.overdue > 0 ? 'red' : undefined}>应访未访 {c.overdue}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {street && <VolunteerHours under={node} />}
      {level !== 'other' && <SatisfactionTrend under={node} />}
    </Space>
  );
}
