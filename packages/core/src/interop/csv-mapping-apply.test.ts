import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { csvRowReader } from './csv-mapping-apply.ts';
import { parseCsvMapping } from './csv-mapping.ts';

const HEADER = ['Facility', 'indicator', 'date', 'count', 'coc'];

describe('csvRowReader', () => {
  it('reads mapped columns (exactly or ignoring case and spaces) and fixed texts', () => {
    const mapping = parseCsvMapping({
      orgUnit: 'facility ',
      dataElement: 'indicator',
      period: 'date',
      value: 'count',
      categoryOptionCombo: 'coc',
      attributeOptionCombo: { fixed: 'aoc' },
    });
    const read = csvRowReader(mapping, HEADER);
    expect(read(['OU', 'DE', '202401', '5', ''], 1, 2)).toEqual({
      row: 1,
      line: 2,
      dataElement: 'DE',
      period: '202401',
      orgUnit: 'OU',
      value: '5',
      attributeOptionCombo: 'aoc',
    });
    expect(read(['OU'], 2, 3)).toEqual({
      row: 2,
      line: 3,
      orgUnit: 'OU',
      attributeOptionCombo: 'aoc',
    });
  });

  it('turns dates into the period of the mapped type, and a bad date into a conflict', () => {
    const mapping = parseCsvMapping({
      orgUnit: 'Facility',
      dataElement: 'indicator',
      period: 'date',
      value: 'count',
      periodFormat: 'date',
      periodType: 'Quarterly',
    });
    const read = csvRowReader(mapping, HEADER);
    expect(read(['OU', 'DE', '2024-05-17', '1'], 1, 2).period).toBe('2024Q2');
    expect(read(['OU', 'DE', '2024-05-17T08:30:00', '1'], 2, 3).period).toBe('2024Q2');
    expect(read(['OU', 'DE', '2024-05-17 08:30', '1'], 3, 4).period).toBe('2024Q2');
    const bad = read(['OU', 'DE', '17/05/2024', '1'], 4, 5);
    expect(bad.period).toBeUndefined();
    expect(bad.conflicts).toEqual([
      expect.objectContaining({
        object: '17/05/2024',
        property: 'period',
        errorCode: 'invalid_date',
      }),
    ]);
  });

  it('names the field and lists the header when a column is missing or ambiguous', () => {
    const mapping = parseCsvMapping({
      orgUnit: 'Facility',
      dataElement: 'indicator',
      period: 'month',
      value: 'count',
    });
    expect(() => csvRowReader(mapping, HEADER)).toThrow(
      'The CSV mapping reads period from column "month", but the header has only "Facility", "indicator", "date", "count", "coc"',
    );
    const twice = parseCsvMapping({
      orgUnit: 'facility',
      dataElement: 'indicator',
      period: 'date',
      value: 'count',
    });
    let error: unknown;
    try {
      csvRowReader(twice, ['FACILITY', 'Facility', 'indicator', 'date', 'count']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({
      field: 'orgUnit',
      code: 'unknown_csv_column',
    });
    expect((error as Error).message).toContain('several columns of that name');
  });
});
