/** One import job, polled every second while it is queued or running. */
import type { ImportJob } from '@sankofa/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client.ts';

/** The job's cache key. */
export const importJobKey = (id: string) => ['imports', 'detail', id] as const;

/** True while the job has not ended. */
export function isJobActive(job: ImportJob | undefined): boolean {
  return job === undefined || job.status === 'queued' || job.status === 'running';
}

/** `GET /api/imports/:id`, polled until the job ends; disabled without an id. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importJobKey(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<ImportJob>(`/api/imports/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (isJobActive(query.state.data) ? 1000 : false),
  });
}
