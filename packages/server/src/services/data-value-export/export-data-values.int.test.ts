/**
 * The export service on real databases: FHIR strata from the DHIS2 sample's category model
 * (re-read by core's MeasureReport reader), chunk boundaries, and the required selections.
 */
import { fromFhirMeasureReports, parsePeriodId, ValidationError } from '@sankofa/core';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDhis2SampleMetadata } from '../../testing/dhis2-sample/load.ts';
import { seedFixtureCountry, FIXTURE as F } from '../../testing/fixture-country.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { ensurePeriods } from '../write-data-value.ts';
import { exportDataValues, openDataValueExport } from './index.ts';

/** A Writable that keeps what it is given. */
function collector(): { sink: Writable; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { sink, text: () => chunks.join('') };
}

describe.each(testDialects())('data value export service on %s', (dialect) => {
  let sample: TestDatabase;
  let fixture: TestDatabase;
  beforeAll(async () => {
    sample = await createTestDatabase(dialect);
    await loadDhis2SampleMetadata(sample.adapter.db);
    const db = sample.adapter.db;
    await ensurePeriods(db, [parsePeriodId('202401')]);
    const at = '2024-02-01T00:00:00.000Z';
    const value = (dataElementId: string, orgUnitId: string, coc: string, v: string) => ({
      dataElementId,
      periodId: '202401',
      orgUnitId,
      categoryOptionComboId: coc,
      attributeOptionComboId: 'HllvX50cXC0',
      value: v,
      numericValue: Number(v),
      storedBy: 'test',
      createdAt: at,
      lastUpdated: at,
      comment: null,
      followUp: 0 as const,
      deleted: 0 as const,
    });
    await db
      .insertInto('dataValues')
      .values([
        value('DUSpd8Jq3M7', 'gP6hn503KUX', 'Prlt0C1RF0s', '7'),
        value('DUSpd8Jq3M7', 'gP6hn503KUX', 'V6L425pT3A0', '10'),
        value('f7n9E0hX8qk', 'DiszpKrYNg8', 'bRowv6yZOF2', '12'),
        value('f7n9E0hX8qk', 'DiszpKrYNg8', 'HllvX50cXC0', '3'),
      ])
      .execute();
    fixture = await createTestDatabase(dialect);
    await seedFixtureCountry(fixture.adapter.db);
  });
  afterAll(async () => {
    await sample.drop();
    await fixture.drop();
  });

  it('writes the option combos of the DHIS2 sample as strata core reads back', async () => {
    const out = collector();
    const stats = await exportDataValues(
      sample.adapter.db,
      { dataElement: ['DUSpd8Jq3M7', 'f7n9E0hX8qk'], orgUnit: ['ImspTQPwCqd'], children: true },
      out.sink,
      { format: 'fhir' },
    );
    expect(stats).toEqual({ values: 4, skipped: 0 });
    const read = fromFhirMeasureReports(JSON.parse(out.text()));
    expect(read.values).toEqual([
      {
        row: 1,
        dataElement: 'DUSpd8Jq3M7',
        period: '202401',
        orgUnit: 'gP6hn503KUX',
        categoryOptions: { fMZEcRHuamy: 'qkPbeWaFsnU', YNZyaJHiHYq: 'btOyqprQ9e8' },
        value: '7',
      },
      {
        row: 2,
        dataElement: 'DUSpd8Jq3M7',
        period: '202401',
        orgUnit: 'gP6hn503KUX',
        categoryOptions: { fMZEcRHuamy: 'wbrDrL2aYEc', YNZyaJHiHYq: 'btOyqprQ9e8' },
        value: '10',
      },
      // Both default option combos (the Sierra Leone one included) have no strata.
      { row: 3, dataElement: 'f7n9E0hX8qk', period: '202401', orgUnit: 'DiszpKrYNg8', value: '3' },
      { row: 4, dataElement: 'f7n9E0hX8qk', period: '202401', orgUnit: 'DiszpKrYNg8', value: '12' },
    ]);
  });

  it('gives the same values whatever the chunk size', async () => {
    const all = async (chunkSize: number) => {
      const exported = await openDataValueExport(
        fixture.adapter.db,
        { dataElement: [F.anc1, F.anc4, F.opd, F.staff], orgUnit: [F.country], children: true },
        { readableOrgUnitPaths: null },
        { chunkSize },
      );
      const values = [];
      for await (const v of exported.values()) {
        values.push(v);
      }
      return values;
    };
    const whole = await all(1000);
    expect(whole).toHaveLength(27);
    expect(await all(2)).toEqual(whole);
    expect(await all(27)).toEqual(whole);
  });

  it('requires a data selection and an org unit selection, naming both', async () => {
    const error = await openDataValueExport(
      fixture.adapter.db,
      {},
      { readableOrgUnitPaths: null },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.field, i.code])).toEqual([
      ['dataElement', 'required'],
      ['orgUnit', 'required'],
    ]);
  });
});
