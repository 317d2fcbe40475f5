import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadDhis2SampleMetadata } from '../../testing/dhis2-sample/load.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { importMetadata } from './import-metadata.ts';
import { auditEvents, dumpMetadataTables, orgUnit } from './metadata-tables.test-support.ts';

const actor = { userId: null, actor: 'test' } as const;
const dir = mkdtempSync(join(tmpdir(), 'sankofa-metadata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const badJson = join(dir, 'bad.json');
writeFileSync(badJson, '{ "organisationUnits": [ { "id": "NewUnit0001", ');

/** A valid new object, so each case also proves that one error stops the good objects too. */
const goodUnit = orgUnit('GoodUnit001', 'Good unit', 'YuQRtpLP10I');

const cases: {
  name: string;
  source: unknown;
  error: { objectType: string; id: string; field: string; code: string };
}[] = [
  {
    name: 'an org unit with an unknown parent',
    source: { organisationUnits: [goodUnit, orgUnit('NewUnit0001', 'New', 'NoSuchUnit1')] },
    error: {
      objectType: 'organisationUnit',
      id: 'NewUnit0001',
      field: 'parent',
      code: 'unknown_reference',
    },
  },
  {
    name: 'a data element with an unknown category combo',
    source: {
      organisationUnits: [goodUnit],
      dataElements: [
        {
          id: 'NewDe000001',
          name: 'New element',
          valueType: 'NUMBER',
          aggregationType: 'SUM',
          domainType: 'AGGREGATE',
          categoryCombo: { id: 'NoSuchCombo' },
        },
      ],
    },
    error: {
      objectType: 'dataElement',
      id: 'NewDe000001',
      field: 'categoryCombo',
      code: 'unknown_reference',
    },
  },
  {
    name: 'a file that is not JSON',
    source: badJson,
    error: { objectType: 'metadata', id: badJson, field: '', code: 'invalid_json' },
  },
  {
    name: 'an indicator whose numerator does not parse',
    source: {
      organisationUnits: [goodUnit],
      indicators: [
        {
          id: 'NewInd00001',
          name: 'Broken indicator',
          numerator: '#{f7n9E0hX8qk',
          denominator: '1',
          indicatorType: { id: 'IndTypeNum1' },
        },
      ],
    },
    error: {
      objectType: 'indicator',
      id: 'NewInd00001',
      field: 'numerator',
      code: 'invalid_expression',
    },
  },
  {
    name: 'parents that make a cycle',
    source: {
      organisationUnits: [goodUnit, orgUnit('ImspTQPwCqd', 'Sierra Leone', 'DiszpKrYNg8')],
    },
    error: { objectType: 'organisationUnit', id: 'ImspTQPwCqd', field: 'parent', code: 'cycle' },
  },
  {
    name: 'a data element disaggregated by an ATTRIBUTE combo',
    source: {
      organisationUnits: [goodUnit],
      dataElements: [
        {
          id: 'NewDe000001',
          name: 'New element',
          valueType: 'NUMBER',
          aggregationType: 'SUM',
          categoryCombo: { id: 'mechanismCC' },
        },
      ],
    },
    error: {
      objectType: 'dataElement',
      id: 'NewDe000001',
      field: 'categoryCombo',
      code: 'wrong_dimension_type',
    },
  },
  {
    name: 'a stored combo with option combos switching to ATTRIBUTE',
    source: {
      organisationUnits: [goodUnit],
      categoryCombos: [
        {
          id: 'dzjKKQq0cSO',
          name: 'Location and age group',
          dataDimensionType: 'ATTRIBUTE',
          categories: [{ id: 'fMZEcRHuamy' }, { id: 'YNZyaJHiHYq' }],
        },
      ],
    },
    error: {
      objectType: 'categoryCombo',
      id: 'dzjKKQq0cSO',
      field: 'dataDimensionType',
      code: 'dimension_type_changed',
    },
  },
  {
    name: 'an option combo without an option of each category of its combo',
    source: {
      organisationUnits: [goodUnit],
      categoryOptionCombos: [
        {
          id: 'NewCoc00001',
          name: 'Fixed, Outreach',
          categoryCombo: { id: 'dzjKKQq0cSO' },
          categoryOptions: [{ id: 'qkPbeWaFsnU' }, { id: 'wbrDrL2aYEc' }],
        },
      ],
    },
    error: {
      objectType: 'categoryOptionCombo',
      id: 'NewCoc00001',
      field: 'categoryOptions',
      code: 'options_do_not_match_combo',
    },
  },
  {
    name: 'an option combo with the same options as a stored one',
    source: {
      organisationUnits: [goodUnit],
      categoryOptionCombos: [
        {
          id: 'NewCoc00002',
          name: 'Fixed, <1y again',
          categoryCombo: { id: 'dzjKKQq0cSO' },
          categoryOptions: [{ id: 'btOyqprQ9e8' }, { id: 'qkPbeWaFsnU' }],
        },
      ],
    },
    error: {
      objectType: 'categoryOptionCombo',
      id: 'NewCoc00002',
      field: 'categoryOptions',
      code: 'duplicate_option_combo',
    },
  },
];

describe.each(testDialects())('a metadata file with an invalid object on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it.each(cases)(
    '$name leaves every table unchanged and names the object and field',
    async ({ source, error }) => {
      database = await createTestDatabase(dialect);
      const db = database.adapter.db;
      await loadDhis2SampleMetadata(db);
      const before = await dumpMetadataTables(db);
      const events = await auditEvents(db);
      const report = await importMetadata(db, source as string, { actor });
      expect(report).toMatchObject({ status: 'ERROR', committed: false });
      expect(report.errors).toContainEqual(expect.objectContaining(error));
      expect(report.errors.every((e) => e.message.includes(e.id))).toBe(true);
      expect(report.counts.organisationUnit.created).toBe(0);
      expect(await dumpMetadataTables(db)).toEqual(before);
      expect(await auditEvents(db)).toEqual(events);
    },
  );
});
