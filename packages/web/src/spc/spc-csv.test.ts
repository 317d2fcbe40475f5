import type { SpcChartResponse } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { spcCsv } from './spc-csv.ts';

const point = (period: string, value: number | null, rules: string[] = []) => ({
  period,
  value,
  numerator: value === null ? null : value * 2,
  denominator: value === null ? null : 200,
  centre: 50,
  lower: 40.25,
  upper: 59.75,
  part: 1,
  baseline: true,
  rules,
});

describe('spcCsv', () => {
  it('writes a header and one row per month, blanks for missing values, rules joined with ;', () => {
    const chart = {
      points: [
        point('202401', 51.5),
        point('202402', null),
        point('202403', 61, ['beyond_limits', 'shift']),
      ],
    } as unknown as SpcChartResponse;
    expect(spcCsv(chart).split('\r\n')).toEqual([
      'period,value,numerator,denominator,centre,lower_limit,upper_limit,part,baseline,rules',
      '202401,51.5,103,200,50,40.25,59.75,1,true,',
      '202402,,,,50,40.25,59.75,1,true,',
      '202403,61,122,200,50,40.25,59.75,1,true,beyond_limits;shift',
      '',
    ]);
  });
});
