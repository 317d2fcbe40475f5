/**
 * The org-unit tree as the navigator shows it: which rows are visible, and where the keyboard
 * moves focus (WAI-ARIA tree pattern). Pure, so the rules are tested without a browser.
 */
import type { OrgUnit } from '@sankofa/core';

/** Children per parent id, or `undefined` while a parent's children are not loaded. */
export type ChildrenOf = (parentId: string) => readonly OrgUnit[] | undefined;

export interface TreeRow {
  readonly unit: OrgUnit;
  /** 1 for the roots. */
  readonly level: number;
  readonly parentId: string | null;
  readonly expanded: boolean;
  /** Expanded but its children are still loading. */
  readonly loading: boolean;
  /** 1-based position among its siblings, and their number (for `aria-posinset`/`aria-setsize`). */
  readonly position: number;
  readonly siblings: number;
}

/**
 * Groups a flat list (as `GET /api/org-units/tree` returns it) by parent. A parent is only listed
 * when the list holds all of its children (`childCount`), so deeper levels are loaded lazily.
 */
export function childrenFromList(units: readonly OrgUnit[]): Map<string, OrgUnit[]> {
  const byParent = new Map<string, OrgUnit[]>();
  for (const unit of units) {
    if (unit.parentId === null) {
      continue;
    }
    const list = byParent.get(unit.parentId) ?? [];
    list.push(unit);
    byParent.set(unit.parentId, list);
  }
  const complete = new Map<string, OrgUnit[]>();
  for (const unit of units) {
    const children = byParent.get(unit.id) ?? [];
    if (children.length === unit.childCount) {
      complete.set(
        unit.id,
        [...children].sort((a, b) => a.name.localeCompare(b.name)),
      );
    }
  }
  return complete;
}

/** The rows to show, depth first, descending only into expanded units. */
export function visibleRows(
  roots: readonly OrgUnit[],
  childrenOf: ChildrenOf,
  isExpanded: (id: string) => boolean,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (units: readonly OrgUnit[], level: number, parentId: string | null) => {
    units.forEach((unit, index) => {
      const expanded = unit.childCount > 0 && isExpanded(unit.id);
      const children = expanded ? childrenOf(unit.id) : undefined;
      rows.push({
        unit,
        level,
        parentId,
        expanded,
        loading: expanded && children === undefined,
        position: index + 1,
        siblings: units.length,
      });
      if (children !== undefined) {
        visit(children, level + 1, unit.id);
      }
    });
  };
  visit(roots, 1, null);
  return rows;
}

/** What a key press on a tree row does. */
export type TreeAction =
  | { readonly type: 'focus'; readonly id: string }
  | { readonly type: 'expand'; readonly id: string }
  | { readonly type: 'collapse'; readonly id: string }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'none' };

/**
 * Maps a key on the focused row to an action: ↑/↓ move, → expands or enters, ← collapses or goes
 * to the parent, Home/End jump, Enter/Space select.
 */
export function keyAction(rows: readonly TreeRow[], focusedId: string, key: string): TreeAction {
  const index = rows.findIndex((row) => row.unit.id === focusedId);
  if (index < 0) {
    return { type: 'none' };
  }
  const row = rows[index];
  const focus = (i: number): TreeAction =>
    i >= 0 && i < rows.length ? { type: 'focus', id: rows[i].unit.id } : { type: 'none' };
  switch (key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(rows.length - 1);
    case 'ArrowRight':
      if (row.unit.childCount === 0) {
        return { type: 'none' };
      }
      if (!row.expanded) {
        return { type: 'expand', id: row.unit.id };
      }
      return rows[index + 1]?.parentId === row.unit.id ? focus(index + 1) : { type: 'none' };
    case 'ArrowLeft':
      if (row.expanded) {
        return { type: 'collapse', id: row.unit.id };
      }
      return row.parentId === null ? { type: 'none' } : { type: 'focus', id: row.parentId };
    case 'Enter':
    case ' ':
      return { type: 'select', id: row.unit.id };
    default:
      return { type: 'none' };
  }
}
