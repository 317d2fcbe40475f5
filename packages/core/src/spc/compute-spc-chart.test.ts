/**
 * Reference: R qicharts2 0.8.1 `qic()` semantics read from its source (R/helper.functions.R:
 * `qic.i`, `qic.mr`, `qic.p`, `qic.g`, `qic.t`, `qic.agg`, `runs.analysis`), on small hand-made
 * series whose answers are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeSpcChart } from './compute-spc-chart.ts';
import type { SpcChart, SpcInput } from './types.ts';

const series = (y: readonly (number | null)[], n?: readonly (number | null)[]): SpcInput => ({
  x: y.map((_value, k) => k + 1),
  y,
  ...(n === undefined ? {} : { n }),
});
const codes = (chart: SpcChart) => chart.warnings.map((warning) => warning.code);
const sigmaOf = (chart: SpcChart, row = 1) =>
  (chart.points[row - 1].ucl! - chart.points[row - 1].cl!) / 3;

describe('flat series and points on the centre line', () => {
  const flat = series(Array.from({ length: 12 }, () => 5));

  it('I chart, screened (qicharts2 attached): every MR is 0, none passes mr < 0, so no limits', () => {
    const chart = computeSpcChart(flat, { chart: 'i' });
    expect(chart.points[0]).toMatchObject({
      cl: 5,
      lcl: null,
      ucl: null,
      lcl95: null,
      ucl95: null,
    });
    expect(codes(chart)).toEqual(['too_few_points', 'limits_not_computable']);
  });

  it('I chart, unscreened: sigma 0, limits equal the centre line, and y on a limit is no signal', () => {
    const chart = computeSpcChart(flat, { chart: 'i', screenMovingRanges: false });
    expect(chart.points[0]).toMatchObject({ cl: 5, lcl: 5, ucl: 5, sigmaSignal: false });
  });

  it('run chart: every point on the median, so nothing is useful and nothing signals', () => {
    const [part] = computeSpcChart(flat, { chart: 'run' }).parts;
    expect(part).toMatchObject({
      nObs: 12,
      nUseful: 0,
      longestRun: null,
      crossings: null,
      runsSignal: false,
    });
  });
});

describe('I chart moving ranges', () => {
  const y = [10, 12, 11, 13, 60, 12, 11, 10, 12, 13, 11, 12];

  it('closes the gap over an excluded baseline point, which keeps its y and the limits', () => {
    const excluded = computeSpcChart(series(y), { chart: 'i', exclude: [5] });
    const removed = computeSpcChart(series(y.filter((_value, k) => k !== 4)), { chart: 'i' });
    // MRs 2,1,2,1,1,1,2,1,2,1 → 1.4 (60 skipped, 13 → 12 taken as neighbours).
    expect(sigmaOf(excluded)).toBeCloseTo(1.4 / 1.128, 12);
    expect(excluded.points[0].cl).toBeCloseTo(removed.points[0].cl!, 12);
    expect(excluded.points[4]).toMatchObject({
      y: 60,
      include: false,
      baseline: true,
      sigmaSignal: true,
    });
    expect(excluded.points[4].ucl).toBe(excluded.points[0].ucl);
    expect(excluded.parts[0]).toMatchObject({ nObs: 11, sigmaSignals: 1 });
  });

  it('does not close the gap over a missing value: both neighbouring ranges are missing', () => {
    const missing = computeSpcChart(series(y.map((value, k) => (k === 4 ? null : value))), {
      chart: 'i',
    });
    // MRs 2,1,2,NA,NA,1,1,2,1,2,1 → 13/9.
    expect(sigmaOf(missing)).toBeCloseTo(13 / 9 / 1.128, 12);
    expect(missing.points[4]).toMatchObject({ y: null, include: true, sigmaSignal: false });
    // qicharts2 0.8.1 keeps a missing subgroup's limits when they are finite.
    expect(missing.points[4].ucl).toBe(missing.points[0].ucl);
    expect(missing.parts[0]).toMatchObject({ nObs: 12, nUseful: 11 });
  });

  it('screens once with a strict < 3.267·AMR and does not iterate', () => {
    // MRs: ten 1s, then 5, then 100. AMR 115/12 → limit 31.3 drops 100 → AMR 15/11.
    // Iterating would drop 5 too (limit 4.46); qicharts2 does not.
    const y2 = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 5, -95];
    expect(sigmaOf(computeSpcChart(series(y2), { chart: 'i' }))).toBeCloseTo(15 / 11 / 1.128, 12);
    const unscreened = computeSpcChart(series(y2), { chart: 'i', screenMovingRanges: false });
    expect(sigmaOf(unscreened)).toBeCloseTo(115 / 12 / 1.128, 12);
  });

  it('is not order-invariant: the same values in another order give other limits', () => {
    const sorted = [...y].sort((a, b) => a - b);
    const a = computeSpcChart(series(y), { chart: 'i', screenMovingRanges: false });
    const b = computeSpcChart(series(sorted), { chart: 'i', screenMovingRanges: false });
    expect(a.points[0].cl).toBeCloseTo(b.points[0].cl!, 12);
    expect(sigmaOf(a)).not.toBeCloseTo(sigmaOf(b), 3);
  });
});

describe('MR chart', () => {
  it('takes ranges over every row; an excluded row only drops its own range from the mean', () => {
    // MR = NA, 2, 1, 8, 6, 1; row 4 excluded → CL = mean(2, 1, 6, 1) = 2.5.
    const chart = computeSpcChart(series([1, 3, 2, 10, 4, 5]), { chart: 'mr', exclude: [4] });
    expect(chart.points.map((point) => point.y)).toEqual([null, 2, 1, 8, 6, 1]);
    expect(chart.points[0]).toMatchObject({ cl: 2.5, lcl: 0, lcl95: 0 });
    expect(chart.points[0].ucl).toBeCloseTo(3.267 * 2.5, 12);
    expect(chart.points[0].ucl95).toBeCloseTo((3.267 / 3) * 2 * 2.5, 12);
  });

  it('reports the runs statistics but never a runs signal', () => {
    // Ten ranges of 10, then ten of 1: a run of 10 above the mean, limit 7.
    const y = [
      ...Array.from({ length: 11 }, (_, k) => 10 * k),
      ...Array.from({ length: 10 }, (_, k) => 101 + k),
    ];
    const chart = computeSpcChart(series(y), { chart: 'mr' });
    const [part] = chart.parts;
    expect(part.longestRun!).toBeGreaterThan(part.longestRunMax!);
    expect(part.runsSignal).toBe(false);
    expect(chart.points.some((point) => point.runsSignal)).toBe(false);
  });
});

describe('denominators', () => {
  it('treats n = 0 as missing (y/n undefined), with a warning, and keeps it out of Σy/Σn', () => {
    const chart = computeSpcChart(series([1, 2, 3, 5], [10, 10, 0, 10]), { chart: 'p' });
    expect(chart.points[2]).toMatchObject({ y: null, n: 0, lcl: null, ucl: null });
    expect(chart.points[0].cl).toBeCloseTo(8 / 30, 15);
    expect(codes(chart)).toContain('denominator_zero');
  });

  it('treats a row missing y or n as missing altogether (qic() complete.cases)', () => {
    const chart = computeSpcChart(series([1, null, 3, 4], [10, 10, 10, null]), { chart: 'u' });
    expect(chart.points[0].cl).toBeCloseTo(4 / 20, 15);
    expect(chart.points[1]).toMatchObject({ y: null, lcl: null, ucl: null });
    expect(chart.points[3]).toMatchObject({ y: null, lcl: null, ucl: null });
    expect(codes(chart)).toContain('denominator_missing');
  });

  it('clamps P limits to [0, 1]', () => {
    // p̄ = 0.25, σ = √(0.25·0.75/2) ≈ 0.306: 3σ limits −0.67 and 1.17, 2σ 0.86.
    const chart = computeSpcChart(series([0, 1, 0, 1], [2, 2, 2, 2]), { chart: 'p' });
    expect(chart.points[0]).toMatchObject({ cl: 0.25, lcl: 0, ucl: 1, lcl95: 0 });
    expect(chart.points[0].ucl95).toBeCloseTo(0.25 + 2 * Math.sqrt(0.1875 / 2), 14);
  });

  it('plots y/n on run and I charts given n, and the count on C charts', () => {
    const input = series([2, 4, 6], [4, 8, 10]);
    expect(computeSpcChart(input, { chart: 'i' }).points.map((point) => point.y)).toEqual([
      0.5, 0.5, 0.6,
    ]);
    expect(computeSpcChart(input, { chart: 'c' }).points.map((point) => point.y)).toEqual([
      2, 4, 6,
    ]);
  });
});

describe('multiply, freeze and part', () => {
  const y = [3, 5, 4, 6, 2, 7, 5, 4, 6, 5, 3, 8];
  const n = y.map(() => 1000);

  it('multiply scales y, centre line and limits, not the runs analysis', () => {
    const one = computeSpcChart(series(y, n), { chart: 'u' });
    const many = computeSpcChart(series(y, n), { chart: 'u', multiply: 1000 });
    many.points.forEach((point, k) => {
      for (const key of ['y', 'cl', 'lcl', 'ucl', 'lcl95', 'ucl95'] as const) {
        expect(point[key]).toBeCloseTo(one.points[k][key]! * 1000, 9);
      }
    });
    expect(many.parts).toEqual(one.parts);
    expect(many.multiply).toBe(1000);
  });

  it('freeze: lines from rows 1..freeze, runs analysis over every row', () => {
    const chart = computeSpcChart(series(y), { chart: 'run', freeze: 4 });
    expect(chart.points[0].cl).toBe(4.5); // median of 3, 5, 4, 6
    expect(chart.points.map((point) => point.baseline)).toEqual(y.map((_value, k) => k < 4));
    expect(chart.parts[0].nObs).toBe(12);
  });

  it('part: each part its own centre line, limits and runs analysis', () => {
    const chart = computeSpcChart(series(y), { chart: 'c', part: [4] });
    expect(chart.points[0].cl).toBe(4.5);
    expect(chart.points[4].cl).toBe(5);
    expect(chart.parts.map((part) => [part.part, part.firstIndex, part.nObs])).toEqual([
      [1, 1, 4],
      [2, 5, 8],
    ]);
    expect(codes(chart)).toContain('too_few_points');
  });
});

describe('G and T charts', () => {
  it('G: centre line is the median; limits come from the mean, lower ones floored at 0', () => {
    // mean 4, median 2.5, σ = √(4·5).
    const chart = computeSpcChart(series([1, 2, 3, 10]), { chart: 'g' });
    expect(chart.points[0]).toMatchObject({ cl: 2.5, lcl: 0, lcl95: 0 });
    expect(chart.points[0].ucl).toBeCloseTo(4 + 3 * Math.sqrt(20), 12);
    expect(chart.points[0].ucl95).toBeCloseTo(4 + 2 * Math.sqrt(20), 12);
  });

  it('T: I chart on y^(1/3.6), back-transformed; a negative lower limit becomes 0 (3σ) or missing (2σ)', () => {
    const y = [1, 100, 2, 150, 1, 200, 3, 120, 1, 90];
    const chart = computeSpcChart(series(y), { chart: 't', screenMovingRanges: false });
    const root = y.map((value) => value ** (1 / 3.6));
    const mean = root.reduce((a, b) => a + b) / root.length;
    const amr = root.slice(1).reduce((total, value, k) => total + Math.abs(value - root[k]), 0) / 9;
    expect(chart.points[0].cl).toBeCloseTo(mean ** 3.6, 10);
    expect(chart.points[0].ucl).toBeCloseTo((mean + (3 * amr) / 1.128) ** 3.6, 9);
    expect(mean - (2 * amr) / 1.128).toBeLessThan(0);
    expect(chart.points[0]).toMatchObject({ lcl: 0, lcl95: null });
    chart.points.forEach((point, k) => expect(point.y).toBeCloseTo(y[k], 10));
  });
});
