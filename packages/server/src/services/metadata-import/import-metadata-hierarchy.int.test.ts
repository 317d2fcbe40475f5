import { afterEach, describe, expect, it } from 'vitest';
import { loadDhis2SampleMetadata } from '../../testing/dhis2-sample/load.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { importMetadata } from './import-metadata.ts';
import { ancestorsOf, auditEvents, orgUnit } from './metadata-tables.test-support.ts';

const actor = { userId: null, actor: 'test' } as const;
const BADJIA_UNITS = ['YuQRtpLP10I', 'DiszpKrYNg8', 'FNnj3jKGS7i', 'BdfsJfj87js'];

describe.each(testDialects())('moving org units on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });
  const loaded = async () => {
    database = await createTestDatabase(dialect);
    await loadDhis2SampleMetadata(database.adapter.db);
    return database.adapter.db;
  };
  const placeOf = async (db: Awaited<ReturnType<typeof loaded>>, id: string) => {
    const row = await db
      .selectFrom('orgUnits')
      .select(['parentId', 'level', 'path'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...row, level: Number(row.level), closure: await ancestorsOf(db, id) };
  };

  it('re-paths a moved unit and its whole subtree, and audits each', async () => {
    const db = await loaded();
    const eventCount = (await auditEvents(db)).length;
    const report = await importMetadata(
      db,
      { organisationUnits: [orgUnit('YuQRtpLP10I', 'Badjia', 'fdc6uOvgoji')] },
      { actor },
    );
    expect(report.errors).toEqual([]);
    expect(report.hierarchy).toEqual({ moved: ['YuQRtpLP10I'], repathed: 4 });
    expect(report.counts.organisationUnit).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      errors: 0,
    });
    expect(await placeOf(db, 'YuQRtpLP10I')).toEqual({
      parentId: 'fdc6uOvgoji',
      level: 3,
      path: '/ImspTQPwCqd/fdc6uOvgoji/YuQRtpLP10I',
      closure: ['YuQRtpLP10I:0', 'fdc6uOvgoji:1', 'ImspTQPwCqd:2'],
    });
    expect(await placeOf(db, 'DiszpKrYNg8')).toEqual({
      parentId: 'YuQRtpLP10I',
      level: 4,
      path: '/ImspTQPwCqd/fdc6uOvgoji/YuQRtpLP10I/DiszpKrYNg8',
      closure: ['DiszpKrYNg8:0', 'YuQRtpLP10I:1', 'fdc6uOvgoji:2', 'ImspTQPwCqd:3'],
    });
    const boDescendants = await db
      .selectFrom('orgUnitClosure')
      .select('descendantId')
      .where('ancestorId', '=', 'O6uvpzGd5pu')
      .execute();
    expect(boDescendants.map((r) => r.descendantId)).toEqual(['O6uvpzGd5pu']);
    const events = (await auditEvents(db)).slice(eventCount);
    expect(
      events
        .filter((e) => e.action === 'update')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual([...BADJIA_UNITS].sort());
  });

  it('changes levels when a unit moves under a unit created in the same file', async () => {
    const db = await loaded();
    const report = await importMetadata(
      db,
      {
        organisationUnits: [
          orgUnit('DiszpKrYNg8', 'Ngelehun CHC', 'NewZone0001'),
          orgUnit('NewZone0001', 'New zone', 'YuQRtpLP10I'),
        ],
      },
      { actor },
    );
    expect(report.errors).toEqual([]);
    expect(report.counts.organisationUnit).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
      errors: 0,
    });
    expect(await placeOf(db, 'DiszpKrYNg8')).toEqual({
      parentId: 'NewZone0001',
      level: 5,
      path: '/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/NewZone0001/DiszpKrYNg8',
      closure: [
        'DiszpKrYNg8:0',
        'NewZone0001:1',
        'YuQRtpLP10I:2',
        'O6uvpzGd5pu:3',
        'ImspTQPwCqd:4',
      ],
    });
  });

  it('warns when the file states a level or path its parents contradict, and stores the computed one', async () => {
    const db = await loaded();
    const report = await importMetadata(
      db,
      {
        organisationUnits: [
          { ...orgUnit('NewUnit0001', 'New', 'DiszpKrYNg8'), level: 2, path: '/x/NewUnit0001' },
        ],
      },
      { actor },
    );
    expect(report.status).toBe('WARNING');
    expect(report.warnings.map((w) => [w.id, w.field, w.code])).toEqual([
      ['NewUnit0001', 'path', 'path_mismatch'],
      ['NewUnit0001', 'level', 'level_mismatch'],
    ]);
    expect((await placeOf(db, 'NewUnit0001')).level).toBe(5);
  });
});
