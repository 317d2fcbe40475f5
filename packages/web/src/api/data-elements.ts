/** Data elements. */
import type { DataElementListResponse } from '@sankofa/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** Every data element the caller may see. */
export function useDataElements() {
  return useQuery({
    queryKey: queryKeys.dataElements,
    queryFn: ({ signal }) => apiRequest<DataElementListResponse>('/api/data-elements', { signal }),
    staleTime: 10 * 60_000,
  });
}
