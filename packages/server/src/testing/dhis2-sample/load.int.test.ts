import { afterEach, describe, expect, it } from 'vitest';
import { seedFixtureCountry } from '../fixture-country.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-database.ts';
import { loadDhis2SampleMetadata } from './load.ts';

describe.each(testDialects())('the DHIS2 sample metadata on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('imports without errors and holds the objects the samples name', async () => {
    database = await createTestDatabase(dialect);
    const report = await loadDhis2SampleMetadata(database.adapter.db);
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    const db = database.adapter.db;
    const ngelehun = await db
      .selectFrom('orgUnits')
      .select(['code', 'level', 'path'])
      .where('id', '=', 'DiszpKrYNg8')
      .executeTakeFirstOrThrow();
    expect(ngelehun).toEqual({
      code: 'OU_559',
      level: 4,
      path: '/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/DiszpKrYNg8',
    });
    const slDefault = await db
      .selectFrom('attributeOptionCombos')
      .select('categoryComboId')
      .where('id', '=', 'bRowv6yZOF2')
      .executeTakeFirstOrThrow();
    expect(slDefault.categoryComboId).toBe('bjDvmb4bfuf');
    const boolean = await db
      .selectFrom('dataElements')
      .select(['id', 'valueType'])
      .where('id', 'in', ['jH26dja2f30', 'jH26dja2f31'])
      .orderBy('id')
      .execute();
    expect(boolean.map((d) => d.valueType)).toEqual(['BOOLEAN', 'TRUE_ONLY']);
  });

  it('imports on top of the fixture country, completing its default combo', async () => {
    database = await createTestDatabase(dialect);
    await seedFixtureCountry(database.adapter.db);
    const report = await loadDhis2SampleMetadata(database.adapter.db);
    expect(report.counts.categoryCombo).toMatchObject({ created: 6, updated: 1 });
    expect(report.counts.categoryOptionCombo).toMatchObject({ created: 28, updated: 1 });
  });
});
