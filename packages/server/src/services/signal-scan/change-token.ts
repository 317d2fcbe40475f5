/**
 * The scan's change token: a few cheap aggregates that change whenever anything a scan reads
 * changes. When it equals the token the last scan stored, the scan has nothing to do and skips
 * every series without reading a value (an unchanged rescan costs a handful of indexed queries,
 * however large the country). When it differs, the per-series fingerprints decide which series
 * are recomputed.
 *
 * What it covers, and how:
 * - data values: the latest `last_updated` (every writer stamps the time of the write; deleting
 *   through DHIS2's strategy is an update) and the row count (rows removed or inserted with an
 *   older stamp);
 * - every audited write except the signals' own (status changes, scans): the latest audit id —
 *   imports, metadata imports and chart settings are audited;
 * - metadata the series depend on: for indicators, indicator types, data elements, org units,
 *   org-unit groups, constants and chart settings, the latest `updated_at` and the row count;
 *   org-unit group memberships by count;
 * - the latest month with data and the scan version (passed in).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const STAMPED = [
  'indicators',
  'indicator_types',
  'data_elements',
  'org_units',
  'org_unit_groups',
  'constants',
  'chart_settings',
] as const;

/** The setting key the last scan's token is stored under. */
export const CHANGE_TOKEN_SETTING = 'signal_scan.change_token';

/** Computes the token (a JSON string; equal strings mean nothing changed). */
export async function computeChangeToken(
  db: Kysely<Database>,
  fixed: Record<string, unknown>,
): Promise<string> {
  const data = await sql<{ lastUpdated: string | null; n: number | string }>`
    SELECT (SELECT max(last_updated) FROM data_values) AS "lastUpdated",
      (SELECT count(*) FROM data_values) AS n`.execute(db);
  const audit = await sql<{ id: number | string | null }>`
    SELECT max(id) AS id FROM audit_events
    WHERE entity_type NOT IN ('signal', 'signal_scan')`.execute(db);
  const metadata: Record<string, [string | null, number]> = {};
  for (const table of STAMPED) {
    const row = await sql<{ updatedAt: string | null; n: number | string }>`
      SELECT max(updated_at) AS "updatedAt", count(*) AS n FROM ${sql.table(table)}`.execute(db);
    metadata[table] = [row.rows[0]?.updatedAt ?? null, Number(row.rows[0]?.n ?? 0)];
  }
  const members = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM org_unit_group_members`.execute(db);
  return JSON.stringify({
    ...fixed,
    data: [data.rows[0]?.lastUpdated ?? null, Number(data.rows[0]?.n ?? 0)],
    audit: audit.rows[0]?.id === null ? null : Number(audit.rows[0]?.id),
    metadata,
    members: Number(members.rows[0]?.n ?? 0),
  });
}

/** The token the last scan stored, or null. */
export async function storedChangeToken(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', CHANGE_TOKEN_SETTING)
    .executeTakeFirst();
  return row?.value ?? null;
}

/** Stores the token of a finished scan. */
export async function storeChangeToken(
  db: Kysely<Database>,
  token: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: CHANGE_TOKEN_SETTING, value: token, updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: token, updatedAt: now }))
    .execute();
}
