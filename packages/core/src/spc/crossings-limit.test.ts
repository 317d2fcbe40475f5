/**
 * Reference: R `qbinom(0.05, n - 1, 0.5)` as qicharts2 0.8.1 `runs.analysis()` calls it, and
 * `round(log2(n)) + 3`; the critical-value table is research/anchors.md §3.1 (computed with R's
 * qbinom definition; it matches the published Anhøj table at n = 10, 24 and 100).
 */
import { describe, expect, it } from 'vitest';
import { longestRunLimit } from './anhoej-runs.ts';
import { binomialHalfQuantile, crossingsLimit } from './crossings-limit.ts';

/** n useful → [longest run max, crossings min], from research/anchors.md §3.1. */
const ANHOEJ_TABLE: Record<number, [number, number]> = {
  10: [6, 2],
  11: [6, 2],
  12: [7, 3],
  13: [7, 3],
  14: [7, 4],
  15: [7, 4],
  16: [7, 4],
  17: [7, 5],
  18: [7, 5],
  19: [7, 6],
  20: [7, 6],
  21: [7, 6],
  22: [7, 7],
  23: [8, 7],
  24: [8, 8],
  25: [8, 8],
  26: [8, 8],
  27: [8, 9],
  28: [8, 9],
  29: [8, 10],
  30: [8, 10],
  31: [8, 11],
  32: [8, 11],
  33: [8, 11],
  34: [8, 12],
  35: [8, 12],
  36: [8, 13],
  38: [8, 14],
  40: [8, 14],
  42: [8, 15],
  44: [8, 16],
  45: [8, 17],
  46: [9, 17],
  48: [9, 18],
  50: [9, 19],
  55: [9, 21],
  60: [9, 23],
  72: [9, 29],
  84: [9, 34],
  96: [10, 39],
  100: [10, 41],
};

/** The smallest c with 20·Σ_{k≤c} C(m, k) ≥ 2^m, in exact integer arithmetic. */
function exactQuantile05(m: number): number {
  const total = 1n << BigInt(m);
  let term = 1n;
  let sum = 0n;
  for (let k = 0; k <= m; k++) {
    sum += term;
    if (20n * sum >= total) {
      return k;
    }
    term = (term * BigInt(m - k)) / BigInt(k + 1);
  }
  return m;
}

describe('Anhøj critical values', () => {
  it.each(Object.entries(ANHOEJ_TABLE))('n useful %s → longest run > %j', (n, [run, crossings]) => {
    expect(longestRunLimit(Number(n))).toBe(run);
    expect(crossingsLimit(Number(n))).toBe(crossings);
  });

  it('uses max(n − 1, 0) trials, so one or no useful point gives 0', () => {
    expect(crossingsLimit(0)).toBe(0);
    expect(crossingsLimit(1)).toBe(0);
  });
});

describe('binomialHalfQuantile (R qbinom(p, m, 0.5))', () => {
  it('agrees with exact integer arithmetic for every m up to 2000', () => {
    for (let m = 0; m <= 2000; m++) {
      expect(binomialHalfQuantile(0.05, m), `m = ${m}`).toBe(exactQuantile05(m));
    }
  });

  it('stays sensible for m far beyond any chart (no underflow)', () => {
    // Normal approximation: m/2 − 1.645·√m/2 ≈ 49 740 for m = 100 000.
    expect(Math.abs(binomialHalfQuantile(0.05, 100_000) - 49_740)).toBeLessThanOrEqual(1);
  });

  it('gives R values at other probabilities', () => {
    expect(binomialHalfQuantile(0.5, 10)).toBe(5); // qbinom(0.5, 10, 0.5)
    expect(binomialHalfQuantile(0.001, 10)).toBe(1); // P(X = 0) = 1/1024 < 0.001 ≤ P(X ≤ 1)
    expect(binomialHalfQuantile(0.999, 10)).toBe(9); // P(X ≤ 9) = 1023/1024
  });

  it('rejects impossible arguments', () => {
    expect(() => binomialHalfQuantile(0, 10)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(1, 10)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(0.05, -1)).toThrow(RangeError);
    expect(() => binomialHalfQuantile(0.05, 2.5)).toThrow(RangeError);
  });
});
