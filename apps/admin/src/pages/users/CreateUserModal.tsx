import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Spin } from 'antd';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { assignableRoles, levelLabel, type Role, roleLabels } from '../../lib/labels.js';
import { type RouterInputs, type RouterOutputs, type SessionUser, trpc } from '../../lib/trpc.js';

type CreateInput = RouterInputs['users']['create'];
export type CreatedUser = RouterOutputs['users']['create'];

const formFields = new Set(['username', 'displayName', 'role', 'jurisdictionCode', 'mobile', 'idNumber']);

/** Which level of node each role is bound to (the API checks the same). */
const roleLevel: Partial<Record<Role, string>> = {
  provinceAdmin: 'province',
  cityAdmin: 'city',
  districtAdmin: 'district',
  streetAdmin: 'street',
  communityWorker: 'community',
};

function JurisdictionPicker({
  id,
  value,
  onChange,
  level,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string) => void;
  level: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const search = useQuery({
    ...trpc.jurisdictions.search.queryOptions({ query: query.trim(), limit: 30 }),
    enabled: query.trim().length > 0,
  });
  const options = (search.data ?? [])
    .filter((node) => !level || node.level === level)
    .map((node) => ({
      value: node.code,
      label: `${[...node.path.map((entry) => entry.name), node.name].join(' / ')}（${node.code}）`,
    }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      placeholder={level ? `输入${levelLabel(level)}名称或代码搜索` : '输入名称或代码搜索'}
      notFoundContent={search.isFetching ? <Spin size="small" /> : query ? '没有匹配的辖区' : null}
      options={options}
    />
  );
}

export function CreateUserModal({
  open,
  user,
  onClose,
  onCreated,
}: {
  open: boolean;
  user: SessionUser;
  onClose: () => void;
  onCreated: (created: CreatedUser) => void;
}) {
  const [form] = Form.useForm();
  const role: Role | undefined = Form.useWatch('role', form);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (created) => {
        form.resetFields();
        onCreated(created);
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors)
          form.setFields(placeFieldErrors(fieldErrors, ([name]) => formFields.has(String(name))).fields);
      },
    }),
  );
  const showGeneralError = create.isError && !fieldErrorsOf(create.error);

  return (
    <Modal
      title="新建账号"
      open={open}
      okText="创建"
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {showGeneralError && (
        <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<CreateInput>
        form={form}
        name="createUser"
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          create.mutate({
            ...values,
            // An administrator of the whole country binds a system administrator to the country node.
            jurisdictionCode: values.role === 'systemAdmin' ? '000000' : values.jurisdictionCode,
            mobile: values.mobile || undefined,
            idNumber: values.idNumber || undefined,
          })
        }
      >
        <Form.Item
          label="用户名"
          name="username"
          extra="3 至 32 位字母、数字、下划线、点或连字符"
          rules={[
            { required: true, message: '请输入用户名' },
            {
              pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/,
              message: '用户名为 3 至 32 位字母、数字、下划线、点或连字符',
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={assignableRoles(user.role).map((value) => ({ value, label: roleLabels[value] }))}
          />
        </Form.Item>
        {role !== 'systemAdmin' && (
          <Form.Item
            label="所属辖区"
            name="jurisdictionCode"
            rules={[{ required: true, message: '请选择所属辖区' }]}
            extra={`只能选择 ${user.jurisdictionName} 及其下级`}
          >
            <JurisdictionPicker level={role ? roleLevel[role] : undefined} />
          </Form.Item>
        )}
        <Form.Item
          label="手机号"
          name="mobile"
          rules={[{ pattern: /^1\d{10}$/, message: '手机号应为 11 位数字' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" extra="只保存，不在列表中显示">
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
