import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Spin } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { CenteredCard } from '../../layout/CenteredCard.js';
import { errorMessage, fieldErrorsOf, placeFieldErrors } from '../../lib/fieldErrors.js';
import { homePath } from '../../lib/navigation.js';
import { queryClient, trpc } from '../../lib/trpc.js';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const passwordRule = '至少 10 位，含小写字母、大写字母、数字、符号中的三类，且不含用户名';

/** Forced after signing in with a one-time password; also reachable from the user menu. */
export default function ChangePasswordPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const me = useQuery(trpc.auth.me.queryOptions());
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        message.success('密码已修改');
        navigate(homePath, { replace: true });
      },
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        if (fieldErrors) {
          form.setFields(placeFieldErrors(fieldErrors, ([name]) => name !== undefined).fields);
        }
      },
    }),
  );
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate('/login', { replace: true });
      },
    }),
  );

  if (me.isPending) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login" replace />;
  const forced = me.data.mustChangePassword;

  return (
    <CenteredCard title={forced ? '首次登录：请设置新密码' : '修改密码'}>
      {forced && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="您正在使用一次性密码。设置自己的密码后才能使用系统。"
        />
      )}
      {change.isError && !fieldErrorsOf(change.error) && (
        <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ChangePasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          label={forced ? '一次性密码' : '当前密码'}
          name="currentPassword"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={passwordRule}
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '新密码至少 10 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            保存新密码
          </Button>
          {forced ? (
            <Button block onClick={() => logout.mutate()}>
              退出登录
            </Button>
          ) : (
            <Button block onClick={() => navigate(-1)}>
              返回
            </Button>
          )}
        </Space>
      </Form>
    </CenteredCard>
  );
}
