/**
 * Proposals to retire (停用) or destroy (销毁) a seal: the approver named confirms or declines them in
 * their inbox, the proposer follows and may withdraw theirs. The seal changes only on confirmation;
 * the API lets nobody but the named approver confirm, and says so in Chinese.
 */
import { useMutation } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { sealEndStateLabels, sealEndTypeLabels } from './labels.js';
import { ReasonModal, useStepOutcome } from './RequestActions.js';
import { CommunityLink, formatTime } from './shared.js';

export type EndProposalRow = RouterOutputs['seals']['myEndProposals'][number];

/** 确认 / 不同意, for the approver the proposal names. */
function DecideButtons({ proposal }: { proposal: EndProposalRow }) {
  const label = sealEndTypeLabels[proposal.type] ?? proposal.type;
  const outcome = useStepOutcome();
  const confirm = useMutation(trpc.seals.confirmEnd.mutationOptions(outcome(`印章已${label}`)));
  const decline = useMutation(trpc.seals.declineEnd.mutationOptions(outcome('已不同意')));
  const [declining, setDeclining] = useState(false);
  const proposalId = proposal.id;
  return (
    <Space size="small">
      <Popconfirm
        title={`确认${label}印章「${proposal.sealName}」？`}
        description={
          proposal.type === 'destroy' ? '销毁记入保管日志，不能撤销。' : '停用后不能再申请用印、外带。'
        }
        okText="确认"
        okButtonProps={{ danger: true }}
        onConfirm={() => confirm.mutateAsync({ proposalId })}
      >
        <Button size="small" type="primary" danger>
          确认
        </Button>
      </Popconfirm>
      <Button size="small" onClick={() => setDeclining(true)}>
        不同意
      </Button>
      <ReasonModal
        title={`不同意${label}印章「${proposal.sealName}」`}
        label="不同意的理由"
        placeholder="请写明理由，提出人会看到"
        open={declining}
        pending={decline.isPending}
        onClose={() => setDeclining(false)}
        onSubmit={(reason) => decline.mutateAsync({ proposalId, reason })}
      />
    </Space>
  );
}

function WithdrawButton({ proposal }: { proposal: EndProposalRow }) {
  const outcome = useStepOutcome();
  const withdraw = useMutation(trpc.seals.withdrawEnd.mutationOptions(outcome('已撤回')));
  return (
    <Popconfirm
      title="撤回这份申请？"
      okText="撤回"
      onConfirm={() => withdraw.mutateAsync({ proposalId: proposal.id })}
    >
      <Button size="small">撤回</Button>
    </Popconfirm>
  );
}

export function EndProposalState({ proposal }: { proposal: EndProposalRow }) {
  const known = sealEndStateLabels[proposal.state];
  return (
    <Space size={4} wrap>
      <Tag color={known?.color}>{known?.label ?? proposal.state}</Tag>
      {proposal.declineReason && <span>理由：{proposal.declineReason}</span>}
    </Space>
  );
}

/**
 * `inbox`: proposals waiting for my confirmation, with 确认 / 不同意; `mine`: my proposals, with
 * 撤回 while pending.
 */
export function EndProposalTable({
  rows,
  loading,
  canWrite,
  mode,
}: {
  rows: EndProposalRow[];
  loading: boolean;
  canWrite: boolean;
  mode: 'inbox' | 'mine';
}) {
  return (
    <Table<EndProposalRow>
      rowKey="id"
      size="middle"
      data-testid={mode === 'inbox' ? 'end-inbox' : 'my-end-proposals'}
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '社区',
          dataIndex: 'communityName',
          render: (name: string | null, proposal) => (
            <CommunityLink code={proposal.communityCode} name={name} tab="seals" />
          ),
        },
        { title: '印章', dataIndex: 'sealName' },
        { title: '类别', dataIndex: 'type', render: (type: string) => sealEndTypeLabels[type] ?? type },
        mode === 'inbox'
          ? { title: '提出人', dataIndex: 'proposerName' }
          : { title: '确认的审批人', dataIndex: 'approverName' },
        { title: '提出时间', dataIndex: 'proposedAt', render: (value: string) => formatTime(value) },
        { title: '理由', dataIndex: 'reason' },
        {
          title: '状态',
          key: 'state',
          render: (_value, proposal) => <EndProposalState proposal={proposal} />,
        },
        {
          title: '操作',
          key: 'actions',
          render: (_value, proposal) =>
            !canWrite || proposal.state !== 'pending' ? null : mode === 'inbox' ? (
              <DecideButtons proposal={proposal} />
            ) : (
              <WithdrawButton proposal={proposal} />
            ),
        },
      ]}
    />
  );
}
