/**
 * Writes the objects of one type with their link sets and counts what happened to each: an
 * object whose columns or links changed is `updated`; one where nothing changed keeps its
 * `updated_at` and is `unchanged`.
 */
import type { Database } from '../../db/schema.ts';
import type { LinkChangeLog } from './link-change-log.ts';
import type { MetadataObjectType, ReportBuilder } from './metadata-import-report.ts';
import type { MetadataInput } from './metadata-objects.ts';
import type { StoredMetadata } from './stored-metadata.ts';
import {
  planLinks,
  upsertRows,
  type Db,
  type LinkPlan,
  type LinkTable,
  type Outcome,
  type Row,
} from './table-writes.ts';

/** What every writer needs. */
export interface WriteContext {
  readonly db: Db;
  readonly input: MetadataInput;
  readonly stored: StoredMetadata;
  readonly report: ReportBuilder;
  /** The one timestamp of this import. */
  readonly now: string;
  /** Link sets replaced so far, for the audit trail. */
  readonly linkLog: LinkChangeLog;
}

/** The links of one link table that the file lists, by owner id. */
export interface LinkSets {
  readonly link: LinkTable;
  readonly desired: ReadonlyMap<string, readonly Row[]>;
}

/** Owner id → link rows, for the owners whose list the file gave (null lists are skipped). */
export function linkSets<T>(
  link: LinkTable,
  owners: readonly T[],
  ownerId: (owner: T) => string,
  rows: (owner: T) => readonly Row[] | null,
): LinkSets {
  const desired = new Map<string, readonly Row[]>();
  for (const owner of owners) {
    const list = rows(owner);
    if (list !== null) {
      desired.set(ownerId(owner), list);
    }
  }
  return { link, desired };
}

/** Plans every link table's changes (before the owners are written). */
export async function planAllLinks(db: Db, sets: readonly LinkSets[]): Promise<LinkPlan[]> {
  const plans: LinkPlan[] = [];
  for (const set of sets) {
    plans.push(await planLinks(db, set.link, set.desired));
  }
  return plans;
}

/** The owners any of `plans` will change. */
export function changedOwners(plans: readonly LinkPlan[]): Set<string> {
  return new Set(plans.flatMap((p) => [...p.changed]));
}

/** Adds outcomes to the report's counts for `type`. */
export function countOutcomes(
  report: ReportBuilder,
  type: MetadataObjectType,
  outcomes: ReadonlyMap<string, Outcome>,
): void {
  for (const outcome of outcomes.values()) {
    report.count(type, outcome);
  }
}

/**
 * Upserts `rows` into `table` and replaces the changed link sets, counting each object once.
 *
 * @returns each object's outcome
 */
export async function writeObjects(
  ctx: WriteContext,
  type: Exclude<MetadataObjectType, 'categoryOptionCombo'>,
  table: keyof Database,
  rows: readonly Row[],
  links: readonly LinkSets[] = [],
): Promise<Map<string, Outcome>> {
  const plans = await planAllLinks(ctx.db, links);
  const outcomes = await upsertRows(
    ctx.db,
    table,
    rows,
    ctx.stored.rows[type],
    ctx.now,
    changedOwners(plans),
  );
  for (const plan of plans) {
    await plan.apply();
    ctx.linkLog.add(type, plan);
  }
  countOutcomes(ctx.report, type, outcomes);
  return outcomes;
}
