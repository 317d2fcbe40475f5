/**
 * Reference: qicharts2 0.8.1 `runs.analysis()` (R/helper.functions.R), as transcribed in
 * research/anchors.md §3.1: sign(y − cl) over included points, zeros and NA dropped, rle.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { analyseRuns } from './anhoej-runs.ts';

const flat = (value: number, length: number) => Array.from({ length }, () => value);

describe('analyseRuns', () => {
  it('counts runs and crossings around the centre line', () => {
    // signs + + − − − + → runs 2, 3, 1
    const result = analyseRuns([3, 4, 1, 0, 1, 5], flat(2, 6));
    expect(result).toEqual({
      nUseful: 6,
      longestRun: 3,
      longestRunMax: 6, // round(log2 6) + 3 = 3 + 3
      crossings: 2,
      crossingsMin: 1, // qbinom(0.05, 5, 0.5)
      runsSignal: false,
    });
  });

  it('drops points on the centre line: they neither break nor extend a run', () => {
    const withTies = analyseRuns([3, 2, 3, 2, 1], flat(2, 5));
    expect(withTies.nUseful).toBe(3);
    expect(withTies.longestRun).toBe(2); // 3 (2) 3 → one run of two, then 1 below
    expect(withTies.crossings).toBe(1);
  });

  it('drops missing values and points without a centre line', () => {
    const result = analyseRuns([3, null, 3, 1, 5], [2, 2, 2, null, 2]);
    expect(result.nUseful).toBe(3);
    expect(result.longestRun).toBe(3);
    expect(result.crossings).toBe(0);
  });

  it('gives no statistics and no signal when no point is useful', () => {
    expect(analyseRuns([2, 2, null], flat(2, 3))).toEqual({
      nUseful: 0,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      runsSignal: false,
    });
    expect(analyseRuns([], []).nUseful).toBe(0);
  });

  it('signals a run longer than round(log2 n) + 3', () => {
    // 12 useful: limit 7; eight in a row above, then alternating.
    const values = [...flat(3, 8), 1, 3, 1, 3];
    const result = analyseRuns(values, flat(2, 12));
    expect(result.longestRun).toBe(8);
    expect(result.longestRunMax).toBe(7);
    expect(result.runsSignal).toBe(true);
  });

  it('signals too few crossings', () => {
    // 12 useful: crossings must be ≥ 3; two runs of six cross once, and 6 ≤ 7.
    const result = analyseRuns([...flat(3, 6), ...flat(1, 6)], flat(2, 12));
    expect(result.longestRun).toBe(6);
    expect(result.crossings).toBe(1);
    expect(result.crossingsMin).toBe(3);
    expect(result.runsSignal).toBe(true);
  });

  it('does not signal at the limits themselves', () => {
    // 12 useful: longest run 7 (= limit) and 3 crossings (= limit).
    const values = [...flat(3, 7), 1, 1, 3, 1, 1];
    const result = analyseRuns(values, flat(2, 12));
    expect([result.longestRun, result.crossings]).toEqual([7, 3]);
    expect(result.runsSignal).toBe(false);
  });

  it('gives the TSDoc example', () => {
    expect(analyseRuns([1, 3, 1, 3], [2, 2, 2, 2])).toEqual({
      nUseful: 4,
      longestRun: 1,
      longestRunMax: 5,
      crossings: 3,
      crossingsMin: 0,
      runsSignal: false,
    });
  });

  it('rejects arrays of different lengths', () => {
    expect(() => analyseRuns([1, 2], [1])).toThrow(ValidationError);
  });
});
