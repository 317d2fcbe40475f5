/** Query keys, one place, so invalidation and cache updates name the same thing. */
export const queryKeys = {
  me: ['me'] as const,
  orgUnitTree: (depth: number) => ['org-units', 'tree', depth] as const,
  orgUnitChildren: (parentId: string) => ['org-units', 'children', parentId] as const,
  orgUnitSearch: (q: string) => ['org-units', 'search', q] as const,
  orgUnit: (id: string) => ['org-units', 'detail', id] as const,
  indicators: ['indicators'] as const,
  dataElements: ['data-elements'] as const,
  series: (params: Readonly<Record<string, string>>) => ['data-values', params] as const,
};
