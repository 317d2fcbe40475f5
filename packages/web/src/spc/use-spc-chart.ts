/** The SPC chart of an indicator × org unit (`GET /api/charts/spc`) and its settings (`PUT /api/chart-settings`). */
import type { ChartSettingsBody, SpcChartResponse } from '@sankofa/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client.ts';

const spcKey = (indicator: string, orgUnit: string) => ['spc-chart', indicator, orgUnit] as const;

export function useSpcChart(indicator: string, orgUnit: string) {
  return useQuery({
    queryKey: spcKey(indicator, orgUnit),
    queryFn: ({ signal }) =>
      apiRequest<SpcChartResponse>('/api/charts/spc', {
        query: { indicator, orgUnit },
        signal,
      }),
  });
}

/** Saves baseline, phases and preset; the answer is the chart with its new limits. */
export function useSaveChartSettings(indicator: string, orgUnit: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ChartSettingsBody, 'indicator' | 'orgUnit'>) =>
      apiRequest<SpcChartResponse>('/api/chart-settings', {
        method: 'PUT',
        body: { indicator, orgUnit, ...body },
      }),
    onSuccess: (chart) => {
      client.setQueryData(spcKey(indicator, orgUnit), chart);
      void client.invalidateQueries({ queryKey: ['signals'] });
    },
  });
}
