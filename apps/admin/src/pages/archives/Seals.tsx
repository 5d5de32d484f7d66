/** 印章登记: the community's seals with their state, requests to use or take one out, and each seal's history. */
import { PlusOutlined } from '@ant-design/icons';
import { isAdminRole } from '@shequ/domain/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type ComponentProps, useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { QueryTable } from '../../components/QueryTable.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { optionsOf } from '../../lib/labels.js';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { FormDialog } from './FormDialog.js';
import { requestKindLabels, sealOwnerKindLabels } from './labels.js';
import {
  RequestActions,
  RequestState,
  refreshSeals,
  requestSummary,
  type SealRequestRow,
} from './RequestActions.js';
import { formatTime, keepOnOneLine, type Person, personOptions, useCanWrite, usePeople } from './shared.js';
import { SealState } from './tags.js';

type SealRow = RouterOutputs['seals']['list'][number];

/** What a server message names, for one that lands above the form rather than on a field. */
const sealFieldLabels: Record<string, string> = {
  sealId: '印章',
  requestId: '申请',
  proposalId: '申请',
  approverIds: '审批人',
  approvedBy: '确认的审批人',
  custodianId: '保管人',
  community: '社区',
};

/**
 * A modal form whose server problems land on its fields, or above it when they name none; `saved`
 * gives a mutation's callbacks: saved, the seals reload, the problems clear and the dialog closes.
 */
function useSealForm(fields: string[]) {
  const [form] = Form.useForm();
  const problems = useFieldErrors(form, '', fields, {
    labelOf: (dotted) => sealFieldLabels[dotted] ?? dotted,
    alert: 'list',
  });
  const saved = (onClose: () => void, before?: () => void) => ({
    onSuccess: () => {
      before?.();
      refreshSeals();
      problems.clear();
      onClose();
    },
    onError: problems.onError,
  });
  return { form, problems, onError: problems.onError, saved };
}

/**
 * A seal's dialog: one vertical form named `name`, whose fields are dropped when it closes, submitted
 * by OK, with the server's problems above it.
 */
function SealDialog<Values>({
  name,
  initialValues,
  onFinish,
  children,
  ...dialog
}: ComponentProps<typeof FormDialog> & {
  name: string;
  initialValues?: Partial<Values>;
  onFinish: (values: Values) => void;
}) {
  return (
    <FormDialog {...dialog}>
      <Form<Values>
        form={dialog.form}
        name={name}
        layout="vertical"
        preserve={false}
        {...(initialValues ? { initialValues } : {})}
        onFinish={onFinish}
      >
        {children}
      </Form>
    </FormDialog>
  );
}

interface UseValues {
  purpose: string;
  document: string;
  copies: number;
}

function RequestUseModal({ seal, onClose }: { seal: SealRow | null; onClose: () => void }) {
  const { form, problems, saved } = useSealForm(['purpose', 'document', 'copies']);
  const request = useMutation(trpc.seals.requestUse.mutationOptions(saved(onClose)));
  return (
    <SealDialog<UseValues>
      title={seal ? `申请用印：${seal.name}` : '申请用印'}
      open={seal !== null}
      okText="提交申请"
      pending={request.isPending}
      form={form}
      problems={problems}
      onClose={onClose}
      name="requestSealUse"
      initialValues={{ copies: 1 }}
      onFinish={(values) => seal && request.mutate({ sealId: seal.id, ...values })}
    >
      <Form.Item
        label="用印文件"
        name="document"
        rules={[{ required: true, whitespace: true, message: '请输入用印文件' }]}
      >
        <Input placeholder="如：居民困难情况证明" />
      </Form.Item>
      <Form.Item
        label="用印事由"
        name="purpose"
        rules={[{ required: true, whitespace: true, message: '请输入用印事由' }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="份数" name="copies" rules={[{ required: true, message: '请输入份数' }]}>
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
    </SealDialog>
  );
}

interface TakeOutValues {
  reason: string;
  destination?: string;
  returnBy: Dayjs;
}

function TakeOutModal({ seal, onClose }: { seal: SealRow | null; onClose: () => void }) {
  const { form, problems, saved } = useSealForm(['reason', 'destination', 'returnBy']);
  const request = useMutation(trpc.seals.requestTakeOut.mutationOptions(saved(onClose)));
  return (
    <SealDialog<TakeOutValues>
      title={seal ? `申请印章外带：${seal.name}` : '申请印章外带'}
      open={seal !== null}
      okText="提交申请"
      pending={request.isPending}
      form={form}
      problems={problems}
      notice={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="印章原则上不得带离办公室；确需带出的，须经批准并按时归还（鄂州 第四十条）。"
        />
      }
      onClose={onClose}
      name="requestTakeOut"
      initialValues={{ returnBy: dayjs().add(1, 'day').hour(17).minute(0).second(0) }}
      onFinish={(values) =>
        seal &&
        request.mutate({
          sealId: seal.id,
          reason: values.reason,
          destination: values.destination?.trim() || undefined,
          returnBy: values.returnBy.format(),
        })
      }
    >
      <Form.Item
        label="需带出的特殊情况"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请说明带出的特殊情况' }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="去向" name="destination">
        <Input />
      </Form.Item>
      <Form.Item label="归还期限" name="returnBy" rules={[{ required: true, message: '请选择归还期限' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
    </SealDialog>
  );
}

interface EndValues {
  approvedBy: string;
  reason: string;
}

/**
 * 提出停用 or 销毁: the reason and the other approver of the seal who must confirm it. Nothing changes
 * until that approver confirms in their 审批与申请 inbox.
 */
const endings = {
  retire: { title: '提出停用印章', button: '提出停用', done: '已提交停用申请，待审批人确认' },
  destroy: { title: '提出销毁印章', button: '提出销毁', done: '已提交销毁申请，待审批人确认' },
} as const;
type Ending = keyof typeof endings;

function EndSealModal({
  ending,
  onClose,
}: {
  ending: { seal: SealRow; kind: Ending } | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  const { form, problems, saved } = useSealForm(['approvedBy', 'reason']);
  const propose = useMutation(
    trpc.seals.proposeEnd.mutationOptions(
      saved(onClose, () => {
        if (ending) message.success(endings[ending.kind].done);
      }),
    ),
  );
  const labels = endings[ending?.kind ?? 'retire'];
  const seconds = (ending?.seal.approvers ?? []).filter((approver) => approver.id !== me?.id);
  return (
    <SealDialog<EndValues>
      title={ending ? `${labels.title}：${ending.seal.name}` : labels.title}
      open={ending !== null}
      okText="提交，待审批人确认"
      okButtonProps={{ danger: true }}
      pending={propose.isPending}
      form={form}
      problems={problems}
      notice={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            ending?.kind === 'destroy'
              ? '只有已停用的印章可以销毁。提交后须由所选审批人本人确认才销毁；销毁记入保管日志，不能撤销。'
              : '提交后印章仍在用，须由所选审批人本人确认才停用；带出未还的印章不能停用。'
          }
        />
      }
      onClose={() => {
        propose.reset();
        onClose();
      }}
      name="endSeal"
      onFinish={(values) =>
        ending && propose.mutate({ sealId: ending.seal.id, type: ending.kind, ...values })
      }
    >
      <Form.Item
        label="确认的审批人"
        name="approvedBy"
        extra="本印章的另一名审批人（不能是本人），须由其本人确认"
        rules={[{ required: true, message: '请选择另一名审批人' }]}
      >
        <Select
          options={seconds.map((approver) => ({ value: approver.id, label: approver.displayName }))}
          notFoundContent="本印章没有其他审批人，请先补充审批人"
        />
      </Form.Item>
      <Form.Item
        label={ending?.kind === 'destroy' ? '销毁理由' : '停用理由'}
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </SealDialog>
  );
}

interface RegisterValues {
  name: string;
  ownerKind: string;
  ownerName: string;
  custodianId: string;
  storagePlace: string;
  approverIds: string[];
}

function RegisterSealModal({
  community,
  people,
  open,
  onClose,
}: {
  community: string;
  people: Person[];
  open: boolean;
  onClose: () => void;
}) {
  const { form, problems, saved } = useSealForm([
    'name',
    'owner',
    'custodianId',
    'storagePlace',
    'approverIds',
  ]);
  const register = useMutation(trpc.seals.register.mutationOptions(saved(onClose)));
  const local = people.filter((person) => person.jurisdictionCode === community);
  return (
    <SealDialog<RegisterValues>
      title="登记印章"
      open={open}
      okText="登记"
      pending={register.isPending}
      form={form}
      problems={problems}
      onClose={onClose}
      name="registerSeal"
      onFinish={(values) =>
        register.mutate({
          community,
          name: values.name,
          owner: { kind: values.ownerKind as 'residents-committee', name: values.ownerName },
          custodianId: values.custodianId,
          storagePlace: values.storagePlace,
          approverIds: values.approverIds,
        })
      }
    >
      <Form.Item
        label="印章名称（印文）"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入印章名称' }]}
      >
        <Input />
      </Form.Item>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="ownerKind"
          rules={[{ required: true, message: '请选择所属组织类别' }]}
          style={{ width: '40%' }}
        >
          <Select placeholder="所属组织类别" options={optionsOf(sealOwnerKindLabels)} />
        </Form.Item>
        <Form.Item
          name="ownerName"
          rules={[{ required: true, whitespace: true, message: '请输入所属组织' }]}
          style={{ width: '60%' }}
        >
          <Input placeholder="所属组织名称" />
        </Form.Item>
      </Space.Compact>
      <Form.Item label="保管人" name="custodianId" rules={[{ required: true, message: '请选择保管人' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions(local)} />
      </Form.Item>
      <Form.Item
        label="固定存放地点"
        name="storagePlace"
        rules={[{ required: true, whitespace: true, message: '请输入存放地点' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label="审批人"
        name="approverIds"
        extra="按印章使用制度指定，至少一人"
        rules={[{ required: true, message: '请至少指定一名审批人' }]}
      >
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={personOptions(local)} />
      </Form.Item>
    </SealDialog>
  );
}

interface ApproversValues {
  approverIds: string[];
  reason: string;
}

/** 变更审批人: who approves the seal's use from now on, as the community's 印章使用制度 now names them. */
function ApproversModal({
  community,
  seal,
  people,
  onClose,
}: {
  community: string;
  seal: SealRow | null;
  people: Person[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const { form, problems, saved } = useSealForm(['approverIds', 'reason']);
  const change = useMutation(
    trpc.seals.setApprovers.mutationOptions(saved(onClose, () => message.success('已变更审批人'))),
  );
  const local = people.filter((person) => person.jurisdictionCode === community);
  return (
    <SealDialog<ApproversValues>
      title={seal ? `变更审批人：${seal.name}` : '变更审批人'}
      open={seal !== null}
      okText="保存"
      pending={change.isPending}
      form={form}
      problems={problems}
      onClose={() => {
        change.reset();
        onClose();
      }}
      name="sealApprovers"
      initialValues={{ approverIds: seal?.approvers.map((approver) => approver.id) ?? [] }}
      onFinish={(values) => seal && change.mutate({ sealId: seal.id, ...values })}
    >
      <Form.Item
        label="审批人"
        name="approverIds"
        extra="按印章使用制度指定，至少一人；保管人不能是唯一的审批人。已审批的申请不受影响。"
        rules={[{ required: true, message: '请至少指定一名审批人' }]}
      >
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={personOptions(local)} />
      </Form.Item>
      <Form.Item
        label="变更理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写变更理由' }]}
      >
        <Input placeholder="如：居委会换届，按新的印章使用制度指定" />
      </Form.Item>
    </SealDialog>
  );
}

function SealHistory({ sealId, canWrite }: { sealId: string; canWrite: boolean }) {
  const detail = useQuery(trpc.seals.get.queryOptions({ id: sealId }));
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  return (
    <Table<SealRequestRow>
      rowKey="id"
      size="small"
      data-testid="seal-history"
      loading={detail.isPending}
      dataSource={detail.data?.requests ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '还没有用印或外带申请' }}
      columns={[
        {
          title: '类别',
          dataIndex: 'kind',
          ...keepOnOneLine(64),
          render: (kind: string) => requestKindLabels[kind] ?? kind,
        },
        { title: '申请人', dataIndex: 'requesterName', ...keepOnOneLine(110) },
        {
          title: '申请时间',
          dataIndex: 'requestedAt',
          ...keepOnOneLine(130),
          render: (value: string) => formatTime(value),
        },
        { title: '内容', key: 'summary', render: (_value, request) => requestSummary(request) },
        {
          title: '审批人',
          dataIndex: 'deciderName',
          ...keepOnOneLine(110),
          render: (value: string | null) => value ?? '—',
        },
        {
          // What was done with the seal: stamped (when, by whom, how many copies), or out and back.
          title: '用印 / 外带',
          key: 'done',
          ...keepOnOneLine(200),
          render: (_value, request) => <SealUseDone request={request} />,
        },
        {
          title: '状态',
          key: 'state',
          ...keepOnOneLine(110),
          render: (_value, request) => <RequestState request={request} />,
        },
        {
          title: '操作',
          key: 'actions',
          ...keepOnOneLine(120),
          render: (_value, request) => <RequestActions request={request} canWrite={canWrite} />,
        },
      ]}
    />
  );
}

function SealUseDone({ request }: { request: SealRequestRow }) {
  if (request.kind === 'use') {
    if (!request.stampedAt) return <span>—</span>;
    return (
      <span data-testid="stamped">
        用印时间 {formatTime(request.stampedAt)}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          用印人 {request.stamperName ?? '—'}，盖印 {request.copiesStamped ?? '—'} 份
        </Typography.Text>
      </span>
    );
  }
  if (!request.takenOutAt) return <span>—</span>;
  return (
    <span>
      带出 {formatTime(request.takenOutAt)}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {request.returnedAt ? `归还 ${formatTime(request.returnedAt)}` : '尚未归还'}
      </Typography.Text>
    </span>
  );
}

export function Seals({ community }: { community: string }) {
  const canWrite = useCanWrite();
  const { people } = usePeople(community);
  const list = useQuery(trpc.seals.list.queryOptions({ community }));
  const [using, setUsing] = useState<SealRow | null>(null);
  const [takingOut, setTakingOut] = useState<SealRow | null>(null);
  const [registering, setRegistering] = useState(false);
  const [ending, setEnding] = useState<{ seal: SealRow; kind: Ending } | null>(null);
  const [naming, setNaming] = useState<SealRow | null>(null);
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  // Administrators and the seal's own approvers may propose to retire or destroy it (the API checks
  // the rest); while a proposal waits for its approver, another cannot be made.
  const mayEnd = (seal: SealRow) =>
    canWrite &&
    !!me &&
    !seal.pendingEnd &&
    (isAdminRole(me.role) || seal.approvers.some((approver) => approver.id === me.id));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        {/* Registering a seal is for administrators above the community (the API refuses others). */}
        {canWrite && !!me && isAdminRole(me.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记印章
          </Button>
        )}
        <ExportButton load={() => trpcClient.spreadsheets.exportSeals.query({ community })}>
          导出印章登记
        </ExportButton>
      </Space>
      <QueryTable<SealRow>
        query={list}
        rowKey="id"
        data-testid="seal-registry"
        pagination={false}
        locale={{ emptyText: '尚未登记印章' }}
        expandable={{
          expandedRowRender: (seal) => <SealHistory sealId={seal.id} canWrite={canWrite} />,
        }}
        columns={[
          { title: '印章名称', dataIndex: 'name' },
          {
            title: '所属组织',
            key: 'owner',
            render: (_value, seal) => (
              <span>
                {seal.ownerName}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {sealOwnerKindLabels[seal.ownerKind] ?? seal.ownerKind}
                </Typography.Text>
              </span>
            ),
          },
          { title: '保管人', dataIndex: 'custodianName' },
          { title: '存放地点', dataIndex: 'storagePlace', responsive: ['lg'] },
          {
            title: '审批人',
            dataIndex: 'approvers',
            responsive: ['lg'],
            render: (approvers: SealRow['approvers']) => approvers.map((a) => a.displayName).join('、'),
          },
          { title: '状态', key: 'state', render: (_value, seal) => <SealState seal={seal} /> },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_value: unknown, seal: SealRow) => (
                    <Space size="small" wrap>
                      {seal.state === 'inUse' && (
                        <>
                          <Button size="small" onClick={() => setUsing(seal)}>
                            申请用印
                          </Button>
                          <Button size="small" onClick={() => setTakingOut(seal)}>
                            申请外带
                          </Button>
                        </>
                      )}
                      {!!me &&
                        isAdminRole(me.role) &&
                        (seal.state === 'inUse' || seal.state === 'takenOut') && (
                          <Button size="small" onClick={() => setNaming(seal)}>
                            变更审批人
                          </Button>
                        )}
                      {mayEnd(seal) && seal.state === 'inUse' && (
                        <Button size="small" danger onClick={() => setEnding({ seal, kind: 'retire' })}>
                          {endings.retire.button}
                        </Button>
                      )}
                      {mayEnd(seal) && seal.state === 'retired' && (
                        <Button size="small" danger onClick={() => setEnding({ seal, kind: 'destroy' })}>
                          {endings.destroy.button}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RequestUseModal seal={using} onClose={() => setUsing(null)} />
      <TakeOutModal seal={takingOut} onClose={() => setTakingOut(null)} />
      <EndSealModal ending={ending} onClose={() => setEnding(null)} />
      <ApproversModal community={community} seal={naming} people={people} onClose={() => setNaming(null)} />
      <RegisterSealModal
        community={community}
        people={people}
        open={registering}
        onClose={() => setRegistering(false)}
      />
    </Space>
  );
}
