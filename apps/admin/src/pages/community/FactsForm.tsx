import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, InputNumber, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { optionsOf } from '../../lib/labels.js';
import { errorCode, queryClient, type RouterOutputs, trpc } from '../../lib/trpc.js';
import { useUnsavedChangesGuard } from '../../lib/unsavedChanges.js';
import {
  applyFormValues,
  type FactField,
  facilityFunctionLabels,
  factField,
  factSections,
  factsToFormValues,
  honourLabels,
  settingLabels,
} from './factFields.js';

export type CommunityRecord = RouterOutputs['communities']['get'];

function numberRule(field: FactField): Rule {
  const { label, kind } = field;
  const check = (value: number): string | null => {
    switch (kind) {
      case 'count':
        return Number.isInteger(value) && value >= 0 ? null : `${label}须为不小于 0 的整数`;
      case 'positiveCount':
        return Number.isInteger(value) && value >= 1 ? null : `${label}须为正整数`;
      case 'amount':
        return value >= 0 ? null : `${label}不能为负数`;
      case 'share':
        return value >= 0 && value <= 1 ? null : `${label}须在 0 到 1 之间`;
      default:
        return null;
    }
  };
  return {
    validator: (_rule, value: unknown) => {
      if (value === null || value === undefined || value === '') return Promise.resolve();
      const problem = typeof value === 'number' ? check(value) : `${label}须为数字`;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** `Form.Item` hands its child `id`, `value` and `onChange`; they must reach the control itself. */
interface ControlProps {
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

function FactInput({ field, ...control }: ControlProps & { field: FactField }) {
  switch (field.kind) {
    case 'boolean':
      return <Select {...control} allowClear placeholder="未填" options={yesNo} />;
    case 'setting':
      return <Select {...control} allowClear placeholder="未填" options={optionsOf(settingLabels)} />;
    case 'functions':
    case 'honours':
      return (
        <Select
          {...control}
          mode="multiple"
          allowClear
          placeholder="未填"
          options={optionsOf<string>(field.kind === 'functions' ? facilityFunctionLabels : honourLabels)}
        />
      );
    default:
      return (
        <InputNumber<number>
          id={control.id}
          value={typeof control.value === 'number' ? control.value : null}
          onChange={(value) => control.onChange?.(value)}
          style={{ width: '100%' }}
          placeholder="未填"
          suffix={field.unit}
          step={field.kind === 'share' ? 0.01 : 1}
        />
      );
  }
}

const wide = new Set(['functions', 'honours']);
const numericKinds = new Set(['count', 'positiveCount', 'amount', 'share']);

interface Props {
  record: CommunityRecord;
  readOnly: boolean;
}

/**
 * The facts of one community. Saving sends the version the form was loaded from; if someone saved in
 * between, the API answers CONFLICT and nothing is overwritten.
 */
export function FactsForm({ record, readOnly }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [conflict, setConflict] = useState(false);
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  // Edited and not yet saved; a save remounts the form (its key is the saved version), clearing this.
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty && !readOnly);

  const save = useMutation(
    trpc.communities.updateFacts.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.communities.get.queryKey({ code: updated.code }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.communities.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() });
        message.success('已保存');
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') {
          setConflict(true);
          return;
        }
        const fieldErrors = fieldErrorsOf(error);
        if (!fieldErrors) {
          message.error(errorMessage(error));
          return;
        }
        const placed = placeFieldErrors(
          fieldErrors,
          (path) => path.join('.') === 'asOf' || factField(path.join('.')) !== undefined,
          { stripPrefix: 'facts', label: (dotted) => factField(dotted)?.label ?? dotted },
        );
        form.setFields(placed.fields);
        setOtherProblems(placed.others);
        message.error('保存失败：请按提示修改');
      },
    }),
  );

  const reload = async () => {
    setDirty(false);
    await queryClient.invalidateQueries({ queryKey: trpc.communities.get.queryKey({ code: record.code }) });
    setConflict(false);
  };

  return (
    <Form
      form={form}
      name="facts"
      layout="vertical"
      disabled={readOnly}
      initialValues={{ ...factsToFormValues(record.facts), asOf: dayjs(record.asOf) }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values: Record<string, unknown> & { asOf: Dayjs }) => {
        setOtherProblems([]);
        const { asOf, ...facts } = values;
        save.mutate({
          code: record.code,
          expectedVersion: record.version,
          asOf: asOf.format('YYYY-MM-DD'),
          facts: applyFormValues(record.facts, facts),
        });
      }}
      onFinishFailed={() => message.warning('有字段填写不正确，请按提示修改')}
      scrollToFirstError
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="保存未成功：该社区的数据已被他人修改"
          description="您看到的是旧版本。载入最新数据后再修改；您在本页尚未保存的修改将被放弃。"
          action={
            <Button size="small" type="primary" onClick={() => void reload()} disabled={false}>
              载入最新数据
            </Button>
          }
        />
      )}
      {otherProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下数据有误"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {otherProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item
              label="数据日期"
              name="asOf"
              rules={[{ required: true, message: '请选择数据日期' }]}
              extra="这些数据所反映的日期"
              style={{ marginBottom: 0 }}
            >
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16} style={{ textAlign: 'right' }}>
            <Space>
              <Button icon={<UndoOutlined />} onClick={() => form.resetFields()}>
                撤销修改
              </Button>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                保存
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>
      {factSections.map((section) => (
        <Card key={section.title} title={section.title} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {section.fields.map((field) => (
              <Col
                key={field.path.join('.')}
                xs={24}
                md={wide.has(field.kind) ? 24 : 12}
                xl={wide.has(field.kind) ? 24 : 8}
              >
                <Form.Item
                  label={field.label}
                  name={field.path}
                  rules={numericKinds.has(field.kind) ? [numberRule(field)] : []}
                  {...(field.help ? { extra: field.help } : {})}
                >
                  <FactInput field={field} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
    </Form>
  );
}
