/**
 * Loads a generated demo country into an empty database: metadata, the hierarchy with its
 * closure, every data value, and the demo users. Metadata and values land in one transaction,
 * so a failed load leaves nothing behind; the users too.
 */
import { parsePeriodId } from '@sankofa/core';
import { sql, type InsertObject, type Kysely } from 'kysely';
import type { DialectAdapter } from '../db/database.ts';
import type { Database, DataValueTable } from '../db/schema.ts';
import type { DemoCountry, DemoOptions } from '../demo/index.ts';
import { nowIso } from '../ids.ts';
import { recordAudit } from './audit.ts';
import { insertUser, prepareUser } from './create-user.ts';
import { ensurePeriods } from './write-data-value.ts';

export interface LoadDemoOptions {
  /** Called as values land, for a progress bar. */
  readonly onProgress?: (loaded: number) => void;
}

export interface LoadDemoResult {
  readonly orgUnits: number;
  readonly dataValues: number;
  readonly users: number;
}

/** True when the database holds no org units yet (a fresh installation). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('orgUnits').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** Inserts rows in chunks that stay under the dialect's parameter limit. */
async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  table: T,
  rows: Iterable<Database[T]>,
  columns: number,
  onChunk?: (count: number) => void,
): Promise<number> {
  const size = Math.max(1, Math.min(1000, Math.floor(adapter.maxParameters / columns)));
  let chunk: Database[T][] = [];
  let total = 0;
  const flush = async () => {
    if (chunk.length === 0) {
      return;
    }
    // Rows of table T are its insert objects; Kysely cannot relate the two for a generic T.
    await db
      .insertInto(table)
      .values(chunk as unknown as InsertObject<Database, T>[])
      .execute();
    total += chunk.length;
    onChunk?.(total);
    chunk = [];
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      await flush();
    }
  }
  await flush();
  return total;
}

/**
 * The demo's data values, generated series by series (org unit by org unit). Where the table is
 * stored in its key's order (SQLite, `clusteredTables`), inserting in that order costs far less
 * than scattering rows over the key: the rows go into a temporary table first and from there
 * into `data_values` sorted by the key (measured on the 300-facility demo: 11.1 s inserted as
 * generated, 8.7 s this way; 8.9 s into the former rowid table).
 */
async function insertDataValues(
  trx: Kysely<Database>,
  adapter: DialectAdapter,
  rows: Iterable<DataValueTable>,
  onChunk?: (count: number) => void,
): Promise<number> {
  if (!adapter.clusteredTables) {
    return insertChunked(trx, adapter, 'dataValues', rows, 13, onChunk);
  }
  await sql`CREATE TEMP TABLE demo_data_values AS SELECT * FROM data_values WHERE 0`.execute(trx);
  // The temporary table has the columns of data_values; the query builder only needs its name.
  const count = await insertChunked(
    trx,
    adapter,
    'demo_data_values' as 'dataValues',
    rows,
    13,
    onChunk,
  );
  await sql`INSERT INTO data_values SELECT * FROM temp.demo_data_values
    ORDER BY data_element_id, period_id, org_unit_id, category_option_combo_id,
      attribute_option_combo_id`.execute(trx);
  await sql`DROP TABLE temp.demo_data_values`.execute(trx);
  return count;
}

/**
 * Loads `country` into the database behind `adapter`, which must be migrated and empty.
 *
 * @throws Error when the database already holds org units
 */
export async function loadDemoCountry(
  adapter: DialectAdapter,
  country: DemoCountry,
  options: LoadDemoOptions = {},
): Promise<LoadDemoResult> {
  const { db } = adapter;
  if (!(await isDatabaseEmpty(db))) {
    throw new Error(
      'The database already has org units: the demo loads only into an empty database',
    );
  }
  const now = nowIso();
  const stamp = { createdAt: now, updatedAt: now };
  const dataValues = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('categoryCombos')
      .values(
        country.categoryCombos.map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          dataDimensionType: c.dataDimensionType,
          ...stamp,
        })),
      )
      .execute();
    for (const combo of country.categoryCombos) {
      const table =
        combo.dataDimensionType === 'attribute' ? 'attributeOptionCombos' : 'categoryOptionCombos';
      if (combo.options.length === 0) {
        continue;
      }
      await trx
        .insertInto(table)
        .values(
          combo.options.map((o) => ({
            id: o.id,
            code: o.code,
            name: o.name,
            categoryComboId: combo.id,
            ...stamp,
          })),
        )
        .execute();
    }
    // The default combo serves as attribute option combo too (as in DHIS2).
    const defaultCombo = country.categoryCombos.find((c) =>
      c.options.some((o) => o.id === country.defaultCategoryOptionComboId),
    );
    if (defaultCombo !== undefined && defaultCombo.dataDimensionType !== 'attribute') {
      const option = defaultCombo.options.find(
        (o) => o.id === country.defaultCategoryOptionComboId,
      )!;
      await trx
        .insertInto('attributeOptionCombos')
        .values({
          id: option.id,
          code: option.code,
          name: option.name,
          categoryComboId: defaultCombo.id,
          ...stamp,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }

    const units = [...country.orgUnits].sort((a, b) => a.level - b.level);
    await insertChunked(
      trx,
      adapter,
      'orgUnits',
      units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        shortName: u.name.slice(0, 50),
        parentId: u.parentId,
        level: u.level,
        path: u.path,
        openingDate: null,
        closedDate: null,
        ...stamp,
      })),
      11,
    );
    await insertChunked(
      trx,
      adapter,
      'orgUnitClosure',
      units.flatMap((u) => {
        const ancestors = u.path.split('/').filter((id) => id !== '');
        return ancestors.map((ancestorId, i) => ({
          ancestorId,
          descendantId: u.id,
          depth: ancestors.length - 1 - i,
        }));
      }),
      3,
    );
    for (const group of country.groups) {
      await trx
        .insertInto('orgUnitGroups')
        .values({
          id: group.id,
          code: group.code,
          name: group.name,
          shortName: group.name.slice(0, 50),
          ...stamp,
        })
        .execute();
      await insertChunked(
        trx,
        adapter,
        'orgUnitGroupMembers',
        group.orgUnitIds.map((orgUnitId) => ({ orgUnitGroupId: group.id, orgUnitId })),
        2,
      );
    }

    await trx
      .insertInto('dataElements')
      .values(
        country.dataElements.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          description: d.description,
          valueType: d.valueType,
          aggregationType: d.aggregationType,
          domainType: 'AGGREGATE',
          categoryComboId: d.categoryComboId,
          zeroIsSignificant: 1 as const,
          ...stamp,
        })),
      )
      .execute();
    await trx
      .insertInto('indicatorTypes')
      .values(
        country.indicatorTypes.map((t) => ({
          id: t.id,
          name: t.name,
          factor: t.factor,
          number: t.number ? (1 as const) : (0 as const),
          ...stamp,
        })),
      )
      .execute();
    await trx
      .insertInto('indicators')
      .values(
        country.indicators.map((i) => ({
          id: i.id,
          code: i.code,
          name: i.name,
          shortName: i.shortName,
          description: i.description,
          numerator: i.numerator,
          numeratorDescription: i.numeratorDescription,
          denominator: i.denominator,
          denominatorDescription: i.denominatorDescription,
          indicatorTypeId: i.indicatorTypeId,
          annualized: i.annualized ? (1 as const) : (0 as const),
          decimals: i.decimals,
          kind: i.kind,
          desiredDirection: i.desiredDirection,
          target: i.target,
          defaultChartType: i.defaultChartType,
          notifiable: i.notifiable ? (1 as const) : (0 as const),
          source: 'local',
          ...stamp,
        })),
      )
      .execute();
    await ensurePeriods(
      trx,
      country.periods.map((p) => parsePeriodId(p)),
    );

    function* rows(): Generator<DataValueTable> {
      for (const v of country.dataValues()) {
        const numeric = Number(v.value);
        yield {
          dataElementId: v.dataElementId,
          periodId: v.period,
          orgUnitId: v.orgUnitId,
          categoryOptionComboId: v.categoryOptionComboId,
          attributeOptionComboId: v.attributeOptionComboId,
          value: v.value,
          numericValue: Number.isFinite(numeric) ? numeric : null,
          storedBy: 'demo',
          createdAt: now,
          lastUpdated: now,
          comment: v.comment ?? null,
          followUp: v.followUp === true ? 1 : 0,
          deleted: 0,
        };
      }
    }
    const count = await insertDataValues(trx, adapter, rows(), options.onProgress);
    await trx
      .insertInto('settings')
      .values({
        key: 'demo',
        value: JSON.stringify({ ...country.options, loadedAt: now }),
        updatedAt: now,
      })
      .execute();
    for (const user of country.users) {
      const prepared = await prepareUser(trx, {
        email: user.email,
        name: user.name,
        password: user.password,
        roles: user.orgUnitIds.map((orgUnitId) => ({ role: user.role, orgUnitId })),
      });
      await insertUser(trx, prepared, { userId: null, actor: 'demo' });
    }
    await recordAudit(trx, {
      userId: null,
      actor: 'demo',
      action: 'import',
      entityType: 'demoCountry',
      entityId: units[0].id,
      orgUnitId: units[0].id,
      after: { options: country.options, orgUnits: units.length, dataValues: count },
    });
    return count;
  });

  return { orgUnits: country.orgUnits.length, dataValues, users: country.users.length };
}

/** The options the demo in this database was generated with, or undefined when there is none. */
export async function readDemoOptions(
  db: Kysely<Database>,
): Promise<Required<DemoOptions> | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  const { seed, facilities, months, endPeriod } = JSON.parse(row.value) as Required<DemoOptions>;
  return { seed, facilities, months, endPeriod };
}
