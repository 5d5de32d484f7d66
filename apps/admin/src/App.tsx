import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useSyncExternalStore } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { PageLoading } from './layout/PageLoading.js';
import { RequireSession } from './layout/RequireSession.js';
import { homePath } from './lib/navigation.js';
import { queryClient } from './lib/trpc.js';

/** The signed-in console's route: its pages are added to it when the first of them is opened. */
const CONSOLE_ROUTE_ID = 'console';
let consolePagesAdded = false;

// Pages load lazily; HydrateFallback is what shows while the first one arrives.
const router = createBrowserRouter(
  [
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
    {
      id: CONSOLE_ROUTE_ID,
      path: '/',
      Component: RequireSession,
      HydrateFallback: PageLoading,
      children: [{ index: true, element: <Navigate to={homePath} replace /> }],
    },
  ],
  {
    // The console's pages (src/pages/registry.tsx) come with its frame, AppLayout, which every signed-in
    // page loads anyway: the sign-in page does without the registry and its menu icons, and the bundler,
    // seeing each page imported from the frame's chunk, keeps what the frame and a page share in the
    // frame's chunk instead of splitting it into many small shared chunks.
    async patchRoutesOnNavigation({ patch }) {
      if (consolePagesAdded) return;
      const { appRoutes } = await import('./layout/AppLayout.js');
      if (consolePagesAdded) return;
      consolePagesAdded = true;
      patch(CONSOLE_ROUTE_ID, appRoutes());
    },
  },
);

/**
 * Whether the person has asked their system for less motion (WCAG 2.3.3). Dialogs, drawers and panels
 * then open at once instead of zooming or sliding, so nothing moves under a pointer about to press it.
 */
const lessMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
const subscribeToMotion = (onChange: () => void) => {
  lessMotion?.addEventListener('change', onChange);
  return () => lessMotion?.removeEventListener('change', onChange);
};

export function App() {
  const reduceMotion = useSyncExternalStore(subscribeToMotion, () => lessMotion?.matches === true);
  return (
    <ConfigProvider
      locale={zhCN}
      // Buttons read as written (登录, not 登 录); people and tests look for the same words.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#c0392b', borderRadius: 4, motion: !reduceMotion } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
