import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { formatIsoDate } from '../periods/civil-date.ts';
import { parsePeriodId, periodContaining, PERIOD_TYPES } from '../periods/index.ts';
import { formatAdxPeriod, parseAdxPeriod } from './adx-period.ts';

describe('parseAdxPeriod', () => {
  it.each([
    ['2015-01-01/P1M', '201501'],
    ['2020-02-01/P1M', '202002'],
    // The DHIS2 docs give this as their "Daily" example: it is a month.
    ['2017-10-01/P1M', '201710'],
    ['2024-03-01/P1D', '20240301'],
    ['2024-01-01/P7D', '2024W1'],
    ['2024-01-01/P1W', '2024W1'],
    ['2024-01-03/P7D', '2024WedW1'],
    ['2024-01-04/P7D', '2024ThuW1'],
    ['2023-12-30/P7D', '2024SatW1'],
    ['2023-12-31/P7D', '2024SunW1'],
    ['2024-01-01/P14D', '2024BiW1'],
    ['2024-01-01/P2W', '2024BiW1'],
    ['2024-03-01/P2M', '202402B'],
    ['2021-01-01/P3M', '2021Q1'],
    ['2017-10-01/P3M', '2017Q4'],
    ['2023-11-01/P3M', '2024NovQ1'],
    ['2024-07-01/P6M', '2024S2'],
    ['2017-10-01/P6M', '2017AprilS2'],
    ['2023-11-01/P6M', '2024NovS1'],
    ['2024-01-01/P1Y', '2024'],
    ['2024-01-01/P12M', '2024'],
    ['2024-04-01/P1Y', '2024April'],
    ['2024-07-01/P1Y', '2024July'],
    ['2024-09-01/P1Y', '2024Sep'],
    ['2024-10-01/P1Y', '2024Oct'],
    ['2023-11-01/P1Y', '2024Nov'],
  ])('reads %s as %s', (text, id) => {
    expect(parseAdxPeriod(text).id).toBe(id);
  });

  it.each([
    [
      '2017-09-01/P3M',
      'runs 2017-09-01…2017-11-30, which is not a DHIS2 period: P3M periods start on 1 January, April, July or October',
    ],
    ['2024-01-15/P1M', 'P1M periods start on the first day of a month'],
    ['2024-01-02/P7D', 'P7D periods are weeks starting on a Monday'],
    ['2024-01-01/P5D', 'no DHIS2 period type lasts P5D'],
    ['2024-02-01/P1Y', 'P1Y periods start on 1 January (Yearly) or 1 April'],
    ['2015-02-30/P1M', 'starts on 2015-02-30, which is not a calendar date'],
    ['2015-01-01/P0M', 'lasts no time at all'],
    ['9999-12-01/P2M', 'ends after the year 9999'],
    ['201501', 'is not an ISO 8601 start/duration'],
    ['2015-01-01/1M', 'is not an ISO 8601 start/duration'],
    ['2015-01-01/P1M/x', 'is not an ISO 8601 start/duration'],
  ])('rejects %s', (text, reason) => {
    let error: unknown;
    try {
      parseAdxPeriod(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue).toMatchObject({ field: 'period', code: 'invalid_adx_period' });
    expect(issue.message).toContain(JSON.stringify(text));
    expect(issue.message).toContain(reason);
  });
});

describe('formatAdxPeriod', () => {
  it.each([
    ['201501', '2015-01-01/P1M'],
    ['2024W1', '2024-01-01/P7D'],
    ['2024SunW1', '2023-12-31/P7D'],
    ['2024BiW1', '2024-01-01/P14D'],
    ['2024NovQ1', '2023-11-01/P3M'],
    ['2024AprilS1', '2024-04-01/P6M'],
    ['2024April', '2024-04-01/P1Y'],
    ['2024Nov', '2023-11-01/P1Y'],
    ['20240229', '2024-02-29/P1D'],
  ])('writes %s as %s', (id, text) => {
    expect(formatAdxPeriod(parsePeriodId(id))).toBe(text);
  });

  it('round-trips every period of every type', () => {
    const day = fc.integer({ min: 0, max: 200 * 365 }).map((d) => formatIsoDate(d + 1900 * 365));
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_TYPES), day, (type, date) => {
        const period = periodContaining(type, date);
        expect(parseAdxPeriod(formatAdxPeriod(period)).id).toBe(period.id);
      }),
      { numRuns: 2000 },
    );
  });
});
