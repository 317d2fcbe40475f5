/** Time series of data values (`GET /api/data-values`). */
import type { DataValueSeriesResponse } from '@sankofa/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** What one series is of: an indicator or a data element. */
export type SeriesSubject = { readonly indicator: string } | { readonly dataElement: string };

export interface SeriesParams {
  readonly subject: SeriesSubject;
  /** The org unit whose whole subtree is aggregated. */
  readonly orgUnit: string;
  /** First and last period, e.g. `202401` and `202412`. */
  readonly startPeriod: string;
  readonly endPeriod: string;
}

/** One series for one org unit over a period range; the last series stays shown while the next loads. */
export function useDataValueSeries(params: SeriesParams | null) {
  const query: Record<string, string> =
    params === null
      ? {}
      : {
          ...params.subject,
          orgUnit: params.orgUnit,
          startPeriod: params.startPeriod,
          endPeriod: params.endPeriod,
        };
  return useQuery({
    queryKey: queryKeys.series(query),
    queryFn: ({ signal }) =>
      apiRequest<DataValueSeriesResponse>('/api/data-values', { query, signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
