/**
 * The link sets an import replaced (a data set's org units, a category's options…), kept per
 * owning object so its audit event can show them before and after: the owner's own row only
 * shows that it changed.
 */
import type { MetadataObjectType } from './metadata-import-report.ts';
import type { LinkPlan, Row } from './table-writes.ts';

/** One owner's replaced links, by link table, without the owner column. */
export type LinksByTable = Record<string, Row[]>;

/** Collects the link changes of one import. */
export class LinkChangeLog {
  private readonly changes = new Map<string, { before: LinksByTable; after: LinksByTable }>();

  /** Records every owner `plan` changed, once the plan is applied. */
  add(type: MetadataObjectType, plan: LinkPlan): void {
    const { table, ownerColumn } = plan.link;
    const strip = (rows: readonly Row[]) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== ownerColumn)));
    for (const owner of plan.changed) {
      const key = `${type}/${owner}`;
      const entry = this.changes.get(key) ?? { before: {}, after: {} };
      const { before, after } = plan.linksOf(owner);
      entry.before[table] = strip(before);
      entry.after[table] = strip(after);
      this.changes.set(key, entry);
    }
  }

  /** The links an object had and has, or undefined when none of its link sets changed. */
  of(
    type: MetadataObjectType,
    id: string,
  ): { before: LinksByTable; after: LinksByTable } | undefined {
    return this.changes.get(`${type}/${id}`);
  }
}
