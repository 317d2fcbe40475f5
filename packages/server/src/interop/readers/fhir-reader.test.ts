import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirExample, readAll } from './read-all.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sankofa-fhir-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const AGES = ['P0Y--P1Y', 'P1Y--P5Y', 'P10Y--P15Y'];

describe('FHIR MeasureReport reader on the FHIR R4 examples', () => {
  it('reads hiv-indicators: one value per stratum, categories split from AGE_GROUP:SEX', async () => {
    const read = await readAll(fhirExample('MeasureReport-hiv-indicators.json'));
    expect(read.format).toBe('fhir');
    expect(read.header).toEqual({});
    const common = {
      dataElement: 'QRPH_ADX_ART1_N',
      period: '201801',
      orgUnit: 'ZW01',
      value: '0',
    };
    const composite = AGES.flatMap((AGE_GROUP) => ['F', 'M'].map((SEX) => ({ AGE_GROUP, SEX })));
    // The third group's strata, as the example writes them (its last two are the same stratum).
    const components = [
      ['P0Y--P1Y', 'F'],
      ['P0Y--P1Y', 'M'],
      ['P1Y--P5Y', 'F'],
      ['P1Y--P5Y', 'F'],
    ].map(([AGE_GROUP, SEX]) => ({ AGE_GROUP, SEX }));
    expect(read.values).toEqual(
      [...composite, ...composite, ...components].map((categoryOptions, i) => ({
        row: i + 1,
        ...common,
        categoryOptions,
      })),
    );
  });

  it.each([
    [
      'cat1',
      /subject is not a place and the reporter #reporter is a contained Organization without an identifier/,
    ],
    ['cat1', /group\[0\] \(CMS146-group-1\) has no code/],
    ['cat2', /subject-list reports list the subjects in each population/],
    ['cat3', /group\[0\] \(CMS146-group-1\) has no code/],
  ])('rejects cms146-%s with a clear reason', async (name, reason) => {
    const error = await readAll(
      fhirExample(`MeasureReport-measurereport-cms146-${name}-example.json`),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(reason);
  });

  it('rejects malformed JSON naming the line', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{\n  "resourceType": "MeasureReport",\n  "type": summary\n}');
    await expect(readAll(path, { format: 'fhir' })).rejects.toThrow(/Malformed JSON at line 3/);
  });
});
