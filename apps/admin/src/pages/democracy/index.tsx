/**
 * 民主议事: a community's own account goes straight to its registers; others pick a community under
 * their jurisdiction by name or code.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { TitledPage } from '../../components/TitledPage.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';

export default function DemocracyPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const [search, setSearch] = useState('');
  const own = me.data?.jurisdictionCode;
  const list = useQuery({
    ...trpc.communities.list.queryOptions({ pageSize: 20, ...(search ? { search } : {}) }),
    enabled: !!own && own.length !== 12,
  });
  if (own?.length === 12) return <Navigate to={`/democracy/${own}`} replace />;
  return (
    <TitledPage title="民主议事" testId="democracy-page">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        选择社区，查看会议、居务公开、章程公约和协商事项及其期限。
      </Typography.Paragraph>
      <Input.Search allowClear placeholder="社区名称或代码" onSearch={setSearch} style={{ maxWidth: 360 }} />
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <List
        bordered
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/democracy/${c.code}`}>{c.name}</Link>
            <Typography.Text type="secondary">{c.code}</Typography.Text>
          </List.Item>
        )}
      />
    </TitledPage>
  );
}
