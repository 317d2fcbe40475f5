/**
 * Reference: Swed FS, Eisenhart C. "Tables for testing randomness of grouping in a sequence of
 * alternatives." Ann Math Stat 1943;14(1):66–87 — the distribution behind the IHI runs table of
 * Perla, Provost & Murray, BMJ Qual Saf 2011;20:46–51, Table 1. The expected rows were computed
 * independently with Python `fractions` (exact) at 2.5% per tail; see runs-table.ts for why the
 * table is derived rather than transcribed.
 */
import { describe, expect, it } from 'vitest';
import { IHI_RUNS_TABLE_MAX, IHI_RUNS_TABLE_MIN, ihiRunsLimits } from './runs-table.ts';
import { runsDistribution, swedEisenhartLimits } from './swed-eisenhart.ts';

/** [n useful, lower, upper] from an independent exact computation. */
const DERIVED_ROWS: readonly (readonly [number, number, number])[] = [
  [10, 3, 9],
  [11, 4, 9],
  [12, 4, 10],
  [13, 4, 11],
  [14, 4, 12],
  [15, 5, 12],
  [16, 5, 13],
  [17, 6, 13],
  [18, 6, 14],
  [19, 6, 15],
  [20, 7, 15],
  [21, 7, 16],
  [22, 8, 16],
  [23, 8, 17],
  [24, 8, 18],
  [25, 9, 18],
  [26, 9, 19],
  [27, 10, 19],
  [28, 10, 20],
  [29, 10, 21],
  [30, 11, 21],
  [31, 11, 22],
  [32, 12, 22],
  [33, 12, 23],
  [34, 12, 24],
  [35, 13, 24],
  [36, 13, 25],
  [37, 14, 25],
  [38, 14, 26],
  [39, 14, 26],
  [40, 15, 27],
  [41, 15, 28],
  [42, 16, 28],
  [43, 16, 29],
  [44, 17, 29],
  [45, 17, 30],
  [46, 17, 31],
  [47, 18, 31],
  [48, 18, 32],
  [49, 19, 32],
  [50, 19, 33],
  [51, 20, 33],
  [52, 20, 34],
  [53, 20, 35],
  [54, 21, 35],
  [55, 21, 36],
  [56, 22, 36],
  [57, 22, 37],
  [58, 23, 37],
  [59, 23, 38],
  [60, 24, 38],
];

describe('IHI runs table', () => {
  it('has one row per n from 10 to 60, equal to the independent computation', () => {
    expect(DERIVED_ROWS).toHaveLength(IHI_RUNS_TABLE_MAX - IHI_RUNS_TABLE_MIN + 1);
    for (const [n, lower, upper] of DERIVED_ROWS) {
      expect(ihiRunsLimits(n), `n = ${n}`).toEqual({ lower, upper });
    }
  });

  it('equals the Swed–Eisenhart critical values at 5% two-sided', () => {
    for (let n = IHI_RUNS_TABLE_MIN; n <= IHI_RUNS_TABLE_MAX; n++) {
      expect(ihiRunsLimits(n), `n = ${n}`).toEqual(swedEisenhartLimits(n, 0.025));
    }
  });

  it('gives the spot values reported from the printed table (10: 3–9, 24: 8–18)', () => {
    expect(ihiRunsLimits(10)).toEqual({ lower: 3, upper: 9 });
    expect(ihiRunsLimits(24)).toEqual({ lower: 8, upper: 18 });
  });

  it('says nothing outside 10…60', () => {
    expect(ihiRunsLimits(9)).toBeNull();
    expect(ihiRunsLimits(61)).toBeNull();
    expect(ihiRunsLimits(0)).toBeNull();
    expect(ihiRunsLimits(20.5)).toBeNull();
  });
});

describe('Swed–Eisenhart runs distribution', () => {
  it('sums to C(n1 + n2, n1)', () => {
    for (const [n1, n2] of [
      [5, 5],
      [6, 7],
      [12, 12],
      [1, 9],
    ] as const) {
      const { counts, total } = runsDistribution(n1, n2);
      expect(counts.reduce((a, b) => a + b, 0n)).toBe(total);
    }
  });

  it('matches hand-counted arrangements of 2 + 2 items', () => {
    // AABB BBAA (2 runs); ABBA BAAB (3 runs); ABAB BABA (4 runs).
    const { counts, total } = runsDistribution(2, 2);
    expect(total).toBe(6n);
    expect(counts.slice(2)).toEqual([2n, 2n, 2n]);
  });

  it('keeps each tail beyond the limits at or under α and the limit itself over it', () => {
    for (const n of [10, 12, 17, 20, 33, 60]) {
      const n1 = Math.floor(n / 2);
      const { counts, total } = runsDistribution(n1, n - n1);
      const { lower, upper } = swedEisenhartLimits(n, 0.025);
      const p = (from: number, to: number): number =>
        Number(counts.slice(from, to + 1).reduce((a, b) => a + b, 0n)) / Number(total);
      expect(p(0, lower - 1)).toBeLessThanOrEqual(0.025);
      expect(p(0, lower)).toBeGreaterThan(0.025);
      expect(p(upper + 1, n)).toBeLessThanOrEqual(0.025);
      expect(p(upper, n)).toBeGreaterThan(0.025);
    }
  });

  it('puts every arrangement of one kind in a single run', () => {
    expect(runsDistribution(4, 0).counts[1]).toBe(1n);
  });
});
