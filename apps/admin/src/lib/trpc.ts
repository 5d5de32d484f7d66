/**
 * One tRPC client and one QueryClient for the whole console. The session is an HttpOnly cookie on the
 * same origin (the API serves this console), so requests carry it without any token handling here.
 */
import type { AppRouter } from '@shequ/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type SessionUser = NonNullable<RouterOutputs['auth']['me']>;
export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** The tRPC error code (`UNAUTHORIZED`, `CONFLICT`, …) of a failed call, if it came from the API. */
export function errorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.data?.code : undefined;
}

/** A session that ended (expired, signed out elsewhere, account disabled) sends the user to the login page. */
function onSessionLost(error: unknown): void {
  if (errorCode(error) === 'UNAUTHORIZED' || isMustChangePassword(error)) {
    void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
  }
}

function isMustChangePassword(error: unknown): boolean {
  return errorCode(error) === 'FORBIDDEN' && isApiError(error) && error.message === '请先修改初始密码';
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onSessionLost }),
  mutationCache: new MutationCache({ onError: onSessionLost }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Permission and input errors do not heal by retrying.
      retry: (failures, error) =>
        failures < 2 && (errorCode(error) ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR',
    },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
