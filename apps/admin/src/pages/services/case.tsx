/**
 * A service case: what was asked, the resident (numbers masked; a role that needs them may show them,
 * which the audit log records), every step so far, and the next step — transfer with a reason, a note,
 * the agency's submission and answer, closure with the result and how the resident was told. Closing
 * shows the resident's one-time feedback link once.
 */
import {
  caseStatusLabels,
  intakeChannelLabels,
  priorityConditionLabels,
  serviceCategoryLabels,
  servicesAuditActionLabels,
  toldWayLabels,
  toldWays,
} from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { DateItem } from '../../lib/forms.js';
import { labelledOptions } from '../../lib/labels.js';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterInputs, type RouterOutputs, trpc } from '../../lib/trpc.js';
import { formatTime, personOptions, useCanWrite, usePeople } from '../archives/shared.js';

type Case = RouterOutputs['services']['case']['case'];
type Step = RouterInputs['services']['step']['step'];
type Action = Step['kind'];

const actionLabels: Record<Action, string> = {
  transfer: '转交',
  note: '办理记录',
  'agency-submitted': '报送代办',
  'agency-answered': '代办答复',
  close: '办结',
};

const stepFields: Record<Action, string[]> = {
  transfer: ['toUserId', 'reason'],
  note: ['text'],
  'agency-submitted': ['agency', 'on'],
  'agency-answered': ['answer', 'on'],
  close: ['result', 'toldOn', 'toldHow'],
};

/**
 * Who a history line without an account is by: a resident's feedback is given through the link without
 * signing in; any other such line was written by the system itself (the demo cases' intake), not a resident.
 */
function anonymousActor(action: string): string {
  return action === 'services.feedback.answer' ? '居民' : '系统';
}

function stepLine(s: Case['steps'][number]): string {
  switch (s.kind) {
    case 'intake':
      return `${s.by.name} 受理（首问责任人），承诺 ${s.promisedOn} 前办结`;
    case 'transfer':
      return `${s.by.name} 转交 ${s.to.name}：${s.reason}`;
    case 'note':
      return `${s.by.name}：${s.text}`;
    case 'agency-submitted':
      return `${s.by.name} ${s.on} 报送 ${s.agency}`;
    case 'agency-answered':
      return `${s.on} 代办机构答复：${s.answer}`;
    case 'close':
      return `${s.by.name} 办结：${s.result}（${s.toldOn} ${toldWayLabels[s.toldHow]}居民）`;
  }
}

function StepForm({ c, onDone }: { c: Case; onDone: (token?: string) => void }) {
  const [form] = Form.useForm();
  const [action, setAction] = useState<Action>('note');
  const errors = useFieldErrors(form, 'step', stepFields[action]);
  const { people } = usePeople(c.communityCode);
  const step = useMutation(
    trpc.services.step.mutationOptions({
      onSuccess: (result) => {
        form.resetFields();
        errors.clear();
        onDone('feedbackToken' in result ? result.feedbackToken : undefined);
      },
      onError: errors.onError,
    }),
  );
  const actions: Action[] =
    c.category === 'agency'
      ? ['note', 'transfer', 'agency-submitted', 'agency-answered', 'close']
      : ['note', 'transfer', 'close'];
  const submit = (values: Record<string, unknown>) => {
    const dated = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : (v ?? '')]),
    );
    step.mutate({ id: c.id, step: { kind: action, ...dated } as Step });
  };
  return (
    <Card size="small" title="办理" data-testid="case-step">
      <Segmented<Action>
        block
        value={action}
        onChange={(a) => {
          setAction(a);
          errors.clear();
          form.resetFields();
        }}
        options={labelledOptions(actions, actionLabels)}
        style={{ marginBottom: 12 }}
      />
      {errors.banner}
      <Form form={form} layout="vertical" onFinish={submit}>
        {action === 'transfer' && (
          <>
            <Form.Item name="toUserId" label="转交给">
              <Select options={personOptions(people)} placeholder="请选择" />
            </Form.Item>
            <Form.Item name="reason" label="转交原因">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {action === 'note' && (
          <Form.Item name="text" label="办理记录">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'agency-submitted' && (
          <>
            <Form.Item name="agency" label="代办机构" initialValue={c.agency}>
              <Input maxLength={100} />
            </Form.Item>
            <DateItem name="on" label="报送日期" />
          </>
        )}
        {action === 'agency-answered' && (
          <>
            <Form.Item name="answer" label="代办机构答复">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <DateItem name="on" label="答复日期" />
          </>
        )}
        {action === 'close' && (
          <>
            <Form.Item name="result" label="办理结果">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <DateItem name="toldOn" label="告知居民日期" />
            <Form.Item name="toldHow" label="告知方式">
              <Select options={labelledOptions(toldWays, toldWayLabels)} placeholder="请选择" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={step.isPending} block>
          {actionLabels[action]}
        </Button>
      </Form>
    </Card>
  );
}

export default function CasePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [full, setFull] = useState(false);
  const [feedbackLink, setFeedbackLink] = useState<string | undefined>();
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const page = useQuery(trpc.services.case.queryOptions({ id, full }));
  const c = page.data?.case;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="case-page">
      <Breadcrumb items={[{ title: <Link to="/services">服务事项</Link> }, { title: c?.subject ?? '…' }]} />
      {page.isError && <Alert type="error" showIcon title={errorMessage(page.error)} />}
      {c && page.data && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.subject}{' '}
            <Tag color={page.data.status === 'closed' ? 'green' : 'blue'}>
              {caseStatusLabels[page.data.status]}
            </Tag>
            {page.data.overdue && <Tag color="red">超期</Tag>}
            {c.priority && <Tag color="purple">优先</Tag>}
          </Typography.Title>
          {feedbackLink && (
            <Alert
              type="success"
              showIcon
              data-testid="feedback-link"
              title="已办结。请把评价链接发给居民（只显示这一次，只能评价一次）："
              description={<Typography.Text copyable>{feedbackLink}</Typography.Text>}
            />
          )}
          <Card
            size="small"
            title="事项"
            extra={
              page.data.maySeeFull &&
              !full && (
                <Button size="small" onClick={() => setFull(true)}>
                  显示完整号码
                </Button>
              )
            }
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label="类别">{serviceCategoryLabels[c.category]}</Descriptions.Item>
              <Descriptions.Item label="渠道">
                {intakeChannelLabels[c.channel]}
                {c.hotlineTicket ? `（${c.hotlineTicket}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="受理">{formatTime(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="承诺办结">{c.promisedOn}</Descriptions.Item>
              <Descriptions.Item label="首问责任人">{c.firstResponder.name}</Descriptions.Item>
              <Descriptions.Item label="承办人">{page.data.handler.name}</Descriptions.Item>
              <Descriptions.Item label="居民">{c.resident.name}</Descriptions.Item>
              <Descriptions.Item label="身份证号">{c.resident.idNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="手机">{c.resident.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="住址">{c.resident.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="优先服务">
                {c.resident.conditions.map((x) => priorityConditionLabels[x]).join('、') || '—'}
                {c.homeService ? '（上门服务）' : ''}
              </Descriptions.Item>
              {c.agency && <Descriptions.Item label="代办机构">{c.agency}</Descriptions.Item>}
              {c.detail && <Descriptions.Item label="情况说明">{c.detail}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title="办理过程">
            <Timeline
              items={c.steps.map((s) => ({
                key: s.at + s.kind,
                content: `${formatTime(s.at)} ${stepLine(s)}`,
              }))}
            />
          </Card>
          {canWrite && page.data.status !== 'closed' && (
            <StepForm
              c={c}
              onDone={async (token) => {
                message.success('已保存');
                if (token) setFeedbackLink(`${window.location.origin}/feedback/${token}`);
                await queryClient.invalidateQueries({ queryKey: trpc.services.pathKey() });
              }}
            />
          )}
          <Card size="small" title="操作记录">
            <Timeline
              items={page.data.history.map((h, i) => ({
                key: String(i),
                content: `${formatTime(h.at)} ${h.actorName ?? anonymousActor(h.action)} ${servicesAuditActionLabels[h.action] ?? h.action}`,
              }))}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
