/** The forms of the catalogue: file a new item, lend one out. Server messages land on their fields. */
import { useMutation } from '@tanstack/react-query';
import { Alert, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { queryClient, trpc } from '../../lib/trpc.js';
import {
  classificationLabels,
  contentGroupLabels,
  mediumLabels,
  optionsOf,
  retentionLabels,
} from './labels.js';
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

const newItemFields = new Set([
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
  'location',
]);

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
  const create = useMutation(
    trpc.archives.create.mutationOptions({
      onSuccess: () => {
        refreshArchives();
        onClose();
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors)
          form.setFields(placeFieldErrors(fieldErrors, ([name]) => newItemFields.has(String(name))).fields);
      },
    }),
  );
  const showGeneralError = create.isError && !fieldErrorsOf(create.error);
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
      destroyOnHidden
    >
      {showGeneralError && (
        <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
      )}
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
        }}
        onFinish={(values) => {
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
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
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
          <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions(people)} />
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

interface LendValues {
  borrower: string;
  purpose?: string;
  lentOn: Dayjs;
  dueOn: Dayjs;
}

export function LendModal({
  item,
  people,
  onClose,
}: {
  item: { id: string; referenceCode: string; title: string } | null;
  people: Person[];
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const lend = useMutation(
    trpc.archives.lend.mutationOptions({
      onSuccess: () => {
        refreshArchives();
        onClose();
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors)
          form.setFields(
            placeFieldErrors(fieldErrors, ([name]) =>
              ['borrower', 'purpose', 'lentOn', 'dueOn'].includes(String(name)),
            ).fields,
          );
      },
    }),
  );
  const showGeneralError = lend.isError && !fieldErrorsOf(lend.error);
  return (
    <Modal
      title={item ? `借出档案 ${item.referenceCode}` : '借出档案'}
      open={item !== null}
      okText="登记借出"
      onOk={() => form.submit()}
      confirmLoading={lend.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {item && <p>{item.title}</p>}
      {showGeneralError && (
        <Alert type="error" showIcon title={errorMessage(lend.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<LendValues>
        form={form}
        name="lendArchiveItem"
        layout="vertical"
        preserve={false}
        initialValues={{ lentOn: dayjs(chinaToday()), dueOn: dayjs(chinaToday()).add(14, 'day') }}
        onFinish={(values) => {
          if (!item) return;
          const borrower = values.borrower.trim();
          const account = people.find((person) => person.displayName === borrower);
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
            options={people.map((person) => ({ value: person.displayName }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item label="借阅事由" name="purpose">
          <Input />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item label="借出日期" name="lentOn" rules={[{ required: true, message: '请选择借出日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="应还日期" name="dueOn" rules={[{ required: true, message: '请选择应还日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
