/** `/api/dhis2`: the connection, its test, "Pull now" and the recent pulls, polled while one runs. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client.ts';
import type {
  Dhis2ConnectionBody,
  Dhis2ConnectionResponse,
  Dhis2ConnectionTestResponse,
  Dhis2RunListResponse,
} from './types.ts';

export const dhis2Keys = {
  all: ['dhis2'] as const,
  connection: ['dhis2', 'connection'] as const,
  pulls: ['dhis2', 'pulls'] as const,
};

/** How often the page refreshes while a pull runs. */
const POLL_MS = 1500;

/** How often the page looks for a scheduled pull having started. */
const SCHEDULE_POLL_MS = 60_000;

/** `GET /api/dhis2/connection`, polled while a pull runs (and now and then with a schedule). */
export function useDhis2Connection() {
  return useQuery({
    queryKey: dhis2Keys.connection,
    queryFn: ({ signal }) =>
      apiRequest<Dhis2ConnectionResponse>('/api/dhis2/connection', { signal }),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data?.pullRunning === true) {
        return POLL_MS;
      }
      return data?.connection != null && data.connection.schedule.kind !== 'off'
        ? SCHEDULE_POLL_MS
        : false;
    },
  });
}

/**
 * `GET /api/dhis2/pulls`, polled while the server runs a pull (`serverPulling`: as the
 * connection says). A run left `running` by a stopped server, or run by the CLI elsewhere,
 * does not keep the page polling.
 */
export function useDhis2Pulls(enabled: boolean, serverPulling: boolean) {
  return useQuery({
    queryKey: dhis2Keys.pulls,
    queryFn: ({ signal }) => apiRequest<Dhis2RunListResponse>('/api/dhis2/pulls', { signal }),
    enabled,
    refetchInterval: (query) =>
      serverPulling || query.state.data?.pullRunning === true ? POLL_MS : false,
  });
}

/** `PUT /api/dhis2/connection`. */
export function useSaveDhis2Connection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Dhis2ConnectionBody) =>
      apiRequest<Dhis2ConnectionResponse>('/api/dhis2/connection', { method: 'PUT', body }),
    onSuccess: (saved) => {
      client.setQueryData(dhis2Keys.connection, saved);
    },
  });
}

/** `POST /api/dhis2/connection/test` with the form's fields (empty: the stored connection). */
export function useTestDhis2Connection() {
  return useMutation({
    mutationFn: (body: Partial<Dhis2ConnectionBody>) =>
      apiRequest<Dhis2ConnectionTestResponse>('/api/dhis2/connection/test', {
        method: 'POST',
        body,
      }),
  });
}

/** `POST /api/dhis2/pulls`: starts a pull; the lists refresh. */
export function useStartDhis2Pull() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<{ id: number; status: 'running' }>('/api/dhis2/pulls', { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: dhis2Keys.all }),
  });
}
