/**
 * Entering and correcting a charter or covenant, every version through street review, vote, filing
 * and publication.
 * The server decides; each refusal comes back on the field it names and nothing is written.
 */
import { type CharterKind, charterKindLabels, charterKinds } from '@shequ/democracy/labels';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { labelledOptions } from '../../lib/labels.js';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import {
  dateItem,
  fieldNames,
  ListRow,
  optionalDate,
  RecordDialog,
  type StoredCharter,
  textItem,
  useRecordForm,
} from './record-shared.js';

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
  const record = useRecordForm<CharterValues>(
    fieldNames(['kind', 'title'], { versions: ['version', 'text', ...versionSteps.map(([f]) => f)] }),
    stored ? '章程公约已修改' : '章程公约已登记',
  );
  const { form, handlers } = record;
  const create = useMutation(trpc.democracy.createCharter.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateCharter.mutationOptions(handlers));
  if (!canWrite) return null;
  const nextVersion = (stored?.versions.reduce((max, v) => Math.max(max, v.version), 0) ?? 0) + 1;
  return (
    <RecordDialog
      testId="charter"
      noun="章程公约"
      editText="修改或新增版本"
      record={record}
      code={code}
      stored={stored}
      initial={stored ?? { kind: 'residents-covenant', versions: [{ version: 1, text: '', draftedOn: '' }] }}
      toRecord={(v: CharterValues['record']) => ({
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
      })}
      create={create}
      update={update}
    >
      <Form.Item name={['record', 'kind']} label="类别" rules={[{ required: true }]}>
        <Select options={labelledOptions(charterKinds, charterKindLabels)} />
      </Form.Item>
      {textItem(['record', 'title'], '名称', 100)}
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
                    {dateItem([field.name, step], label, step === 'draftedOn' ? '请填写起草日期' : undefined)}
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
    </RecordDialog>
  );
}
