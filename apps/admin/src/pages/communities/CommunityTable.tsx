import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, InputNumber, Space, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryTable } from '../../components/QueryTable.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { type ListInput, listInputFromParams } from './listParams.js';

type CommunityRow = RouterOutputs['communities']['list']['items'][number];
type SortField = NonNullable<ListInput['sortField']>;

export function CommunityTable() {
  const [params, setParams] = useSearchParams();
  const input = listInputFromParams(params);
  const list = useQuery({ ...trpc.communities.list.queryOptions(input), placeholderData: keepPreviousData });
  const [minHouseholds, setMinHouseholds] = useState<number | null>(input.minHouseholds ?? null);
  const [maxHouseholds, setMaxHouseholds] = useState<number | null>(input.maxHouseholds ?? null);

  const update = (changes: Record<string, string | number | undefined | null>) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      return next;
    });
  };

  const sortOrderOf = (field: SortField) =>
    input.sortField === field ? (input.sortOrder === 'descend' ? 'descend' : 'ascend') : null;

  const columns: TableProps<CommunityRow>['columns'] = [
    { title: '社区代码', dataIndex: 'code', width: 140, sorter: true, sortOrder: sortOrderOf('code') },
    {
      title: '社区名称',
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, row) => <Link to={`/communities/${row.code}`}>{name}</Link>,
    },
    { title: '街道（乡镇）', dataIndex: 'streetName', responsive: ['lg'] },
    { title: '区（县）', dataIndex: 'districtName', responsive: ['xl'] },
    {
      title: '户数',
      dataIndex: 'households',
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('households'),
      render: (value: number | null) =>
        value?.toLocaleString('zh-CN') ?? <Typography.Text type="secondary">未填</Typography.Text>,
    },
    {
      title: '常住人口',
      dataIndex: 'residents',
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('residents'),
      render: (value: number | null) =>
        value?.toLocaleString('zh-CN') ?? <Typography.Text type="secondary">未填</Typography.Text>,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      responsive: ['md'],
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="社区名称或代码"
          defaultValue={input.search}
          onSearch={(value) => update({ q: value.trim(), page: undefined })}
          style={{ width: 240 }}
          aria-label="按社区名称或代码筛选"
        />
        <Space.Compact>
          <InputNumber
            min={0}
            precision={0}
            placeholder="最少户数"
            value={minHouseholds}
            onChange={setMinHouseholds}
            aria-label="最少户数"
          />
          <InputNumber
            min={0}
            precision={0}
            placeholder="最多户数"
            value={maxHouseholds}
            onChange={setMaxHouseholds}
            aria-label="最多户数"
          />
          <Button onClick={() => update({ min: minHouseholds, max: maxHouseholds, page: undefined })}>
            筛选
          </Button>
        </Space.Compact>
      </Space>
      <QueryTable<CommunityRow>
        query={list}
        rowKey="code"
        columns={columns}
        pagination={{
          current: input.page,
          pageSize: input.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 个社区`,
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = single?.order ? String(single.field) : undefined;
          update({
            page: extra.action === 'paginate' ? pagination.current : undefined,
            size: pagination.pageSize === 20 ? undefined : pagination.pageSize,
            sort: field === 'code' ? undefined : field,
            order: single?.order === 'descend' ? 'descend' : undefined,
          });
        }}
      />
    </Space>
  );
}
