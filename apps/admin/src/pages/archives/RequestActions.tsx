/**
 * The next step of a seal request, as buttons: approve or refuse a request, register the stamping,
 * hand the seal out, take it back. The API decides who may take each step (the approvers the
 * community named, the custodian) and says so in Chinese when someone else tries.
 */
import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, InputNumber, Modal, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/fieldErrors.js';
import { queryClient, type RouterOutputs, trpc } from '../../lib/trpc.js';
import { requestStateLabels } from './labels.js';
import { formatTime } from './shared.js';

export type SealRequestRow = RouterOutputs['seals']['mine'][number];

export function RequestState({ request }: { request: SealRequestRow }) {
  const known = requestStateLabels[request.state];
  const late =
    request.state === 'out' && request.returnBy !== null && new Date(request.returnBy).getTime() < Date.now();
  return (
    <Space size={4} wrap>
      <Tag color={known?.color}>{known?.label ?? request.state}</Tag>
      {late && <Tag color="red">逾期未还</Tag>}
      {request.refusalReason && <span>理由：{request.refusalReason}</span>}
    </Space>
  );
}

export function requestSummary(request: SealRequestRow): string {
  if (request.kind === 'use')
    return `${request.document ?? ''} × ${request.copies ?? 1} 份：${request.purpose ?? ''}`;
  return `${request.purpose ?? ''}${request.destination ? `（去向：${request.destination}）` : ''}；应于 ${formatTime(request.returnBy)} 前归还`;
}

/** After any step on a seal: its lists and the custody log show it. */
export function refreshSeals() {
  void queryClient.invalidateQueries({ queryKey: trpc.seals.pathKey() });
  void queryClient.invalidateQueries({ queryKey: trpc.custody.pathKey() });
}

/** A step's mutation callbacks: a message that it is done and fresh lists, or the API's refusal. */
export function useStepOutcome() {
  const { message } = App.useApp();
  return (done: string) => ({
    onSuccess: () => {
      message.success(done);
      refreshSeals();
    },
    onError: (error: unknown) => message.error(errorMessage(error)),
  });
}

/**
 * Asks for the reason of a refusal or a decline, which the person asking will read; sends it and
 * closes, or stays open when the API refuses (its message is shown by the mutation's onError).
 */
export function ReasonModal({
  title,
  label,
  placeholder,
  open,
  pending,
  danger,
  onClose,
  onSubmit,
}: {
  title: string;
  label: string;
  placeholder: string;
  open: boolean;
  pending: boolean;
  danger?: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      title={title}
      open={open}
      okText="确定"
      okButtonProps={{ danger, disabled: !reason.trim() }}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={async () => {
        try {
          await onSubmit(reason.trim());
          onClose();
        } catch {
          // the message is shown by onError
        }
      }}
    >
      <Input.TextArea
        aria-label={label}
        placeholder={placeholder}
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </Modal>
  );
}

/** 撤回: the requester's own step while the request waits for a decision. */
export function WithdrawRequest({ request }: { request: SealRequestRow }) {
  const outcome = useStepOutcome();
  const withdraw = useMutation(trpc.seals.withdraw.mutationOptions(outcome('已撤回申请')));
  if (request.state !== 'requested') return null;
  return (
    <Popconfirm
      title="撤回这份申请？"
      okText="撤回"
      onConfirm={() => withdraw.mutateAsync({ requestId: request.id })}
    >
      <Button size="small">撤回</Button>
    </Popconfirm>
  );
}

export function RequestActions({ request, canWrite }: { request: SealRequestRow; canWrite: boolean }) {
  const [refusing, setRefusing] = useState(false);
  const [stamping, setStamping] = useState(false);
  const [copies, setCopies] = useState<number | null>(request.copies ?? 1);
  const options = useStepOutcome();
  const approve = useMutation(trpc.seals.approve.mutationOptions(options('已批准')));
  const approveTakeOut = useMutation(trpc.seals.approveTakeOut.mutationOptions(options('已批准外带')));
  const refuse = useMutation(trpc.seals.refuse.mutationOptions(options('已不予批准')));
  const refuseTakeOut = useMutation(trpc.seals.refuseTakeOut.mutationOptions(options('已不予批准')));
  const stamp = useMutation(trpc.seals.stamp.mutationOptions(options('已登记用印')));
  const takeOut = useMutation(trpc.seals.takeOut.mutationOptions(options('已登记印章带出')));
  const bringBack = useMutation(trpc.seals.returnSeal.mutationOptions(options('已登记印章归还')));
  if (!canWrite) return null;
  const requestId = request.id;

  if (request.state === 'requested') {
    const isUse = request.kind === 'use';
    return (
      <Space size="small">
        <Popconfirm
          title={isUse ? '批准这次用印？' : '批准印章带离办公室？'}
          okText="批准"
          onConfirm={() =>
            isUse ? approve.mutateAsync({ requestId }) : approveTakeOut.mutateAsync({ requestId })
          }
        >
          <Button size="small" type="primary">
            批准
          </Button>
        </Popconfirm>
        <Button size="small" danger onClick={() => setRefusing(true)}>
          不予批准
        </Button>
        <ReasonModal
          title="不予批准"
          label="不予批准的理由"
          placeholder="请写明理由，申请人会看到"
          open={refusing}
          pending={refuse.isPending || refuseTakeOut.isPending}
          danger
          onClose={() => setRefusing(false)}
          onSubmit={(reason) =>
            isUse
              ? refuse.mutateAsync({ requestId, reason })
              : refuseTakeOut.mutateAsync({ requestId, reason })
          }
        />
      </Space>
    );
  }
  if (request.state === 'approved' && request.kind === 'use') {
    return (
      <>
        <Button size="small" type="primary" onClick={() => setStamping(true)}>
          用印登记
        </Button>
        <Modal
          title="用印登记"
          open={stamping}
          okText="登记"
          confirmLoading={stamp.isPending}
          onCancel={() => setStamping(false)}
          onOk={async () => {
            try {
              await stamp.mutateAsync({ requestId, copies: copies ?? undefined });
              setStamping(false);
            } catch {
              // the message is shown by onError
            }
          }}
        >
          <p>
            {request.sealName}：{request.document}
          </p>
          <Space>
            实际用印份数
            <InputNumber
              aria-label="实际用印份数"
              min={1}
              precision={0}
              value={copies}
              onChange={setCopies}
            />
          </Space>
        </Modal>
      </>
    );
  }
  if (request.state === 'approved' && request.kind === 'takeOut') {
    return (
      <Popconfirm
        title="登记印章已交申请人带出？"
        okText="带出"
        onConfirm={() => takeOut.mutateAsync({ requestId })}
      >
        <Button size="small" type="primary">
          交出印章
        </Button>
      </Popconfirm>
    );
  }
  if (request.state === 'out') {
    return (
      <Popconfirm
        title="登记印章已归还？"
        okText="归还"
        onConfirm={() => bringBack.mutateAsync({ requestId })}
      >
        <Button size="small">登记归还</Button>
      </Popconfirm>
    );
  }
  return null;
}
