/**
 * The audit trail of a metadata import, worked out from the tables themselves: the stored rows
 * read before the writes are compared with the rows after them, so every object the import
 * created or changed — including descendants re-pathed because an ancestor moved — gets one
 * `create` or `update` event with the row before and after, and the import one `import` event
 * with its counts. An import that changed nothing records nothing.
 */
import { generateUid, nowIso } from '../../ids.ts';
import type { MetadataImportActor } from './import-metadata.ts';
import type { LinkChangeLog } from './link-change-log.ts';
import type { MetadataObjectType, TypeCounts } from './metadata-import-report.ts';
import { loadStoredMetadata, TABLE_OF, type StoredMetadata } from './stored-metadata.ts';
import { insertRows, sameRow, type Db, type Row } from './table-writes.ts';

interface Change {
  readonly type: MetadataObjectType;
  readonly id: string;
  readonly before: Row | undefined;
  readonly after: Row;
}

function diff(
  type: MetadataObjectType,
  before: ReadonlyMap<string, Row>,
  after: ReadonlyMap<string, Row>,
  into: Map<string, Change>,
): void {
  for (const [id, row] of after) {
    const old = before.get(id);
    const key = `${type}/${id}`;
    if ((old === undefined || !sameRow(row, old)) && !into.has(key)) {
      into.set(key, { type, id, before: old, after: row });
    }
  }
}

/** Every object whose stored row differs between the two snapshots, in write order. */
export function changedObjects(before: StoredMetadata, after: StoredMetadata): Change[] {
  const changes = new Map<string, Change>();
  for (const type of Object.keys(TABLE_OF) as (keyof typeof TABLE_OF)[]) {
    diff(type, before.rows[type], after.rows[type], changes);
  }
  diff('categoryOptionCombo', before.categoryOptionCombos, after.categoryOptionCombos, changes);
  diff('categoryOptionCombo', before.attributeOptionCombos, after.attributeOptionCombos, changes);
  return [...changes.values()];
}

/**
 * Records the import's audit events when it changed anything. An object whose link sets were
 * replaced carries them under `links` (by link table) in both `before` and `after`.
 *
 * @param before - the stored metadata read at the start of the import's transaction, and the
 *   link sets the import replaced
 * @returns how many objects were audited as created or updated
 */
export async function auditMetadataChanges(
  db: Db,
  before: { readonly stored: StoredMetadata; readonly links: LinkChangeLog },
  actor: MetadataImportActor,
  counts: Readonly<Record<MetadataObjectType, TypeCounts>>,
): Promise<number> {
  const changes = changedObjects(before.stored, await loadStoredMetadata(db));
  if (changes.length === 0) {
    return 0;
  }
  const occurredAt = nowIso();
  const common = {
    occurredAt,
    userId: actor.userId,
    actor: actor.actor,
    requestId: actor.requestId ?? null,
  };
  const importEvent = {
    ...common,
    action: 'import',
    entityType: 'metadataImport',
    entityId: generateUid(),
    orgUnitId: null,
    before: null,
    after: JSON.stringify(counts),
  };
  const objectEvents = changes.map((c) => {
    const links = before.links.of(c.type, c.id);
    const withLinks = (row: Row, side: 'before' | 'after') =>
      JSON.stringify(links === undefined ? row : { ...row, links: links[side] });
    return {
      ...common,
      action: c.before === undefined ? 'create' : 'update',
      entityType: c.type,
      entityId: c.id,
      orgUnitId: c.type === 'organisationUnit' ? c.id : null,
      before: c.before === undefined ? null : withLinks(c.before, 'before'),
      after: withLinks(c.after, 'after'),
    };
  });
  await insertRows(db, 'auditEvents', [importEvent, ...objectEvents]);
  return changes.length;
}
