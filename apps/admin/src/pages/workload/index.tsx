/**
 * 社区减负: the burdens imposed on communities outside the lists without admission (counted for the
 * community, the street and the city), the admission requests for work outside the lists (the street
 * applies, the district approves with the funding that follows the task, filed with the city), and the
 * four work-item lists with their versions. Cards, not wide tables, so it reads on a phone.
 */
import {
  type AdmissionKind,
  type ApprovingBody,
  admissionKindLabels,
  admissionKinds,
  admissionStatusLabels,
  approvingBodies,
  approvingBodyLabels,
  approvingBodyOf,
  type BurdenKind,
  burdenKindLabels,
  burdenKinds,
  filingBodyLabels,
  formatFen,
  type WorkListKind,
  workListKindLabels,
  workListKinds,
  yuanToFen,
} from '@shequ/services';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage, serverErrorsFor } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { chinaToday, useCanWrite } from '../archives/shared.js';

const asDate = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : '');
const optionsOf = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** Places the API's field problems (`within.field`) on the form's fields, the rest above the form. */
function useFieldErrors(form: ReturnType<typeof Form.useForm>[0], within: string, fields: string[]) {
  const [others, setOthers] = useState<string[]>([]);
  const onError = (error: unknown) => {
    const placed = serverErrorsFor(
      error,
      fields.map((f) => (within ? `${within}.${f}` : f)),
    );
    form.setFields(
      placed.fields.map((f) => ({ ...f, name: within ? (f.name as (string | number)[]).slice(1) : f.name })),
    );
    setOthers(placed.others);
  };
  const banner = others.length > 0 ? <Alert type="error" showIcon title={others.join('；')} /> : null;
  return { onError, banner, clear: () => setOthers([]) };
}

/** The communities of the signed-in street (or the community itself), for the pickers. */
function useCommunities(node: string) {
  const isStreet = node.length === 9;
  const street = useQuery({
    ...trpc.services.cases.queryOptions({ under: node, limit: 1 }),
    enabled: isStreet,
  });
  if (node.length === 12) return [{ value: node, label: '本社区' }];
  return (street.data?.communities ?? []).map((c) => ({ value: c.code, label: c.name }));
}

// ---------------------------------------------------------------------------------------------

type BurdenData = RouterOutputs['workload']['burdens'];

function RecordBurden({
  communities,
  onDone,
}: {
  communities: { value: string; label: string }[];
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, 'burden', [
    'communityCode',
    'kind',
    'title',
    'imposedBy',
    'imposedOn',
    'endedOn',
  ]);
  const record = useMutation(
    trpc.workload.recordBurden.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        errors.clear();
        onDone();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="burden-form"
      onFinish={(v: {
        communityCode?: string;
        kind?: BurdenKind;
        title?: string;
        imposedBy?: string;
        imposedOn?: unknown;
      }) =>
        record.mutate({
          burden: {
            communityCode: v.communityCode ?? communities[0]?.value ?? '',
            kind: v.kind as BurdenKind,
            title: v.title ?? '',
            imposedBy: v.imposedBy ?? '',
            imposedOn: asDate(v.imposedOn),
          },
        })
      }
    >
      {errors.banner}
      {communities.length > 1 && (
        <Form.Item name="communityCode" label="社区">
          <Select placeholder="请选择" options={communities} />
        </Form.Item>
      )}
      <Form.Item name="kind" label="类别">
        <Select placeholder="请选择" options={optionsOf(burdenKinds, burdenKindLabels)} />
      </Form.Item>
      <Form.Item name="title" label="事项名称">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="imposedBy" label="下派单位">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="imposedOn" label="下派日期" initialValue={dayjs(chinaToday())}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} block>
        登记负担
      </Button>
    </Form>
  );
}

function BurdenTotals({ total }: { total: BurdenData['total'] }) {
  return (
    <Flex gap={24} wrap data-testid="burden-counts">
      <Statistic title="在册负担" value={total.active} />
      <Statistic title="工作任务" value={total.tasks} />
      <Statistic title="考核评比" value={total.evaluations} />
      <Statistic title="规定外挂牌" value={total.signboards} />
      <Statistic
        title="超出每年一次的考评"
        value={total.evaluationsOverYearly}
        styles={{ content: { color: total.evaluationsOverYearly > 0 ? '#cf1322' : undefined } }}
      />
    </Flex>
  );
}

function BurdensTab({ node }: { node: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const communities = useCommunities(node);
  const burdens = useQuery(trpc.workload.burdens.queryOptions({ under: node }));
  const end = useMutation(
    trpc.workload.endBurden.mutationOptions({
      onSuccess: async () => {
        message.success('已登记结束');
        await queryClient.invalidateQueries({ queryKey: trpc.workload.burdens.pathKey() });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );
  if (burdens.isError) return <Alert type="error" showIcon title={errorMessage(burdens.error)} />;
  if (!burdens.data) return null;
  const { total, perCommunity, items, asOf } = burdens.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        清单以外、未经准入下派到社区的工作任务、考核评比和挂牌。考核评比每年一次性实施；社区对外只悬挂社区党组织、基层群众性自治组织、社区党群服务中心牌子和“中国社区”标识（威海
        二（八））。
      </Typography.Paragraph>
      <BurdenTotals total={total} />
      {node.length < 12 && perCommunity.length > 0 && (
        <Flex vertical gap={8} data-testid="burden-communities">
          {perCommunity.map((c) => (
            <Card key={c.code} size="small">
              <Typography.Text strong>{c.name}</Typography.Text>
              <div style={{ color: '#888' }}>
                在册 {c.active} 项：任务 {c.tasks}、考评 {c.evaluations}、挂牌 {c.signboards}
                {c.evaluationsOverYearly > 0 ? `；超出每年一次的考评 ${c.evaluationsOverYearly} 项` : ''}
              </div>
            </Card>
          ))}
        </Flex>
      )}
      <Flex vertical gap={8} data-testid="burden-list">
        {items.length === 0 && <Typography.Text type="secondary">还没有登记负担</Typography.Text>}
        {items.map((b) => {
          const active = b.endedOn === undefined || b.endedOn > asOf;
          return (
            <Card key={b.id} size="small">
              <Flex justify="space-between" align="start" gap={8} wrap>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{b.title}</Typography.Text> <Tag>{burdenKindLabels[b.kind]}</Tag>
                  {!active && <Tag color="green">已结束</Tag>}
                  <div style={{ color: '#888' }}>
                    {b.imposedBy}，{b.imposedOn} 下派{b.endedOn ? `，${b.endedOn} 结束` : ''}
                  </div>
                </div>
                {canWrite && active && (
                  <Button
                    size="small"
                    loading={end.isPending}
                    onClick={() => end.mutate({ id: b.id, endedOn: chinaToday() })}
                  >
                    今天结束
                  </Button>
                )}
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {canWrite && communities.length > 0 && (
        <Collapse
          items={[
            {
              key: 'add',
              label: '登记清单外负担',
              children: (
                <RecordBurden
                  communities={communities}
                  onDone={async () => {
                    message.success('已登记');
                    await queryClient.invalidateQueries({ queryKey: trpc.workload.burdens.pathKey() });
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------

type Admission = RouterOutputs['workload']['admissions']['items'][number];

function ApplyForm({
  street,
  communities,
  onDone,
}: {
  street: string;
  communities: { value: string; label: string }[];
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, 'request', [
    'communityCodes',
    'kind',
    'title',
    'requestedBy',
    'reason',
    'startsOn',
    'endsOn',
    'funding.amountFen',
    'funding.source',
  ]);
  const apply = useMutation(
    trpc.workload.applyForAdmission.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        errors.clear();
        onDone();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="admission-form"
      onFinish={(v: {
        communityCodes?: string[];
        kind?: AdmissionKind;
        title?: string;
        requestedBy?: string;
        reason?: string;
        startsOn?: unknown;
        endsOn?: unknown;
        funding?: { amountFen?: string; source?: string };
      }) => {
        const amount = v.funding?.amountFen?.trim();
        const fen = amount ? yuanToFen(amount) : undefined;
        if (amount && fen === undefined) {
          form.setFields([{ name: ['funding', 'amountFen'], errors: ['金额应为元，最多两位小数'] }]);
          return;
        }
        apply.mutate({
          request: {
            streetCode: street,
            communityCodes: v.communityCodes ?? [],
            kind: v.kind as AdmissionKind,
            title: v.title ?? '',
            requestedBy: v.requestedBy ?? '',
            reason: v.reason ?? '',
            startsOn: asDate(v.startsOn),
            ...(v.endsOn ? { endsOn: asDate(v.endsOn) } : {}),
            ...(fen !== undefined ? { funding: { amountFen: fen, source: v.funding?.source ?? '' } } : {}),
          },
        });
      }}
    >
      {errors.banner}
      <Form.Item name="kind" label="事项类别">
        <Select placeholder="请选择" options={optionsOf(admissionKinds, admissionKindLabels)} />
      </Form.Item>
      <Form.Item name="title" label="事项名称">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="communityCodes" label="安排到的社区">
        <Select mode="multiple" placeholder="请选择" options={communities} />
      </Form.Item>
      <Form.Item name="requestedBy" label="提出部门">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reason" label="申请理由">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="startsOn" label="开始日期" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label="结束日期" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={8} wrap>
        <Form.Item
          name={['funding', 'amountFen']}
          label="拟安排经费（元）"
          style={{ flex: 1, minWidth: 150 }}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name={['funding', 'source']} label="经费来源" style={{ flex: 1, minWidth: 150 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={apply.isPending} block>
        提交准入申请
      </Button>
    </Form>
  );
}

function DecideForm({ request, onDone }: { request: Admission; onDone: () => void }) {
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, 'decision', [
    'outcome',
    'approvingBody',
    'funding.amountFen',
    'funding.source',
    'opinion',
  ]);
  const decide = useMutation(
    trpc.workload.decide.mutationOptions({
      onSuccess: () => {
        errors.clear();
        onDone();
      },
      onError: errors.onError,
    }),
  );
  const outcome = Form.useWatch('outcome', form) as 'approved' | 'rejected' | undefined;
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="decision-form"
      initialValues={{ outcome: 'approved', approvingBody: approvingBodyOf[request.kind] }}
      onFinish={(v: {
        outcome: 'approved' | 'rejected';
        approvingBody: ApprovingBody;
        funding?: { amountFen?: string; source?: string };
        opinion?: string;
      }) => {
        const opinion = v.opinion?.trim();
        if (v.outcome === 'rejected') {
          decide.mutate({
            id: request.id,
            decision: { outcome: 'rejected', approvingBody: v.approvingBody, opinion: opinion ?? '' },
          });
          return;
        }
        const amount = v.funding?.amountFen?.trim();
        const fen = amount ? yuanToFen(amount) : undefined;
        if (amount && fen === undefined) {
          form.setFields([{ name: ['funding', 'amountFen'], errors: ['金额应为元，最多两位小数'] }]);
          return;
        }
        decide.mutate({
          id: request.id,
          decision: {
            outcome: 'approved',
            approvingBody: v.approvingBody,
            ...(fen !== undefined ? { funding: { amountFen: fen, source: v.funding?.source ?? '' } } : {}),
            ...(opinion ? { opinion } : {}),
          },
        });
      }}
    >
      {errors.banner}
      <Form.Item name="outcome" label="审批结果">
        <Select
          options={[
            { value: 'approved', label: '准入' },
            { value: 'rejected', label: '不予准入' },
          ]}
        />
      </Form.Item>
      <Form.Item name="approvingBody" label="审批部门">
        <Select options={optionsOf(approvingBodies, approvingBodyLabels)} />
      </Form.Item>
      {outcome !== 'rejected' && (
        <Flex gap={8} wrap>
          <Form.Item
            name={['funding', 'amountFen']}
            label="落实经费（元）"
            style={{ flex: 1, minWidth: 150 }}
          >
            <Input
              inputMode="decimal"
              placeholder={request.funding ? formatFen(request.funding.amountFen) : ''}
            />
          </Form.Item>
          <Form.Item name={['funding', 'source']} label="经费来源" style={{ flex: 1, minWidth: 150 }}>
            <Input maxLength={200} placeholder={request.funding?.source ?? ''} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="opinion" label="审批意见">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending} block>
        提交审批
      </Button>
    </Form>
  );
}

const statusColors = { pending: 'blue', approved: 'green', rejected: 'default' } as const;

function AdmissionsTab({ node }: { node: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const communities = useCommunities(node);
  const admissions = useQuery(trpc.workload.admissions.queryOptions({ under: node }));
  const [open, setOpen] = useState<string | undefined>();
  const refresh = async (text: string) => {
    message.success(text);
    setOpen(undefined);
    await queryClient.invalidateQueries({ queryKey: trpc.workload.admissions.pathKey() });
  };
  if (admissions.isError) return <Alert type="error" showIcon title={errorMessage(admissions.error)} />;
  if (!admissions.data) return null;
  const data = admissions.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        清单以外的事项确需安排到社区的，由街道申请，党建类报区级组织部门审批，协助政府类报区民政部门审批，并报市组织、民政部门备案；按“费随事转”落实经费（鄂州
        第二十三条）。
      </Typography.Paragraph>
      <Flex gap={24} wrap data-testid="admission-counts">
        <Statistic title="待审批" value={data.pending} />
        <Statistic title="已准入" value={data.approved} />
        <Statistic title="随事转移经费" value={formatFen(data.fundingFen)} />
      </Flex>
      <Flex vertical gap={8} data-testid="admission-list">
        {data.items.length === 0 && <Typography.Text type="secondary">还没有准入申请</Typography.Text>}
        {data.items.map((r) => (
          <Card key={r.id} size="small">
            <Flex justify="space-between" align="start" gap={8} wrap>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{r.title}</Typography.Text> <Tag>{admissionKindLabels[r.kind]}</Tag>
                <Tag color={statusColors[r.status]}>{admissionStatusLabels[r.status]}</Tag>
                <div style={{ color: '#888' }}>
                  {r.requestedBy}提出，{r.appliedOn} 申请；{r.startsOn} 起{r.endsOn ? `至 ${r.endsOn}` : ''}；
                  {r.communityCodes.length} 个社区
                </div>
                {r.decision && (
                  <div style={{ color: '#888' }}>
                    {approvingBodyLabels[r.decision.approvingBody]}（{r.decision.by.name}）{r.decision.on}{' '}
                    审批
                    {r.decision.funding
                      ? `；经费 ${formatFen(r.decision.funding.amountFen)}，来源：${r.decision.funding.source}`
                      : ''}
                    ；已报{filingBodyLabels[r.decision.filedWith.body]}备案
                    {r.decision.opinion ? `；意见：${r.decision.opinion}` : ''}
                  </div>
                )}
              </div>
              {canWrite && data.mayDecide && r.status === 'pending' && (
                <Button size="small" onClick={() => setOpen(open === r.id ? undefined : r.id)}>
                  审批
                </Button>
              )}
            </Flex>
            {open === r.id && <DecideForm request={r} onDone={() => refresh('已审批并报市级备案')} />}
          </Card>
        ))}
      </Flex>
      {canWrite && data.mayApply && node.length === 9 && (
        <Collapse
          items={[
            {
              key: 'apply',
              label: '申请清单外事项准入',
              children: (
                <ApplyForm street={node} communities={communities} onDone={() => refresh('已提交准入申请')} />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------

function ListEditor({ node, onDone }: { node: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const errors = useFieldErrors(form, 'list', ['kind', 'effectiveFrom', 'effectiveUntil', 'items']);
  const save = useMutation(
    trpc.workload.saveList.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        errors.clear();
        onDone();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="list-form"
      onFinish={(v: {
        kind?: WorkListKind;
        effectiveFrom?: unknown;
        effectiveUntil?: unknown;
        items?: string;
      }) =>
        save.mutate({
          list: {
            jurisdictionCode: node,
            kind: v.kind as WorkListKind,
            effectiveFrom: asDate(v.effectiveFrom),
            ...(v.effectiveUntil ? { effectiveUntil: asDate(v.effectiveUntil) } : {}),
            items: (v.items ?? '')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((title) => ({ title })),
          },
        })
      }
    >
      {errors.banner}
      <Form.Item name="kind" label="清单">
        <Select placeholder="请选择" options={optionsOf(workListKinds, workListKindLabels)} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="effectiveFrom" label="生效日期" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveUntil" label="失效日期（可不填）" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="items" label="事项（每行一项）">
        <Input.TextArea rows={6} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} block>
        发布新版本
      </Button>
    </Form>
  );
}

function ListsTab({ node }: { node: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const lists = useQuery(trpc.workload.lists.queryOptions({ code: node }));
  if (lists.isError) return <Alert type="error" showIcon title={errorMessage(lists.error)} />;
  if (!lists.data) return null;
  const { inForce, versions, mayKeep, asOf } = lists.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {asOf} 施行的四类工作事项清单（鄂州 第二十二条）。任何单位不得随意安排社区从事清单以外的工作。
      </Typography.Paragraph>
      <Flex vertical gap={8} data-testid="lists-in-force">
        {workListKinds.map((kind) => {
          const list = inForce[kind];
          return (
            <Card key={kind} size="small" title={workListKindLabels[kind]}>
              {list ? (
                <>
                  <div style={{ color: '#888' }}>
                    第 {list.version} 版，{list.effectiveFrom} 起施行
                    {list.effectiveUntil ? `，至 ${list.effectiveUntil}` : ''}
                  </div>
                  <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {list.items.map((i) => (
                      <li key={i.title}>{i.title}</li>
                    ))}
                  </ol>
                </>
              ) : (
                <Typography.Text type="secondary">尚未发布</Typography.Text>
              )}
            </Card>
          );
        })}
      </Flex>
      <Collapse
        items={[
          {
            key: 'versions',
            label: `全部版本（${versions.length}）`,
            children: (
              <Flex vertical gap={4}>
                {versions.map((v) => (
                  <div key={v.id}>
                    {workListKindLabels[v.kind]} 第 {v.version} 版，{v.effectiveFrom} 起，{v.items.length} 项
                  </div>
                ))}
              </Flex>
            ),
          },
          ...(canWrite && mayKeep
            ? [
                {
                  key: 'edit',
                  label: '发布清单新版本',
                  children: (
                    <ListEditor
                      node={node}
                      onDone={async () => {
                        message.success('已发布');
                        await queryClient.invalidateQueries({ queryKey: trpc.workload.lists.pathKey() });
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

export default function WorkloadPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const node = me.data?.jurisdictionCode;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="workload-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        社区减负
      </Typography.Title>
      {node && (
        <Tabs
          items={[
            { key: 'burdens', label: '清单外负担', children: <BurdensTab node={node} /> },
            { key: 'admissions', label: '事项准入', children: <AdmissionsTab node={node} /> },
            { key: 'lists', label: '工作事项清单', children: <ListsTab node={node} /> },
          ]}
        />
      )}
    </Space>
  );
}
