import { auditChanges, auditFieldLabel, auditValueText } from '@shequ/domain/labels';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { QueryTable } from '../../components/QueryTable.js';
import { auditActionLabels, entityTypeLabels } from '../../lib/labels.js';
import { type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { chinaDateTime } from './readable.js';

type AuditRow = RouterOutputs['audit']['list']['items'][number];

function ChangeList({ row }: { row: AuditRow }) {
  const changes = auditChanges(row.before, row.after);
  if (changes.length === 0) return <Typography.Text type="secondary">没有字段变化</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="path"
      dataSource={changes}
      columns={[
        { title: '字段', dataIndex: 'path', render: (path: string) => auditFieldLabel(path) },
        { title: '修改前', dataIndex: 'before', render: auditValueText },
        { title: '修改后', dataIndex: 'after', render: auditValueText },
      ]}
    />
  );
}

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const entityType = params.get('entityType') ?? undefined;
  const entityId = params.get('entityId') ?? undefined;
  const list = useQuery({
    ...trpc.audit.list.queryOptions({ page, pageSize: 20, entityType, entityId }),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const columns: TableProps<AuditRow>['columns'] = [
    {
      title: '时间',
      dataIndex: 'at',
      width: 170,
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (at: string) => chinaDateTime(at),
    },
    {
      title: '操作人',
      key: 'actor',
      render: (_value, row) =>
        row.actorName === null ? (
          '系统'
        ) : (
          <span title={row.actorName}>{row.actorDisplayName ?? row.actorName}</span>
        ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      render: (action: string) => <Tag color="blue">{auditActionLabels[action] ?? action}</Tag>,
    },
    {
      title: '对象',
      key: 'entity',
      render: (_value, row) => (
        <span title={row.entityId}>
          {`${entityTypeLabels[row.entityType] ?? row.entityType} ${row.entityName ?? row.entityId}`}
        </span>
      ),
    },
    {
      title: '辖区',
      key: 'jurisdiction',
      responsive: ['lg'],
      render: (_value, row) => (
        <span title={row.jurisdictionCode ?? undefined}>
          {row.jurisdictionName ?? row.jurisdictionCode ?? '—'}
        </span>
      ),
    },
    { title: '来源地址', dataIndex: 'ip', responsive: ['xl'] },
  ];

  return (
    <Card title="操作日志">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <Select
            style={{ width: 140 }}
            value={entityType ?? ''}
            onChange={(value: string) => update({ entityType: value, page: undefined })}
            options={[
              { value: '', label: '全部对象' },
              ...Object.entries(entityTypeLabels).map(([value, label]) => ({ value, label })),
            ]}
            aria-label="对象类型"
          />
          <Input.Search
            key={entityId ?? ''}
            allowClear
            defaultValue={entityId}
            placeholder="对象编号（社区代码或账号编号）"
            style={{ width: 300 }}
            onSearch={(value) => update({ entityId: value.trim(), page: undefined })}
          />
          {(entityType || entityId) && (
            <Button onClick={() => setParams(new URLSearchParams())}>清除筛选</Button>
          )}
          <ExportButton load={() => trpcClient.spreadsheets.exportAudit.query({ entityType, entityId })} />
        </Space>
        <QueryTable<AuditRow>
          query={list}
          rowKey="id"
          columns={columns}
          expandable={{ expandedRowRender: (row) => <ChangeList row={row} /> }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条记录`,
            onChange: (next) => update({ page: String(next) }),
          }}
        />
      </Space>
    </Card>
  );
}
