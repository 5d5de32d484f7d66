import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CenteredCard } from '../../layout/CenteredCard.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { safeNext } from '../../lib/navigation.js';
import { queryClient, trpc } from '../../lib/trpc.js';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { notification } = App.useApp();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: ({ user, notices }) => {
        // Changes others made to this account since its last sign-in (a password reset): shown until closed.
        for (const notice of notices)
          notification.warning({
            title: '账号安全提醒',
            description: notice,
            duration: 0,
            // Out of the way of the page's own buttons (top right) until read and closed.
            placement: 'bottomRight',
          });
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        navigate(user.mustChangePassword ? '/change-password' : safeNext(params.get('next')), {
          replace: true,
        });
      },
    }),
  );

  return (
    <CenteredCard title="登录">
      {login.isError && (
        <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<LoginValues> layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          登录
        </Button>
      </Form>
    </CenteredCard>
  );
}
