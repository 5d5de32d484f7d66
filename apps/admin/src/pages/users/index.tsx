import { PlusOutlined } from '@ant-design/icons';
import { isAdminRole } from '@shequ/domain/roles';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Space, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { QueryTable } from '../../components/QueryTable.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { roleLabels } from '../../lib/labels.js';
import { queryClient, type RouterOutputs, type SessionUser, trpc, trpcClient } from '../../lib/trpc.js';
import { CreateUserModal } from './CreateUserModal.js';
import { OneTimePassword } from './OneTimePassword.js';

type UserRow = RouterOutputs['users']['list']['items'][number];

function UsersTable({ me }: { me: SessionUser }) {
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    ...trpc.users.list.queryOptions({ page, pageSize, ...(search ? { search } : {}) }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const canManage = isAdminRole(me.role);

  const showPassword = (title: string, username: string, password: string) =>
    modal.success({
      title,
      width: 520,
      okText: '我已记下',
      content: <OneTimePassword username={username} password={password} />,
    });

  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: ({ user }) => {
        message.success(user.disabledAt ? `已停用 ${user.displayName}` : `已启用 ${user.displayName}`);
        void refresh();
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );

  const columns: TableProps<UserRow>['columns'] = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: UserRow['role']) => roleLabels[role] ?? role },
    { title: '所属辖区', dataIndex: 'jurisdictionName' },
    {
      title: '手机号',
      dataIndex: 'mobile',
      responsive: ['lg'],
      render: (mobile: string | null) => mobile ?? '—',
    },
    {
      title: '状态',
      key: 'status',
      render: (_value, row) =>
        row.disabledAt ? (
          <Tag color="default">已停用</Tag>
        ) : row.mustChangePassword ? (
          <Tag color="gold">待改初始密码</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      responsive: ['xl'],
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_value: unknown, row: UserRow) =>
              row.id === me.id ? (
                <Tag>当前账号</Tag>
              ) : (
                <Space size="small">
                  <Popconfirm
                    title={`为 ${row.displayName} 重置密码？`}
                    description="将生成新的一次性密码，对方现有的登录会失效。"
                    okText="重置"
                    onConfirm={async () => {
                      try {
                        const { oneTimePassword } = await reset.mutateAsync({ id: row.id });
                        showPassword('密码已重置', row.username, oneTimePassword);
                        void refresh();
                      } catch (error) {
                        message.error(errorMessage(error));
                      }
                    }}
                  >
                    <Button size="small">重置密码</Button>
                  </Popconfirm>
                  <Popconfirm
                    title={row.disabledAt ? `启用 ${row.displayName}？` : `停用 ${row.displayName}？`}
                    {...(row.disabledAt ? {} : { description: '停用后对方立即退出，且不能再登录。' })}
                    okText={row.disabledAt ? '启用' : '停用'}
                    okButtonProps={{ danger: !row.disabledAt }}
                    onConfirm={() => setDisabled.mutateAsync({ id: row.id, disabled: !row.disabledAt })}
                  >
                    <Button size="small" danger={!row.disabledAt}>
                      {row.disabledAt ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="账号管理"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Alert type="info" showIcon title={`显示 ${me.jurisdictionName} 及其下级辖区的账号`} />
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="用户名或姓名"
            style={{ width: 260 }}
            onSearch={(value) => {
              setSearch(value.trim());
              setPage(1);
            }}
          />
          <ExportButton load={() => trpcClient.spreadsheets.exportUsers.query(search ? { search } : {})} />
        </Space>
        <QueryTable<UserRow>
          query={list}
          rowKey="id"
          columns={columns}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: (nextPage, nextSize) => {
              setPage(nextPage);
              setPageSize(nextSize);
            },
          }}
        />
      </Space>
      <CreateUserModal
        open={creating}
        user={me}
        onClose={() => setCreating(false)}
        onCreated={({ user, oneTimePassword }) => {
          setCreating(false);
          void refresh();
          showPassword('账号已创建', user.username, oneTimePassword);
        }}
      />
    </Card>
  );
}

export default function UsersPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  if (!me.data) return null;
  return <UsersTable me={me.data} />;
}
