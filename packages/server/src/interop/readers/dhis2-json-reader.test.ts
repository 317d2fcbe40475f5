import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataValueReader } from './index.ts';
import { readAll, sample } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-json-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(text: string) {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, text);
  return readAll(path, { format: 'dhis2-json' });
}

const NGELEHUN = {
  dataSet: 'pBOMPrpg1QX',
  completeDate: '2014-02-03',
  period: '201401',
  orgUnit: 'DiszpKrYNg8',
};

describe('DHIS2 JSON reader on the DHIS2 samples', () => {
  it('reads dataValueSetJ.json', async () => {
    const read = await readAll(sample('dhis2-core', 'dataValueSetJ.json'));
    expect(read.format).toBe('dhis2-json');
    expect(read.header).toEqual({});
    expect(read.values).toEqual([
      {
        row: 1,
        line: 3,
        period: '201201',
        orgUnit: 'DiszpKrYNg8',
        dataElement: 'f7n9E0hX8qk',
        value: '10',
      },
    ]);
  });

  it('reads bulk.json, period and org unit per value', async () => {
    const read = await readAll(sample('dhis2-docs', 'bulk.json'));
    expect(read.header).toEqual({});
    expect(read.values).toEqual([
      {
        row: 1,
        line: 3,
        dataElement: 'f7n9E0hX8qk',
        period: '201401',
        orgUnit: 'DiszpKrYNg8',
        value: '12',
      },
      {
        row: 2,
        line: 9,
        dataElement: 'f7n9E0hX8qk',
        period: '201401',
        orgUnit: 'FNnj3jKGS7i',
        value: '14',
      },
      {
        row: 3,
        line: 15,
        dataElement: 'f7n9E0hX8qk',
        period: '201402',
        orgUnit: 'DiszpKrYNg8',
        value: '16',
      },
      {
        row: 4,
        line: 21,
        dataElement: 'f7n9E0hX8qk',
        period: '201402',
        orgUnit: 'Jkhdsf8sdf4',
        value: '18',
      },
    ]);
  });

  it('reads send_ngelehun_201401.json: the header gives period and org unit', async () => {
    const read = await readAll(sample('dhis2-docs', 'send_ngelehun_201401.json'));
    expect(read.header).toEqual(NGELEHUN);
    expect(read.values).toEqual([
      { row: 1, line: 7, dataElement: 'f7n9E0hX8qk', value: '1' },
      { row: 2, line: 11, dataElement: 'Ix2HsbDMLea', value: '2' },
      { row: 3, line: 15, dataElement: 'eY5ehpbEsB7', value: '3' },
    ]);
  });

  it('reads export_response.json', async () => {
    const read = await readAll(sample('dhis2-docs', 'export_response.json'));
    expect(read.header).toEqual(NGELEHUN);
    const common = { categoryOptionCombo: 'bRowv6yZOF2', period: '201401', orgUnit: 'DiszpKrYNg8' };
    expect(read.values).toEqual([
      { row: 1, line: 7, dataElement: 'eY5ehpbEsB7', ...common, value: '10003' },
      { row: 2, line: 14, dataElement: 'Ix2HsbDMLea', ...common, value: '10002' },
      { row: 3, line: 21, dataElement: 'f7n9E0hX8qk', ...common, value: '10001' },
    ]);
  });
});

describe('DHIS2 JSON reader', () => {
  it('reads a header that comes after the values, and import options from the payload', async () => {
    const read = await readText(
      '{"dataValues":[{"dataElement":"a","value":"1"}],"dataSet":"ds","orgUnitIdScheme":"CODE",' +
        '"idScheme":"name","dryRun":true,"strategy":"delete","period":"202401"}',
    );
    expect(read.header).toEqual({
      dataSet: 'ds',
      period: '202401',
      dryRun: true,
      importStrategy: 'DELETE',
      idSchemes: { orgUnit: 'code', idScheme: 'name' },
    });
    expect(read.values).toEqual([{ row: 1, line: 1, dataElement: 'a', value: '1' }]);
  });

  it('reads every DHIS2 field, numbers as text, nulls and flags in both spellings', async () => {
    const read = await readText(`{"dataValues": [
      {"dataElement": "de", "period": "202401", "orgUnit": "ou", "categoryOptionCombo": "coc",
       "attributeOptionCombo": "aoc", "value": 12.5, "storedBy": "ann", "created": "2024-02-01",
       "lastUpdated": "2024-02-02", "comment": "a \\"quoted\\" } [ comment", "followup": true,
       "deleted": false, "unknown": {"nested": [1, 2]}},
      {"dataElement": "de", "value": null, "comment": null, "followUp": "TRUE", "deleted": "yes"},
      {"dataElement": "", "value": ""}
    ]}`);
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'de',
        period: '202401',
        orgUnit: 'ou',
        categoryOptionCombo: 'coc',
        attributeOptionCombo: 'aoc',
        value: '12.5',
        storedBy: 'ann',
        created: '2024-02-01',
        lastUpdated: '2024-02-02',
        comment: 'a "quoted" } [ comment',
        followUp: true,
        deleted: false,
      },
      {
        row: 2,
        line: 6,
        dataElement: 'de',
        value: null,
        comment: null,
        followUp: true,
        deleted: false,
      },
      { row: 3, line: 7, value: '' },
    ]);
  });

  it('reads values split across chunk boundaries and with no dataValues at all', async () => {
    const long = 'x'.repeat(1_500_000);
    const read = await readText(
      `{"dataValues":[{"dataElement":"a","comment":"${long}","value":"1"},{"value":"2"}]}`,
    );
    expect(read.values.map((v) => [v.row, v.value, v.comment?.length])).toEqual([
      [1, '1', 1_500_000],
      [2, '2', undefined],
    ]);
    expect((await readText('{"dataSet":"ds"}')).values).toEqual([]);
    expect((await readText('{"dataValues":[]}')).values).toEqual([]);
  });

  it('stops reading the file when the loop stops early', async () => {
    const values = Array.from({ length: 60_000 }, (_, i) => `{"dataElement":"de","value":"${i}"}`);
    const path = join(dir, 'early.json');
    await writeFile(path, `{"dataValues":[${values.join(',')}]}`);
    const reader = await openDataValueReader(path);
    for await (const value of reader.values()) {
      expect(value).toEqual({ row: 1, line: 1, dataElement: 'de', value: '0' });
      break;
    }
    const { bytesRead, totalBytes } = reader.progress();
    expect(bytesRead).toBeGreaterThan(0);
    expect(bytesRead).toBeLessThan(totalBytes);
  });

  it.each([
    [
      '{"dataValues":[\n{"value":"1"}\n{"value":"2"}]}',
      3,
      'expected "," or "]" after a data value',
    ],
    ['{"dataValues":[\n{"value":"1",}\n]}', 2, 'Malformed JSON at line 2'],
    ['{"dataValues":[\n{"value":"1"},\n', 3, 'the file ends before the data value set is closed'],
    ['[\n{"value":"1"}]', 1, 'expected a JSON object'],
    ['{"dataValues":"none"}', 1, 'expected dataValues to be an array'],
    ['{"dataValues":[],\n\n"dataSet" "x"}', 3, 'expected ":" after "dataSet"'],
  ])('rejects malformed JSON naming the line: %j', async (text, line, message) => {
    const error = await readText(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`line ${line}`);
    expect((error as Error).message).toContain(message);
  });

  it('rejects an unknown id scheme in the header before reading values', async () => {
    await expect(readText('{"dataValues":[],"orgUnitIdScheme":"ATTRIBUTE:abc"}')).rejects.toThrow(
      /attribute id schemes are not supported/,
    );
  });
});
