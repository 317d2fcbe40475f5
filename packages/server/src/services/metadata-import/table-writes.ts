/**
 * The one diff-and-write path every metadata table goes through: compare the rows a file asks
 * for with the stored ones, insert the new, update only the changed (so `updated_at` moves only
 * when something did), and replace link sets that differ.
 *
 * The importer writes twenty tables the same way, so it works on a loose view of the database
 * (`table → column → cell`); the rows it is given are built from the typed schema rows.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** A stored cell: text, number or null (booleans are 0/1, dates text). */
export type Cell = string | number | null;

/** A row as the importer handles it. */
export type Row = Readonly<Record<string, Cell>>;

type LooseDatabase = Record<string, Record<string, Cell>>;

/** Either the database or an open transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Ids per statement in `in (…)` lists: far below both dialects' parameter limits. */
const CHUNK = 500;

function loose(db: Db): Kysely<LooseDatabase> {
  return db as unknown as Kysely<LooseDatabase>;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Every row of `table`, by id. */
export async function loadRowsById(db: Db, table: keyof Database): Promise<Map<string, Row>> {
  const rows = await loose(db).selectFrom(table).selectAll().execute();
  return new Map(rows.map((r) => [String(r.id), r]));
}

/** Rows of `table` whose `column` is one of `values`. */
export async function loadRowsWhereIn(
  db: Db,
  table: keyof Database,
  column: string,
  values: readonly string[],
): Promise<Row[]> {
  const out: Row[] = [];
  for (const part of chunks(values, CHUNK)) {
    out.push(
      ...(await loose(db).selectFrom(table).selectAll().where(column, 'in', part).execute()),
    );
  }
  return out;
}

/** Deletes the rows of `table` whose `column` is one of `values`. */
export async function deleteWhereIn(
  db: Db,
  table: keyof Database,
  column: string,
  values: readonly string[],
): Promise<void> {
  for (const part of chunks(values, CHUNK)) {
    await loose(db).deleteFrom(table).where(column, 'in', part).execute();
  }
}

/** Inserts rows in statements of at most `CHUNK` rows, in the order given. */
export async function insertRows(
  db: Db,
  table: keyof Database,
  rows: readonly Row[],
): Promise<void> {
  for (const part of chunks(rows, Math.max(1, Math.floor(CHUNK / 4)))) {
    await loose(db).insertInto(table).values(part).execute();
  }
}

/** True when every column of `desired` holds the same value in `stored`. */
export function sameRow(desired: Row, stored: Row): boolean {
  return Object.keys(desired).every((column) => sameCell(desired[column], stored[column]));
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    return Number(a) === Number(b) && a !== null && b !== null;
  }
  return (a ?? null) === (b ?? null);
}

export type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Writes `desired` rows (without timestamps) to `table`: new ids are inserted in the given order
 * (so parents can precede children), changed rows are updated with `updatedAt = now`, and rows
 * that did not change are left alone. Ids in `touched` count as changed (their links changed).
 *
 * @returns each id's outcome
 */
export async function upsertRows(
  db: Db,
  table: keyof Database,
  desired: readonly Row[],
  stored: ReadonlyMap<string, Row>,
  now: string,
  touched: ReadonlySet<string> = new Set(),
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const inserts: Row[] = [];
  for (const row of desired) {
    const id = String(row.id);
    const before = stored.get(id);
    if (before === undefined) {
      inserts.push({ ...row, createdAt: now, updatedAt: now });
      outcomes.set(id, 'created');
    } else if (!sameRow(row, before) || touched.has(id)) {
      outcomes.set(id, 'updated');
    } else {
      outcomes.set(id, 'unchanged');
    }
  }
  await insertRows(db, table, inserts);
  for (const row of desired) {
    const id = String(row.id);
    if (outcomes.get(id) === 'updated') {
      const { id: _id, ...values } = row;
      await loose(db)
        .updateTable(table)
        .set({ ...values, updatedAt: now })
        .where('id', '=', id)
        .execute();
    }
  }
  return outcomes;
}

/** A link table: rows that belong to an owner object (e.g. a data set's org units). */
export interface LinkTable {
  readonly table: keyof Database;
  /** The column naming the owner, e.g. `dataSetId`. */
  readonly ownerColumn: string;
}

/** A planned replacement of some owners' link sets, applied once the owners exist. */
export interface LinkPlan {
  readonly link: LinkTable;
  /** Owners whose stored links differ from the file's. */
  readonly changed: ReadonlySet<string>;
  /** The stored links of each changed owner, and the ones it gets. */
  linksOf(owner: string): { readonly before: readonly Row[]; readonly after: readonly Row[] };
  apply(): Promise<void>;
}

function linkKey(row: Row): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
}

/**
 * Compares each owner's links in the file with the stored ones. Owners absent from `desired`
 * keep their links (the file did not list them); listed owners get exactly the file's links.
 */
export async function planLinks(
  db: Db,
  link: LinkTable,
  desired: ReadonlyMap<string, readonly Row[]>,
): Promise<LinkPlan> {
  const owners = [...desired.keys()];
  const stored = new Map<string, Row[]>(owners.map((o) => [o, []]));
  for (const row of await loadRowsWhereIn(db, link.table, link.ownerColumn, owners)) {
    stored.get(String(row[link.ownerColumn]))?.push(row);
  }
  const changed = new Set<string>();
  for (const [owner, rows] of desired) {
    const want = new Set(rows.map(linkKey));
    const have = new Set((stored.get(owner) ?? []).map(linkKey));
    if (want.size !== have.size || [...want].some((k) => !have.has(k))) {
      changed.add(owner);
    }
  }
  return {
    link,
    changed,
    linksOf: (owner) => ({ before: stored.get(owner) ?? [], after: desired.get(owner) ?? [] }),
    async apply() {
      const ids = [...changed];
      await deleteWhereIn(db, link.table, link.ownerColumn, ids);
      await insertRows(
        db,
        link.table,
        ids.flatMap((id) => desired.get(id) ?? []),
      );
    },
  };
}
