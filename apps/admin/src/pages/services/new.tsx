/**
 * 受理事项: the intake form, one column so it works at the door on a phone. The signed-in worker
 * becomes the case's first responder (首问责任人). The server routes the category to its window and
 * sets the promised date; its field messages land on the fields they name.
 */
import {
  intakeChannelLabels,
  intakeChannels,
  priorityConditionLabels,
  priorityConditions,
  serviceCategories,
  serviceCategoryLabels,
} from '@shequ/services/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { labelledOptions } from '../../lib/labels.js';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterInputs, trpc } from '../../lib/trpc.js';
import { useUnsavedChangesGuard } from '../../lib/unsavedChanges.js';

type Draft = RouterInputs['services']['open']['case'];

const formFields = [
  'channel',
  'hotlineTicket',
  'category',
  'agency',
  'subject',
  'detail',
  'resident.name',
  'resident.idNumber',
  'resident.phone',
  'resident.address',
  'resident.conditions',
  'homeService',
];

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export default function NewCasePage() {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const errors = useFieldErrors(form, 'case', formFields);
  const channel = Form.useWatch('channel', form);
  const category = Form.useWatch('category', form);
  // A resident at the door while the worker types: a stray click on the menu must not lose the intake.
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChangesGuard(dirty);
  const open = useMutation(
    trpc.services.open.mutationOptions({
      onSuccess: async (saved) => {
        guard.release();
        message.success(`已受理，承诺 ${saved.promisedOn} 前办结`);
        await queryClient.invalidateQueries({ queryKey: trpc.services.pathKey() });
        navigate(`/services/${saved.id}`);
      },
      onError: errors.onError,
    }),
  );
  const submit = (values: Record<string, unknown> & { resident: Record<string, unknown> }) => {
    errors.clear();
    const resident = values.resident as {
      name?: string;
      idNumber?: string;
      phone?: string;
      address?: string;
    };
    const draft = {
      ...values,
      communityCode: me.data?.jurisdictionCode ?? '',
      hotlineTicket: blankToUndefined(values.hotlineTicket as string | undefined),
      agency: blankToUndefined(values.agency as string | undefined),
      detail: blankToUndefined(values.detail as string | undefined),
      resident: {
        ...values.resident,
        name: resident.name ?? '',
        idNumber: blankToUndefined(resident.idNumber),
        phone: blankToUndefined(resident.phone),
        address: blankToUndefined(resident.address),
      },
    } as Draft;
    open.mutate({ case: draft });
  };
  return (
    <Card
      size="small"
      title={<Breadcrumb items={[{ title: <Link to="/services">服务事项</Link> }, { title: '受理事项' }]} />}
      style={{ maxWidth: 640 }}
    >
      {errors.banner}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'window', homeService: false, resident: { conditions: [] } }}
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        data-testid="case-intake"
      >
        <Form.Item name="channel" label="受理渠道">
          <Select options={labelledOptions(intakeChannels, intakeChannelLabels)} />
        </Form.Item>
        {channel === 'hotline' && (
          <Form.Item name="hotlineTicket" label="12345工单号">
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="category" label="服务类别">
          <Select placeholder="请选择" options={labelledOptions(serviceCategories, serviceCategoryLabels)} />
        </Form.Item>
        {category === 'agency' && (
          <Form.Item name="agency" label="代办机构">
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="subject" label="事项">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="detail" label="情况说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['resident', 'name']} label="居民姓名">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name={['resident', 'idNumber']} label="身份证号">
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name={['resident', 'phone']} label="手机号码">
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['resident', 'address']} label="住址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['resident', 'conditions']} label="优先服务对象（老弱病残优先办理）">
          <Checkbox.Group options={labelledOptions(priorityConditions, priorityConditionLabels)} />
        </Form.Item>
        <Form.Item name="homeService" label="上门服务" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending} block>
          受理
        </Button>
      </Form>
    </Card>
  );
}
