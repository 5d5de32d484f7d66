/**
 * 发起离任移交, step by step: the three people, what is in the leaver's custody (archive items and
 * seals are gathered by the API; finance records are named here), then the list is created and
 * opens as its printable form, where the three confirm.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { lazy, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DatePicker, Result, WhenOpened } from '../../components/OnDemand.js';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { optionsOf } from '../../lib/labels.js';
import { queryClient, trpc } from '../../lib/trpc.js';
import { useUnsavedChangesGuard } from '../../lib/unsavedChanges.js';
import { supervisingBodyLabels } from './labels.js';
import {
  CANNOT_START_HANDOVER,
  chinaToday,
  personOptions,
  useCanStartHandover,
  usePeople,
} from './shared.js';

// What the leaver holds, with its tables, is fetched when step 2 is first shown.
const CustodyPreview = lazy(() => import('./HandoverCustody.js'));

/** A deadline before the day the list is opened would make the leaver late from the start. */
const beforeToday = (day: Dayjs) => day.isBefore(dayjs(chinaToday()), 'day');

interface WizardValues {
  leaverId: string;
  successorId: string;
  supervisorId: string;
  supervisorBody: string;
  dueOn: Dayjs;
  financeRecords?: { ref: string; description: string }[];
}

const stepFields: (keyof WizardValues)[][] = [
  ['leaverId', 'successorId', 'supervisorId', 'supervisorBody', 'dueOn'],
  ['financeRecords'],
  [],
];

/** The leaver's seals that are taken out: while any is, the list cannot be opened. */
function useSealsOut(community: string, leaverId: string | undefined) {
  const seals = useQuery({ ...trpc.seals.list.queryOptions({ community }), enabled: !!leaverId });
  if (!leaverId) return [];
  return (seals.data ?? []).filter((seal) => seal.custodianId === leaverId && seal.state === 'takenOut');
}

export default function HandoverWizard() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const { canStart, isPending: mePending } = useCanStartHandover();
  const { people, nameOf } = usePeople(code);
  const community = useQuery(trpc.communities.get.queryOptions({ code }));
  const leaverId: string | undefined = Form.useWatch('leaverId', form);
  const values: Partial<WizardValues> = Form.useWatch([], form) ?? {};
  const sealsOut = useSealsOut(code, leaverId);
  const local = people.filter((person) => person.jurisdictionCode === code);
  const town = people.filter((person) => person.jurisdictionCode === code.slice(0, 9));
  // Several steps of lists typed by hand: leaving by the menu or the back button asks first.
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChangesGuard(dirty);
  const create = useMutation(
    trpc.handovers.create.mutationOptions({
      onSuccess: (handover) => {
        guard.release();
        void queryClient.invalidateQueries({ queryKey: trpc.handovers.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.custody.pathKey() });
        navigate(`/archives/handovers/${handover.row.id}`);
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (!fieldErrors) return;
        const placed = placeFieldErrors(fieldErrors, ([name]) =>
          stepFields.flat().includes(String(name) as keyof WizardValues),
        );
        form.setFields(placed.fields);
        const first = placed.fields[0]?.name[0];
        const back = stepFields.findIndex((fields) => fields.includes(String(first) as keyof WizardValues));
        if (back >= 0) setStep(back);
      },
    }),
  );

  const next = async () => {
    try {
      await form.validateFields(stepFields[step]);
      // The error above the seals says why; the list cannot be made until the seal is back.
      if (step === 1 && sealsOut.length > 0) return;
      setStep(step + 1);
    } catch {
      // antd shows the messages on the fields
    }
  };
  const submit = () => {
    const all = form.getFieldsValue(true) as WizardValues;
    create.mutate({
      community: code,
      leaverId: all.leaverId,
      successorId: all.successorId,
      supervisorId: all.supervisorId,
      supervisorBody: all.supervisorBody as 'town-discipline-committee',
      dueOn: all.dueOn.format('YYYY-MM-DD'),
      financeRecords: (all.financeRecords ?? []).filter((record) => record?.ref?.trim()),
    });
  };

  const crumbs = (
    <Breadcrumb
      items={[
        { title: <Link to="/archives">档案印章</Link> },
        { title: <Link to={`/archives/${code}?tab=handovers`}>{community.data?.name ?? code}</Link> },
        { title: '发起离任移交' },
      ]}
    />
  );
  if (!mePending && !canStart) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {crumbs}
        <Result
          status="403"
          title={CANNOT_START_HANDOVER}
          extra={
            <Link to={`/archives/${code}?tab=handovers`}>
              <Button>返回离任移交</Button>
            </Link>
          }
        />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {crumbs}
      <Card title="发起离任移交">
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: '移交、接交、监交人' }, { title: '保管的项目' }, { title: '确认并生成清单' }]}
        />
        {create.isError && !fieldErrorsOf(create.error) && (
          <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
        )}
        <Form
          form={form}
          name="handoverWizard"
          onValuesChange={() => setDirty(true)}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{
            supervisorBody: 'town-discipline-committee',
            dueOn: dayjs(chinaToday()).add(7, 'day'),
            financeRecords: [],
          }}
        >
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <Form.Item
              label="离任人（移交人）"
              name="leaverId"
              rules={[{ required: true, message: '请选择离任人' }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions(local)} />
            </Form.Item>
            <Form.Item
              label="接任人（接交人）"
              name="successorId"
              dependencies={['leaverId']}
              rules={[
                { required: true, message: '请选择接任人' },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    value && value === getFieldValue('leaverId')
                      ? Promise.reject(new Error('接任人不能是离任人本人'))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions(local)} />
            </Form.Item>
            <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 16 }}>
              <Form.Item
                label="监交人（镇里的人员）"
                name="supervisorId"
                rules={[{ required: true, message: '请选择监交人' }]}
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions(town)} />
              </Form.Item>
              <Form.Item label="监督机构" name="supervisorBody" rules={[{ required: true }]}>
                <Select options={optionsOf(supervisingBodyLabels)} />
              </Form.Item>
            </div>
            <Form.Item
              label="移交期限"
              name="dueOn"
              rules={[
                { required: true, message: '请选择移交期限' },
                {
                  validator: (_rule, value: Dayjs | undefined) =>
                    value && beforeToday(value)
                      ? Promise.reject(new Error(`移交期限不能早于清单建立之日（${chinaToday()}）`))
                      : Promise.resolve(),
                },
              ]}
            >
              <DatePicker disabledDate={beforeToday} />
            </Form.Item>
            <Alert
              type="info"
              showIcon
              title="金山镇 第十八条：社区工作人员离任，财务、档案、印章等移交工作，由镇纪委、党政办负责监督。"
              style={{ marginBottom: 16 }}
            />
          </div>
          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <WhenOpened open={step === 1}>
              <CustodyPreview community={code} leaverId={leaverId} />
            </WhenOpened>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              财务资料
            </Typography.Title>
            <Form.List name="financeRecords">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item
                        name={[field.name, 'ref']}
                        rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
                      >
                        <Input placeholder="名称，如：2025 年现金日记账" style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'description']}
                        rules={[{ required: true, whitespace: true, message: '请输入说明' }]}
                      >
                        <Input placeholder="说明，如：1 册，记至 6 月 30 日" style={{ width: 320 }} />
                      </Form.Item>
                      <MinusCircleOutlined aria-label="删除" onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                    添加财务资料
                  </Button>
                </>
              )}
            </Form.List>
          </div>
          {step === 2 && (
            <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="离任人">{nameOf(values.leaverId)}</Descriptions.Item>
              <Descriptions.Item label="接任人">{nameOf(values.successorId)}</Descriptions.Item>
              <Descriptions.Item label="监交人">{nameOf(values.supervisorId)}</Descriptions.Item>
              <Descriptions.Item label="监督机构">
                {supervisingBodyLabels[values.supervisorBody ?? ''] ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label="移交期限">{values.dueOn?.format('YYYY-MM-DD')}</Descriptions.Item>
              <Descriptions.Item label="财务资料">
                {(values.financeRecords ?? []).filter((record) => record?.ref).length} 项
              </Descriptions.Item>
              <Descriptions.Item label="档案、印章">
                离任人名下在库、借出的档案和未销毁的印章，生成时自动列入
              </Descriptions.Item>
            </Descriptions>
          )}
        </Form>
        <Space>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
          {step < 2 && (
            <Button type="primary" onClick={next}>
              下一步
            </Button>
          )}
          {step === 2 && (
            <Button type="primary" loading={create.isPending} disabled={sealsOut.length > 0} onClick={submit}>
              生成移交清单
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
