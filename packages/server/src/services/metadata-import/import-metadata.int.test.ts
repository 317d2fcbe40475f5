import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DHIS2_SAMPLE_METADATA_PATH,
  loadDhis2SampleMetadata,
} from '../../testing/dhis2-sample/load.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import type { Dhis2Metadata } from './dhis2-metadata.ts';
import { importMetadata } from './import-metadata.ts';
import { METADATA_OBJECT_TYPES, type MetadataObjectType } from './metadata-import-report.ts';
import { ancestorsOf, auditEvents, dumpMetadataTables } from './metadata-tables.test-support.ts';

const actor = { userId: null, actor: 'test' } as const;
const sample = (): Dhis2Metadata & Record<string, unknown[]> =>
  JSON.parse(readFileSync(DHIS2_SAMPLE_METADATA_PATH, 'utf8')) as Dhis2Metadata &
    Record<string, unknown[]>;

const SAMPLE_COUNTS: Record<MetadataObjectType, number> = {
  categoryOption: 21,
  category: 11,
  categoryCombo: 7,
  categoryOptionCombo: 29,
  organisationUnit: 13,
  organisationUnitGroup: 2,
  dataElement: 19,
  dataElementGroup: 1,
  dataSet: 7,
  indicatorType: 2,
  indicator: 3,
  constant: 1,
};
const TOTAL = Object.values(SAMPLE_COUNTS).reduce((a, b) => a + b, 0);
const each = (outcome: 'created' | 'unchanged', counts = SAMPLE_COUNTS) =>
  Object.fromEntries(
    METADATA_OBJECT_TYPES.map((t) => [
      t,
      { created: 0, updated: 0, unchanged: 0, errors: 0, [outcome]: counts[t] },
    ]),
  );

describe.each(testDialects())('importing DHIS2 metadata on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });
  const open = async () => {
    database = await createTestDatabase(dialect);
    return database.adapter.db;
  };

  it('creates every object of the sample fixture and audits each one', async () => {
    const db = await open();
    const report = await loadDhis2SampleMetadata(db);
    expect(report).toMatchObject({ status: 'OK', committed: true, dryRun: false });
    expect(report.counts).toEqual(each('created'));
    expect(report.warnings).toEqual([]);
    const events = await auditEvents(db);
    expect(events).toHaveLength(TOTAL + 1);
    expect(events[0]).toMatchObject({ action: 'import', entityType: 'metadataImport' });
    expect(JSON.parse(events[0].after ?? 'null')).toEqual(report.counts);
    expect(events.slice(1).every((e) => e.action === 'create' && e.before === null)).toBe(true);
    expect(events.find((e) => e.entityId === 'DiszpKrYNg8')).toMatchObject({
      entityType: 'organisationUnit',
      orgUnitId: 'DiszpKrYNg8',
      actor: 'dhis2-sample',
    });
  });

  it('computes level, path and closure from the parents', async () => {
    const db = await open();
    await loadDhis2SampleMetadata(db);
    const units = await db
      .selectFrom('orgUnits')
      .select(['id', 'level', 'path', 'parentId'])
      .where('id', 'in', ['ImspTQPwCqd', 'O6uvpzGd5pu', 'YuQRtpLP10I', 'DiszpKrYNg8'])
      .orderBy('level')
      .execute();
    expect(units.map((u) => [u.id, Number(u.level), u.path])).toEqual([
      ['ImspTQPwCqd', 1, '/ImspTQPwCqd'],
      ['O6uvpzGd5pu', 2, '/ImspTQPwCqd/O6uvpzGd5pu'],
      ['YuQRtpLP10I', 3, '/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I'],
      ['DiszpKrYNg8', 4, '/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/DiszpKrYNg8'],
    ]);
    expect(await ancestorsOf(db, 'DiszpKrYNg8')).toEqual([
      'DiszpKrYNg8:0',
      'YuQRtpLP10I:1',
      'O6uvpzGd5pu:2',
      'ImspTQPwCqd:3',
    ]);
    expect(await ancestorsOf(db, 'YuQRtpLP10I')).toEqual([
      'YuQRtpLP10I:0',
      'O6uvpzGd5pu:1',
      'ImspTQPwCqd:2',
    ]);
    const all = await db.selectFrom('orgUnits').select('level').execute();
    const closure = await db.selectFrom('orgUnitClosure').select('depth').execute();
    expect(closure).toHaveLength(all.reduce((sum, u) => sum + Number(u.level), 0));
  });

  it('changes nothing, not even updated_at, and audits nothing when the same file comes again', async () => {
    const db = await open();
    await loadDhis2SampleMetadata(db);
    const before = await dumpMetadataTables(db);
    const eventsBefore = await auditEvents(db);
    const again = await importMetadata(db, DHIS2_SAMPLE_METADATA_PATH, { actor });
    expect(again).toMatchObject({ status: 'OK', committed: true });
    expect(again.counts).toEqual(each('unchanged'));
    expect(again.hierarchy).toEqual({ moved: [], repathed: 0 });
    expect(await dumpMetadataTables(db)).toEqual(before);
    expect(await auditEvents(db)).toEqual(eventsBefore);
  });

  it('counts and audits a renamed data element as updated, and touches nothing else', async () => {
    const db = await open();
    await loadDhis2SampleMetadata(db);
    const before = await dumpMetadataTables(db);
    const eventCount = (await auditEvents(db)).length;
    const document = sample();
    const measles = document.dataElements?.find((d) => d.id === 'f7n9E0hX8qk');
    Object.assign(measles ?? {}, { name: 'Measles cases' });
    const report = await importMetadata(db, document, { actor });
    expect(report.counts.dataElement).toEqual({ created: 0, updated: 1, unchanged: 18, errors: 0 });
    expect(report.counts.organisationUnit.unchanged).toBe(13);
    const after = await dumpMetadataTables(db);
    expect({ ...after, dataElements: [] }).toEqual({ ...before, dataElements: [] });
    const changed = after.dataElements.filter((row) => !before.dataElements.includes(row));
    expect(changed.map((r) => JSON.parse(r) as { id: string; name: string })).toMatchObject([
      { id: 'f7n9E0hX8qk', name: 'Measles cases' },
    ]);
    const events = (await auditEvents(db)).slice(eventCount);
    expect(events.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['import', 'metadataImport', expect.any(String)],
      ['update', 'dataElement', 'f7n9E0hX8qk'],
    ]);
    expect(JSON.parse(events[1].before ?? '{}')).toMatchObject({ name: 'Measles' });
    expect(JSON.parse(events[1].after ?? '{}')).toMatchObject({ name: 'Measles cases' });
    expect(events[1].actor).toBe('test');
  });

  it('counts a data set whose org units changed as updated and replaces exactly its links', async () => {
    const db = await open();
    await loadDhis2SampleMetadata(db);
    const before = await dumpMetadataTables(db);
    const document = sample();
    const mortality = document.dataSets?.find((d) => d.id === 'pBOMPrpg1QX');
    Object.assign(mortality ?? {}, { organisationUnits: [{ id: 'DiszpKrYNg8' }] });
    const report = await importMetadata(db, document, { actor });
    expect(report.counts.dataSet).toEqual({ created: 0, updated: 1, unchanged: 6, errors: 0 });
    const after = await dumpMetadataTables(db);
    const links = await db
      .selectFrom('dataSetOrgUnits')
      .select('orgUnitId')
      .where('dataSetId', '=', 'pBOMPrpg1QX')
      .execute();
    expect(links.map((l) => l.orgUnitId)).toEqual(['DiszpKrYNg8']);
    expect(after.dataSetOrgUnits).toHaveLength(before.dataSetOrgUnits.length - 2);
    expect({ ...after, dataSets: [], dataSetOrgUnits: [] }).toEqual({
      ...before,
      dataSets: [],
      dataSetOrgUnits: [],
    });
    const events = await auditEvents(db);
    const event = events.at(-1);
    expect(event).toMatchObject({
      action: 'update',
      entityType: 'dataSet',
      entityId: 'pBOMPrpg1QX',
    });
    const linked = (side: string | null | undefined) =>
      (
        JSON.parse(side ?? '{}') as { links: { dataSetOrgUnits: { orgUnitId: string }[] } }
      ).links.dataSetOrgUnits
        .map((l) => l.orgUnitId)
        .sort();
    expect(linked(event?.before)).toEqual(['BdfsJfj87js', 'DiszpKrYNg8', 'FNnj3jKGS7i']);
    expect(linked(event?.after)).toEqual(['DiszpKrYNg8']);
  });

  it('reports what a dry run would do and writes nothing', async () => {
    const db = await open();
    const empty = await dumpMetadataTables(db);
    const report = await importMetadata(db, DHIS2_SAMPLE_METADATA_PATH, { actor, dryRun: true });
    expect(report).toMatchObject({ status: 'OK', dryRun: true, committed: false });
    expect(report.counts).toEqual(each('created'));
    expect(await dumpMetadataTables(db)).toEqual(empty);
    expect(await auditEvents(db)).toEqual([]);

    await loadDhis2SampleMetadata(db);
    const loaded = await dumpMetadataTables(db);
    const events = await auditEvents(db);
    const document = sample();
    Object.assign(document.constants?.[0] ?? {}, { value: 0.05 });
    const update = await importMetadata(db, document, { actor, dryRun: true });
    expect(update.counts.constant).toEqual({ created: 0, updated: 1, unchanged: 0, errors: 0 });
    expect(await dumpMetadataTables(db)).toEqual(loaded);
    expect(await auditEvents(db)).toEqual(events);
  });
});
