/** The signed-in user's recent imports (`GET /api/imports`), refreshed while one is running. */
import type { ImportJobListResponse } from '@sankofa/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client.ts';

/** The list's cache key: invalidate it when a job is created or ends. */
export const recentImportsKey = ['imports', 'list'] as const;

/** `GET /api/imports`, polled every 2 s while a listed job is queued or running. */
export function useRecentImports() {
  return useQuery({
    queryKey: recentImportsKey,
    queryFn: ({ signal }) => apiRequest<ImportJobListResponse>('/api/imports', { signal }),
    refetchInterval: (query) =>
      query.state.data?.jobs.some((j) => j.status === 'queued' || j.status === 'running')
        ? 2000
        : false,
  });
}
