import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { validationPath } from '../validation-data.test-support.ts';
import { fromFhirMeasureReports } from './fhir-measure-report.ts';

function example(name: string): unknown {
  return JSON.parse(
    readFileSync(validationPath('fhir_measurereport', `MeasureReport-${name}.json`), 'utf8'),
  );
}

function rejection(resource: unknown): ValidationError {
  try {
    fromFhirMeasureReports(resource);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected the MeasureReport to be rejected');
}

const code = (c: string) => ({ coding: [{ code: c }] });
const report = (extra: object) => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'summary',
  period: { start: '2024-01-01', end: '2024-03-31' },
  reporter: { reference: 'Organization/OU1' },
  ...extra,
});

describe('fromFhirMeasureReports on the FHIR R4 examples', () => {
  it('reads hiv-indicators exactly: 16 strata of QRPH_ADX_ART1_N for ZW01 in January 2018', () => {
    const { values, warnings } = fromFhirMeasureReports(example('hiv-indicators'));
    expect(warnings).toEqual([]);
    const ages = ['P0Y--P1Y', 'P1Y--P5Y', 'P10Y--P15Y'];
    const composite = ages.flatMap((AGE_GROUP) => ['F', 'M'].map((SEX) => ({ AGE_GROUP, SEX })));
    const components = [
      ['P0Y--P1Y', 'F'],
      ['P0Y--P1Y', 'M'],
      ['P1Y--P5Y', 'F'],
      ['P1Y--P5Y', 'F'],
    ].map(([AGE_GROUP, SEX]) => ({ AGE_GROUP, SEX }));
    expect(values).toEqual(
      [...composite, ...composite, ...components].map((categoryOptions, i) => ({
        row: i + 1,
        dataElement: 'QRPH_ADX_ART1_N',
        period: '201801',
        orgUnit: 'ZW01',
        categoryOptions,
        value: '0',
      })),
    );
  });

  it('rejects cms146-cat1 (individual): no place to report on and no group code', () => {
    const error = rejection(example('measurereport-cms146-cat1-example'));
    expect(error.issues.map((i) => [i.field, i.code])).toEqual([
      ['reporter', 'unsupported_measure_report'],
      ['group[0].code', 'unsupported_measure_report'],
    ]);
    expect(error.message).toMatch(
      /^MeasureReport measurereport-cms146-cat1-example cannot be imported: /,
    );
    expect(error.message).toContain(
      'the reporter #reporter is a contained Organization without an identifier',
    );
  });

  it('rejects cms146-cat2 (subject-list): it lists subjects, not results', () => {
    const error = rejection(example('measurereport-cms146-cat2-example'));
    expect(error.issues).toEqual([
      {
        field: 'type',
        code: 'unsupported_measure_report',
        message:
          'subject-list reports list the subjects in each population; import the summary or individual reports instead',
      },
    ]);
  });

  it('rejects cms146-cat3 (summary): no place to report on and no group code', () => {
    const error = rejection(example('measurereport-cms146-cat3-example'));
    expect(error.issues.map((i) => i.field)).toEqual(['reporter', 'group[0].code']);
    expect(error.issues[1].message).toBe(
      'group[0] (CMS146-group-1) has no code: mADX names the data element with group.code.coding[0].code',
    );
  });
});

describe('fromFhirMeasureReports', () => {
  it('reads a group total from measureScore, else the only population, else numerator', () => {
    const { values } = fromFhirMeasureReports(
      report({
        group: [
          { code: code('A'), measureScore: { value: 7 } },
          { code: code('B'), population: [{ code: code('initial-population'), count: 12 }] },
          {
            code: code('C'),
            population: [
              { code: code('denominator'), count: 40 },
              { code: code('numerator'), count: 9 },
            ],
          },
        ],
      }),
    );
    expect(values.map((v) => [v.row, v.dataElement, v.period, v.orgUnit, v.value])).toEqual([
      [1, 'A', '2024Q1', 'OU1', '7'],
      [2, 'B', '2024Q1', 'OU1', '12'],
      [3, 'C', '2024Q1', 'OU1', '9'],
    ]);
  });

  it('takes a Location subject as the place, or a contained reporter with an identifier', () => {
    const byLocation = fromFhirMeasureReports(
      report({
        subject: { reference: 'http://x/fhir/Location/L9/_history/2' },
        group: [{ code: code('A'), measureScore: { value: 1 } }],
      }),
    );
    expect(byLocation.values[0].orgUnit).toBe('L9');
    const contained = fromFhirMeasureReports(
      report({
        contained: [{ resourceType: 'Organization', id: 'org', identifier: [{ value: 'OU_559' }] }],
        reporter: { reference: '#org' },
        group: [{ code: code('A'), measureScore: { value: 1 } }],
      }),
    );
    expect(contained.values[0].orgUnit).toBe('OU_559');
  });

  it('sums individual reports per data element, period, place and stratum; skips other Bundle entries', () => {
    const individual = (count: number) => ({
      resource: report({
        type: 'individual',
        subject: { reference: 'Patient/p' },
        group: [
          {
            code: code('A'),
            population: [
              { code: code('numerator'), count },
              { code: code('denominator'), count: 1 },
            ],
            stratifier: [
              {
                code: [code('SEX')],
                stratum: [{ value: code('F'), population: [{ code: code('numerator'), count }] }],
              },
            ],
          },
        ],
      }),
    });
    const { values, warnings } = fromFhirMeasureReports({
      resourceType: 'Bundle',
      entry: [
        individual(1),
        { resource: { resourceType: 'Patient' } },
        individual(1),
        individual(0),
      ],
    });
    expect(values).toEqual([
      {
        row: 1,
        dataElement: 'A',
        period: '2024Q1',
        orgUnit: 'OU1',
        categoryOptions: { SEX: 'F' },
        value: '2',
      },
    ]);
    expect(warnings).toEqual([
      { code: 'skipped_resource', message: 'entry[1] is a Patient, not a MeasureReport: skipped' },
    ]);
  });

  it('names the element path of every problem in a Bundle', () => {
    const error = rejection({
      resourceType: 'Bundle',
      entry: [
        {
          resource: report({
            period: { start: '2024-01-01', end: '2024-02-15' },
            group: [{ code: code('A') }],
          }),
        },
        { resource: report({ status: 'error', type: 'data-collection' }) },
      ],
    });
    expect(error.issues.map((i) => [i.field, i.code])).toEqual([
      ['entry[0].resource.period', 'invalid_fhir_period'],
      ['entry[0].resource.group[0]', 'unsupported_measure_report'],
      ['entry[1].resource.type', 'unsupported_measure_report'],
    ]);
    expect(error.message).toMatch(/^The MeasureReports cannot be imported: /);
  });

  it('rejects what is not a MeasureReport or a Bundle of them', () => {
    expect(rejection({ resourceType: 'Patient' }).issues[0]).toMatchObject({
      field: 'resourceType',
    });
    expect(rejection({ resourceType: 'Bundle', entry: [] }).issues[0]).toMatchObject({
      field: 'resourceType',
    });
    expect(rejection(null).issues[0]).toMatchObject({ field: 'resourceType' });
  });
});
