import type { SpcChartResponse } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { findingTags, spcOption } from './spc-option.ts';

const periods = ['202401', '202402', '202403', '202404'];
const chart = {
  points: periods.map((period, i) => ({
    period,
    value: 10 + i,
    numerator: null,
    denominator: null,
    centre: 11,
    lower: 5,
    upper: 17,
    part: 1,
    baseline: true,
    rules: i >= 1 ? ['longest_run'] : [],
  })),
  findings: [
    {
      kind: 'sustained_shift',
      rule: 'longest_run',
      periods: ['202402', '202403', '202404'],
      summary: '',
    },
    { kind: 'trend', rule: 'trend', periods: ['202402', '202403', '202404'], summary: '' },
    { kind: 'single_point', rule: 'beyond_limits', periods: ['202402'], summary: '' },
    { kind: 'runs', rule: 'crossings', periods: ['202401', '202404'], summary: '' },
  ],
} as unknown as SpcChartResponse;
const tag = (rule: string) =>
  ({ longest_run: 'Shift', crossings: 'Shift', trend: 'Trend', beyond_limits: 'Beyond' })[rule] ??
  rule;
const palette = { line: 'b', signal: 'r', centre: 'g', limit: 'o', text: 't', split: 's' };

describe('findingTags', () => {
  it('names each finding at its last point, once per name', () => {
    expect([...findingTags(chart, tag)]).toEqual([
      [3, ['Shift', 'Trend']],
      [1, ['Beyond']],
    ]);
  });

  it('writes the tags above those points only, hiding overlaps', () => {
    const option = spcOption(
      chart,
      { periods, centre: 'c', limits: 'l', value: 'v', ruleTag: tag },
      palette,
    );
    const values = (
      option.series as { data: { label?: { formatter: string } }[]; labelLayout?: unknown }[]
    ).at(-1)!;
    expect(values.data.map((d) => d.label?.formatter ?? null)).toEqual([
      null,
      'Beyond',
      null,
      'Shift · Trend',
    ]);
    expect(values.labelLayout).toEqual({ hideOverlap: true });
  });
});
