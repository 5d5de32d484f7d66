/**
 * 综合考核: the schemes the signed-in user may see (their own jurisdiction's and those above it), newest
 * year first; administrators of a district or above start a new scheme from here.
 */

import { isAdminRole } from '@shequ/domain/roles';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Result } from '../../components/OnDemand.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { schemeStatusColors, schemeStatusLabels } from './labels.js';

type SchemeRow = RouterOutputs['assessment']['schemes'][number];

export default function AssessmentPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const schemes = useQuery(trpc.assessment.schemes.queryOptions({}));
  const canCreate = me.data ? isAdminRole(me.data.role) && !/^\d{9,}$/.test(me.data.jurisdictionCode) : false;
  if (schemes.isError)
    return <Result status="error" title="无法读取考核方案" subTitle={errorMessage(schemes.error)} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          综合考核
        </Typography.Title>
        {canCreate && (
          <Link to="/assessment/new">
            <Button type="primary">新建考核方案</Button>
          </Link>
        )}
      </Space>
      <Card>
        {schemes.isPending ? (
          <Skeleton active />
        ) : schemes.data.length === 0 ? (
          <Empty description="还没有考核方案" />
        ) : (
          <Table<SchemeRow>
            rowKey="id"
            dataSource={schemes.data}
            pagination={false}
            scroll={{ x: 560 }}
            columns={[
              { title: '年度', dataIndex: 'year', width: 80 },
              {
                title: '方案',
                dataIndex: 'name',
                render: (name: string, row) => <Link to={`/assessment/${row.id}`}>{name}</Link>,
              },
              { title: '辖区代码', dataIndex: 'jurisdictionCode', width: 110 },
              { title: '版本', dataIndex: 'version', width: 70 },
              {
                title: '状态',
                dataIndex: 'status',
                width: 120,
                render: (status: string) => (
                  <Tag color={schemeStatusColors[status]}>{schemeStatusLabels[status]}</Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
