import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@shequ/domain/labels';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Spin, Tag, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../lib/fieldErrors.js';
import { queryClient, type SessionUser, trpc } from '../lib/trpc.js';
import { pages } from '../pages/registry.js';
import { NotificationBell } from './NotificationBell.js';

// The router adds the console's pages from here (App.tsx): they are imported from the frame's chunk.
export { appRoutes } from '../pages/registry.js';

const brand = '社区工作平台';

// Only phones show the menu in a drawer: wide screens never download it.
const Drawer = lazy(async () => ({ default: (await import('antd/es/drawer/index.js')).default }));

export function AppLayout({ user }: { user: SessionUser }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  // Below antd's `md` (768 px) the side menu would keep more than half of a phone's width: it becomes a
  // drawer behind a button in the header. `md` is undefined until measured, and a wide screen is the default.
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const phone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
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
    // On a phone the header has room for the name only; the role and jurisdiction move into the menu.
    ...(phone
      ? [
          {
            key: 'who',
            disabled: true,
            label: `${roleLabels[user.role]} · ${user.jurisdictionName}`,
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'change-password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  const sideMenu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={menuItems}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(`/${key}`);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Suspense fallback={null}>
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={240}
            title={brand}
            styles={{ body: { padding: 0, background: '#001529' } }}
          >
            {sideMenu}
          </Drawer>
        </Suspense>
      ) : (
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
            {brand}
          </div>
          {sideMenu}
        </Layout.Sider>
      )}
      {/* min-width 0 lets wide tables scroll inside themselves instead of widening the page. */}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: phone ? 'space-between' : 'flex-end',
            alignItems: 'center',
            gap: 8,
            // antd's header line height (64 px) would set the name a line below its icon.
            lineHeight: 'normal',
            paddingInline: phone ? 12 : 24,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Space size={4} style={{ marginInlineStart: phone ? 'auto' : 0, minWidth: 0 }}>
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
              <Space
                // One line, whatever the narrow-screen rule for rows of controls says.
                style={{ cursor: 'pointer', minWidth: 0, whiteSpace: 'nowrap', flexWrap: 'nowrap' }}
                data-testid="user-menu"
              >
                <UserOutlined />
                {/* Plain text, not antd's Typography: the frame of every page stays small. */}
                <strong
                  data-testid="user-name"
                  style={{
                    display: 'inline-block',
                    maxWidth: phone ? 220 : 320,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    verticalAlign: 'bottom',
                  }}
                >
                  {user.displayName}
                </strong>
                {!phone && (
                  <span style={{ color: token.colorTextSecondary }}>
                    {roleLabels[user.role]} · {user.jurisdictionName}
                  </span>
                )}
                <DownOutlined />
              </Space>
            </Dropdown>
            <NotificationBell />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
