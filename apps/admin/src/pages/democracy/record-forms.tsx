/**
 * Entering and correcting consultations (with their outcome tasks), charters and covenants (every
 * version through street review, vote, filing and publication), elections (candidates, votes, result)
 * and the deliberation body. The server decides: each refusal comes back on the field it names — a
 * vote count that does not add up, a filing before the adoption, a group leader's term that is not the
 * committee's — and nothing is written.
 */
import {
  type CharterKind,
  charterKindLabels,
  charterKinds,
  type DeliberationSector,
  type DeliberationSelection,
  deliberationSectorLabels,
  deliberationSectors,
  deliberationSelectionLabels,
  deliberationSelections,
  type ElectedPost,
  type ElectionKind,
  electedPostLabels,
  electedPosts,
  electionKindLabels,
  electionKinds,
} from '@shequ/democracy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';
import { FormDialog, useServerErrors } from '../archives/ServerErrors.js';
import { useCanWrite } from '../archives/shared.js';

type View = RouterOutputs['democracy']['community'];
type StoredConsultation = View['consultations'][number];
type StoredCharter = View['charters'][number];
type StoredElection = View['elections'][number];
type StoredBody = View['deliberationBodies'][number];

/** Every dotted field a form with lists can name: `record.x` and `record.list.i.y` for each row. */
function fieldNames(plain: string[], lists: Record<string, string[]> = {}, rows = 100): string[] {
  const out = plain.map((f) => `record.${f}`);
  for (const [list, fields] of Object.entries(lists)) {
    out.push(`record.${list}`);
    for (let i = 0; i < rows; i++) for (const f of fields) out.push(`record.${list}.${i}.${f}`);
  }
  return out;
}

const plainLabel = (dotted: string) => dotted.replace(/^record\./, '');

/** An empty date input is not sent; the server's schema treats absence as "not yet". */
const optionalDate = (value?: string | null) => (value ? value : undefined);

const lines = (text?: string) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const dateItem = (name: (string | number)[], label: string, required?: string) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, message: required }] : []}>
    <Input type="date" />
  </Form.Item>
);

/** A row of a list inside a dialog: its fields wrap on a phone, with a remove button. */
function ListRow({
  title,
  onRemove,
  children,
}: {
  title: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 8 }}
      extra={
        <Button size="small" danger type="link" onClick={onRemove}>
          删除
        </Button>
      }
    >
      {children}
    </Card>
  );
}

/** The dialog's open state and the button that opens it, for a new record or an edit. */
function useDialog() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), close: () => setOpen(false) };
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.democracy.pathKey() });
}

function withoutVersion<T extends { version: number }>(stored: T): Omit<T, 'version'> {
  const { version: _version, ...record } = stored;
  return record;
}

// ---------------------------------------------------------------------------------------------
// Consultation (协商) with outcome tasks
// ---------------------------------------------------------------------------------------------

interface ConsultationValues {
  record: {
    topic: string;
    parties?: string;
    noticeOn?: string;
    heldOn: string;
    contested?: boolean;
    submittedToMeetingId?: string;
    outcomes?: { text: string; owner: string; dueOn: string; doneOn?: string; disclosedOn?: string }[];
  };
}

export function ConsultationForm({
  code,
  stored,
  meetings,
}: {
  code: string;
  stored?: StoredConsultation;
  meetings: View['meetings'];
}) {
  const canWrite = useCanWrite();
  const { message } = App.useApp();
  const dialog = useDialog();
  const [form] = Form.useForm<ConsultationValues>();
  const problems = useServerErrors(
    form,
    fieldNames(['topic', 'parties', 'noticeOn', 'heldOn', 'contested', 'submittedToMeetingId'], {
      outcomes: ['text', 'owner', 'dueOn', 'doneOn', 'disclosedOn'],
    }),
    plainLabel,
  );
  const invalidate = useInvalidate();
  const handlers = {
    onSuccess: async (result: { warnings: string[] } | undefined) => {
      dialog.close();
      for (const warning of result?.warnings ?? []) message.warning(warning);
      message.success(stored ? '协商记录已修改' : '协商已登记');
      await invalidate();
    },
    onError: (error: unknown) => problems.show(error),
  };
  const create = useMutation(trpc.democracy.createConsultation.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateConsultation.mutationOptions(handlers));
  if (!canWrite) return null;
  const residentsMeetings = meetings.filter((m) => m.kind === 'residents-meeting');
  return (
    <>
      <Button
        type={stored ? 'link' : 'primary'}
        size={stored ? 'small' : 'middle'}
        onClick={dialog.show}
        data-testid={stored ? 'consultation-edit' : 'consultation-new'}
      >
        {stored ? '修改' : '登记协商'}
      </Button>
      <FormDialog
        title={stored ? '修改协商' : '登记协商'}
        open={dialog.open}
        okText="保存"
        pending={create.isPending || update.isPending}
        form={form}
        problems={problems}
        onClose={dialog.close}
      >
        <Form<ConsultationValues>
          form={form}
          layout="vertical"
          initialValues={
            stored
              ? { record: { ...stored, parties: stored.parties.join('\n') } }
              : { record: { contested: false, outcomes: [] } }
          }
          onFinish={({ record: v }) => {
            problems.clear();
            const record = {
              id: stored?.id ?? '',
              communityCode: code,
              topic: v.topic,
              parties: lines(v.parties),
              noticeOn: optionalDate(v.noticeOn),
              heldOn: v.heldOn,
              contested: v.contested ?? false,
              submittedToMeetingId: v.submittedToMeetingId || undefined,
              outcomes: (v.outcomes ?? []).map((o) => ({
                text: o.text,
                owner: o.owner,
                dueOn: o.dueOn,
                doneOn: optionalDate(o.doneOn),
                disclosedOn: optionalDate(o.disclosedOn),
              })),
            };
            if (stored) update.mutate({ record, expectedVersion: stored.version });
            else create.mutate({ record });
          }}
        >
          <Form.Item
            name={['record', 'topic']}
            label="协商议题"
            rules={[{ required: true, message: '请填写协商议题' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['record', 'parties']} label="参与协商的主体（每行一个）">
            <Input.TextArea rows={2} />
          </Form.Item>
          {dateItem(['record', 'noticeOn'], '提前通报日期')}
          {dateItem(['record', 'heldOn'], '协商日期', '请填写协商日期')}
          <Form.Item name={['record', 'contested']} valuePropName="checked">
            <Checkbox>协商无法解决或存在较大争议</Checkbox>
          </Form.Item>
          <Form.Item name={['record', 'submittedToMeetingId']} label="已提交的居民会议">
            <Select
              allowClear
              options={residentsMeetings.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.title}` }))}
            />
          </Form.Item>
          <Form.List name={['record', 'outcomes']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <ListRow key={field.key} title={`协商成果 ${i + 1}`} onRemove={() => remove(field.name)}>
                    <Form.Item
                      name={[field.name, 'text']}
                      label="成果"
                      rules={[{ required: true, message: '请填写成果' }]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'owner']}
                      label="落实责任人"
                      rules={[{ required: true, message: '请填写落实责任人' }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    {dateItem([field.name, 'dueOn'], '落实期限', '请填写落实期限')}
                    {dateItem([field.name, 'doneOn'], '落实日期')}
                    {dateItem([field.name, 'disclosedOn'], '落实情况公开日期')}
                  </ListRow>
                ))}
                <Button onClick={() => add()} block data-testid="outcome-add">
                  添加协商成果
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormDialog>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Charters and covenants, every version
// ---------------------------------------------------------------------------------------------

interface VersionValues {
  version: number;
  text: string;
  draftedOn: string;
  consultedOn?: string;
  reviewedOn?: string;
  adoptedOn?: string;
  filedOn?: string;
  publishedOn?: string;
}

interface CharterValues {
  record: { kind: CharterKind; title: string; versions?: VersionValues[] };
}

const versionSteps = [
  ['draftedOn', '起草日期'],
  ['consultedOn', '征求意见日期'],
  ['reviewedOn', '街道审核日期'],
  ['adoptedOn', '居民会议表决通过日期'],
  ['filedOn', '报街道备案日期（通过后十日内）'],
  ['publishedOn', '向居民公布日期'],
] as const;

export function CharterForm({ code, stored }: { code: string; stored?: StoredCharter }) {
  const canWrite = useCanWrite();
  const { message } = App.useApp();
  const dialog = useDialog();
  const [form] = Form.useForm<CharterValues>();
  const problems = useServerErrors(
    form,
    fieldNames(['kind', 'title'], { versions: ['version', 'text', ...versionSteps.map(([f]) => f)] }),
    plainLabel,
  );
  const invalidate = useInvalidate();
  const handlers = {
    onSuccess: async () => {
      dialog.close();
      message.success(stored ? '章程公约已修改' : '章程公约已登记');
      await invalidate();
    },
    onError: (error: unknown) => problems.show(error),
  };
  const create = useMutation(trpc.democracy.createCharter.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateCharter.mutationOptions(handlers));
  if (!canWrite) return null;
  const nextVersion = (stored?.versions.reduce((max, v) => Math.max(max, v.version), 0) ?? 0) + 1;
  return (
    <>
      <Button
        type={stored ? 'link' : 'primary'}
        size={stored ? 'small' : 'middle'}
        onClick={dialog.show}
        data-testid={stored ? 'charter-edit' : 'charter-new'}
      >
        {stored ? '修改或新增版本' : '登记章程公约'}
      </Button>
      <FormDialog
        title={stored ? '修改章程公约' : '登记章程公约'}
        open={dialog.open}
        okText="保存"
        pending={create.isPending || update.isPending}
        form={form}
        problems={problems}
        onClose={dialog.close}
      >
        <Form<CharterValues>
          form={form}
          layout="vertical"
          initialValues={
            stored
              ? { record: stored }
              : {
                  record: { kind: 'residents-covenant', versions: [{ version: 1, text: '', draftedOn: '' }] },
                }
          }
          onFinish={({ record: v }) => {
            problems.clear();
            const record = {
              id: stored?.id ?? '',
              communityCode: code,
              kind: v.kind,
              title: v.title,
              versions: (v.versions ?? []).map((x) => ({
                version: x.version,
                text: x.text ?? '',
                draftedOn: x.draftedOn,
                consultedOn: optionalDate(x.consultedOn),
                reviewedOn: optionalDate(x.reviewedOn),
                adoptedOn: optionalDate(x.adoptedOn),
                filedOn: optionalDate(x.filedOn),
                publishedOn: optionalDate(x.publishedOn),
              })),
            };
            if (stored) update.mutate({ record, expectedVersion: stored.version });
            else create.mutate({ record });
          }}
        >
          <Form.Item name={['record', 'kind']} label="类别" rules={[{ required: true }]}>
            <Select options={charterKinds.map((k) => ({ value: k, label: charterKindLabels[k] }))} />
          </Form.Item>
          <Form.Item
            name={['record', 'title']}
            label="名称"
            rules={[{ required: true, message: '请填写名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.List name={['record', 'versions']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <ListRow
                    key={field.key}
                    title={`第${form.getFieldValue(['record', 'versions', field.name, 'version']) ?? ''}版`}
                    onRemove={() => remove(field.name)}
                  >
                    <Form.Item name={[field.name, 'version']} label="版本号" rules={[{ required: true }]}>
                      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} label="正文">
                      <Input.TextArea rows={3} />
                    </Form.Item>
                    {versionSteps.map(([step, label]) => (
                      <div key={step}>
                        {dateItem(
                          [field.name, step],
                          label,
                          step === 'draftedOn' ? '请填写起草日期' : undefined,
                        )}
                      </div>
                    ))}
                  </ListRow>
                ))}
                <Button
                  onClick={() =>
                    add({ version: Math.max(nextVersion, fields.length + 1), text: '', draftedOn: '' })
                  }
                  block
                  data-testid="charter-version-add"
                >
                  新增版本
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormDialog>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Elections: candidates, ballots, results
// ---------------------------------------------------------------------------------------------

interface ElectionValues {
  record: {
    kind: ElectionKind;
    residentGroupName?: string;
    heldOn: string;
    termEndsOn: string;
    seats: number;
    votesCast: number;
    secretBallot?: boolean;
    candidates?: { name: string; post: ElectedPost; votes: number; elected?: boolean }[];
  };
}

export function ElectionForm({ code, stored }: { code: string; stored?: StoredElection }) {
  const canWrite = useCanWrite();
  const { message } = App.useApp();
  const dialog = useDialog();
  const [form] = Form.useForm<ElectionValues>();
  const kind = Form.useWatch(['record', 'kind'], form);
  const problems = useServerErrors(
    form,
    fieldNames(['kind', 'residentGroupName', 'heldOn', 'termEndsOn', 'seats', 'votesCast', 'secretBallot'], {
      candidates: ['name', 'post', 'votes', 'elected'],
    }),
    plainLabel,
  );
  const invalidate = useInvalidate();
  const handlers = {
    onSuccess: async () => {
      dialog.close();
      message.success(stored ? '选举记录已修改' : '选举已登记');
      await invalidate();
    },
    onError: (error: unknown) => problems.show(error),
  };
  const create = useMutation(trpc.democracy.createElection.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateElection.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <>
      <Button
        type={stored ? 'link' : 'primary'}
        size={stored ? 'small' : 'middle'}
        onClick={dialog.show}
        data-testid={stored ? 'election-edit' : 'election-new'}
      >
        {stored ? '修改' : '登记选举'}
      </Button>
      <FormDialog
        title={stored ? '修改选举' : '登记选举'}
        open={dialog.open}
        okText="保存"
        pending={create.isPending || update.isPending}
        form={form}
        problems={problems}
        onClose={dialog.close}
      >
        <Form<ElectionValues>
          form={form}
          layout="vertical"
          initialValues={
            stored
              ? { record: stored }
              : { record: { kind: 'committee', secretBallot: true, seats: 1, candidates: [] } }
          }
          onFinish={({ record: v }) => {
            problems.clear();
            const record = {
              id: stored?.id ?? '',
              communityCode: code,
              kind: v.kind,
              residentGroupName: v.kind === 'resident-group' ? v.residentGroupName : undefined,
              heldOn: v.heldOn,
              termEndsOn: v.termEndsOn,
              seats: v.seats,
              votesCast: v.votesCast,
              secretBallot: v.secretBallot ?? false,
              candidates: (v.candidates ?? []).map((c) => ({
                name: c.name,
                post: c.post,
                votes: c.votes,
                elected: c.elected ?? false,
              })),
            };
            if (stored) update.mutate({ record, expectedVersion: stored.version });
            else create.mutate({ record });
          }}
        >
          <Form.Item name={['record', 'kind']} label="选举类别" rules={[{ required: true }]}>
            <Select options={electionKinds.map((k) => ({ value: k, label: electionKindLabels[k] }))} />
          </Form.Item>
          {kind === 'resident-group' && (
            <Form.Item
              name={['record', 'residentGroupName']}
              label="居民小组"
              rules={[{ required: true, message: '请填写居民小组' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          )}
          {dateItem(['record', 'heldOn'], '选举日期', '请填写选举日期')}
          {dateItem(['record', 'termEndsOn'], '任期届满日期', '请填写任期届满日期')}
          <Form.Item
            name={['record', 'seats']}
            label="应选人数"
            rules={[{ required: true, message: '请填写应选人数' }]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name={['record', 'votesCast']}
            label="参加投票人数"
            rules={[{ required: true, message: '请填写参加投票人数' }]}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['record', 'secretBallot']} valuePropName="checked">
            <Checkbox>无记名投票</Checkbox>
          </Form.Item>
          <Form.List name={['record', 'candidates']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <ListRow key={field.key} title={`候选人 ${i + 1}`} onRemove={() => remove(field.name)}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label="姓名"
                      rules={[{ required: true, message: '请填写姓名' }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'post']}
                      label="职务"
                      rules={[{ required: true, message: '请选择职务' }]}
                    >
                      <Select
                        options={electedPosts.map((p) => ({ value: p, label: electedPostLabels[p] }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'votes']}
                      label="得票数"
                      rules={[{ required: true, message: '请填写得票数' }]}
                    >
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'elected']} valuePropName="checked">
                      <Checkbox>当选</Checkbox>
                    </Form.Item>
                  </ListRow>
                ))}
                <Button
                  onClick={() =>
                    add({ post: kind === 'resident-group' ? 'group-leader' : 'member', elected: false })
                  }
                  block
                  data-testid="candidate-add"
                >
                  添加候选人
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormDialog>
    </>
  );
}

/** Enters the result in the committee register: the elected serve from the election day. */
export function ApplyElectionButton({ election }: { election: StoredElection }) {
  const canWrite = useCanWrite();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const apply = useMutation(
    trpc.democracy.applyElection.mutationOptions({
      onSuccess: async () => {
        message.success('已登记到委员会名册，上一届任期于选举前一日结束');
        await invalidate();
      },
      onError: (error) => message.error(error.message),
    }),
  );
  if (!canWrite || election.kind === 'resident-group') return null;
  return (
    <Button
      size="small"
      type="link"
      loading={apply.isPending}
      data-testid="election-apply"
      onClick={() =>
        modal.confirm({
          title: '登记到委员会名册',
          content: `当选人自${election.heldOn}起任职，任期至${election.termEndsOn}；上一届任期于选举前一日结束。`,
          okText: '登记',
          cancelText: '取消',
          onOk: () => apply.mutateAsync({ id: election.id }),
        })
      }
    >
      登记到委员会名册
    </Button>
  );
}

// ---------------------------------------------------------------------------------------------
// The deliberation body (议事协商组织)
// ---------------------------------------------------------------------------------------------

interface BodyValues {
  record: {
    name: string;
    establishedOn: string;
    rulesAdoptedOn?: string;
    rules?: string;
    dissolvedOn?: string;
    members?: { name: string; sector: DeliberationSector; selection: DeliberationSelection }[];
  };
}

export function DeliberationBodyForm({ code, stored }: { code: string; stored?: StoredBody }) {
  const canWrite = useCanWrite();
  const { message } = App.useApp();
  const dialog = useDialog();
  const [form] = Form.useForm<BodyValues>();
  const problems = useServerErrors(
    form,
    fieldNames(['name', 'establishedOn', 'rulesAdoptedOn', 'rules', 'dissolvedOn'], {
      members: ['name', 'sector', 'selection'],
    }),
    plainLabel,
  );
  const invalidate = useInvalidate();
  const handlers = {
    onSuccess: async () => {
      dialog.close();
      message.success(stored ? '议事协商组织已修改' : '议事协商组织已登记');
      await invalidate();
    },
    onError: (error: unknown) => problems.show(error),
  };
  const create = useMutation(trpc.democracy.createDeliberationBody.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateDeliberationBody.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <>
      <Button
        type={stored ? 'link' : 'primary'}
        size={stored ? 'small' : 'middle'}
        onClick={dialog.show}
        data-testid={stored ? 'deliberation-edit' : 'deliberation-new'}
      >
        {stored ? '修改' : '登记议事协商组织'}
      </Button>
      <FormDialog
        title={stored ? '修改议事协商组织' : '登记议事协商组织'}
        open={dialog.open}
        okText="保存"
        pending={create.isPending || update.isPending}
        form={form}
        problems={problems}
        onClose={dialog.close}
      >
        <Form<BodyValues>
          form={form}
          layout="vertical"
          initialValues={
            stored
              ? { record: stored }
              : { record: { members: [{ sector: 'resident', selection: 'application' }] } }
          }
          onFinish={({ record: v }) => {
            problems.clear();
            const record = {
              id: stored?.id ?? '',
              communityCode: code,
              name: v.name,
              establishedOn: v.establishedOn,
              rulesAdoptedOn: optionalDate(v.rulesAdoptedOn),
              rules: v.rules?.trim() ? v.rules : undefined,
              dissolvedOn: optionalDate(v.dissolvedOn),
              members: (v.members ?? []).map((m) => ({
                name: m.name,
                sector: m.sector,
                selection: m.selection,
              })),
            };
            if (stored) update.mutate({ record, expectedVersion: stored.version });
            else create.mutate({ record });
          }}
        >
          <Form.Item
            name={['record', 'name']}
            label="组织名称"
            rules={[{ required: true, message: '请填写组织名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          {dateItem(['record', 'establishedOn'], '成立日期', '请填写成立日期')}
          {dateItem(['record', 'rulesAdoptedOn'], '议事规则制定日期')}
          <Form.Item name={['record', 'rules']} label="议事规则">
            <Input.TextArea rows={3} />
          </Form.Item>
          {dateItem(['record', 'dissolvedOn'], '撤销日期')}
          <Form.List name={['record', 'members']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <ListRow key={field.key} title={`成员 ${i + 1}`} onRemove={() => remove(field.name)}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label="姓名"
                      rules={[{ required: true, message: '请填写姓名' }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'sector']} label="代表" rules={[{ required: true }]}>
                      <Select
                        options={deliberationSectors.map((s) => ({
                          value: s,
                          label: deliberationSectorLabels[s],
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'selection']} label="产生方式" rules={[{ required: true }]}>
                      <Select
                        options={deliberationSelections.map((s) => ({
                          value: s,
                          label: deliberationSelectionLabels[s],
                        }))}
                      />
                    </Form.Item>
                  </ListRow>
                ))}
                <Button onClick={() => add({ sector: 'resident', selection: 'application' })} block>
                  添加成员
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormDialog>
    </>
  );
}

/** The edit buttons of one record kind side by side, wrapping on a phone. */
export function RecordActions({ children }: { children: ReactNode }) {
  return (
    <Space wrap size={0}>
      {children}
    </Space>
  );
}
