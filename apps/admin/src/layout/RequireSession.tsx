import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../lib/fieldErrors.js';
import { trpc } from '../lib/trpc.js';
import { AppLayout } from './AppLayout.js';

/** The signed-in part of the console: no session → login page; a one-time password → change it first. */
export function RequireSession() {
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>重试</Button>}
      />
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <AppLayout user={me.data} />;
}
