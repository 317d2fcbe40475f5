import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parseCsvMapping } from './csv-mapping.ts';

function issuesOf(json: unknown): { field: string; message: string }[] {
  try {
    parseCsvMapping(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.every((i) => i.code === 'invalid_csv_mapping')).toBe(
      true,
    );
    return (error as ValidationError).issues.map(({ field, message }) => ({ field, message }));
  }
  throw new Error('expected the mapping to be rejected');
}

describe('parseCsvMapping', () => {
  it('reads a full mapping', () => {
    const json = {
      dataElement: 'indicator_code',
      orgUnit: 'facility',
      period: 'month_start',
      periodFormat: 'date',
      periodType: 'Monthly',
      value: 'count',
      categoryOptionCombo: 'disaggregation',
      attributeOptionCombo: { fixed: 'HllvX50cXC0' },
      comment: 'note',
      storedBy: { fixed: 'import' },
      idSchemes: { orgUnit: 'code', dataElement: 'name' },
      delimiter: ';',
    };
    expect(parseCsvMapping(json)).toEqual(json);
  });

  it('reads a minimal mapping', () => {
    expect(parseCsvMapping({ dataElement: 'de', period: 'pe', orgUnit: 'ou', value: 'v' })).toEqual(
      {
        dataElement: 'de',
        period: 'pe',
        orgUnit: 'ou',
        value: 'v',
      },
    );
  });

  it('lists every problem, each naming its key', () => {
    expect(
      issuesOf({
        dataElement: { fixed: 1 },
        period: 'pe',
        value: { fixed: '1' },
        periodFormat: 'date',
        colour: 'red',
        idSchemes: { orgUnit: 'uuid', program: 'uid' },
        delimiter: '|',
      }),
    ).toEqual([
      { field: 'colour', message: expect.stringContaining('Unknown key "colour"') as string },
      {
        field: 'dataElement',
        message: 'dataElement must be a column name or { "fixed": "text" }, not {"fixed":1}',
      },
      {
        field: 'orgUnit',
        message: 'The CSV mapping needs "orgUnit": the column (or fixed text) it comes from',
      },
      { field: 'value', message: 'value must be a column name, not {"fixed":"1"}' },
      { field: 'periodType', message: 'periodFormat "date" needs a periodType, e.g. "Monthly"' },
      { field: 'delimiter', message: 'delimiter must be ",", ";" or a tab, not "|"' },
      {
        field: 'idSchemes.orgUnit',
        message: 'idSchemes.orgUnit must be uid, code or name, not "uuid"',
      },
      {
        field: 'idSchemes.program',
        message: expect.stringContaining('Unknown key "program" in idSchemes') as string,
      },
    ]);
  });

  it.each([
    [
      { dataElement: 'de', period: 'pe', orgUnit: 'ou', value: 'v', periodFormat: 'iso' },
      'periodFormat',
    ],
    [
      { dataElement: 'de', period: 'pe', orgUnit: 'ou', value: 'v', periodType: 'Fortnightly' },
      'periodType',
    ],
    [
      { dataElement: 'de', period: 'pe', orgUnit: 'ou', value: 'v', idSchemes: 'code' },
      'idSchemes',
    ],
    [{ dataElement: '', period: 'pe', orgUnit: 'ou', value: 'v' }, 'dataElement'],
    [
      { dataElement: 'de', period: 'pe', orgUnit: { fixed: 'x', column: 'y' }, value: 'v' },
      'orgUnit',
    ],
  ])('rejects %j naming %s', (json, field) => {
    expect(issuesOf(json).map((i) => i.field)).toEqual([field]);
  });

  it('rejects what is not an object', () => {
    expect(issuesOf([1, 2])).toEqual([
      { field: 'mapping', message: expect.stringContaining('must be a JSON object') as string },
    ]);
    expect(issuesOf(null)[0].field).toBe('mapping');
  });
});
