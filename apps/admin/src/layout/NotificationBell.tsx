/**
 * The bell in the header: the signed-in person's unread notices counted, and on a click the newest of
 * them, each opening the page where the thing waits (and marked read). Fits a phone: the panel is no
 * wider than the screen less its margins.
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { trpc } from '../lib/trpc.js';

/** The count is looked at again every minute while the console is open. */
const REFRESH_MS = 60_000;

export function NotificationBell() {
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: REFRESH_MS });
  const list = useQuery({ ...trpc.notifications.list.queryOptions({}), enabled: open });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
        ]),
    }),
  );
  const count = unread.data ?? 0;
  const items = list.data?.items ?? [];
  const panel = (
    <div
      data-testid="notification-panel"
      style={{
        width: 'min(360px, calc(100vw - 48px))',
        background: token.colorBgElevated,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowSecondary,
        padding: 8,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: 4 }}>
        <strong>通知</strong>
        <Button size="small" type="link" disabled={count === 0} onClick={() => markRead.mutate({})}>
          全部标为已读
        </Button>
      </div>
      {items.length === 0 ? (
        <div style={{ padding: 12, color: token.colorTextSecondary }}>
          {list.isFetching ? '正在载入…' : '没有通知'}
        </div>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflowY: 'auto' }}>
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                data-read={n.read}
                onClick={() => {
                  if (!n.read) markRead.mutate({ ids: [n.id] });
                  setOpen(false);
                  navigate(n.link);
                }}
                style={{
                  all: 'unset',
                  boxSizing: 'border-box',
                  display: 'block',
                  width: '100%',
                  cursor: 'pointer',
                  padding: '8px 4px',
                  borderTop: `1px solid ${token.colorSplit}`,
                  overflowWrap: 'anywhere',
                  fontWeight: n.read ? 'normal' : 600,
                }}
              >
                {n.title}
                <div
                  style={{
                    fontWeight: 'normal',
                    fontSize: token.fontSizeSM,
                    color: token.colorTextSecondary,
                  }}
                >
                  {new Date(n.createdAt).toLocaleString('zh-CN', {
                    timeZone: 'Asia/Shanghai',
                    hour12: false,
                  })}
                </div>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    // Last in the header and opening leftwards, so the panel stays on a phone's screen.
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      popupRender={() => panel}
    >
      <Button
        type="text"
        aria-label={count > 0 ? `通知（${count} 条未读）` : '通知'}
        data-testid="notification-bell"
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
