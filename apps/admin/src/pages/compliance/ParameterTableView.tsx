/** The parameters a rule read (value, citation, pack), loaded on demand by `ParameterTable` in explain.tsx. */
import { Table, Tag, Typography } from 'antd';
import { citationLabel, formatValue, type ParameterReadingLike } from './explain.js';

export default function ParameterTableView({
  parameters,
  packNames,
}: {
  parameters: ParameterReadingLike[];
  packNames: Record<string, string>;
}) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={parameters}
      columns={[
        {
          title: '参数',
          key: 'name',
          render: (_, p) => (
            <span>
              {p.label ?? p.name} <Typography.Text type="secondary">{p.name}</Typography.Text>
            </span>
          ),
        },
        {
          title: '取值',
          key: 'value',
          width: 110,
          render: (_, p) =>
            p.value === undefined ? (
              <Tag color="warning">未设定</Tag>
            ) : (
              formatValue(p.value, p.unit === '' ? '' : p.unit)
            ),
        },
        {
          title: '依据',
          key: 'citation',
          render: (_, p) =>
            p.citation ? citationLabel(p.citation) : p.suppliedBy === 'caller' ? '调用方指定' : '—',
        },
        {
          title: '提供方',
          key: 'suppliedBy',
          width: 100,
          render: (_, p) =>
            p.suppliedBy === 'caller' ? '调用方' : (packNames[p.suppliedBy] ?? p.suppliedBy),
        },
        { title: '起始日期', dataIndex: 'from', width: 110, render: (from?: string) => from ?? '—' },
      ]}
    />
  );
}
