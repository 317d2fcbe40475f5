/**
 * Improved Farrington. Reference: R package surveillance 1.20.3 `farringtonFlexible`
 * (R/farringtonFlexible.R) and Noufaily et al. (2013), Stat Med 32:1206–1222. The seasonal blocks
 * are checked against the package's `blocks()` worked by hand; thresholds and rules on small
 * series. The real-data comparison is in surveillance-cases.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { seasonalBlocks } from './farrington-flexible-blocks.ts';
import { detectOutbreaks, type OutbreakOptions } from './index.ts';

function seasonal(length: number, level = 20): number[] {
  return Array.from({ length }, (_, i) =>
    Math.round(level + 6 * Math.sin((2 * Math.PI * i) / 12) + ((i * 7) % 5) - 2),
  );
}

const runs = (rows: (number | null)[]) => {
  const out: [number, number, number | null][] = [];
  rows.forEach((level, i) => {
    const last = out[out.length - 1];
    if (last !== undefined && last[2] === level && last[1] === i) {
      last[1] = i + 1;
    } else {
      out.push([i + 1, i + 1, level]);
    }
  });
  return out;
};

describe('seasonal blocks (surveillance blocks())', () => {
  it('noPeriods 1 marks only the windows', () => {
    const levels = seasonalBlocks(170, [160, 108, 56], 3, 1);
    expect(runs(levels)).toEqual([
      [1, 52, null],
      [53, 59, 1],
      [60, 104, null],
      [105, 111, 1],
      [112, 156, null],
      [157, 160, 1],
      [161, 170, null],
    ]);
  });

  it('noPeriods 10 splits the 45 weeks between windows into 9 blocks of 5', () => {
    const levels = seasonalBlocks(160, [160, 108, 56], 3, 10);
    const between = runs(levels.slice(111, 156));
    expect(between.map(([from, to, level]) => [from + 111, to + 111, level])).toEqual(
      Array.from({ length: 9 }, (_, j) => [112 + 5 * j, 116 + 5 * j, j + 1]),
    );
    expect(levels.slice(156, 160)).toEqual([10, 10, 10, 10]);
    expect(levels.slice(52, 59)).toEqual(new Array<number>(7).fill(10));
  });

  it('noPeriods 7 gives the remainder of 45 / 6 to the first blocks (8, 8, 8, 7, 7, 7)', () => {
    const levels = seasonalBlocks(160, [160, 108, 56], 3, 7);
    const lengths = [1, 2, 3, 4, 5, 6].map(
      (j) => levels.slice(111, 156).filter((l) => l === j).length,
    );
    expect(lengths).toEqual([8, 8, 8, 7, 7, 7]);
  });

  it("keeps R's a:b counting down for empty blocks, which relabels a window week", () => {
    // frequency 12, w = 1, noPeriods 12: 9 weeks for 11 blocks → nine of length 1, two of length 0.
    const levels = seasonalBlocks(30, [30, 18, 6], 1, 12);
    expect(levels.slice(19, 30)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11, 11, 12]);
    expect(levels.slice(15, 19)).toEqual([11, 11, 12, 12]);
  });
});

describe('farringtonFlexible', () => {
  const base: OutbreakOptions = {
    method: 'farrington-flexible',
    range: { first: 50, last: 60 },
    b: 3,
  };

  it('fills in its own defaults (not algo.farrington’s) and records them', () => {
    const result = detectOutbreaks(
      { observed: seasonal(80), frequency: 12 },
      { method: 'farrington-flexible', range: { first: 70, last: 80 } },
    );
    expect(result.control).toEqual({
      b: 5,
      w: 3,
      reweight: true,
      trend: true,
      alpha: 0.05,
      limit54: [5, 4],
      powertrans: '2/3',
      weightsThreshold: 2.58,
      pThresholdTrend: 0.05,
      noPeriods: 1,
      pastWeeksNotIncluded: 3,
      thresholdMethod: 'delta',
      fitFun: 'algo.farrington.fitGLM.flexible',
      populationOffset: false,
      referenceWeeksBy: 'row',
      range: [70, 80],
      frequency: 12,
    });
    const w2 = detectOutbreaks({ observed: seasonal(80), frequency: 12 }, { ...base, w: 2 });
    expect(w2.control.pastWeeksNotIncluded).toBe(2);
  });

  it('flags a spike but never a zero count', () => {
    const observed = seasonal(60);
    observed[54] = 90;
    const result = detectOutbreaks({ observed, frequency: 12 }, base);
    expect(result.points.filter((p) => p.alarm).map((p) => p.t)).toEqual([55]);
    const spike = result.points.find((p) => p.t === 55)!;
    expect(spike.score).toBeGreaterThan(1);
    expect(spike.pvalue).toBeLessThan(0.05);
  });

  it('limit54: upperbound and expected null, score still reported, no alarm', () => {
    const observed = [...seasonal(56, 2).map((v) => Math.max(0, v - 6)), 0, 0, 0, 4];
    const result = detectOutbreaks(
      { observed, frequency: 12 },
      { ...base, range: { first: 57, last: 60 } },
    );
    for (const p of result.points) {
      expect([p.upperbound, p.expected, p.alarm]).toEqual([null, null, false]);
      expect(p.score).not.toBeNull();
    }
  });

  it('nbPlugin thresholds are whole numbers; muan ones are at least as high', () => {
    const observed = seasonal(60);
    const nb = detectOutbreaks(
      { observed, frequency: 12 },
      { ...base, thresholdMethod: 'nbPlugin' },
    );
    const muan = detectOutbreaks({ observed, frequency: 12 }, { ...base, thresholdMethod: 'muan' });
    nb.points.forEach((p, i) => {
      expect(Number.isInteger(p.upperbound)).toBe(true);
      expect(muan.points[i].upperbound as number).toBeGreaterThanOrEqual(p.upperbound as number);
      expect(p.expected).toBeCloseTo(p.mu0Vector as number, 12);
    });
  });

  it('zeros everywhere: runs without an alarm', () => {
    const result = detectOutbreaks(
      { observed: new Array<number>(60).fill(0), frequency: 12 },
      base,
    );
    expect(result.points.every((p) => !p.alarm && p.upperbound === null)).toBe(true);
  });

  it('needs b years of history plus the window', () => {
    try {
      detectOutbreaks(
        { observed: seasonal(60), frequency: 12 },
        { ...base, range: { first: 38, last: 60 } },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InsufficientDataError);
      expect(error).toMatchObject({ needed: 38, got: 37 });
    }
    expect(() =>
      detectOutbreaks(
        { observed: seasonal(60), frequency: 12 },
        { ...base, range: { first: 39, last: 60 } },
      ),
    ).not.toThrow();
  });

  it('refuses more periods than weeks between windows, as R does', () => {
    expect(() =>
      detectOutbreaks({ observed: seasonal(60), frequency: 12 }, { ...base, w: 1, noPeriods: 13 }),
    ).toThrow(ValidationError);
  });
});
