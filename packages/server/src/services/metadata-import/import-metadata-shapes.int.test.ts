import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { DHIS2_DEFAULTS } from './dhis2-metadata.ts';
import { importMetadata } from './import-metadata.ts';
import { ancestorsOf } from './metadata-tables.test-support.ts';

const actor = { userId: null, actor: 'test' } as const;
const stamps = {
  created: '2012-02-17T15:54:39.987',
  lastUpdated: '2014-11-25T09:37:54.924',
  sharing: { public: 'rw------', owner: 'M5zQapPyTZI' },
  translations: [{ locale: 'fr', property: 'NAME', value: 'x' }],
  attributeValues: [],
};

/**
 * What `GET /api/metadata?defaults=EXCLUDE` really looks like: children before parents, fields
 * Sankofa does not keep, no default category objects and no references to them.
 */
const exportWithoutDefaults = {
  system: { id: 'eed3d451-4ff5-4193-b951-ffcc68954299', version: '2.40.3' },
  organisationUnits: [
    {
      ...stamps,
      id: 'FacilityA01',
      name: 'Facility A',
      shortName: 'Facility A',
      parent: { id: 'DistrictA01' },
      level: 3,
      path: '/CountryA001/DistrictA01/FacilityA01',
      openingDate: '1970-01-01T00:00:00.000',
      geometry: { type: 'Point', coordinates: [-11.4197, 8.1039] },
    },
    { ...stamps, id: 'DistrictA01', name: 'District A', parent: { id: 'CountryA001' }, level: 2 },
    { ...stamps, id: 'CountryA001', name: 'Country A', level: 1, path: '/CountryA001' },
  ],
  dataElements: [
    {
      ...stamps,
      id: 'DeMalaria01',
      name: 'Malaria cases',
      shortName: 'Malaria cases',
      valueType: 'INTEGER_ZERO_OR_POSITIVE',
      aggregationType: 'SUM',
      domainType: 'AGGREGATE',
      zeroIsSignificant: true,
      legendSets: [],
    },
  ],
  dataSets: [
    {
      ...stamps,
      id: 'DsMonthly01',
      name: 'Monthly report',
      periodType: 'Monthly',
      dataSetElements: [{ dataSet: { id: 'DsMonthly01' }, dataElement: { id: 'DeMalaria01' } }],
      organisationUnits: [{ id: 'FacilityA01' }],
      sections: [],
    },
  ],
};

describe.each(testDialects())('real DHIS2 export shapes on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('imports an export made with defaults=EXCLUDE, children listed before parents', async () => {
    database = await createTestDatabase(dialect);
    const db = database.adapter.db;
    const report = await importMetadata(db, exportWithoutDefaults, { actor });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['defaults_added']);
    expect(report.counts.organisationUnit.created).toBe(3);
    expect(await ancestorsOf(db, 'FacilityA01')).toEqual([
      'FacilityA01:0',
      'DistrictA01:1',
      'CountryA001:2',
    ]);
    const element = await db
      .selectFrom('dataElements')
      .select(['categoryComboId', 'zeroIsSignificant'])
      .where('id', '=', 'DeMalaria01')
      .executeTakeFirstOrThrow();
    expect(element.categoryComboId).toBe(DHIS2_DEFAULTS.categoryCombo);
    expect(Number(element.zeroIsSignificant)).toBe(1);
    for (const table of ['categoryOptionCombos', 'attributeOptionCombos'] as const) {
      const combo = await db
        .selectFrom(table)
        .select('categoryComboId')
        .where('id', '=', DHIS2_DEFAULTS.categoryOptionCombo)
        .executeTakeFirstOrThrow();
      expect(combo.categoryComboId).toBe(DHIS2_DEFAULTS.categoryCombo);
    }
    const again = await importMetadata(db, exportWithoutDefaults, { actor });
    expect(again.warnings).toEqual([]);
    expect(again.counts.dataSet).toEqual({ created: 0, updated: 0, unchanged: 1, errors: 0 });
  });
});
