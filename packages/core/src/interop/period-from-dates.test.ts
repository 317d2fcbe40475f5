import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../periods/civil-date.ts';
import { periodContaining, PERIOD_TYPES } from '../periods/index.ts';
import { periodFromDates } from './period-from-dates.ts';

describe('periodFromDates', () => {
  it.each([
    ['2024-03-05', '2024-03-05', '20240305'],
    ['2024-01-01', '2024-01-07', '2024W1'],
    ['2024-01-03', '2024-01-09', '2024WedW1'],
    ['2024-01-01', '2024-01-14', '2024BiW1'],
    ['2024-02-01', '2024-02-29', '202402'],
    ['2024-01-01', '2024-02-29', '202401B'],
    ['2024-01-01', '2024-03-31', '2024Q1'],
    ['2023-11-01', '2024-01-31', '2024NovQ1'],
    ['2024-07-01', '2024-12-31', '2024S2'],
    ['2024-04-01', '2024-09-30', '2024AprilS1'],
    ['2024-01-01', '2024-12-31', '2024'],
    ['2024-04-01', '2025-03-31', '2024April'],
    ['2024-07-01', '2025-06-30', '2024July'],
    ['2024-10-01', '2025-09-30', '2024Oct'],
  ])('%s…%s is %s', (start, end, id) => {
    expect(periodFromDates(start, end)?.id).toBe(id);
  });

  it.each([
    ['2017-09-01', '2017-11-30', 'three months that are no DHIS2 quarter'],
    ['2024-01-02', '2024-01-08', 'a week starting on a Tuesday'],
    ['2024-01-01', '2024-01-30', 'a month minus a day'],
    ['2024-02-01', '2024-01-31', 'reversed'],
    ['2024-02-30', '2024-03-31', 'not a calendar date'],
    ['2024-1-1', '2024-01-31', 'not YYYY-MM-DD'],
  ])('%s…%s is no period (%s)', (start, end) => {
    expect(periodFromDates(start, end)).toBeNull();
  });

  it('finds every period from its own first and last days', () => {
    const day = fc.integer({ min: 0, max: 200 * 365 }).map((d) => formatIsoDate(d + 1900 * 365));
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_TYPES), day, (type, date) => {
        const period = periodContaining(type, date);
        expect(periodFromDates(period.startDate, period.endDate)?.id).toBe(period.id);
      }),
      { numRuns: 2000 },
    );
  });
});
