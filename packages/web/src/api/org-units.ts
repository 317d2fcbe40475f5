/** Org units: the caller's tree, children loaded lazily, search, and one unit with ancestors. */
import type {
  OrgUnitDetailResponse,
  OrgUnitListResponse,
  OrgUnitTreeResponse,
} from '@sankofa/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** The largest page `GET /api/org-units` returns. */
const MAX_CHILDREN = 1000;

/** The subtrees under the caller's scope roots, `depth` levels deep. */
export function useOrgUnitTree(depth: number) {
  return useQuery({
    queryKey: queryKeys.orgUnitTree(depth),
    queryFn: ({ signal }) =>
      apiRequest<OrgUnitTreeResponse>('/api/org-units/tree', { query: { depth }, signal }),
    staleTime: 10 * 60_000,
  });
}

/** The children of one org unit (`GET /api/org-units?parent=`), for `useQueries`. */
export function orgUnitChildrenQuery(parentId: string) {
  return queryOptions({
    queryKey: queryKeys.orgUnitChildren(parentId),
    queryFn: ({ signal }) =>
      apiRequest<OrgUnitListResponse>('/api/org-units', {
        query: { parent: parentId, limit: MAX_CHILDREN },
        signal,
      }),
    staleTime: 10 * 60_000,
  });
}

/** Searches org units by name or code within the caller's scope; idle for fewer than 2 characters. */
export function useOrgUnitSearch(text: string, limit = 20) {
  const q = text.trim();
  return useQuery({
    queryKey: queryKeys.orgUnitSearch(q),
    queryFn: ({ signal }) =>
      apiRequest<OrgUnitListResponse>('/api/org-units', { query: { q, limit }, signal }),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** One org unit with the ancestors the caller may see (root first). */
export function useOrgUnit(id: string | null) {
  return useQuery({
    queryKey: queryKeys.orgUnit(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<OrgUnitDetailResponse>(`/api/org-units/${encodeURIComponent(id ?? '')}`, {
        signal,
      }),
    enabled: id !== null,
    staleTime: 10 * 60_000,
  });
}
