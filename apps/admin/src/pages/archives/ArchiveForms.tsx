/** The forms of the catalogue: file a new item, lend one out. Server messages land on their fields. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { optionsOf } from '../../lib/labels.js';
import { useFieldErrors } from '../../lib/serverErrors.js';
import { queryClient, trpc } from '../../lib/trpc.js';
import { classificationLabels, contentGroupLabels, mediumLabels, retentionLabels } from './labels.js';
import { chinaToday, type Person, personOptions } from './shared.js';

const categoryOptions = [
  { value: 'WS', label: 'WS 文书' },
  { value: 'ZP', label: 'ZP 照片' },
  { value: 'LY', label: 'LY 录音' },
  { value: 'LX', label: 'LX 录像' },
  { value: 'SW', label: 'SW 实物' },
  { value: 'KJ', label: 'KJ 会计' },
];

function refreshArchives() {
  void queryClient.invalidateQueries({ queryKey: trpc.archives.pathKey() });
  void queryClient.invalidateQueries({ queryKey: trpc.custody.pathKey() });
}

interface NewItemValues {
  fonds: string;
  category: string;
  organisation?: string;
  documentNumber?: string;
  issuer: string;
  title: string;
  date: Dayjs;
  classification?: string;
  pages?: number;
  notes?: string;
  medium: string;
  contentGroup: string;
  retention: string;
  custodianId: string;
  location?: { room?: string; cabinet?: string; shelf?: string };
}

const newItemFields = [
  'fonds',
  'category',
  'organisation',
  'documentNumber',
  'issuer',
  'title',
  'date',
  'classification',
  'pages',
  'notes',
  'medium',
  'contentGroup',
  'retention',
  'custodianId',
  'location.room',
  'location.cabinet',
  'location.shelf',
];

/** How a message the form cannot place names its field. */
const fieldLabels: Record<string, string> = {
  referenceCode: '档号',
  community: '社区',
  id: '档案',
  borrowerId: '借阅人',
};
const labelOf = (dotted: string) => fieldLabels[dotted] ?? dotted;

/** Days after today in China: a document cannot be dated after it is filed, a loan not due before today. */
export const afterToday = (day: Dayjs) => day.isAfter(dayjs(chinaToday()), 'day');
export const beforeToday = (day: Dayjs) => day.isBefore(dayjs(chinaToday()), 'day');

export function NewItemModal({
  community,
  fonds,
  people,
  open,
  onClose,
}: {
  community: string;
  /** The fonds code the community's existing items use, offered as the default. */
  fonds: string | undefined;
  people: Person[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const problems = useFieldErrors(form, '', newItemFields, { labelOf, alert: 'list' });
  const create = useMutation(
    trpc.archives.create.mutationOptions({
      onSuccess: () => {
        refreshArchives();
        onClose();
      },
      onError: problems.onError,
    }),
  );
  // Only the community's own enabled accounts keep its items (the list also holds the town's people).
  const custodians = people.filter((person) => person.jurisdictionCode === community);
  // A keeper files into their own keeping (the API's rule): the form starts with them.
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  const ownKeeping = custodians.some((person) => person.id === me?.id) ? me?.id : undefined;
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

  return (
    <Modal
      title="档案归档"
      open={open}
      okText="归档"
      width={720}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      afterOpenChange={(visible) => visible || problems.clear()}
      destroyOnHidden
    >
      {problems.banner}
      <Form<NewItemValues>
        form={form}
        name="newArchiveItem"
        layout="vertical"
        preserve={false}
        initialValues={{
          fonds,
          category: 'WS',
          medium: 'paper',
          retention: 'years30',
          classification: 'none',
          custodianId: ownKeeping,
        }}
        onFinish={(values) => {
          problems.clear();
          const location = values.location?.room?.trim()
            ? {
                room: values.location.room.trim(),
                cabinet: optional(values.location.cabinet),
                shelf: optional(values.location.shelf),
              }
            : undefined;
          create.mutate({
            community,
            fonds: values.fonds.trim(),
            category: values.category,
            organisation: optional(values.organisation),
            documentNumber: optional(values.documentNumber),
            issuer: values.issuer,
            title: values.title,
            date: values.date.format('YYYY-MM-DD'),
            classification: values.classification as 'none',
            pages: values.pages ?? undefined,
            notes: optional(values.notes),
            medium: values.medium as 'paper',
            contentGroup: values.contentGroup,
            retention: values.retention as 'permanent',
            custodianId: values.custodianId,
            location,
          });
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
          <Form.Item label="全宗号" name="fonds" rules={[{ required: true, message: '请输入全宗号' }]}>
            <Input placeholder="如 X007" />
          </Form.Item>
          <Form.Item label="门类" name="category" rules={[{ required: true, message: '请选择门类' }]}>
            <Select options={categoryOptions} />
          </Form.Item>
          <Form.Item label="机构（问题）代码" name="organisation">
            <Input placeholder="可不填，如 BGS" />
          </Form.Item>
        </div>
        <Form.Item
          label="题名"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请输入题名' }]}
        >
          <Input />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
          <Form.Item
            label="责任者"
            name="issuer"
            rules={[{ required: true, whitespace: true, message: '请输入责任者' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="文号" name="documentNumber">
            <Input />
          </Form.Item>
          <Form.Item
            label="日期"
            name="date"
            rules={[
              { required: true, message: '请选择日期' },
              {
                validator: (_rule, value: Dayjs | undefined) =>
                  value && afterToday(value)
                    ? Promise.reject(new Error('文件日期不能晚于今天（归档之日）'))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item label="载体" name="medium" rules={[{ required: true, message: '请选择载体' }]}>
            <Select options={optionsOf(mediumLabels)} />
          </Form.Item>
          <Form.Item
            label="保管期限"
            name="retention"
            rules={[{ required: true, message: '请选择保管期限' }]}
          >
            <Select options={optionsOf(retentionLabels)} />
          </Form.Item>
          <Form.Item label="密级" name="classification">
            <Select options={optionsOf(classificationLabels)} />
          </Form.Item>
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 16 }}>
          <Form.Item
            label="内容类别"
            name="contentGroup"
            rules={[{ required: true, message: '请选择内容类别' }]}
          >
            <Select options={optionsOf(contentGroupLabels)} />
          </Form.Item>
          <Form.Item label="页数" name="pages">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label="保管人" name="custodianId" rules={[{ required: true, message: '请选择保管人' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions(custodians)} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
          <Form.Item label="存放位置（室）" name={['location', 'room']}>
            <Input />
          </Form.Item>
          <Form.Item label="柜" name={['location', 'cabinet']}>
            <Input />
          </Form.Item>
          <Form.Item label="架（层）" name={['location', 'shelf']}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item label="备注" name="notes">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const lendFields = ['borrower', 'purpose', 'lentOn', 'dueOn'];

interface LendValues {
  borrower: string;
  purpose?: string;
  lentOn: Dayjs;
  dueOn: Dayjs;
}

export function LendModal({
  community,
  item,
  people,
  onClose,
}: {
  community: string;
  item: { id: string; referenceCode: string; title: string } | null;
  people: Person[];
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const problems = useFieldErrors(form, '', lendFields, { labelOf, alert: 'list' });
  const lend = useMutation(
    trpc.archives.lend.mutationOptions({
      onSuccess: () => {
        refreshArchives();
        onClose();
      },
      onError: problems.onError,
    }),
  );
  const borrowers = people.filter((person) => person.jurisdictionCode === community);
  return (
    <Modal
      title={item ? `借出档案 ${item.referenceCode}` : '借出档案'}
      open={item !== null}
      okText="登记借出"
      onOk={() => form.submit()}
      confirmLoading={lend.isPending}
      onCancel={onClose}
      afterOpenChange={(visible) => visible || problems.clear()}
      destroyOnHidden
    >
      {item && <p>{item.title}</p>}
      {problems.banner}
      <Form<LendValues>
        form={form}
        name="lendArchiveItem"
        layout="vertical"
        preserve={false}
        initialValues={{ lentOn: dayjs(chinaToday()), dueOn: dayjs(chinaToday()).add(14, 'day') }}
        onFinish={(values) => {
          if (!item) return;
          problems.clear();
          const borrower = values.borrower.trim();
          const account = borrowers.find((person) => person.displayName === borrower);
          lend.mutate({
            id: item.id,
            borrower,
            borrowerId: account?.id,
            purpose: values.purpose?.trim() || undefined,
            lentOn: values.lentOn.format('YYYY-MM-DD'),
            dueOn: values.dueOn.format('YYYY-MM-DD'),
          });
        }}
      >
        <Form.Item
          label="借阅人"
          name="borrower"
          extra="可选本社区人员，也可填写外单位借阅人姓名"
          rules={[{ required: true, whitespace: true, message: '请输入借阅人' }]}
        >
          <AutoComplete
            options={borrowers.map((person) => ({ value: person.displayName }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item label="借阅事由" name="purpose">
          <Input />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item label="借出日期" name="lentOn" rules={[{ required: true, message: '请选择借出日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
          </Form.Item>
          <Form.Item
            label="应还日期"
            name="dueOn"
            dependencies={['lentOn']}
            rules={[
              { required: true, message: '请选择应还日期' },
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | undefined) => {
                  const lentOn: Dayjs | undefined = getFieldValue('lentOn');
                  if (value && beforeToday(value)) return Promise.reject(new Error('应还日期不能早于今天'));
                  if (value && lentOn && !value.isAfter(lentOn, 'day'))
                    return Promise.reject(new Error('应还日期须晚于借出日期'));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={beforeToday} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

const appraisalFields = ['decision', 'retention', 'decisionNumber', 'decidedOn', 'opinion', 'approvedBy'];

type RetentionPeriod = 'years10' | 'years30' | 'permanent';

/** Shortest first, as @shequ/archives orders them: an appraisal only ever moves an item later. */
const retentionOrder: RetentionPeriod[] = ['years10', 'years30', 'permanent'];
const longerRetentions = (current: string): RetentionPeriod[] =>
  retentionOrder.slice(retentionOrder.indexOf(current as RetentionPeriod) + 1);

interface AppraisalValues {
  decision: 'destroy' | 'retain';
  retention?: RetentionPeriod;
  decisionNumber: string;
  decidedOn: Dayjs;
  opinion: string;
  approvedBy: string[];
}

/**
 * 鉴定 of an item past its retention, approved by people besides its custodian: either it is to be
 * destroyed (destroying follows as its own step, by the custodian) or it is kept longer (延长保管期限,
 * to a longer period only), which moves its expiry out at once. The decision cannot predate the expiry.
 */
export function AppraisalModal({
  community,
  item,
  people,
  onClose,
}: {
  community: string;
  item: {
    id: string;
    referenceCode: string;
    title: string;
    retention: string;
    expiresOn: string;
    custodianId: string;
  } | null;
  people: Person[];
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const problems = useFieldErrors(form, '', appraisalFields, { labelOf, alert: 'list' });
  const decision = Form.useWatch('decision', form) as AppraisalValues['decision'] | undefined;
  const appraise = useMutation(
    trpc.archives.appraise.mutationOptions({
      onSuccess: () => {
        refreshArchives();
        onClose();
      },
      onError: problems.onError,
    }),
  );
  const approvers = people.filter(
    (person) => person.jurisdictionCode === community && person.id !== item?.custodianId,
  );
  const longer = item ? longerRetentions(item.retention) : [];
  const beforeExpiry = (day: Dayjs) =>
    afterToday(day) || (!!item && day.isBefore(dayjs(item.expiresOn), 'day'));
  return (
    <Modal
      title={item ? `鉴定 ${item.referenceCode}` : '鉴定'}
      open={item !== null}
      okText="登记鉴定结论"
      onOk={() => form.submit()}
      confirmLoading={appraise.isPending}
      onCancel={onClose}
      afterOpenChange={(visible) => visible || problems.clear()}
      destroyOnHidden
    >
      {item && (
        <p>
          {item.title}（{retentionLabels[item.retention] ?? item.retention}，保管期限 {item.expiresOn} 届满）
        </p>
      )}
      {problems.banner}
      <Form<AppraisalValues>
        form={form}
        name="appraiseArchiveItem"
        layout="vertical"
        preserve={false}
        initialValues={{ decision: 'destroy', decidedOn: dayjs(chinaToday()), approvedBy: [] }}
        onFinish={(values) => {
          if (!item) return;
          problems.clear();
          const common = {
            id: item.id,
            decisionNumber: values.decisionNumber.trim(),
            decidedOn: values.decidedOn.format('YYYY-MM-DD'),
            opinion: values.opinion.trim(),
            approvedBy: values.approvedBy,
          };
          appraise.mutate(
            values.decision === 'retain'
              ? {
                  ...common,
                  decision: 'retain',
                  ...(values.retention ? { retention: values.retention } : {}),
                }
              : { ...common, decision: 'destroy' },
          );
        }}
      >
        <Form.Item label="鉴定结论" name="decision" rules={[{ required: true, message: '请选择鉴定结论' }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'destroy', label: '销毁' },
              // Nothing is longer than 永久, and a permanent item never expires, so this is always offered.
              { value: 'retain', label: '延长保管期限', disabled: longer.length === 0 },
            ]}
          />
        </Form.Item>
        {decision === 'retain' && (
          <Form.Item
            label="延长至"
            name="retention"
            extra="只能延长为更长的保管期限"
            rules={[{ required: true, message: '请选择延长后的保管期限' }]}
          >
            <Select options={longer.map((period) => ({ value: period, label: retentionLabels[period] }))} />
          </Form.Item>
        )}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item
            label="鉴定结论文号"
            name="decisionNumber"
            rules={[{ required: true, whitespace: true, message: '请输入鉴定结论文号' }]}
          >
            <Input placeholder="如 象档鉴〔2026〕2号" />
          </Form.Item>
          <Form.Item
            label="鉴定日期"
            name="decidedOn"
            rules={[{ required: true, message: '请选择鉴定日期' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={beforeExpiry} />
          </Form.Item>
        </div>
        <Form.Item
          label="鉴定意见"
          name="opinion"
          rules={[{ required: true, whitespace: true, message: '请输入鉴定意见' }]}
        >
          <Input.TextArea
            rows={3}
            placeholder={
              decision === 'retain'
                ? '如：保管期满，经鉴定仍有查考价值，延长保管期限'
                : '如：保管期满，经鉴定已无保存价值，同意销毁'
            }
          />
        </Form.Item>
        <Form.Item
          label="批准人"
          name="approvedBy"
          extra="须有保管人以外的本社区人员批准"
          rules={[{ required: true, type: 'array', min: 1, message: '请选择保管人以外的批准人' }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={personOptions(approvers)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const destroyFields = ['method', 'destroyedOn'];

interface DestroyValues {
  method: string;
  destroyedOn: Dayjs;
}

/** 销毁: the custodian carries out an appraisal decision; the destruction list keeps the entry for good. */
export function DestroyModal({
  item,
  onClose,
}: {
  item: {
    id: string;
    referenceCode: string;
    title: string;
    decidedOn: string;
    decisionNumber: string;
  } | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const problems = useFieldErrors(form, '', destroyFields, { labelOf, alert: 'list' });
  const destroy = useMutation(
    trpc.archives.destroy.mutationOptions({
      onSuccess: () => {
        refreshArchives();
        onClose();
      },
      onError: problems.onError,
    }),
  );
  const outsideWindow = (day: Dayjs) =>
    afterToday(day) || (!!item && day.isBefore(dayjs(item.decidedOn), 'day'));
  return (
    <Modal
      title={item ? `销毁档案 ${item.referenceCode}` : '销毁档案'}
      open={item !== null}
      okText="登记销毁"
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      confirmLoading={destroy.isPending}
      onCancel={onClose}
      afterOpenChange={(visible) => visible || problems.clear()}
      destroyOnHidden
    >
      {item && (
        <p>
          {item.title}（依鉴定结论 {item.decisionNumber}，{item.decidedOn}
          ）。销毁后不能撤销，销毁清册永久保存。
        </p>
      )}
      {problems.banner}
      <Form<DestroyValues>
        form={form}
        name="destroyArchiveItem"
        layout="vertical"
        preserve={false}
        initialValues={{ destroyedOn: dayjs(chinaToday()) }}
        onFinish={(values) => {
          if (!item) return;
          problems.clear();
          destroy.mutate({
            id: item.id,
            method: values.method.trim(),
            destroyedOn: values.destroyedOn.format('YYYY-MM-DD'),
          });
        }}
      >
        <Form.Item
          label="销毁方式"
          name="method"
          rules={[{ required: true, whitespace: true, message: '请输入销毁方式' }]}
        >
          <Input placeholder="如 粉碎、焚毁、删除并覆写" />
        </Form.Item>
        <Form.Item
          label="销毁日期"
          name="destroyedOn"
          rules={[{ required: true, message: '请选择销毁日期' }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={outsideWindow} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
