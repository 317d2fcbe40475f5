import type { OrgUnit } from '@sankofa/core';
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { orgUnitChildrenQuery, useOrgUnit, useOrgUnitTree } from '../api/org-units.ts';
import { childrenFromList, visibleRows, type TreeRow } from './tree-model.ts';

/** How many levels below the roots the first request brings; deeper ones load on expand. */
const INITIAL_DEPTH = 1;

export interface OrgUnitTreeRows {
  readonly tree: ReturnType<typeof useOrgUnitTree>;
  readonly rows: readonly TreeRow[];
  /** Units whose children failed to load, each with a retry. */
  readonly failed: ReadonlyMap<string, { readonly error: unknown; readonly retry: () => void }>;
  readonly setExpanded: (id: string, expanded: boolean) => void;
  /** Keeps the current selection's ancestors open after the selection moves elsewhere. */
  readonly pinOpenAncestors: () => void;
}

/**
 * The visible rows of the org-unit tree. Roots start open, and so do the ancestors of the
 * selected unit, so a linked page shows where its unit sits; children load as units open.
 */
export function useOrgUnitTreeRows(selectedId: string | null): OrgUnitTreeRows {
  const tree = useOrgUnitTree(INITIAL_DEPTH);
  const selected = useOrgUnit(selectedId);
  const [overrides, setOverrides] = useState<Readonly<Record<string, boolean>>>({});

  const listed = useMemo(
    () => (tree.data ? childrenFromList(tree.data.orgUnits) : new Map<string, OrgUnit[]>()),
    [tree.data],
  );
  const openByDefault = useMemo(
    () =>
      new Set([
        ...(tree.data?.rootIds ?? []),
        ...(selected.data?.ancestors ?? []).map((a) => a.id),
      ]),
    [tree.data, selected.data],
  );
  const isExpanded = useCallback(
    (id: string) => overrides[id] ?? openByDefault.has(id),
    [overrides, openByDefault],
  );

  const toLoad = useMemo(
    () =>
      [...new Set([...openByDefault, ...Object.keys(overrides)])].filter(
        (id) => isExpanded(id) && !listed.has(id),
      ),
    [openByDefault, overrides, isExpanded, listed],
  );
  const loaded = useQueries({ queries: toLoad.map((id) => orgUnitChildrenQuery(id)) });

  const { children, failed } = useMemo(() => {
    const children = new Map(listed);
    const failed = new Map<string, { error: unknown; retry: () => void }>();
    loaded.forEach((result, i) => {
      const id = toLoad[i];
      if (result.data) {
        children.set(id, result.data.orgUnits);
      } else if (result.error) {
        failed.set(id, { error: result.error, retry: () => void result.refetch() });
      }
    });
    return { children, failed };
  }, [listed, loaded, toLoad]);

  const rows = useMemo(() => {
    if (!tree.data) {
      return [];
    }
    const byId = new Map(tree.data.orgUnits.map((unit) => [unit.id, unit]));
    const roots = tree.data.rootIds.flatMap((id) => byId.get(id) ?? []);
    return visibleRows(roots, (id) => children.get(id), isExpanded);
  }, [tree.data, children, isExpanded]);

  const setExpanded = useCallback((id: string, expanded: boolean) => {
    setOverrides((prev) => ({ ...prev, [id]: expanded }));
  }, []);

  const ancestors = selected.data?.ancestors;
  const pinOpenAncestors = useCallback(() => {
    if (ancestors === undefined) {
      return;
    }
    setOverrides((prev) => ({
      ...Object.fromEntries(ancestors.map((a) => [a.id, true])),
      ...prev,
    }));
  }, [ancestors]);

  return { tree, rows, failed, setExpanded, pinOpenAncestors };
}
