import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvMapping } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-generic-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(text: string): Promise<string> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  return path;
}

const MAPPING = parseCsvMapping({
  dataElement: 'indicator',
  orgUnit: 'facility',
  period: 'date',
  periodFormat: 'date',
  periodType: 'Monthly',
  value: 'count',
  attributeOptionCombo: { fixed: 'HllvX50cXC0' },
  idSchemes: { orgUnit: 'code' },
  delimiter: ';',
});

describe('generic CSV reader', () => {
  it('reads columns by header name, fixed texts and dates as periods', async () => {
    const path = await write(
      'facility;indicator;date;count;note\nOU_1;DE_1;2024-01-15;12;x\n\nOU_2;DE_1;2024-02-03T08:00;;\nOU_3;DE_2;15/03/2024;4\n',
    );
    const read = await readAll(path, { csvMapping: MAPPING });
    expect(read.format).toBe('csv');
    expect(read.header).toEqual({ idSchemes: { orgUnit: 'code' } });
    const common = { attributeOptionCombo: 'HllvX50cXC0' };
    expect(read.values.slice(0, 2)).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'DE_1',
        orgUnit: 'OU_1',
        period: '202401',
        value: '12',
        ...common,
      },
      { row: 2, line: 4, dataElement: 'DE_1', orgUnit: 'OU_2', period: '202402', ...common },
    ]);
    expect(read.values[2]).toMatchObject({
      row: 3,
      line: 5,
      dataElement: 'DE_2',
      orgUnit: 'OU_3',
      value: '4',
    });
    expect(read.values[2].period).toBeUndefined();
    expect(read.values[2].conflicts?.[0]).toMatchObject({
      object: '15/03/2024',
      property: 'period',
      errorCode: 'invalid_date',
    });
  });

  it('reads a DHIS2-looking CSV through a mapping when one is given', async () => {
    const path = await write('dataelement,period,orgunit,value\nde,202401,ou,1\n');
    const mapping = parseCsvMapping({
      dataElement: 'dataelement',
      period: 'period',
      orgUnit: 'orgunit',
      value: 'value',
    });
    const read = await readAll(path, { csvMapping: mapping });
    expect(read.format).toBe('csv');
    expect(read.values).toEqual([
      { row: 1, line: 2, dataElement: 'de', period: '202401', orgUnit: 'ou', value: '1' },
    ]);
  });

  it('names the missing column and asks for a mapping when there is none', async () => {
    const path = await write('facility;indicator;when;count\n');
    await expect(readAll(path, { csvMapping: MAPPING })).rejects.toThrow(
      /reads period from column "date"/,
    );
    const plain = await write('facility,indicator,month,count\nA,B,2024-01,3\n');
    await expect(readAll(plain)).rejects.toThrow(/give a column mapping/);
  });
});
