import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError, type DataValueFormat } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDataValueFormat } from './index.ts';
import { fhirExample, sample } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-detect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function detectText(name: string, text: string): Promise<DataValueFormat> {
  const path = join(dir, name);
  await writeFile(path, text);
  return detectDataValueFormat(path);
}

describe('detectDataValueFormat', () => {
  it.each([
    ['dhis2-core', 'adx_data_sample1.xml', 'adx'],
    ['dhis2-core', 'importA.adx.xml', 'adx'],
    ['dhis2-docs', 'adx_tb_hiv_vcct.adx.xml', 'adx'],
    ['dhis2-core', 'dataValueSetA.xml', 'dhis2-xml'],
    ['dhis2-core', 'dataValueSetB.xml', 'dhis2-xml'],
    ['dhis2-docs', 'bulk.xml', 'dhis2-xml'],
    ['dhis2-docs', 'export_response.xml', 'dhis2-xml'],
    ['dhis2-docs', 'send_ngelehun_201401.xml', 'dhis2-xml'],
    ['dhis2-core', 'dataValueSetJ.json', 'dhis2-json'],
    ['dhis2-docs', 'bulk.json', 'dhis2-json'],
    ['dhis2-docs', 'export_response.json', 'dhis2-json'],
    ['dhis2-docs', 'send_ngelehun_201401.json', 'dhis2-json'],
    ['dhis2-core', 'dataValueSetBooleanTest.csv', 'dhis2-csv'],
    ['dhis2-docs', 'bulk.csv', 'dhis2-csv'],
    ['dhis2-docs', 'csv_format_example.csv', 'dhis2-csv'],
    ['dhis2-docs', 'export_response.csv', 'dhis2-csv'],
  ] as const)('%s/%s is %s', async (folder, file, format) => {
    expect(await detectDataValueFormat(sample(folder, file))).toBe(format);
  });

  it('detects the FHIR examples', async () => {
    expect(await detectDataValueFormat(fhirExample('MeasureReport-hiv-indicators.json'))).toBe(
      'fhir',
    );
    expect(
      await detectDataValueFormat(
        fhirExample('MeasureReport-measurereport-cms146-cat2-example.json'),
      ),
    ).toBe('fhir');
  });

  it('sniffs content whatever the extension, and tells generic CSV from DHIS2 CSV', async () => {
    expect(await detectText('a.txt', '\uFEFF  {"dataValues":[]}')).toBe('dhis2-json');
    expect(await detectText('b.dat', '{"resourceType":"Bundle","entry":[]}')).toBe('fhir');
    expect(await detectText('c.txt', '<?xml version="1.0"?>\n<!-- x -->\n<dataValueSet/>')).toBe(
      'dhis2-xml',
    );
    expect(await detectText('d.xml', '<root xmlns="urn:ihe:qrph:adx:2015"/>')).toBe('adx');
    expect(await detectText('e.csv', 'data_element;Period;Org Unit;value\n')).toBe('dhis2-csv');
    expect(await detectText('f.csv', 'facility,indicator,month,count\nA,B,2024-01,3\n')).toBe(
      'csv',
    );
  });

  it.each([
    ['empty.csv', ' \n ', /the file is empty/],
    ['other.xml', '<html><body/></html>', /root is <html>/],
    ['text.json', 'dataelement,period', /does not start with \{/],
  ])('rejects %s', async (name, text, reason) => {
    const error = await detectText(name, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(reason);
  });
});
