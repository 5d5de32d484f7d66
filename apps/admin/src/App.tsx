import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { PageLoading } from './layout/PageLoading.js';
import { RequireSession } from './layout/RequireSession.js';
import { queryClient } from './lib/trpc.js';
import { appRoutes } from './pages/registry.js';

// Pages load lazily; HydrateFallback is what shows while the first one arrives.
const router = createBrowserRouter([
  {
    path: '/login',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('./pages/login/index.js')).default }),
  },
  {
    path: '/change-password',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('./pages/change-password/index.js')).default }),
  },
  {
    // The resident's one-time feedback link: no sign-in.
    path: '/feedback/:token',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('./pages/feedback/index.js')).default }),
  },
  { path: '/', Component: RequireSession, HydrateFallback: PageLoading, children: appRoutes() },
]);

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      // Buttons read as written (登录, not 登 录); people and tests look for the same words.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#c0392b', borderRadius: 4 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
