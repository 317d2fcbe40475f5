/**
 * `findingsFromSpcInput` must give what drawing the chart and reading it gives:
 * `findingsFromSpcChart(computeSpcChart(input, options), …)`, finding for finding and number for
 * number (Object.is), or the same error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_SET_PRESETS } from '../rule-sets/rule-set-registry.ts';
import { SPC_CHART_TYPES } from '../spc/chart-types.ts';
import { computeSpcChart } from '../spc/compute-spc-chart.ts';
import type { SpcInput, SpcOptions } from '../spc/types.ts';
import { findingsFromSpcInput } from './chart-findings.ts';
import { findingsFromSpcChart, type FindingFilter } from './series-findings.ts';
import { months, plantedShift } from './signals.test-support.ts';

/** The findings, or the error's class and message. */
function outcome(run: () => unknown): unknown {
  try {
    return { findings: run() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function bothWays(
  input: SpcInput,
  options: SpcOptions,
  periodIds: readonly string[],
  presetId: keyof typeof RULE_SET_PRESETS,
  keep?: FindingFilter,
) {
  const preset = RULE_SET_PRESETS[presetId];
  return {
    direct: outcome(() => findingsFromSpcInput(input, options, periodIds, preset, keep)),
    drawn: outcome(() =>
      findingsFromSpcChart(computeSpcChart(input, options), periodIds, preset, keep),
    ),
  };
}

// Series like a scan's (counts, ratios with whole or fractional denominators, nulls, repeated
// values that put points on the centre line) and arbitrary doubles.
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const sizeCell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const cases = fc.integer({ min: 0, max: 40 }).chain((rows) =>
  fc.record({
    y: fc.array(cell, { minLength: rows, maxLength: rows }),
    n: fc.option(fc.array(sizeCell, { minLength: rows, maxLength: rows }), { nil: undefined }),
    chart: fc.constantFrom(...SPC_CHART_TYPES),
    multiply: fc.constantFrom(1, 100, 1000, 0.37),
    freeze: fc.option(fc.integer({ min: 1, max: Math.max(rows, 1) }), { nil: undefined }),
    part: fc.option(
      rows < 2
        ? fc.constant<number[]>([])
        : fc
            .uniqueArray(fc.integer({ min: 1, max: rows - 1 }), { maxLength: 2 })
            .map((list) => [...list].sort((a, b) => a - b)),
      { nil: undefined, freq: 4 },
    ),
    exclude: fc.option(fc.array(fc.integer({ min: 1, max: Math.max(rows, 1) }), { maxLength: 2 }), {
      nil: undefined,
      freq: 4,
    }),
    preset: fc.constantFrom(
      ...(Object.keys(RULE_SET_PRESETS) as (keyof typeof RULE_SET_PRESETS)[]),
    ),
    keepSingles: fc.boolean(),
  }),
);

describe('findingsFromSpcInput', () => {
  it('gives the findings of the drawn chart, or its error, on arbitrary series and options', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const periodIds = months(c.y.length);
        const options: SpcOptions = {
          chart: c.chart,
          multiply: c.multiply,
          ...(c.freeze === undefined ? {} : { freeze: c.freeze }),
          ...(c.part === undefined ? {} : { part: c.part }),
          ...(c.exclude === undefined ? {} : { exclude: c.exclude }),
        };
        const keep: FindingFilter | undefined = c.keepSingles
          ? undefined
          : (kind) => kind !== 'single_point';
        const { direct, drawn } = bothWays(
          { x: periodIds, y: c.y, ...(c.n === undefined ? {} : { n: c.n }) },
          options,
          periodIds,
          c.preset,
          keep,
        );
        expect(direct).toEqual(drawn);
      }),
      { numRuns: 1500 },
    );
  });

  it('finds a planted shift on every chart type that reads the values as they are', () => {
    const y = [...plantedShift(9), 50, 49, 51, 80, 20, 50, 51];
    const periodIds = months(y.length);
    for (const chart of ['run', 'i', 'c'] as const) {
      for (const freeze of [undefined, 8]) {
        const options = { chart, ...(freeze === undefined ? {} : { freeze }) };
        const { direct, drawn } = bothWays({ x: periodIds, y }, options, periodIds, 'anhoej');
        expect(direct).toEqual(drawn);
        expect(direct).toMatchObject({
          findings: expect.arrayContaining([expect.objectContaining({ kind: 'sustained_shift' })]),
        });
      }
    }
  });

  it('reads the 2-sigma lines after multiply (the MDC 2-of-3 rule)', () => {
    const y = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 51, 49, 50, 52, 48, 50, 55, 51, 55.2, 50];
    const periodIds = months(y.length);
    for (const preset of ['mdc-2024', 'mdc-classic-7'] as const) {
      const { direct, drawn } = bothWays(
        { x: periodIds, y },
        { chart: 'i', multiply: 100 },
        periodIds,
        preset,
      );
      expect(direct).toEqual(drawn);
      expect(direct).toMatchObject({
        findings: expect.arrayContaining([
          expect.objectContaining({ rule: 'two_of_three_beyond_2sigma' }),
        ]),
      });
    }
  });

  it('refuses periods of another length, as reading the drawn chart does', () => {
    const y = plantedShift(9);
    const { direct, drawn } = bothWays(
      { x: months(y.length), y },
      { chart: 'i' },
      months(y.length - 1),
      'anhoej',
    );
    expect(direct).toEqual(drawn);
    expect(direct).toMatchObject({ error: expect.stringContaining('periodIds') });
  });
});
