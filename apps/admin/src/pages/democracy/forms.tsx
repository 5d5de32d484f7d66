/**
 * Entering a meeting (scheduled or held) and a disclosure. The server decides: a notice dated after
 * the meeting or a disclosure dated after today comes back on its field; a short notice is saved and
 * its warning shown.
 */
import {
  type DisclosureCategory,
  disclosureCategories,
  disclosureCategoryLabels,
  type MeetingKind,
  meetingKindLabels,
  meetingKinds,
} from '@shequ/democracy/labels';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { dateItem, fieldNames, lines, RecordDialog, useRecordForm } from './record-shared.js';

interface MeetingValues {
  record: MeetingRecord;
}

interface MeetingRecord {
  kind: MeetingKind;
  title: string;
  noticeOn?: string;
  heldOn: string;
  agenda?: string;
}

export function MeetingForm({ code }: { code: string }) {
  const canWrite = useCanWrite();
  const record = useRecordForm<MeetingValues>(
    fieldNames(['kind', 'title', 'noticeOn', 'heldOn', 'agenda']),
    '会议已登记',
    { warnings: true },
  );
  const { form, problems, handlers } = record;
  const create = useMutation(trpc.democracy.createMeeting.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <RecordDialog editing={false} testId="meeting" noun="会议" record={record} pending={create.isPending}>
      <Form<MeetingValues>
        form={form}
        layout="vertical"
        initialValues={{ record: { kind: 'residents-meeting' } }}
        onFinish={({ record: values }) => {
          problems.clear();
          create.mutate({
            record: {
              id: '',
              communityCode: code,
              kind: values.kind,
              title: values.title,
              ...(values.noticeOn ? { noticeOn: values.noticeOn } : {}),
              heldOn: values.heldOn,
              agenda: lines(values.agenda),
              decisions: [],
            },
          });
        }}
      >
        <Form.Item name={['record', 'kind']} label="会议类型" rules={[{ required: true }]}>
          <Select options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name={['record', 'title']}
          label="会议名称"
          rules={[{ required: true, message: '请填写会议名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {dateItem(['record', 'noticeOn'], '公告日期')}
        {dateItem(['record', 'heldOn'], '会议日期', '请填写会议日期')}
        <Form.Item name={['record', 'agenda']} label="议题（每行一项）">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </RecordDialog>
  );
}

interface DisclosureValues {
  record: DisclosureRecord;
}

interface DisclosureRecord {
  category: DisclosureCategory;
  title: string;
  on: string;
  until?: string;
  body?: string;
}

export function DisclosureForm({ code }: { code: string }) {
  const canWrite = useCanWrite();
  const record = useRecordForm<DisclosureValues>(
    fieldNames(['category', 'title', 'on', 'until', 'body']),
    '公开事项已发布',
  );
  const { form, problems, handlers } = record;
  const create = useMutation(trpc.democracy.createDisclosure.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <RecordDialog
      editing={false}
      testId="disclosure"
      noun="公开事项"
      addVerb="发布"
      okText="发布"
      record={record}
      pending={create.isPending}
    >
      <Form<DisclosureValues>
        form={form}
        layout="vertical"
        initialValues={{ record: { category: 'important' } }}
        onFinish={({ record: values }) => {
          problems.clear();
          create.mutate({
            record: {
              id: '',
              communityCode: code,
              category: values.category,
              title: values.title,
              body: values.body ?? '',
              on: values.on,
              ...(values.until ? { until: values.until } : {}),
            },
          });
        }}
      >
        <Form.Item name={['record', 'category']} label="类别" rules={[{ required: true }]}>
          <Select
            options={disclosureCategories.map((c) => ({ value: c, label: disclosureCategoryLabels[c] }))}
          />
        </Form.Item>
        <Form.Item
          name={['record', 'title']}
          label="公开事项"
          rules={[{ required: true, message: '请填写公开事项' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {dateItem(['record', 'on'], '公开日期', '请填写公开日期')}
        {dateItem(['record', 'until'], '撤下日期（可不填）')}
        <Form.Item name={['record', 'body']} label="公开内容（不要填写身份证号、手机号）">
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </RecordDialog>
  );
}
