import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, sample } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-csv-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(text: string) {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  return readAll(path, { format: 'dhis2-csv' });
}

describe('DHIS2 CSV reader on the DHIS2 samples', () => {
  it('reads bulk.csv (quoted header and cells)', async () => {
    const read = await readAll(sample('dhis2-docs', 'bulk.csv'));
    expect(read.format).toBe('dhis2-csv');
    expect(read.header).toEqual({});
    const common = {
      period: '201401',
      orgUnit: 'DiszpKrYNg8',
      categoryOptionCombo: 'bRowv6yZOF2',
      attributeOptionCombo: 'bRowv6yZOF2',
    };
    expect(read.values).toEqual([
      { row: 1, line: 2, dataElement: 'f7n9E0hX8qk', ...common, value: '1' },
      { row: 2, line: 3, dataElement: 'Ix2HsbDMLea', ...common, value: '2' },
      { row: 3, line: 4, dataElement: 'eY5ehpbEsB7', ...common, value: '3' },
    ]);
  });

  it('reads csv_format_example.csv: empty unquoted attroptcombo, timestamp as lastUpdated', async () => {
    const read = await readAll(sample('dhis2-docs', 'csv_format_example.csv'));
    const common = { dataElement: 'DUSpd8Jq3M7', period: '201202', storedBy: 'bombali' };
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        ...common,
        orgUnit: 'gP6hn503KUX',
        categoryOptionCombo: 'Prlt0C1RF0s',
        value: '7',
        lastUpdated: '2010-04-17',
      },
      {
        row: 2,
        line: 3,
        ...common,
        orgUnit: 'gP6hn503KUX',
        categoryOptionCombo: 'V6L425pT3A0',
        value: '10',
        lastUpdated: '2010-04-17',
      },
      {
        row: 3,
        line: 4,
        ...common,
        orgUnit: 'OjTS752GbZE',
        categoryOptionCombo: 'V6L425pT3A0',
        value: '9',
        lastUpdated: '2010-04-06',
      },
    ]);
  });

  it('reads export_response.csv (unquoted, comment and follow-up columns)', async () => {
    const read = await readAll(sample('dhis2-docs', 'export_response.csv'));
    const common = {
      period: '201401',
      orgUnit: 'DiszpKrYNg8',
      categoryOptionCombo: 'bRowv6yZOF2',
      attributeOptionCombo: 'bRowv6yZOF2',
      storedBy: 'system',
      followUp: false,
    };
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'f7n9E0hX8qk',
        ...common,
        value: '12',
        lastUpdated: '2015-04-05T19:58:12.000',
        comment: 'comment1',
      },
      {
        row: 2,
        line: 3,
        dataElement: 'Ix2HsbDMLea',
        ...common,
        value: '14',
        lastUpdated: '2015-04-05T19:58:12.000',
        comment: 'comment2',
      },
      {
        row: 3,
        line: 4,
        dataElement: 'eY5ehpbEsB7',
        ...common,
        value: '16',
        lastUpdated: '2015-04-05T19:58:12.000',
        comment: 'comment3',
      },
      {
        row: 4,
        line: 5,
        dataElement: 'FTRrcoaog83',
        ...common,
        value: '12',
        lastUpdated: '2014-03-02T21:45:05.519',
        comment: 'comment4',
      },
    ]);
  });

  it('reads dataValueSetBooleanTest.csv: misspelt header skipped, boolean spellings left as text', async () => {
    const read = await readAll(sample('dhis2-core', 'dataValueSetBooleanTest.csv'));
    expect(read.values).toHaveLength(18);
    expect(read.values[0]).toEqual({
      row: 1,
      line: 2,
      dataElement: 'jH26dja2f30',
      period: '201201',
      orgUnit: 'DiszpKrYNg8',
      value: 'true',
      storedBy: 'john',
      lastUpdated: '2012-01-01',
      comment: 'comment',
      followUp: false,
    });
    expect(read.values.map((v) => v.value)).toEqual([
      'true',
      'True',
      'false',
      'False',
      'f',
      'F',
      't',
      'T',
      '1',
      '0',
      'test',
      'not true',
      '1',
      't',
      'true',
      'True',
      'false',
      'test',
    ]);
    expect(read.values.map((v) => v.dataElement)).toEqual([
      ...Array<string>(12).fill('jH26dja2f30'),
      ...Array<string>(6).fill('jH26dja2f31'),
    ]);
    expect(read.values[8]).toMatchObject({
      row: 9,
      line: 10,
      period: '201201',
      orgUnit: 'BdfsJfj87js',
    });
    expect(
      read.values.every(
        (v) => v.categoryOptionCombo === undefined && v.attributeOptionCombo === undefined,
      ),
    ).toBe(true);
  });
});

describe('DHIS2 CSV reader', () => {
  it('skips the first record whatever it says, and reads followup and deleted columns', async () => {
    const read = await readText('a,b,c\r\nde,202401,ou,,,5,,,,TRUE,true\r\n\r\nde,202402,ou\r\n');
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'de',
        period: '202401',
        orgUnit: 'ou',
        value: '5',
        followUp: true,
        deleted: true,
      },
      { row: 2, line: 4, dataElement: 'de', period: '202402', orgUnit: 'ou' },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and newlines, giving each row its first line', async () => {
    const read = await readText('h\n"de","202401","ou",,,"1",,,"a, ""b""\nc"\nde,202401,ou,,,2');
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'de',
        period: '202401',
        orgUnit: 'ou',
        value: '1',
        comment: 'a, "b"\nc',
      },
      { row: 2, line: 4, dataElement: 'de', period: '202401', orgUnit: 'ou', value: '2' },
    ]);
  });

  it.each([
    ['h\nde,2024"01,ou,,,1\n', 2, 'a quote inside the unquoted field'],
    ['h\nde,202401,ou\n"de","202401"x,ou\n', 3, 'after a quoted field'],
    ['h\nde,202401,ou\n"de,202401,ou\n', 3, 'a quoted field is never closed'],
  ])('rejects malformed CSV naming the line: %j', async (text, line, message) => {
    const error = await readText(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`Malformed CSV at line ${line}`);
    expect((error as Error).message).toContain(message);
  });
});
