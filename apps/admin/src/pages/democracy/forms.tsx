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
import { labelledOptions } from '../../lib/labels.js';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import { dateItem, fieldNames, lines, RecordDialog, textItem, useRecordForm } from './record-shared.js';

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
  const { handlers } = record;
  const create = useMutation(trpc.democracy.createMeeting.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <RecordDialog
      testId="meeting"
      noun="会议"
      record={record}
      code={code}
      initial={{ kind: 'residents-meeting' }}
      toRecord={(values: MeetingRecord) => ({
        kind: values.kind,
        title: values.title,
        ...(values.noticeOn ? { noticeOn: values.noticeOn } : {}),
        heldOn: values.heldOn,
        agenda: lines(values.agenda),
        decisions: [],
      })}
      create={create}
    >
      <Form.Item name={['record', 'kind']} label="会议类型" rules={[{ required: true }]}>
        <Select options={labelledOptions(meetingKinds, meetingKindLabels)} />
      </Form.Item>
      {textItem(['record', 'title'], '会议名称', 100)}
      {dateItem(['record', 'noticeOn'], '公告日期')}
      {dateItem(['record', 'heldOn'], '会议日期', '请填写会议日期')}
      <Form.Item name={['record', 'agenda']} label="议题（每行一项）">
        <Input.TextArea rows={3} />
      </Form.Item>
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
  const { handlers } = record;
  const create = useMutation(trpc.democracy.createDisclosure.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <RecordDialog
      testId="disclosure"
      noun="公开事项"
      addVerb="发布"
      okText="发布"
      record={record}
      code={code}
      initial={{ category: 'important' }}
      toRecord={(values: DisclosureRecord) => ({
        category: values.category,
        title: values.title,
        body: values.body ?? '',
        on: values.on,
        ...(values.until ? { until: values.until } : {}),
      })}
      create={create}
    >
      <Form.Item name={['record', 'category']} label="类别" rules={[{ required: true }]}>
        <Select options={labelledOptions(disclosureCategories, disclosureCategoryLabels)} />
      </Form.Item>
      {textItem(['record', 'title'], '公开事项', 200)}
      {dateItem(['record', 'on'], '公开日期', '请填写公开日期')}
      {dateItem(['record', 'until'], '撤下日期（可不填）')}
      <Form.Item name={['record', 'body']} label="公开内容（不要填写身份证号、手机号）">
        <Input.TextArea rows={4} />
      </Form.Item>
    </RecordDialog>
  );
}
