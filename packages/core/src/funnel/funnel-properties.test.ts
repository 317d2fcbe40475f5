/**
 * Properties of `computeFunnel` (Spiegelhalter 2005 Stat Med appendix limits; FunnelPlotR 0.6.0
 * over-dispersion), checked with fast-check:
 * - any input gives a funnel with finite numbers, or a ValidationError / InsufficientDataError;
 * - limits nest (99.8 % outside 95 %) and bracket the target; rate limits narrow as n grows;
 *   interpolated binomial limits wobble by less than 2/n between neighbouring n (they are not
 *   monotone: exact-binomial-limit.test.ts shows a rise);
 * - target, φ, τ², limits and outliers do not depend on the order of the units;
 * - a unit exactly at the target is never an outlier;
 * - the over-dispersion adjustment never narrows a limit;
 * - `units: 'outliers'` keeps exactly the full result's outliers, each unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { computeFunnel } from './compute-funnel.ts';
import { limitsAt } from './funnel-limits.ts';
import { funnelScale } from './funnel-scale.ts';
import type { FunnelLimits, FunnelResult, FunnelType, FunnelUnit } from './types.ts';

const RUNS = { numRuns: 60 };

/** Anything: NaN, ±Infinity, negative, huge, tiny, fractional. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ min: 1e-12, max: 1e6, noNaN: true }),
);
const mostly = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyNumber });

/** Names from a pool (so that some repeat, and one is empty), values of every kind. */
const anyUnits = fc.array(
  fc.record({
    unit: fc.oneof({ weight: 9, arbitrary: fc.string({ minLength: 1 }) }, fc.constantFrom('a', '')),
    y: mostly(fc.integer({ min: 0, max: 300 })),
    n: mostly(fc.oneof(fc.integer({ min: 300, max: 5000 }), fc.double({ min: 1, max: 1e6 }))),
  }),
  { maxLength: 10 },
);
const anyOptions = fc.record(
  {
    type: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom<FunnelType>('proportion', 'rate') },
      fc.constant('other' as FunnelType),
    ),
    overdispersion: fc.boolean(),
    target: mostly(fc.double({ min: 0.001, max: 0.999, noNaN: true })),
    trimBy: mostly(fc.constantFrom(0, 0.1, 0.25)),
    multiply: mostly(fc.constantFrom(1, 100, 1000)),
  },
  { requiredKeys: ['type'] },
);

/** Plausible units of `type`: proportions from whole counts, rates over positive exposure. */
function unitsOf(type: FunnelType, min = 2): fc.Arbitrary<FunnelUnit[]> {
  const unit =
    type === 'proportion'
      ? fc
          .integer({ min: 1, max: 3000 })
          .chain((n) => fc.record({ y: fc.integer({ min: 0, max: n }), n: fc.constant(n) }))
      : fc.record({
          y: fc.integer({ min: 0, max: 400 }),
          n: fc.double({ min: 0.5, max: 1e5, noNaN: true }),
        });
  return fc
    .array(unit, { minLength: min, maxLength: 12 })
    .map((rows) => rows.map((row, k) => ({ unit: `u${k}`, ...row })));
}
const funnelOptions = (type: FunnelType) =>
  fc.record({
    type: fc.constant(type),
    overdispersion: fc.boolean(),
    trimBy: fc.constantFrom(0, 0.05, 0.1, 0.2),
    multiply: fc.constantFrom(1, 100, 1000),
  });
const typed = fc.constantFrom<FunnelType>('proportion', 'rate');
const cases = typed.chain((type) => fc.tuple(unitsOf(type), funnelOptions(type)));

const limitsOf = (l: FunnelLimits) => [l.lower998, l.lower95, l.upper95, l.upper998];

function everyNumber(funnel: FunnelResult): number[] {
  const points = [...funnel.units, ...funnel.curve, ...(funnel.unadjustedCurve ?? [])];
  const o = funnel.overdispersion;
  return [funnel.target, o.phi, o.tau2, o.statistic, o.pValue, ...points.flatMap(limitsOf)].concat(
    funnel.units.flatMap((u) => [u.value, u.z]),
  );
}

describe('computeFunnel properties', () => {
  it('returns finite numbers or throws ValidationError / InsufficientDataError', () => {
    fc.assert(
      fc.property(anyUnits, anyOptions, (units, options) => {
        let funnel: FunnelResult;
        try {
          funnel = computeFunnel(units, options);
        } catch (error) {
          expect(
            error instanceof ValidationError || error instanceof InsufficientDataError,
            String(error),
          ).toBe(true);
          return;
        }
        expect(everyNumber(funnel).every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('nests the limits around the target, and rate limits narrow as n grows', () => {
    fc.assert(
      fc.property(cases, ([units, options]) => {
        const funnel = computeFunnel(units, options);
        for (const point of [...funnel.units, ...funnel.curve]) {
          const [l998, l95, u95, u998] = limitsOf(point);
          expect(l998 <= l95 && l95 <= funnel.target && funnel.target <= u95 && u95 <= u998).toBe(
            true,
          );
        }
        if (options.type === 'rate') {
          const slack = 1e-12 * funnel.target;
          funnel.curve.slice(1).forEach((point, k) => {
            const before = funnel.curve[k];
            expect(point.upper998).toBeLessThanOrEqual(before.upper998 + slack);
            expect(point.upper95).toBeLessThanOrEqual(before.upper95 + slack);
            expect(point.lower95).toBeGreaterThanOrEqual(before.lower95 - slack);
            expect(point.lower998).toBeGreaterThanOrEqual(before.lower998 - slack);
          });
        }
      }),
      RUNS,
    );
  });

  it('moves proportion limits by less than 2/n from n to n + 1, with or without τ²', () => {
    const arbitrary = fc.record({
      n: fc.integer({ min: 1, max: 5000 }),
      theta: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
      tau2: fc.option(fc.double({ min: 0, max: 0.05, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(arbitrary, ({ n, theta, tau2 }) => {
        const context = {
          type: 'proportion' as const,
          theta,
          scale: funnelScale('proportion', theta),
          tau2,
        };
        const [here, next] = [limitsAt(n, context), limitsAt(n + 1, context)];
        expect(next.upper95).toBeLessThan(here.upper95 + 2 / n);
        expect(next.upper998).toBeLessThan(here.upper998 + 2 / n);
        expect(next.lower95).toBeGreaterThan(here.lower95 - 2 / n);
        expect(next.lower998).toBeGreaterThan(here.lower998 - 2 / n);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the units', () => {
    const shuffled = cases.chain(([units, options]) =>
      fc.tuple(
        fc.constant(units),
        fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }),
        fc.constant(options),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([units, reordered, options]) => {
        const a = computeFunnel(units, options);
        const b = computeFunnel(reordered, options);
        expect([b.target, b.overdispersion]).toEqual([a.target, a.overdispersion]);
        expect(b.curve).toEqual(a.curve);
        const byName = (f: FunnelResult) =>
          Object.fromEntries(f.units.map(({ row: _row, ...unit }) => [unit.unit, unit]));
        expect(byName(b)).toEqual(byName(a));
      }),
      RUNS,
    );
  });

  it('never flags a unit exactly at the target', () => {
    const withTargetUnit = cases.chain(([units, options]) =>
      fc
        .integer({ min: 2, max: 3000 })
        .chain((n) =>
          fc.record({
            n: fc.constant(n),
            y: fc.integer({ min: 1, max: n - 1 }),
          }),
        )
        .map(({ y, n }) => {
          const special = { unit: 'at-target', y, n };
          const target = (y / n) * options.multiply;
          return [[...units, special], { ...options, target }] as const;
        }),
    );
    fc.assert(
      fc.property(withTargetUnit, ([units, options]) => {
        const funnel = computeFunnel(units, options);
        const unit = funnel.units.find((u) => u.unit === 'at-target')!;
        expect([unit.outlier, unit.outlier95]).toEqual([null, null]);
      }),
      RUNS,
    );
  });

  it('never narrows a limit when the over-dispersion adjustment is turned on', () => {
    fc.assert(
      fc.property(cases, ([units, options]) => {
        const plain = computeFunnel(units, { ...options, overdispersion: false });
        const adjusted = computeFunnel(units, { ...options, overdispersion: true });
        const pairs = [
          ...plain.units.map((u, k) => [u, adjusted.units[k]] as const),
          ...plain.curve.map((p, k) => [p, adjusted.curve[k]] as const),
        ];
        for (const [before, after] of pairs) {
          expect(after.lower95).toBeLessThanOrEqual(before.lower95);
          expect(after.lower998).toBeLessThanOrEqual(before.lower998);
          expect(after.upper95).toBeGreaterThanOrEqual(before.upper95);
          expect(after.upper998).toBeGreaterThanOrEqual(before.upper998);
        }
      }),
      RUNS,
    );
  });

  it("keeps with units: 'outliers' exactly the full result's outliers, each unchanged", () => {
    let kept = 0;
    let dropped = 0;
    fc.assert(
      fc.property(cases, ([units, options]) => {
        const full = computeFunnel(units, options);
        const outliers = computeFunnel(units, { ...options, units: 'outliers' });
        const expected = full.units.filter((u) => u.outlier !== null);
        expect(outliers.units).toEqual(expected);
        expect({ ...outliers, units: [] }).toEqual({ ...full, units: [] });
        kept += expected.length;
        dropped += full.units.length - expected.length;
      }),
      { numRuns: 300 },
    );
    // Both sides were exercised: units kept as outliers and units left out.
    expect(kept).toBeGreaterThan(50);
    expect(dropped).toBeGreaterThan(50);
  });
});
