/**
 * The writers on small, hand-written values: exact DHIS2 JSON and CSV text (compared to the
 * shapes of the DHIS2 docs' export responses), and FHIR MeasureReports that core's reader turns
 * back into the same values.
 */
import { readFileSync } from 'node:fs';
import { fromFhirMeasureReports } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { validationPath } from '../../../../core/src/validation-data.test-support.ts';
import {
  ATTRIBUTE_OPTION_COMBO_EXTENSION,
  writeDataValues,
  type CategoryOptionPair,
  type ExportedDataValue,
  type ExportFormat,
  type WriteDataValuesOptions,
} from './index.ts';

const base: ExportedDataValue = {
  dataElement: 'f7n9E0hX8qk',
  period: '201401',
  orgUnit: 'DiszpKrYNg8',
  categoryOptionCombo: 'bRowv6yZOF2',
  attributeOptionCombo: 'bRowv6yZOF2',
  value: '12',
  storedBy: 'system',
  created: '2015-04-05T19:58:12.000Z',
  lastUpdated: '2015-04-05T19:58:12.000Z',
  comment: 'comment1',
  followUp: false,
  deleted: false,
};

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    yield await Promise.resolve(item);
  }
}

async function text(
  format: ExportFormat,
  values: readonly ExportedDataValue[],
  options: WriteDataValuesOptions = {},
): Promise<string> {
  let out = '';
  for await (const chunk of writeDataValues(format, from(values), options)) {
    out += chunk;
  }
  return out;
}

describe('DHIS2 JSON writer', () => {
  it('writes the dataValues array with DHIS2 member names, leaving nulls out', async () => {
    const second = { ...base, dataElement: 'Ix2HsbDMLea', value: '14', comment: null };
    expect(await text('dhis2-json', [base, second])).toBe(
      '{"dataValues":[' +
        '{"dataElement":"f7n9E0hX8qk","period":"201401","orgUnit":"DiszpKrYNg8",' +
        '"categoryOptionCombo":"bRowv6yZOF2","attributeOptionCombo":"bRowv6yZOF2","value":"12",' +
        '"storedBy":"system","created":"2015-04-05T19:58:12.000Z",' +
        '"lastUpdated":"2015-04-05T19:58:12.000Z","comment":"comment1","followup":false},' +
        '{"dataElement":"Ix2HsbDMLea","period":"201401","orgUnit":"DiszpKrYNg8",' +
        '"categoryOptionCombo":"bRowv6yZOF2","attributeOptionCombo":"bRowv6yZOF2","value":"14",' +
        '"storedBy":"system","created":"2015-04-05T19:58:12.000Z",' +
        '"lastUpdated":"2015-04-05T19:58:12.000Z","followup":false}]}\n',
    );
  });

  it('has the members of the DHIS2 docs export response, and marks deleted values', async () => {
    const docs = JSON.parse(
      readFileSync(
        validationPath('dhis2_datavaluesets', 'dhis2-docs', 'export_response.json'),
        'utf8',
      ),
    ) as { dataValues: Record<string, string>[] };
    const ours = JSON.parse(await text('dhis2-json', [{ ...base, deleted: true }])) as {
      dataValues: Record<string, unknown>[];
    };
    expect(Object.keys(ours)).toEqual(['dataValues']);
    for (const key of Object.keys(docs.dataValues[0])) {
      expect(ours.dataValues[0]).toHaveProperty(key);
    }
    expect(ours.dataValues[0].deleted).toBe(true);
    expect(await text('dhis2-json', [])).toBe('{"dataValues":[]}\n');
  });
});

describe('DHIS2 CSV writer', () => {
  it('writes the header and columns of the DHIS2 docs export response', async () => {
    const docs = readFileSync(
      validationPath('dhis2_datavaluesets', 'dhis2-docs', 'export_response.csv'),
      'utf8',
    );
    const values = [
      { ...base, lastUpdated: '2015-04-05T19:58:12.000' },
      {
        ...base,
        dataElement: 'Ix2HsbDMLea',
        value: '14',
        comment: 'comment2',
        lastUpdated: '2015-04-05T19:58:12.000',
      },
      {
        ...base,
        dataElement: 'eY5ehpbEsB7',
        value: '16',
        comment: 'comment3',
        lastUpdated: '2015-04-05T19:58:12.000',
      },
      {
        ...base,
        dataElement: 'FTRrcoaog83',
        value: '12',
        comment: 'comment4',
        lastUpdated: '2014-03-02T21:45:05.519',
      },
    ];
    expect(await text('dhis2-csv', values)).toBe(docs);
  });

  it('quotes what must be quoted and adds the deleted column with deleted values', async () => {
    const tricky = {
      ...base,
      comment: 'said "no", twice\nthen yes',
      storedBy: null,
      deleted: true,
    };
    expect(await text('dhis2-csv', [tricky], { includeDeleted: true })).toBe(
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup,deleted\n' +
        'f7n9E0hX8qk,201401,DiszpKrYNg8,bRowv6yZOF2,bRowv6yZOF2,12,,2015-04-05T19:58:12.000Z,' +
        '"said ""no"", twice\nthen yes",false,true\n',
    );
  });
});

describe('FHIR MeasureReport writer', () => {
  const combos: Record<string, readonly CategoryOptionPair[]> = {
    HllvX50cXC0: [],
    Prlt0C1RF0s: [
      { category: 'fMZEcRHuamy', option: 'qkPbeWaFsnU' },
      { category: 'YNZyaJHiHYq', option: 'FbLZS3ueWbQ' },
    ],
    V6L425pT3A0: [
      { category: 'fMZEcRHuamy', option: 'wbrDrL2aYEc' },
      { category: 'YNZyaJHiHYq', option: 'FbLZS3ueWbQ' },
    ],
    AocPartner1: [{ category: 'Funder00001', option: 'PartnerOpt1' }],
  };
  const fhir = (skipped: string[] = []) => ({
    fhir: {
      categoryOptions: (combo: string) => combos[combo],
      onSkip: (v: ExportedDataValue, reason: string) => skipped.push(`${v.dataElement} ${reason}`),
    },
  });
  const v = (over: Partial<ExportedDataValue>): ExportedDataValue => ({
    ...base,
    categoryOptionCombo: 'HllvX50cXC0',
    attributeOptionCombo: 'HllvX50cXC0',
    ...over,
  });

  it('re-imports through core reader to the same values, strata and all', async () => {
    const values = [
      v({
        dataElement: 'DUSpd8Jq3M7',
        period: '202401',
        categoryOptionCombo: 'Prlt0C1RF0s',
        value: '7',
      }),
      v({
        dataElement: 'DUSpd8Jq3M7',
        period: '202401',
        categoryOptionCombo: 'V6L425pT3A0',
        value: '10',
      }),
      v({
        dataElement: 'DUSpd8Jq3M7',
        period: '2024Q1',
        categoryOptionCombo: 'V6L425pT3A0',
        value: '2.5',
      }),
      v({ dataElement: 'f7n9E0hX8qk', period: '2024W3', orgUnit: 'DiszpKrYNg8', value: '0' }),
      v({ dataElement: 'f7n9E0hX8qk', period: '2024W3', orgUnit: 'FNnj3jKGS7i', value: '-4' }),
    ];
    const bundle = JSON.parse(await text('fhir', values, fhir())) as {
      resourceType: string;
      entry: { resource: { resourceType: string; type: string; period: unknown } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry).toHaveLength(4);
    expect(bundle.entry[0].resource).toMatchObject({
      resourceType: 'MeasureReport',
      type: 'summary',
      status: 'complete',
      period: { start: '2024-01-01', end: '2024-01-31' },
    });
    const read = fromFhirMeasureReports(bundle);
    expect(read.warnings).toEqual([]);
    const options = (combo: string) =>
      combos[combo].length === 0
        ? {}
        : { categoryOptions: Object.fromEntries(combos[combo].map((p) => [p.category, p.option])) };
    expect(read.values).toEqual(
      values.map((x, i) => ({
        row: i + 1,
        dataElement: x.dataElement,
        period: x.period,
        orgUnit: x.orgUnit,
        ...options(x.categoryOptionCombo),
        value: x.value,
      })),
    );
  });

  it('skips deleted and non-numeric values, and carries a non-default attribute option combo', async () => {
    const skipped: string[] = [];
    const values = [
      v({ dataElement: 'Aaaaaaaaaa1', value: 'yes' }),
      v({ dataElement: 'Aaaaaaaaaa2', deleted: true }),
      v({ dataElement: 'Aaaaaaaaaa3', value: '5', attributeOptionCombo: 'AocPartner1' }),
      v({ dataElement: 'Aaaaaaaaaa3', value: '6', categoryOptionCombo: 'CocUnknown1' }),
    ];
    const bundle = JSON.parse(await text('fhir', values, fhir(skipped))) as {
      entry: { resource: { extension?: unknown; group: unknown[] } }[];
    };
    expect(skipped).toEqual(['Aaaaaaaaaa1 not a number', 'Aaaaaaaaaa2 deleted']);
    expect(bundle.entry).toHaveLength(2);
    expect(bundle.entry[0].resource.extension).toEqual([
      { url: ATTRIBUTE_OPTION_COMBO_EXTENSION, valueString: 'AocPartner1' },
    ]);
    expect(fromFhirMeasureReports(bundle).values.map((x) => x.categoryOptions)).toEqual([
      undefined,
      { categoryOptionCombo: 'CocUnknown1' },
    ]);
  });
});
