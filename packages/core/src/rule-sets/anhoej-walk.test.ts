/**
 * The Anhøj preset reads a series in one walk over its arrays. Its findings must be those of the
 * building blocks the other presets share — `prepareSeries`, `findSideRuns(…, 'ignore')`,
 * `usefulPoints`, `findPointsBeyondLimits` — put together as qicharts2's rules say, on any series:
 * values of every kind (non-finite, null, on the centre line), missing lines, excluded points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANHOEJ_DEFAULTS, ANHOEJ_FAMILY, anhoejCriticalValues } from './anhoej-preset.ts';
import { findPointsBeyondLimits } from './limits-rule.ts';
import { prepareSeries } from './prepared-series.ts';
import { assembleResult } from './rule-set-result.ts';
import type { RuleFinding, RuleSeries, RuleSetResult } from './rule-set-types.ts';
import { findSideRuns, usefulPoints } from './side-runs.ts';

const META = { id: 'anhoej-walk', version: '1', name: 'walk', source: 'test' };

/** The Anhøj rules from the shared building blocks. */
function fromBuildingBlocks(
  series: RuleSeries,
  params: { longestRunOffset: number; crossingsQuantile: number; flagExcluded: boolean },
): RuleSetResult {
  const prepared = prepareSeries(series);
  const runs = findSideRuns(prepared, 'ignore');
  const useful = usefulPoints(runs);
  const findings: RuleFinding[] = [];
  if (useful.length > 0) {
    const { longestRunMax, crossingsMin } = anhoejCriticalValues(useful.length, params);
    for (const run of runs) {
      if (run.points.length > longestRunMax) {
        findings.push({
          rule: 'longest_run',
          points: run.points,
          direction: run.side === 1 ? 'up' : 'down',
          message: {
            code: 'run_too_long',
            values: { length: run.points.length, longestRunMax, nUseful: useful.length },
          },
        });
      }
    }
    const crossings = Math.max(runs.length - 1, 0);
    if (crossings < crossingsMin) {
      findings.push({
        rule: 'crossings',
        points: useful,
        direction: null,
        message: {
          code: 'too_few_crossings',
          values: { crossings, crossingsMin, nUseful: useful.length },
        },
      });
    }
  }
  findings.push(...findPointsBeyondLimits(prepared, { flagExcluded: params.flagExcluded }));
  return assembleResult(META, prepared.n, findings, []);
}

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const seriesArb: fc.Arbitrary<RuleSeries> = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => {
    const column = fc.array(value, { minLength: n, maxLength: n });
    return fc.record({
      y: column,
      cl: fc.oneof(fc.constant(Array<number | null>(n).fill(0)), column),
      ucl: fc.oneof(fc.constant(Array<number | null>(n).fill(null)), column),
      lcl: fc.oneof(fc.constant(Array<number | null>(n).fill(null)), column),
      include: fc.option(fc.array(fc.boolean(), { minLength: n, maxLength: n }), {
        nil: undefined,
      }),
    });
  })
  .map(({ include, ...rest }) => ({ ...rest, ...(include === undefined ? {} : { include }) }));

describe('the Anhøj walk', () => {
  it('finds what the shared building blocks find, on any series and parameters', () => {
    fc.assert(
      fc.property(
        seriesArb,
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(0.05, 0.01, 0.2),
        fc.boolean(),
        (series, longestRunOffset, crossingsQuantile, flagExcluded) => {
          const preset = ANHOEJ_FAMILY.create(META, {
            ...ANHOEJ_DEFAULTS,
            longestRunOffset,
            crossingsQuantile,
            flagExcludedBeyondLimits: flagExcluded,
          });
          expect(preset.evaluate(series)).toEqual(
            fromBuildingBlocks(series, { longestRunOffset, crossingsQuantile, flagExcluded }),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses a series whose arrays differ in length, as prepareSeries does', () => {
    const preset = ANHOEJ_FAMILY.create(META, ANHOEJ_DEFAULTS);
    const bad = { y: [1, 2, 3], cl: [0, 0], ucl: [null, null, null], lcl: [null, null, null] };
    expect(() => preset.evaluate(bad)).toThrow(/cl has 2 entries, y has 3/);
    expect(() => prepareSeries(bad)).toThrow(/cl has 2 entries, y has 3/);
  });
});
