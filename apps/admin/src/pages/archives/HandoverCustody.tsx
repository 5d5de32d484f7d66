/** Step 2 of 发起离任移交: the archive items and seals in the leaver's custody (loaded when the step opens). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Typography } from 'antd';
import { trpc } from '../../lib/trpc.js';
import { itemColumns } from './itemColumns.js';
import { SealState, StatusTag } from './tags.js';

/** The API refuses the list while a seal of the leaver's is out (鄂州 第四十条); the same words here. */
function sealsOutMessage(names: string[]): string {
  return `离任人保管的印章${names.map((name) => `「${name}」`).join('、')}正在外带，须先归还固定存放处，才能发起离任移交（鄂州 第四十条；金山镇 第十八条）`;
}

export default function CustodyPreview({
  community,
  leaverId,
}: {
  community: string;
  leaverId: string | undefined;
}) {
  // What the handover lists: the leaver's items on the shelf or out on loan, filtered by the server.
  const custodianId = leaverId ?? '';
  const shelved = useQuery({
    ...trpc.archives.list.queryOptions({ community, custodianId, status: 'shelved', page: 1, pageSize: 100 }),
    enabled: !!leaverId,
  });
  const onLoan = useQuery({
    ...trpc.archives.list.queryOptions({ community, custodianId, status: 'onLoan', page: 1, pageSize: 100 }),
    enabled: !!leaverId,
  });
  const seals = useQuery({ ...trpc.seals.list.queryOptions({ community }), enabled: !!leaverId });
  if (!leaverId) return null;
  const held = [...(shelved.data?.items ?? []), ...(onLoan.data?.items ?? [])];
  const heldTotal = (shelved.data?.total ?? 0) + (onLoan.data?.total ?? 0);
  const heldSeals = (seals.data ?? []).filter(
    (seal) => seal.custodianId === leaverId && seal.state !== 'destroyed',
  );
  const out = heldSeals.filter((seal) => seal.state === 'takenOut');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {out.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="seal-out-blocks-handover"
          title={sealsOutMessage(out.map((seal) => seal.name))}
          description="印章归还固定存放处后，再发起离任移交。"
        />
      )}
      {heldTotal > held.length && (
        <Alert
          type="info"
          showIcon
          title={`名下共 ${heldTotal} 件档案，这里预览 ${held.length} 件；生成清单时会全部列入。`}
        />
      )}
      <Typography.Title level={5}>档案（{heldTotal} 件）</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={shelved.isFetching || onLoan.isFetching}
        dataSource={held}
        pagination={false}
        locale={{ emptyText: '名下没有档案' }}
        columns={[
          ...itemColumns(),
          { title: '状态', dataIndex: 'status', render: (status: string) => <StatusTag status={status} /> },
        ]}
      />
      <Typography.Title level={5}>印章（{heldSeals.length} 枚）</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={seals.isFetching}
        dataSource={heldSeals}
        pagination={false}
        locale={{ emptyText: '名下没有印章' }}
        columns={[
          { title: '印章名称', dataIndex: 'name' },
          { title: '存放地点', dataIndex: 'storagePlace' },
          { title: '状态', key: 'state', render: (_value, seal) => <SealState seal={seal} /> },
        ]}
      />
    </Space>
  );
}
