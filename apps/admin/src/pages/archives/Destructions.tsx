/**
 * 销毁清册: the permanent list of the community's archive items appraised for destruction and destroyed
 * (鄂州 第三十九条; DA/T 22 retention), with the decision, who approved it and how it was destroyed.
 * Entries are never removed; the list is read from the oldest decision on.
 */

import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { ExportButton } from '../../components/ExportButton.js';
import { QueryTable } from '../../components/QueryTable.js';
import { type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { itemColumns } from './itemColumns.js';
import { retentionLabels } from './labels.js';
import { keepOnOneLine } from './shared.js';

type DestructionRow = RouterOutputs['archives']['destructions'][number];

/** The list API's largest page: a community's whole destruction list fits in it for decades. */
const PAGE = 500;

export function Destructions({ community }: { community: string }) {
  const list = useQuery(trpc.archives.destructions.queryOptions({ community, limit: PAGE }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text type="secondary">
          档案保管期满，经鉴定批准后方可销毁；销毁清册永久保存，不能删改。
        </Typography.Text>
        <ExportButton load={() => trpcClient.spreadsheets.exportDestructions.query({ community })}>
          导出销毁清册
        </ExportButton>
      </Space>
      <QueryTable<DestructionRow>
        query={list}
        rowKey="id"
        data-testid="destructions"
        pagination={false}
        locale={{ emptyText: '尚无销毁记录' }}
        columns={[
          ...itemColumns<DestructionRow>(),
          {
            title: '保管期限',
            dataIndex: 'retention',
            ...keepOnOneLine(90),
            render: (value: string) => retentionLabels[value] ?? value,
          },
          { title: '到期日', dataIndex: 'expiresOn', responsive: ['xl'], ...keepOnOneLine(110) },
          {
            title: '鉴定决定',
            key: 'decision',
            render: (_v, row) => `${row.decisionNumber}（${row.decidedOn}）`,
          },
          { title: '批准人', dataIndex: 'approverNames', responsive: ['lg'] },
          {
            title: '状态',
            dataIndex: 'state',
            ...keepOnOneLine(110),
            render: (state: string) =>
              state === 'destroyed' ? (
                <Tag color="default">已销毁</Tag>
              ) : (
                <Tag color="gold">已鉴定待销毁</Tag>
              ),
          },
          {
            title: '销毁',
            key: 'destroyed',
            render: (_v, row) =>
              row.destroyedOn ? `${row.destroyedOn} ${row.method ?? ''}（${row.destroyerName ?? ''}）` : '—',
          },
        ]}
      />
    </Space>
  );
}
