/**
 * 事项准入: admission requests for work outside the lists — the street applies, the district approves
 * with the funding that follows the task, filed with the city.
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
  filingBodyLabels,
  formatFen,
  yuanToFen,
} from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ServerForm } from '../../components/ServerForm.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { asDate } from '../../lib/forms.js';
import { labelledOptions } from '../../lib/labels.js';
import { AddPanel, RowCard } from '../../lib/registers.js';
import { useEntryForm, useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { underNode, useCommunities } from './shared.js';

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
  const apply = useEntryForm('request', trpc.workload.applyForAdmission.mutationOptions, onDone);
  return (
    <ServerForm
      {...apply.props}
      testId="admission-form"
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
          apply.form.setFields([{ name: ['funding', 'amountFen'], errors: ['金额应为元，最多两位小数'] }]);
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
      submitText="提交准入申请"
    >
      <Form.Item name="kind" label="事项类别">
        <Select placeholder="请选择" options={labelledOptions(admissionKinds, admissionKindLabels)} />
      </Form.Item>
      <Form.Item name="title" label="事项名称">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="communityCodes" label="安排到的社区">
        <Select
          mode="multiple"
          placeholder="请选择，可输入社区名称查找"
          showSearch={{ optionFilterProp: 'label' }}
          options={communities}
        />
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
    </ServerForm>
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
    <ServerForm
      form={form}
      testId="decision-form"
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
      banner={errors.banner}
      pending={decide.isPending}
      submitText="提交审批"
    >
      <Form.Item name="outcome" label="审批结果">
        <Select
          options={[
            { value: 'approved', label: '准入' },
            { value: 'rejected', label: '不予准入' },
          ]}
        />
      </Form.Item>
      <Form.Item name="approvingBody" label="审批部门">
        <Select options={labelledOptions(approvingBodies, approvingBodyLabels)} />
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
    </ServerForm>
  );
}

const statusColors = { pending: 'blue', approved: 'green', rejected: 'default' } as const;

export function AdmissionsTab({ node }: { node: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  const communities = useCommunities(node);
  const admissions = useQuery(trpc.workload.admissions.queryOptions({ under: underNode(node) }));
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
          <RowCard
            key={r.id}
            title={r.title}
            tags={
              <>
                <Tag>{admissionKindLabels[r.kind]}</Tag>
                <Tag color={statusColors[r.status]}>{admissionStatusLabels[r.status]}</Tag>
              </>
            }
            detail={
              <>
                {r.requestedBy}提出，{r.appliedOn} 申请；{r.startsOn} 起{r.endsOn ? `至 ${r.endsOn}` : ''}；
                {r.communityCodes.length} 个社区
              </>
            }
            more={
              r.decision && (
                <div style={{ color: '#888' }}>
                  {approvingBodyLabels[r.decision.approvingBody]}（{r.decision.by.name}）{r.decision.on} 审批
                  {r.decision.funding
                    ? `；经费 ${formatFen(r.decision.funding.amountFen)}，来源：${r.decision.funding.source}`
                    : ''}
                  ；已报{filingBodyLabels[r.decision.filedWith.body]}备案
                  {r.decision.opinion ? `；意见：${r.decision.opinion}` : ''}
                </div>
              )
            }
            action={
              canWrite &&
              data.mayDecide &&
              r.status === 'pending' && (
                <Button size="small" onClick={() => setOpen(open === r.id ? undefined : r.id)}>
                  审批
                </Button>
              )
            }
          >
            {open === r.id && <DecideForm request={r} onDone={() => refresh('已审批并报市级备案')} />}
          </RowCard>
        ))}
      </Flex>
      {canWrite && data.mayApply && node.length === 9 && (
        <AddPanel label="申请清单外事项准入">
          <ApplyForm street={node} communities={communities} onDone={() => refresh('已提交准入申请')} />
        </AddPanel>
      )}
    </Space>
  );
}
