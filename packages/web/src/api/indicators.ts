/** Indicators: the list, and one indicator picked from it. */
import type { Indicator, IndicatorListResponse } from '@sankofa/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** Every indicator the caller may see. */
export function useIndicators() {
  return useQuery({
    queryKey: queryKeys.indicators,
    queryFn: ({ signal }) => apiRequest<IndicatorListResponse>('/api/indicators', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** One indicator from the list: `undefined` while loading, `null` when there is no such id. */
export function useIndicator(id: string): {
  readonly indicator: Indicator | null | undefined;
  readonly query: ReturnType<typeof useIndicators>;
} {
  const query = useIndicators();
  const indicator = query.data
    ? (query.data.indicators.find((candidate) => candidate.id === id) ?? null)
    : undefined;
  return { indicator, query };
}
