/**
 * EARS C1, C2 and C3. Reference: R package surveillance 1.20.3 `earsC` (R/earsC.R) and
 * Hutwagner et al. (2003), J Urban Health 80:i89–i96 (the CDC definition of C3). Values are
 * checked against closed forms computed by hand; the real-data comparison with the package is in
 * surveillance-cases.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../distributions/normal.ts';
import { InsufficientDataError } from '../errors.ts';
import { detectOutbreaks } from './index.ts';

const Z95 = normalQuantile(0.95);

describe('EARS C1 and C2', () => {
  const baseline = [3, 5, 4, 6, 2, 7, 5];

  it('C1: mean + z·sd of the 7 previous weeks, alarm strictly above', () => {
    const result = detectOutbreaks(
      { observed: [...baseline, 10] },
      { method: 'ears-c1', range: { first: 8, last: 8 }, alpha: 0.05 },
    );
    const [point] = result.points;
    const mean = 32 / 7;
    const sd = Math.sqrt(62 / 21);
    expect(point.expected).toBeCloseTo(mean, 14);
    expect(point.sd).toBeCloseTo(sd, 14);
    expect(point.upperbound).toBeCloseTo(mean + Z95 * sd, 13);
    expect(point.c1Statistic).toBeCloseTo((10 - mean) / sd, 13);
    expect(point.alarm).toBe(true);
    expect(result.control).toMatchObject({ method: 'C1', alpha: 0.05, baseline: 7, minSigma: 0 });
  });

  it('C2 skips the two most recent weeks (lags 9..3)', () => {
    const observed = [...baseline, 100, 100, 4];
    const result = detectOutbreaks(
      { observed },
      { method: 'ears-c2', range: { first: 10, last: 10 } },
    );
    expect(result.points[0].expected).toBeCloseTo(32 / 7, 14);
    expect(result.control.alpha).toBe(0.001);
  });

  it('an all-equal baseline has sd 0: the threshold is the mean and equality is no alarm', () => {
    const observed = [4, 4, 4, 4, 4, 4, 4, 4, 5];
    const result = detectOutbreaks(
      { observed },
      { method: 'ears-c1', range: { first: 8, last: 9 } },
    );
    expect(result.points.map((p) => p.upperbound)).toEqual([4, 4]);
    expect(result.points.map((p) => p.alarm)).toEqual([false, true]);
    expect(result.points.map((p) => p.c1Statistic)).toEqual([null, null]);
  });

  it('minSigma floors the standard deviation', () => {
    const observed = [4, 4, 4, 4, 4, 4, 4, 5];
    const result = detectOutbreaks(
      { observed },
      { method: 'ears-c1', range: { first: 8, last: 8 }, minSigma: 1, alpha: 0.05 },
    );
    expect(result.points[0].upperbound).toBeCloseTo(4 + Z95, 14);
  });

  it('zeros everywhere give threshold 0 and no alarm', () => {
    const result = detectOutbreaks(
      { observed: new Array<number>(30).fill(0) },
      { method: 'ears-c2', range: { first: 10, last: 30 } },
    );
    expect(result.points.every((p) => p.upperbound === 0 && !p.alarm)).toBe(true);
  });

  it.each([
    ['ears-c1', 7],
    ['ears-c2', 9],
    ['ears-c3', 11],
    ['ears-c3-cdc', 11],
  ] as const)('%s needs %i rows of history', (method, needed) => {
    const observed = new Array<number>(20).fill(1);
    const run = (first: number) =>
      detectOutbreaks({ observed }, { method, range: { first, last: 20 } });
    expect(() => run(needed + 1)).not.toThrow();
    try {
      run(needed);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InsufficientDataError);
      expect(error).toMatchObject({ needed, got: needed - 1 });
    }
  });
});

describe('EARS C3: the package and the CDC definition', () => {
  // A quiet baseline with some noise, a jump at row 14 and a return to normal at row 15.
  const observed = [2, 3, 2, 4, 3, 2, 3, 4, 2, 3, 3, 2, 3, 12, 2];
  const range = { first: 12, last: 15 };

  it('C3(t) sums the excesses of C2 over t−2..t; the CDC alarm is C3 ≥ z', () => {
    const result = detectOutbreaks({ observed }, { method: 'ears-c3-cdc', range, alpha: 0.05 });
    const c2 = result.points.map((p) => p.c2Statistic as number);
    const excess = c2.map((c) => Math.max(0, c - 1));
    // Row 15 carries the excess of row 14 (C2 of row 14 is large) although its own count is low.
    expect(result.points[3].c3Statistic).toBeCloseTo(excess[1] + excess[2] + excess[3], 12);
    expect(result.points.map((p) => p.alarm)).toEqual([false, false, true, true]);
    // Once the earlier weeks reach z, any count signals: the threshold is 0.
    expect(result.points[3].upperbound).toBe(0);
  });

  it('the package bounds y(t) + S2(t)·(z − lags): it misses the jump and signals a week late', () => {
    const result = detectOutbreaks({ observed }, { method: 'ears-c3', range, alpha: 0.05 });
    expect(result.points.map((p) => p.alarm)).toEqual([false, false, false, true]);
    // Row 14's own jump is ignored by the package's formula: upperbound = y + S2·z ≥ y.
    const p14 = result.points[2];
    expect(p14.upperbound).toBeCloseTo(12 + (p14.sd as number) * Z95, 12);
    expect(result.points[3].upperbound).toBe(0);
  });

  it('zeros everywhere: C2 is 0/0, the package gives no threshold, the CDC no excess', () => {
    const zeros = new Array<number>(20).fill(0);
    const packageC3 = detectOutbreaks(
      { observed: zeros },
      { method: 'ears-c3', range: { first: 12, last: 20 } },
    );
    expect(packageC3.points.every((p) => p.upperbound === null && !p.alarm)).toBe(true);
    expect(packageC3.warnings.map((w) => w.code)).toEqual(['zero_baseline_sd']);
    const cdc = detectOutbreaks(
      { observed: zeros },
      { method: 'ears-c3-cdc', range: { first: 12, last: 20 } },
    );
    expect(cdc.points.every((p) => p.upperbound === 0 && p.c3Statistic === 0 && !p.alarm)).toBe(
      true,
    );
    expect(cdc.control).toMatchObject({ method: 'C3', definition: 'cdc', alpha: 0.025 });
  });
});
