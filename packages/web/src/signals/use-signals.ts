/** `/api/signals`: the inbox page and bulk status changes. */
import type { SignalBulkBody, SignalBulkResponse, SignalListResponse } from '@sankofa/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client.ts';
import { signalListSearch, type SignalFilters } from './signal-query.ts';

export const signalKeys = {
  all: ['signals'] as const,
  list: (search: string) => ['signals', 'list', search] as const,
};

/** `GET /api/signals` with the filters; the last page stays shown while the next loads. */
export function useSignals(filters: SignalFilters, enabled: boolean) {
  const search = signalListSearch(filters);
  return useQuery({
    queryKey: signalKeys.list(search),
    queryFn: ({ signal }) => apiRequest<SignalListResponse>(`/api/signals?${search}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/signals/bulk`: the same status for several signals; the lists refresh. */
export function useBulkSignalStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignalBulkBody) =>
      apiRequest<SignalBulkResponse>('/api/signals/bulk', { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: signalKeys.all }),
  });
}
