import type { MeResponse } from '@sankofa/core';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isSessionError } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** Retries only what may succeed on a second try: network failures and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) {
    return false;
  }
  return failureCount < 2;
}

/**
 * Creates the app's query client. When any request finds the session gone, the cached user is
 * set to `null`, so the auth gate sends the person to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionError(error)) {
          client.setQueryData<MeResponse | null>(queryKeys.me, null);
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionError(error)) {
          client.setQueryData<MeResponse | null>(queryKeys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 60_000,
        // Slow connections: do not refetch everything whenever the window regains focus.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
