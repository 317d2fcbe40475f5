/**
 * Properties of `detectOutbreaks` over arbitrary count series and valid options (fast-check):
 * it fails only with the typed input errors, its output has the promised shape, and no
 * threshold looks into the future. The methods follow R package surveillance 1.20.3 (`earsC`,
 * `algo.cusum`, `algo.farrington`, `farringtonFlexible`); these properties hold for the package's
 * definitions as well.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import {
  detectOutbreaks,
  OUTBREAK_METHODS,
  type OutbreakOptions,
  type OutbreakResult,
  type OutbreakSeries,
} from './index.ts';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const controlArb = fc.record({
  alpha: optional(fc.double({ min: 0.0005, max: 0.5, noNaN: true })),
  baseline: optional(fc.integer({ min: 3, max: 9 })),
  minSigma: optional(fc.double({ min: 0, max: 2, noNaN: true })),
  k: optional(fc.double({ min: 0, max: 3, noNaN: true })),
  h: optional(fc.double({ min: 0.1, max: 5, noNaN: true })),
  m: optional(fc.double({ min: 0.2, max: 20, noNaN: true })),
  b: optional(fc.integer({ min: 1, max: 3 })),
  w: optional(fc.integer({ min: 0, max: 3 })),
  reweight: optional(fc.boolean()),
  trend: optional(fc.boolean()),
  weightsThreshold: optional(fc.double({ min: 0.5, max: 3, noNaN: true })),
  pThresholdTrend: optional(fc.double({ min: 0, max: 1, noNaN: true })),
  noPeriods: optional(fc.integer({ min: 1, max: 5 })),
  pastWeeksNotIncluded: optional(fc.integer({ min: 0, max: 6 })),
  thresholdMethod: optional(
    fc.constantFrom('delta' as const, 'nbPlugin' as const, 'muan' as const),
  ),
  limit54: optional(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 5 }))),
  powertrans: optional(fc.constantFrom('2/3' as const, '1/2' as const, 'none' as const)),
});

/** Mondays from 2015-01-05. */
const mondays = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2015, 0, 5 + 7 * i)).toISOString().slice(0, 10),
  );

interface Scenario {
  readonly series: OutbreakSeries;
  readonly options: OutbreakOptions;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    method: fc.constantFrom(...OUTBREAK_METHODS),
    // Short years keep the Farrington fits small; dated series are weekly (52).
    calendar: fc.oneof(
      fc.record({ frequency: fc.integer({ min: 4, max: 13 }), dated: fc.constant(false) }),
      fc.constant({ frequency: 52, dated: true }),
    ),
    counts: fc.array(fc.nat(40), { minLength: 1, maxLength: 60 }),
    length: fc.integer({ min: 1, max: 120 }),
    scale: fc.constantFrom(0, 1, 3),
    control: controlArb,
    // Rows after the range: mostly few, so that most ranges have enough history.
    after: fc.integer({ min: 0, max: 30 }),
    span: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ method, calendar, counts, length: size, scale, control, after, span }) => {
    // Dated series need years of history.
    const length = calendar.dated ? 200 + size : size;
    const observed = Array.from({ length }, (_, i) => counts[i % counts.length] * scale);
    const last = Math.max(1, length - after);
    const first = Math.max(1, last - span);
    const series: OutbreakSeries = calendar.dated
      ? { observed, dates: mondays(length), frequency: 52 }
      : { observed, frequency: calendar.frequency };
    return { series, options: { ...control, method, range: { first, last } } };
  });

function attempt(scenario: Scenario): OutbreakResult | null {
  try {
    return detectOutbreaks(scenario.series, scenario.options);
  } catch (error) {
    if (error instanceof ValidationError || error instanceof InsufficientDataError) {
      return null;
    }
    throw error;
  }
}

describe('detectOutbreaks properties', () => {
  it('throws only ValidationError or InsufficientDataError, and returns well-formed points', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = attempt(scenario);
        if (result === null) {
          return;
        }
        const { first, last } = scenario.options.range;
        expect(result.points.map((p) => p.t)).toEqual(
          Array.from({ length: last - first + 1 }, (_, i) => first + i),
        );
        for (const p of result.points) {
          expect(p.observed).toBe(scenario.series.observed[p.t - 1]);
          expect(typeof p.alarm).toBe('boolean');
          for (const value of [p.upperbound, p.expected]) {
            expect(value === null || (Number.isFinite(value) && value >= 0)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('thresholds do not depend on later counts', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.nat(500), { minLength: 1 }),
        (scenario, cut, noise) => {
          const before = attempt(scenario);
          fc.pre(before !== null);
          const { first, last } = scenario.options.range;
          const t = first + Math.floor(cut * (last - first + 1));
          const observed = scenario.series.observed.map((v, i) =>
            i + 1 > t ? noise[i % noise.length] : v,
          );
          const after = detectOutbreaks({ ...scenario.series, observed }, scenario.options);
          const upTo = (r: OutbreakResult) =>
            r.points.filter((p) => p.t <= t).map((p) => [p.upperbound, p.expected, p.alarm]);
          expect(upTo(after)).toEqual(upTo(before));
        },
      ),
      { numRuns: 200 },
    );
  });
});
