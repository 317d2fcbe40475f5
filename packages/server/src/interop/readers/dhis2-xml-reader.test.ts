import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, sample } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-xml-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(text: string) {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(path, text);
  return readAll(path, { format: 'dhis2-xml' });
}

const JOHN = { storedBy: 'john', comment: 'comment', followUp: false };
const NGELEHUN = {
  dataSet: 'pBOMPrpg1QX',
  completeDate: '2014-02-03',
  period: '201401',
  orgUnit: 'DiszpKrYNg8',
};

describe('DHIS2 DXF2 XML reader on the DHIS2 samples', () => {
  it('reads dataValueSetA.xml: attributes split over lines, timestamp as lastUpdated', async () => {
    const read = await readAll(sample('dhis2-core', 'dataValueSetA.xml'));
    expect(read.format).toBe('dhis2-xml');
    expect(read.header).toEqual({});
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'f7n9E0hX8qk',
        period: '201201',
        orgUnit: 'DiszpKrYNg8',
        value: '10001',
        ...JOHN,
        lastUpdated: '2012-01-01',
      },
      {
        row: 2,
        line: 3,
        dataElement: 'f7n9E0hX8qk',
        period: '201201',
        orgUnit: 'BdfsJfj87js',
        value: '10002',
        ...JOHN,
        lastUpdated: '2012-01-02',
      },
      {
        row: 3,
        line: 5,
        dataElement: 'f7n9E0hX8qk',
        period: '201202',
        orgUnit: 'DiszpKrYNg8',
        value: '10003',
        ...JOHN,
        lastUpdated: '2012-01-03',
      },
    ]);
  });

  it('reads dataValueSetB.xml: 3 data elements × 2 months × 2 org units', async () => {
    const read = await readAll(sample('dhis2-core', 'dataValueSetB.xml'));
    const expected = ['f7n9E0hX8qk', 'Ix2HsbDMLea', 'eY5ehpbEsB7'].flatMap((dataElement, d) =>
      ['201201', '201202'].flatMap((period, p) =>
        ['DiszpKrYNg8', 'BdfsJfj87js'].map((orgUnit, o) => {
          const row = d * 4 + p * 2 + o + 1;
          return {
            row,
            line: row + 1,
            dataElement,
            period,
            orgUnit,
            value: String(10000 + row),
            ...JOHN,
            lastUpdated: '2012-01-01',
          };
        }),
      ),
    );
    expect(read.values).toEqual(expected);
  });

  it('reads bulk.xml', async () => {
    const read = await readAll(sample('dhis2-docs', 'bulk.xml'));
    expect(read.header).toEqual({});
    expect(read.values).toEqual([
      {
        row: 1,
        line: 2,
        dataElement: 'f7n9E0hX8qk',
        period: '201401',
        orgUnit: 'DiszpKrYNg8',
        value: '12',
      },
      {
        row: 2,
        line: 4,
        dataElement: 'f7n9E0hX8qk',
        period: '201401',
        orgUnit: 'FNnj3jKGS7i',
        value: '14',
      },
      {
        row: 3,
        line: 6,
        dataElement: 'f7n9E0hX8qk',
        period: '201402',
        orgUnit: 'DiszpKrYNg8',
        value: '16',
      },
      {
        row: 4,
        line: 8,
        dataElement: 'f7n9E0hX8qk',
        period: '201402',
        orgUnit: 'Jkhdsf8sdf4',
        value: '18',
      },
    ]);
  });

  it('reads send_ngelehun_201401.xml: the root attributes are the header', async () => {
    const read = await readAll(sample('dhis2-docs', 'send_ngelehun_201401.xml'));
    expect(read.header).toEqual(NGELEHUN);
    expect(read.values).toEqual([
      { row: 1, line: 3, dataElement: 'f7n9E0hX8qk', value: '12' },
      { row: 2, line: 4, dataElement: 'Ix2HsbDMLea', value: '14' },
      { row: 3, line: 5, dataElement: 'eY5ehpbEsB7', value: '16' },
    ]);
  });

  it('reads export_response.xml (XML declaration, header over two lines)', async () => {
    const read = await readAll(sample('dhis2-docs', 'export_response.xml'));
    expect(read.header).toEqual({ ...NGELEHUN, completeDate: '2014-01-02' });
    const common = { period: '201401', orgUnit: 'DiszpKrYNg8', categoryOptionCombo: 'bRowv6yZOF2' };
    expect(read.values).toEqual([
      { row: 1, line: 4, dataElement: 'eY5ehpbEsB7', ...common, value: '10003' },
      { row: 2, line: 6, dataElement: 'Ix2HsbDMLea', ...common, value: '10002' },
      { row: 3, line: 8, dataElement: 'f7n9E0hX8qk', ...common, value: '10001' },
    ]);
  });
});

describe('DHIS2 DXF2 XML reader', () => {
  it('reads import options from the root and entities in attributes', async () => {
    const read = await readText(
      '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dryRun="true" importStrategy="UPDATE" dataElementIdScheme="code">' +
        '<dataValue dataElement="a" value="&lt;5 &amp; &quot;x&quot;" followUp="true" deleted="True"/></dataValueSet>',
    );
    expect(read.header).toEqual({
      dryRun: true,
      importStrategy: 'UPDATE',
      idSchemes: { dataElement: 'code' },
    });
    expect(read.values).toEqual([
      { row: 1, line: 1, dataElement: 'a', value: '<5 & "x"', followUp: true, deleted: true },
    ]);
  });

  it('rejects another root element', async () => {
    await expect(readText('<adx xmlns="urn:ihe:qrph:adx:2015"/>')).rejects.toThrow(
      /Expected a DHIS2 <dataValueSet>/,
    );
  });

  it.each([
    ['<dataValueSet>\n<dataValue value="1"/>\n<dataValue value="2">\n</dataValueSet>', 4],
    ['<dataValueSet>\n<dataValue value="1"/>\n<dataValue value=2/>\n</dataValueSet>', 3],
    ['<dataValueSet>\n<dataValue value="1"/>\n', 3],
  ])('rejects malformed XML naming the line: %j', async (text, line) => {
    const error = await readText(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`Malformed XML at line ${line}`);
  });
});
