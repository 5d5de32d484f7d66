/**
 * The small tags the archive pages share (reference code, an item's status, a seal's state), apart from
 * the catalogue and the seal register, so a page showing them loads neither of those.
 */
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { RouterOutputs } from '../../lib/trpc.js';
import { archiveStatusLabels, sealEndTypeLabels, sealStateLabels } from './labels.js';
import { formatTime } from './shared.js';

type SealRow = RouterOutputs['seals']['list'][number];

export function ReferenceCode({ code }: { code: string }) {
  return (
    <Typography.Text code copyable={{ text: code }} style={{ whiteSpace: 'nowrap' }}>
      {code}
    </Typography.Text>
  );
}

export function StatusTag({ status }: { status: string }) {
  const known = archiveStatusLabels[status];
  return <Tag color={known?.color}>{known?.label ?? status}</Tag>;
}

export function SealState({
  seal,
}: {
  seal: Pick<SealRow, 'state' | 'out'> & Partial<Pick<SealRow, 'pendingEnd'>>;
}) {
  const known = sealStateLabels[seal.state];
  const late = seal.out?.returnBy && new Date(seal.out.returnBy).getTime() < Date.now();
  const pending = seal.pendingEnd;
  return (
    <Space size={4} wrap>
      <Tag color={known?.color}>{known?.label ?? seal.state}</Tag>
      {pending && (
        <Tooltip title={`${pending.proposerName ?? '—'} 提出，待 ${pending.approverName ?? '—'} 确认`}>
          <Tag color="gold" data-testid="pending-end-tag">
            {sealEndTypeLabels[pending.type] ?? pending.type}待确认
          </Tag>
        </Tooltip>
      )}
      {seal.out?.returnBy && (
        <Typography.Text type={late ? 'danger' : 'secondary'}>
          应于 {formatTime(seal.out.returnBy)} 前归还
        </Typography.Text>
      )}
      {late && <Tag color="red">逾期未还</Tag>}
    </Space>
  );
}
