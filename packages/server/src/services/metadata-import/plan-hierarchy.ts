/**
 * Where every org unit sits after an import. Level and path come from the parents — the file's
 * parents over the stored ones — never from the file's own `level`/`path`, which are only
 * compared (a mismatch is a warning). Moving a unit moves its whole subtree, so every stored
 * descendant whose path changes is placed again too.
 */
import type { ReportBuilder } from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import type { StoredMetadata } from './stored-metadata.ts';

/** A unit's place in the hierarchy. */
export interface Placement {
  readonly parentId: string | null;
  readonly path: string;
  readonly level: number;
}

export interface HierarchyPlan {
  /** The place of every unit in the file, and of every stored unit whose place changes. */
  readonly placements: ReadonlyMap<string, Placement>;
  /** Stored units the file gives a new parent. */
  readonly moved: readonly string[];
  /** New units and units whose path changes: their closure rows are (re)built. */
  readonly rebuild: ReadonlySet<string>;
}

/** Works out paths and levels; reports cycles and disagreements with the file's own values. */
export function planHierarchy(
  input: MetadataInput,
  stored: StoredMetadata,
  report: ReportBuilder,
): HierarchyPlan {
  const storedUnits = stored.rows.organisationUnit;
  const parentOf = new Map<string, string | null>();
  for (const [id, row] of storedUnits) {
    parentOf.set(id, row.parentId === null ? null : String(row.parentId));
  }
  for (const { row } of input.organisationUnit) {
    parentOf.set(row.id, row.parentId);
  }

  const paths = new Map<string, string | null>();
  const onCycle = new Set<string>();
  // `visiting` is the chain being walked, child first: a repeat closes a cycle from there on.
  const pathOf = (id: string, visiting: string[]): string | null => {
    if (paths.has(id)) {
      return paths.get(id) ?? null;
    }
    if (!parentOf.has(id)) {
      return null; // an unknown parent, reported by the reference check
    }
    const seen = visiting.indexOf(id);
    if (seen >= 0) {
      for (const unit of visiting.slice(seen)) {
        onCycle.add(unit);
      }
      return null;
    }
    visiting.push(id);
    const parentId = parentOf.get(id) ?? null;
    const parentPath = parentId === null ? '' : pathOf(parentId, visiting);
    visiting.pop();
    const path = parentPath === null ? null : `${parentPath}/${id}`;
    paths.set(id, path);
    return path;
  };

  const placements = new Map<string, Placement>();
  const rebuild = new Set<string>();
  const place = (id: string): void => {
    const path = pathOf(id, []);
    if (path === null) {
      return;
    }
    const level = path.split('/').length - 1;
    const before = storedUnits.get(id);
    if (before === undefined || before.path !== path || Number(before.level) !== level) {
      rebuild.add(id);
    }
    placements.set(id, { parentId: parentOf.get(id) ?? null, path, level });
  };
  for (const { row } of input.organisationUnit) {
    place(row.id);
  }
  for (const id of storedUnits.keys()) {
    if (!placements.has(id)) {
      place(id);
      if (!rebuild.has(id)) {
        placements.delete(id);
      }
    }
  }

  const moved: string[] = [];
  for (const { row, statedLevel, statedPath } of input.organisationUnit) {
    const id = row.id;
    if (onCycle.has(id)) {
      report.error({
        objectType: 'organisationUnit',
        id,
        field: 'parent',
        code: 'cycle',
        message: `parent of organisationUnit "${id}" makes a cycle: the unit would be its own ancestor`,
      });
      continue;
    }
    const before = storedUnits.get(id);
    if (before !== undefined && (before.parentId ?? null) !== row.parentId) {
      moved.push(id);
    }
    const placement = placements.get(id);
    if (placement === undefined) {
      continue;
    }
    if (statedPath !== null && statedPath !== placement.path) {
      report.warn({
        objectType: 'organisationUnit',
        id,
        field: 'path',
        code: 'path_mismatch',
        message: `path "${statedPath}" of organisationUnit "${id}" disagrees with its parents: "${placement.path}" is stored`,
      });
    }
    if (statedLevel !== null && statedLevel !== placement.level) {
      report.warn({
        objectType: 'organisationUnit',
        id,
        field: 'level',
        code: 'level_mismatch',
        message: `level ${statedLevel} of organisationUnit "${id}" disagrees with its parents: ${placement.level} is stored`,
      });
    }
  }
  return { placements, moved, rebuild };
}
