import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Dropdown, Layout, Menu, type MenuProps, Space, Spin, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../lib/fieldErrors.js';
import { roleLabels } from '../lib/labels.js';
import { queryClient, type SessionUser, trpc } from '../lib/trpc.js';
import { pages } from '../pages/registry.js';

export function AppLayout({ user }: { user: SessionUser }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        // Nothing of the previous user's data may stay in memory for the next one.
        queryClient.clear();
        navigate('/login', { replace: true });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );

  const menuItems: MenuProps['items'] = pages
    .filter((page) => page.menu && (!page.allow || page.allow(user.role)))
    .map((page) => ({
      key: page.path,
      icon: page.menu?.icon,
      disabled: !page.load,
      label: page.load ? (
        page.menu?.label
      ) : (
        <Space size={4}>
          {page.menu?.label}
          <Tag style={{ marginInlineEnd: 0 }}>筹备中</Tag>
        </Space>
      ),
    }));
  const selected = location.pathname.split('/')[1] ?? '';

  const userMenu: MenuProps['items'] = [
    { key: 'change-password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} collapsible theme="dark">
        <div
          style={{
            color: '#fff',
            fontSize: 18,
            fontWeight: 600,
            padding: '18px 20px',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          社区工作平台
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={menuItems}
          onClick={({ key }) => navigate(`/${key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Dropdown
            // Opens on click (touch screens, keyboards), not on a pointer passing by.
            trigger={['click']}
            menu={{
              items: userMenu,
              onClick: ({ key }) => {
                if (key === 'logout') logout.mutate();
                if (key === 'change-password') navigate('/change-password');
              },
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <UserOutlined />
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Typography.Text type="secondary">
                {roleLabels[user.role]} · {user.jurisdictionName}
              </Typography.Text>
              <DownOutlined />
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
