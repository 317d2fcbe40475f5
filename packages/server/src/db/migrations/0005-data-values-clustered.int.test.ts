/**
 * Migration 0005 on a database that already holds data values (the demo country loaded at
 * 0004): every row is kept as it was, the key still refuses a second value for the same item,
 * the indexes are back, and on SQLite the table is stored in its key's order.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCountry } from '../../demo/index.ts';
import { loadDemoCountry } from '../../services/load-demo.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { createMigrator } from '../migrate.ts';

const SLOW = 120_000;

describe.each(testDialects())('migration 0005 (data values clustered) on %s', (dialect) => {
  let database: TestDatabase;
  let before: unknown[];

  const rows = () =>
    database.adapter.db
      .selectFrom('dataValues')
      .selectAll()
      .orderBy(['dataElementId', 'periodId', 'orgUnitId', 'categoryOptionComboId'])
      .execute();

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const migrator = createMigrator(database.adapter);
    const to0004 = await migrator.migrateTo('0004-signals');
    expect(to0004.error).toBeUndefined();
    await loadDemoCountry(
      database.adapter,
      generateDemoCountry({ seed: 5, facilities: 4, months: 12, endPeriod: '202610' }),
    );
    before = await rows();
    const latest = await migrator.migrateToLatest();
    expect(latest.error).toBeUndefined();
    expect(latest.results?.map((r) => [r.migrationName, r.status])).toEqual([
      ['0005-data-values-clustered', 'Success'],
    ]);
  }, SLOW);
  afterAll(async () => {
    await database.drop();
  });

  it('keeps every data value as it was', async () => {
    expect(before.length).toBeGreaterThan(100);
    expect(await rows()).toEqual(before);
  });

  it('still refuses a second value for the same item and period', async () => {
    const [first] = await database.adapter.db
      .selectFrom('dataValues')
      .selectAll()
      .limit(1)
      .execute();
    await expect(
      database.adapter.db.insertInto('dataValues').values(first).execute(),
    ).rejects.toThrow(/unique|primary key|constraint/i);
  });

  it('has its indexes back, and on SQLite keeps the rows in the key order', async () => {
    if (dialect === 'sqlite') {
      const table = await sql<{ sql: string }>`
        SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'data_values'`.execute(
        database.adapter.db,
      );
      expect(table.rows[0].sql).toMatch(/without rowid\s*$/i);
      const indexes = await sql<{ name: string }>`
        SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'data_values'
        AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`.execute(database.adapter.db);
      expect(indexes.rows.map((r) => r.name)).toEqual([
        'data_values_last_updated_idx',
        'data_values_org_unit_idx',
      ]);
    } else {
      const indexes = await sql<{ indexname: string }>`
        SELECT indexname FROM pg_indexes WHERE tablename = 'data_values'
        ORDER BY indexname`.execute(database.adapter.db);
      expect(indexes.rows.map((r) => r.indexname)).toEqual([
        'data_values_last_updated_idx',
        'data_values_org_unit_idx',
        'data_values_pk',
      ]);
    }
  });
});
