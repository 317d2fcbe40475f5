/**
 * `computeFunnel` against reference numbers from `__fixtures__/funnel-reference.R` (R 4.2.2, base
 * R written from Spiegelhalter 2005 Stat Med appendix — exact binomial limits with
 * interpolation — Spiegelhalter 2005 QSHC and FunnelPlotR 0.6.0 `transformed_zscore`,
 * `winsorisation`, `phi_func`, `tau_func`, `calculate_limits`; with Sankofa's two documented
 * departures: square-root limits squared back, exact limits kept where wider). The "hand5" case
 * is also worked by hand in overdispersion.test.ts. No published funnel fixture exists for these
 * methods (validation-data README §5); the Poisson limits are checked against a publication in
 * exact-poisson-limit.test.ts.
 */
import { describe, expect, it } from 'vitest';
import reference from './__fixtures__/funnel-reference.json' with { type: 'json' };
import { computeFunnel } from './compute-funnel.ts';
import type { FunnelResult, FunnelType, FunnelUnit } from './types.ts';

const close = (actual: number, expected: number, label: string, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );

const unitsOf = (y: readonly number[], n: readonly number[]): FunnelUnit[] =>
  y.map((value, k) => ({ unit: `U${k + 1}`, y: value, n: n[k] }));

describe('computeFunnel reproduces the R reference', () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const funnel = computeFunnel(unitsOf(c.y, c.n), {
      type: c.type as FunnelType,
      overdispersion: c.overdispersion,
    });
    close(funnel.target, c.theta, `${name} target`, 1e-15);
    close(funnel.overdispersion.phi, c.phi, `${name} φ`);
    close(funnel.overdispersion.tau2, c.tau2, `${name} τ²`);
    close(funnel.overdispersion.statistic, c.statistic, `${name} I·φ`);
    close(funnel.overdispersion.pValue, c.pValue, `${name} p`, 1e-9);
    expect(funnel.overdispersion.applied).toBe(c.applied);
    funnel.units.forEach((unit, k) => {
      const e = c.units[k];
      close(unit.z, e.z, `${name} unit ${k + 1} z`);
      for (const field of ['lower95', 'upper95', 'lower998', 'upper998'] as const) {
        close(unit[field], e[field], `${name} unit ${k + 1} ${field}`, 1e-11);
      }
      expect([unit.outlier, unit.outlier95], `${name} unit ${k + 1}`).toEqual([
        e.outlier,
        e.outlier95,
      ]);
    });
  });
});

describe('computeFunnel', () => {
  const districts = reference.cases.find((c) => c.name === 'districts-proportion')!;
  const rates = reference.cases.find((c) => c.name === 'districts-rate')!;
  const proportions = unitsOf(districts.y, districts.n);

  it('flags outliers with their direction beyond 99.8 % (and 95 %)', () => {
    const funnel = computeFunnel(proportions, { type: 'proportion' });
    const flagged = funnel.units.filter((u) => u.outlier !== null).map((u) => [u.unit, u.outlier]);
    expect(flagged).toEqual([
      ['U3', 'low'],
      ['U9', 'low'],
      ['U11', 'low'],
      ['U12', 'high'],
      ['U13', 'low'],
      ['U14', 'high'],
    ]);
    for (const unit of funnel.units) {
      expect(unit.outlier === null || unit.outlier95 === unit.outlier).toBe(true);
    }
  });

  it('warns that over-dispersion is present when the adjustment is off, and flags none after it', () => {
    const plain = computeFunnel(proportions, { type: 'proportion' });
    expect(plain.overdispersion.significant).toBe(true);
    expect(plain.warnings.map((w) => w.code)).toEqual(['overdispersion_detected']);
    const adjusted = computeFunnel(proportions, { type: 'proportion', overdispersion: true });
    expect(adjusted.warnings).toEqual([]);
    expect(adjusted.units.every((u) => u.outlier === null)).toBe(true);
    expect(adjusted.unadjustedCurve).not.toBeNull();
    expect(plain.unadjustedCurve).toBeNull();
  });

  it('skips the drawing grid with curve: false and gives the same units, limits and flags', () => {
    const drawn = computeFunnel(proportions, { type: 'proportion', overdispersion: true });
    const bare = computeFunnel(proportions, {
      type: 'proportion',
      overdispersion: true,
      curve: false,
    });
    expect(drawn.curve.length).toBeGreaterThan(0);
    expect(bare.curve).toEqual([]);
    expect(bare.unadjustedCurve).toBeNull();
    expect(bare.units).toEqual(drawn.units);
    expect(bare.overdispersion).toEqual(drawn.overdispersion);
  });

  it('multiplies values, target and limits, and reads a given target on that scale', () => {
    const one = computeFunnel(unitsOf(rates.y, rates.n), { type: 'rate' });
    const perThousand = computeFunnel(unitsOf(rates.y, rates.n), { type: 'rate', multiply: 1000 });
    close(perThousand.target, one.target * 1000, 'target', 1e-15);
    perThousand.units.forEach((unit, k) => {
      close(unit.value, one.units[k].value * 1000, 'value', 1e-15);
      close(unit.upper998, one.units[k].upper998 * 1000, 'upper998', 1e-15);
      expect(unit.outlier).toBe(one.units[k].outlier);
    });
    const given = computeFunnel(unitsOf(rates.y, rates.n), {
      type: 'rate',
      multiply: 1000,
      target: 10,
    });
    expect(given.target).toBe(10);
    // θ = 0.01 per person-year, n = 5000: E = 50, qchisq(0.975, 102) / 2 / 5000 × 1000 (R).
    close(given.units[6].upper95, 13.183753332867365, 'upper95 of U7 per 1000');
  });

  it('uses a given target for limits and z-scores', () => {
    const funnel = computeFunnel(
      [
        { unit: 'a', y: 5, n: 20 },
        { unit: 'b', y: 30, n: 200 },
      ],
      { type: 'proportion', target: 0.1 },
    );
    expect(funnel.target).toBe(0.1);
    close(funnel.units[0].upper95, 0.22846760702992447, 'upper95 at n = 20'); // hand-worked
    close(funnel.units[0].z, 2 * 20 ** 0.5 * (Math.asin(0.5) - Math.asin(0.1 ** 0.5)), 'z');
  });

  it('says when the adjustment finds nothing to adjust, and when φ rests on few units', () => {
    const funnel = computeFunnel(
      [
        { unit: 'a', y: 30, n: 100 },
        { unit: 'b', y: 31, n: 100 },
        { unit: 'c', y: 29, n: 100 },
      ],
      { type: 'proportion', overdispersion: true },
    );
    expect(funnel.overdispersion.applied).toBe(false);
    expect(funnel.warnings.map((w) => w.code)).toEqual(['overdispersion_not_applied', 'few_units']);
  });

  it('collapses the limits onto a target of 0 and says so', () => {
    const funnel = computeFunnel(
      [
        { unit: 'a', y: 0, n: 10 },
        { unit: 'b', y: 0, n: 40 },
      ],
      { type: 'rate', overdispersion: true },
    );
    expect(funnel.target).toBe(0);
    expect(funnel.warnings.map((w) => w.code)).toContain('degenerate_target');
    expect(funnel.units.map((u) => [u.lower998, u.outlier])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it('refuses a rate target expecting fewer than 1e-12 events, and keeps θ·τ² steady above it', () => {
    // Found by the property test: θ = 5e-324 made s² = 1/(4E) infinite (infinite limits, a
    // z-score of ∞/∞); a review found τ² a hundred times too small at θ = 1e-200, where the
    // weights' squares underflow. As θ → 0 with the data fixed, τ² grows as 1/θ and θ·τ², the
    // limits and the z-scores settle.
    const units = [
      { unit: 'a', y: 0, n: 1 },
      { unit: 'b', y: 1, n: 300 },
    ];
    const at = (target: number) =>
      computeFunnel(units, { type: 'rate', overdispersion: true, target });
    for (const target of [5e-324, 1e-200, 3e-15]) {
      expect(() => at(target)).toThrow(
        expect.objectContaining({
          issues: [expect.objectContaining({ field: 'target', code: 'out_of_range' })],
        }),
      );
    }
    const [small, smaller] = [at(1e-9), at(1e-14)];
    for (const funnel of [small, smaller]) {
      expect(funnel.overdispersion.applied).toBe(true);
      const numbers = [...funnel.units, ...funnel.curve].flatMap((p) => [
        p.lower998,
        p.lower95,
        p.upper95,
        p.upper998,
      ]);
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
    const kappa = (f: typeof small) => f.overdispersion.tau2 * f.target;
    expect(kappa(smaller)).toBeGreaterThan(0.1);
    expect(kappa(smaller) / kappa(small)).toBeCloseTo(1, 2);
    expect(smaller.units[1].upper998 / small.units[1].upper998).toBeCloseTo(1, 2);
    expect(smaller.units[1].z).toBeCloseTo(small.units[1].z ?? NaN, 2);
  });

  it('draws a curve through every unit’s n with the same limits as the unit', () => {
    const check = (funnel: FunnelResult) => {
      const ns = funnel.curve.map((p) => p.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
      expect(new Set(ns).size).toBe(ns.length);
      for (const unit of funnel.units) {
        const point = funnel.curve.find((p) => p.n === unit.n)!;
        expect([point.lower95, point.upper95, point.lower998, point.upper998]).toEqual([
          unit.lower95,
          unit.upper95,
          unit.lower998,
          unit.upper998,
        ]);
      }
      return ns;
    };
    const ns = check(computeFunnel(proportions, { type: 'proportion', overdispersion: true }));
    expect(ns.every((n) => Number.isInteger(n))).toBe(true);
    expect(ns[0]).toBe(13); // half the smallest n (25), rounded
    check(computeFunnel(unitsOf(rates.y, rates.n), { type: 'rate' }));
  });
});
