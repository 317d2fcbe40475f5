/**
 * Classic Farrington. Reference: R package surveillance 1.20.3 `algo.farrington` with
 * `algo.farrington.fitGLM.fast` (R/algo_farrington.R) and Farrington et al. (1996), J R Stat Soc A
 * 159:547–563. Edge cases and the package's rules (limit54, trend, reference weeks by row and by
 * date); the real-data comparison is in surveillance-cases.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InsufficientDataError } from '../errors.ts';
import { checkSeries } from './outbreak-series.ts';
import { classicReferenceRows, dayIndex } from './farrington-reference-weeks.ts';
import { detectOutbreaks } from './index.ts';

/** A seasonal monthly-like series (frequency 12) with a little deterministic noise. */
function seasonal(length: number, level = 20): number[] {
  return Array.from({ length }, (_, i) =>
    Math.round(level + 6 * Math.sin((2 * Math.PI * i) / 12) + ((i * 7) % 5) - 2),
  );
}

/** Mondays from 2001-12-31, one a week. */
function mondays(count: number): string[] {
  const start = Date.UTC(2001, 11, 31);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('classic Farrington', () => {
  it('fills in algo.farrington defaults and records them', () => {
    const result = detectOutbreaks(
      { observed: seasonal(80), frequency: 12 },
      { method: 'farrington', range: { first: 70, last: 80 } },
    );
    expect(result.control).toEqual({
      b: 5,
      w: 3,
      reweight: true,
      trend: true,
      alpha: 0.05,
      limit54: [5, 4],
      powertrans: '2/3',
      fitFun: 'algo.farrington.fitGLM.fast',
      referenceWeeksBy: 'row',
      range: [70, 80],
      frequency: 12,
    });
    expect(result.points.every((p) => p.upperbound !== null && p.upperbound > 0)).toBe(true);
  });

  it('flags a spike, whose score is above 1', () => {
    const observed = seasonal(80);
    observed[75] = 80;
    const result = detectOutbreaks(
      { observed, frequency: 12 },
      { method: 'farrington', range: { first: 70, last: 80 }, b: 3 },
    );
    const spike = result.points.find((p) => p.t === 76)!;
    expect(spike.alarm).toBe(true);
    expect(spike.score).toBeGreaterThan(1);
    expect(result.points.filter((p) => p.alarm).map((p) => p.t)).toEqual([76]);
  });

  it('limit54: with fewer than 5 cases in 4 weeks the upperbound is 0 (as the package) and no alarm', () => {
    const observed = [...new Array<number>(60).fill(1), 0, 0, 0, 4];
    const result = detectOutbreaks(
      { observed, frequency: 12 },
      { method: 'farrington', range: { first: 61, last: 64 }, b: 3 },
    );
    expect(result.points.map((p) => p.upperbound)).toEqual([0, 0, 0, 0]);
    expect(result.points.map((p) => p.enoughCases)).toEqual([false, false, false, false]);
    expect(result.points.every((p) => !p.alarm && p.expected !== null)).toBe(true);
    const open = detectOutbreaks(
      { observed, frequency: 12 },
      { method: 'farrington', range: { first: 61, last: 64 }, b: 3, limit54: [0, 4] },
    );
    expect(open.points[3].alarm).toBe(true);
  });

  it('zeros everywhere: runs, no alarm', () => {
    const result = detectOutbreaks(
      { observed: new Array<number>(60).fill(0), frequency: 12 },
      { method: 'farrington', range: { first: 40, last: 60 }, b: 3 },
    );
    expect(result.points.every((p) => p.upperbound === 0 && !p.alarm)).toBe(true);
  });

  it('keeps a significant (decreasing) trend only with b ≥ 3', () => {
    const observed = Array.from({ length: 72 }, (_, i) => 90 - i + ((i * 7) % 3));
    const run = (b: number) =>
      detectOutbreaks(
        { observed, frequency: 12 },
        { method: 'farrington', range: { first: 60, last: 72 }, b, limit54: [0, 4] },
      );
    expect(run(3).points.every((p) => p.trend === 1)).toBe(true);
    expect(run(2).points.every((p) => p.trend === 0)).toBe(true);
    // An increasing trend predicts above every reference count: dropped ("no extrapolation").
    const rising = detectOutbreaks(
      { observed: observed.map((_, i) => 5 + i), frequency: 12 },
      { method: 'farrington', range: { first: 60, last: 72 }, b: 3 },
    );
    expect(rising.points.every((p) => p.trend === 0)).toBe(true);
  });

  it('drops reference weeks before row 1 with a warning, and refuses fewer than 3', () => {
    const observed = seasonal(40);
    const partial = detectOutbreaks(
      { observed, frequency: 12 },
      { method: 'farrington', range: { first: 38, last: 40 }, b: 3, w: 3 },
    );
    expect(partial.warnings.map((w) => w.code)).toEqual(['reference_weeks_missing']);
    try {
      detectOutbreaks(
        { observed, frequency: 12 },
        { method: 'farrington', range: { first: 13, last: 40 }, b: 1, w: 0 },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InsufficientDataError);
      expect(error).toMatchObject({ needed: 12, got: 12 });
    }
  });
});

describe('classic reference weeks', () => {
  it('by row: k − 52·i ± w for i = b … 1', () => {
    const series = checkSeries(
      { observed: new Array<number>(300).fill(1) },
      { first: 300, last: 300 },
    );
    const { rows, missing } = classicReferenceRows(series, 300, 2, 1, null);
    expect(rows).toEqual([195, 196, 197, 247, 248, 249]);
    expect(missing).toBe(0);
  });

  it('by date: i years back, nearest same weekday — 209 weeks for 4 years, not 208', () => {
    const dates = mondays(300);
    const series = checkSeries(
      { observed: new Array<number>(300).fill(1), dates },
      { first: 300, last: 300 },
    );
    const { rows } = classicReferenceRows(series, 300, 4, 0, dayIndex(series.days!));
    // 1 year = 365 or 366 days ≈ 52 weeks; 4 years = 1461 days ≈ 208.7 weeks → 209.
    expect(rows).toEqual([300 - 52, 300 - 104, 300 - 156, 300 - 209]);
    expect(dates[299 - 209]).toBe('2003-09-22');
    expect(dates[299]).toBe('2007-09-24');
  });
});
