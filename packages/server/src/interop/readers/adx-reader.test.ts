import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, sample } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-adx-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(text: string) {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(path, text);
  return readAll(path, { format: 'adx' });
}

describe('ADX reader on the DHIS2 samples', () => {
  it('reads adx_data_sample1.xml: ISO period, group attribute option combo, annotation, duplicates kept', async () => {
    const read = await readAll(sample('dhis2-core', 'adx_data_sample1.xml'));
    expect(read.format).toBe('adx');
    expect(read.header).toEqual({});
    const first = {
      orgUnit: '342',
      period: '201501',
      dataSet: 'Malaria',
      completeDate: '2015-06-17',
      attributeOptionCombo: 'McDonalds',
    };
    const second = { orgUnit: '342', period: '201501', dataSet: 'Malaria' };
    expect(read.values).toEqual([
      { row: 1, line: 12, ...first, dataElement: 'MAL01', value: '32' },
      { row: 2, line: 13, ...first, dataElement: 'MAL02', value: '20' },
      { row: 3, line: 14, ...first, dataElement: 'MAL04', value: '10' },
      { row: 4, line: 15, ...first, dataElement: 'MAL04', value: '10' },
      { row: 5, line: 16, ...first, dataElement: 'MAL04', value: '10' },
      {
        row: 6,
        line: 17,
        ...first,
        dataElement: 'MAL04',
        value: '10',
        categoryOptionCombo: 'McDonalds',
      },
      { row: 7, line: 21, ...second, dataElement: 'MAL01', value: '32' },
      { row: 8, line: 22, ...second, dataElement: 'MAL02', value: '20' },
      {
        row: 9,
        line: 23,
        ...second,
        dataElement: 'MAL03',
        value: '0',
        annotation: 'Some qualifying text here on the datavalue',
        comment: 'Some qualifying text here on the datavalue',
      },
      { row: 10, line: 26, ...second, dataElement: 'MAL04', value: '10' },
      { row: 11, line: 27, ...second, dataElement: 'MAL04', value: '10' },
      { row: 12, line: 28, ...second, dataElement: 'MAL04', value: '10' },
      { row: 13, line: 29, ...second, dataElement: 'MAL04', value: '10' },
    ]);
  });

  it('reads importA.adx.xml: exploded categories, quarterly P3M, attribute categories', async () => {
    const read = await readAll(sample('dhis2-core', 'importA.adx.xml'));
    const jan = {
      dataSet: 'MalariaDS',
      period: '202001',
      orgUnit: '123',
      dataElement: 'Malaria numeric',
    };
    const q1 = {
      dataSet: 'MalariaMechanismDS',
      period: '2021Q1',
      orgUnit: '456',
      dataElement: 'Malaria numeric',
    };
    expect(read.values).toEqual([
      {
        row: 1,
        line: 3,
        ...jan,
        categoryOptions: { Sex_category: 'FFFFFFFFFFF', Age_category: 'under555555' },
        value: '1',
      },
      {
        row: 2,
        line: 4,
        ...jan,
        categoryOptions: { Sex_category: 'MMMMMMMMMMM', Age_category: 'under555555' },
        value: '2',
      },
      { row: 3, line: 5, ...jan, categoryOptionCombo: 'FOver555555', value: '3' },
      { row: 4, line: 6, ...jan, categoryOptionCombo: 'MOver555555', value: '4' },
      {
        row: 5,
        line: 7,
        ...jan,
        dataElement: 'Malaria text',
        value: '0',
        annotation: 'Text data value',
        comment: 'Text data value',
      },
      {
        row: 6,
        line: 12,
        ...jan,
        period: '202002',
        orgUnit: '456',
        categoryOptions: { Sex_category: 'FFFFFFFFFFF', Age_category: 'under555555' },
        value: '6',
      },
      {
        row: 7,
        line: 15,
        ...q1,
        attributeOptions: { Mechanism_category: 'PEPFARRRRRR' },
        categoryOptions: { Sex_category: 'FFFFFFFFFFF', Age_category: 'under555555' },
        value: '10',
      },
      {
        row: 8,
        line: 18,
        ...q1,
        attributeOptions: { Mechanism_category: 'McDonaldsss' },
        categoryOptions: { Sex_category: 'FFFFFFFFFFF', Age_category: 'over5555555' },
        value: '20',
      },
      {
        row: 9,
        line: 21,
        ...q1,
        attributeOptionCombo: 'cocMcDonald',
        categoryOptions: { Sex_category: 'MMMMMMMMMMM', Age_category: 'under555555' },
        value: '30',
      },
    ]);
  });

  it('reads adx_tb_hiv_vcct.adx.xml: 5 data elements × 2 genders × 2 age groups', async () => {
    const read = await readAll(sample('dhis2-docs', 'adx_tb_hiv_vcct.adx.xml'));
    const elements: [string, string][] = [
      ['VCCT_0', '32'],
      ['VCCT_1', '20'],
      ['VCCT_2', '10'],
      ['PLHIV_TB_0', '10'],
      ['PLHIV_TB_1', '10'],
    ];
    const expected = [
      ['FMLE', 'AGE0-14'],
      ['MLE', 'AGE0-14'],
      ['FMLE', 'AGE15-24'],
      ['MLE', 'AGE15-24'],
    ].flatMap(([GENDER, HIV_AGE], b) =>
      elements.map(([dataElement, value], e) => ({
        row: b * 5 + e + 1,
        line: 6 + b * 6 + e,
        orgUnit: 'OU_559',
        period: '201506',
        completeDate: '2015-07-01',
        dataSet: '(TB/HIV)VCCT',
        dataElement,
        categoryOptions: { GENDER, HIV_AGE },
        value,
      })),
    );
    expect(read.values).toEqual(expected);
  });
});

describe('ADX reader', () => {
  it('puts a conflict on each value of a group whose period is not a DHIS2 period', async () => {
    const read = await readText(
      '<adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit="ou" period="2017-09-01/P3M">' +
        '<dataValue dataElement="a" value="1"/><dataValue dataElement="b" value="2"/></group>' +
        '<group orgUnit="ou" period="2017-10-01/P3M"><dataValue dataElement="c" value="3"/></group></adx>',
    );
    expect(read.values.map((v) => [v.dataElement, v.period, v.conflicts?.[0]?.errorCode])).toEqual([
      ['a', undefined, 'invalid_adx_period'],
      ['b', undefined, 'invalid_adx_period'],
      ['c', '2017Q4', undefined],
    ]);
    expect(read.values[0].conflicts?.[0]).toMatchObject({
      object: '2017-09-01/P3M',
      property: 'period',
    });
    expect(read.values[0].conflicts?.[0]?.value).toContain('not a DHIS2 period');
  });

  it('ignores namespace declarations and prefixed attributes, reads a prefixed ADX document', async () => {
    const read = await readText(
      '<a:adx xmlns:a="urn:ihe:qrph:adx:2015" xmlns:x="urn:x"><a:group orgUnit="ou" period="2024-01-01/P1Y" x:note="n" SEX="F">' +
        '<a:dataValue dataElement="d" value="5" x:flag="1" AGE="Y0"/></a:group></a:adx>',
    );
    expect(read.values).toEqual([
      {
        row: 1,
        line: 1,
        orgUnit: 'ou',
        period: '2024',
        attributeOptions: { SEX: 'F' },
        dataElement: 'd',
        value: '5',
        categoryOptions: { AGE: 'Y0' },
      },
    ]);
  });

  it('rejects malformed ADX naming the line', async () => {
    await expect(readText('<adx xmlns="urn:ihe:qrph:adx:2015">\n<group>\n</adx>')).rejects.toThrow(
      /Malformed XML at line 3/,
    );
  });
});
