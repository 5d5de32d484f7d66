/**
 * Entering and correcting a consultation (协商) with its outcome tasks.
 * The server decides; each refusal comes back on the field it names and nothing is written.
 */
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Select } from 'antd';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import {
  dateItem,
  fieldNames,
  ListRow,
  lines,
  optionalDate,
  RecordDialog,
  type StoredConsultation,
  textItem,
  useRecordForm,
  type View,
} from './record-shared.js';

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
  const record = useRecordForm<ConsultationValues>(
    fieldNames(['topic', 'parties', 'noticeOn', 'heldOn', 'contested', 'submittedToMeetingId'], {
      outcomes: ['text', 'owner', 'dueOn', 'doneOn', 'disclosedOn'],
    }),
    stored ? '协商记录已修改' : '协商已登记',
    { warnings: true },
  );
  const { handlers } = record;
  const create = useMutation(trpc.democracy.createConsultation.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateConsultation.mutationOptions(handlers));
  if (!canWrite) return null;
  const residentsMeetings = meetings.filter((m) => m.kind === 'residents-meeting');
  return (
    <RecordDialog
      testId="consultation"
      noun="协商"
      record={record}
      code={code}
      stored={stored}
      initial={
        stored ? { ...stored, parties: stored.parties.join('\n') } : { contested: false, outcomes: [] }
      }
      toRecord={(v: ConsultationValues['record']) => ({
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
      })}
      create={create}
      update={update}
    >
      {textItem(['record', 'topic'], '协商议题', 200)}
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
                {textItem([field.name, 'text'], '成果', 500)}
                {textItem([field.name, 'owner'], '落实责任人', 50)}
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
    </RecordDialog>
  );
}
