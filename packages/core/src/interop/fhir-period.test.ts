import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parsePeriodId } from '../periods/index.ts';
import { periodFromFhir, toFhirPeriod } from './fhir-period.ts';

describe('periodFromFhir', () => {
  it.each([
    [{ start: '2018-01-01', end: '2018-01-31' }, '201801'],
    [{ start: '2014-01-01', end: '2014-03-31' }, '2014Q1'],
    [{ start: '2018-01-01T00:00:00Z', end: '2018-01-31T23:59:59+02:00' }, '201801'],
    [{ start: '2018-02', end: '2018-02' }, '201802'],
    [{ start: '2024-02', end: '2024-02' }, '202402'],
    [{ start: '2018', end: '2018' }, '2018'],
    [{ start: '2018-01', end: '2018-03' }, '2018Q1'],
    [{ start: '2024-01-01', end: '2024-01-07' }, '2024W1'],
    [{ start: '2024-04-01', end: '2025-03-31' }, '2024April'],
  ])('%j is %s', (period, id) => {
    expect(periodFromFhir(period).id).toBe(id);
  });

  it.each([
    [{ start: '2018-01-01', end: '2018-02-15' }, 'is not one DHIS2 period'],
    [
      { start: '2018-01-01', end: '2018-02-01T00:00:00Z' },
      '2018-01-01…2018-02-01 is not one DHIS2 period',
    ],
    [{ start: '2018-01-01' }, 'needs both a start and an end'],
    [{ end: '2018-01-31' }, 'needs both a start and an end'],
    [{ start: '01/01/2018', end: '2018-01-31' }, '"01/01/2018" is not a FHIR dateTime'],
    [{ start: '2018-13', end: '2018-13' }, 'is not a FHIR dateTime'],
    [{ start: '2018-02-01', end: '2018-02-30' }, '"2018-02-30" is not a FHIR dateTime'],
  ])('rejects %j', (period, reason) => {
    let error: unknown;
    try {
      periodFromFhir(period, 'entry[0].resource.period');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue).toMatchObject({ field: 'entry[0].resource.period', code: 'invalid_fhir_period' });
    expect(issue.message).toContain(reason);
  });
});

describe('toFhirPeriod', () => {
  it('gives the first and last days', () => {
    expect(toFhirPeriod(parsePeriodId('2024Q1'))).toEqual({
      start: '2024-01-01',
      end: '2024-03-31',
    });
    expect(toFhirPeriod(parsePeriodId('2024NovQ1'))).toEqual({
      start: '2023-11-01',
      end: '2024-01-31',
    });
  });
});
