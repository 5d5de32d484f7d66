/**
 * Entering and correcting the deliberation body (议事协商组织) and its members.
 * The server decides; each refusal comes back on the field it names and nothing is written.
 */
import {
  type DeliberationSector,
  type DeliberationSelection,
  deliberationSectorLabels,
  deliberationSectors,
  deliberationSelectionLabels,
  deliberationSelections,
} from '@shequ/democracy/labels';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select } from 'antd';
import { labelledOptions } from '../../lib/labels.js';
import { trpc } from '../../lib/trpc.js';
import { useCanWrite } from '../archives/shared.js';
import {
  dateItem,
  fieldNames,
  ListRow,
  optionalDate,
  RecordDialog,
  type StoredBody,
  textItem,
  useRecordForm,
} from './record-shared.js';

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
  const record = useRecordForm<BodyValues>(
    fieldNames(['name', 'establishedOn', 'rulesAdoptedOn', 'rules', 'dissolvedOn'], {
      members: ['name', 'sector', 'selection'],
    }),
    stored ? '议事协商组织已修改' : '议事协商组织已登记',
  );
  const { handlers } = record;
  const create = useMutation(trpc.democracy.createDeliberationBody.mutationOptions(handlers));
  const update = useMutation(trpc.democracy.updateDeliberationBody.mutationOptions(handlers));
  if (!canWrite) return null;
  return (
    <RecordDialog
      testId="deliberation"
      noun="议事协商组织"
      record={record}
      code={code}
      stored={stored}
      initial={stored ?? { members: [{ sector: 'resident', selection: 'application' }] }}
      toRecord={(v: BodyValues['record']) => ({
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
      })}
      create={create}
      update={update}
    >
      {textItem(['record', 'name'], '组织名称', 100)}
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
                {textItem([field.name, 'name'], '姓名', 50)}
                <Form.Item name={[field.name, 'sector']} label="代表" rules={[{ required: true }]}>
                  <Select options={labelledOptions(deliberationSectors, deliberationSectorLabels)} />
                </Form.Item>
                <Form.Item name={[field.name, 'selection']} label="产生方式" rules={[{ required: true }]}>
                  <Select options={labelledOptions(deliberationSelections, deliberationSelectionLabels)} />
                </Form.Item>
              </ListRow>
            ))}
            <Button onClick={() => add({ sector: 'resident', selection: 'application' })} block>
              添加成员
            </Button>
          </>
        )}
      </Form.List>
    </RecordDialog>
  );
}
