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
  const { form, problems, handlers } = record;
  const create = useMutation(trpc.democracy.createConsultation.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateConsultation.mutationOptions(handlers));
  if (!canWrite) return null;
  const residentsMeetings = meetings.filter((m) => m.kind === 'residents-meeting');
  return (
    <RecordDialog
      editing={Boolean(stored)}
      testId="consultation"
      noun="协商"
      record={record}
      pending={create.isPending || update.isPending}
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
    </RecordDialog>
  );
}
