/** The funnel plot of an indicator among the chart page's peer org units (`GET /api/charts/funnel`). */
import type { FunnelChartResponse } from '@sankofa/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/client.ts';

export function useFunnelChart(indicator: string, orgUnit: string, period: string | null) {
  return useQuery({
    queryKey: ['funnel-chart', indicator, orgUnit, period],
    queryFn: ({ signal }) =>
      apiRequest<FunnelChartResponse>('/api/charts/funnel', {
        query: period === null ? { indicator, orgUnit } : { indicator, orgUnit, period },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
