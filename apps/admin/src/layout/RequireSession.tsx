import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../lib/fieldErrors.js';
import { trpc } from '../lib/trpc.js';
import { PageLoading } from './PageLoading.js';

// The frame of the signed-in console (menu, header) loads after the session is known: the sign-in
// page, the first thing anyone downloads, does without it.
const AppLayout = lazy(async () => ({ default: (await import('./AppLayout.js')).AppLayout }));
// Shown only when the server cannot be reached: its code stays out of every first page.
const Alert = lazy(async () => ({ default: (await import('antd/es/alert/index.js')).default }));

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
    // An Alert, not antd's Result: Result's illustrations would weigh on every first page.
    return (
      <div style={{ maxWidth: 480, margin: '15vh auto', padding: 16 }}>
        <Suspense fallback={<Spin />}>
          <Alert
            type="error"
            showIcon
            title="无法连接服务器"
            description={errorMessage(me.error)}
            action={<Button onClick={() => void me.refetch()}>重试</Button>}
          />
        </Suspense>
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  return (
    <Suspense fallback={<PageLoading />}>
      <AppLayout user={me.data} />
    </Suspense>
  );
}
