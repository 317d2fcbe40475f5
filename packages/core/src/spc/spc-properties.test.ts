/**
 * Properties of `computeSpcChart` (reference semantics: R qicharts2 0.8.1 `qic()`), checked with
 * fast-check on arbitrary series:
 * - it returns a chart or throws ValidationError / InsufficientDataError, nothing else, and no
 *   output number is NaN or ±Infinity (what cannot be computed is null);
 * - without freeze, part or exclude, the centre line of run, I, C, P, U and G charts and the
 *   limits of C, P, U and G charts do not depend on the order of the rows. I and MR limits do,
 *   by design: they come from moving ranges between neighbours (and so do P′ and U′ limits).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, ValidationError } from '../errors.ts';
import { SPC_CHART_TYPES, type SpcChartType } from './chart-types.ts';
import { computeSpcChart } from './compute-spc-chart.ts';
import type { SpcChart, SpcInput, SpcOptions } from './types.ts';

const value = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), {
  nil: null,
  freq: 5,
});
const modest = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null, freq: 5 });
const positive = fc.option(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), { nil: null, freq: 5 });
const count = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null, freq: 8 });
const size = fc.option(
  fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1e300, noNaN: true })),
  { nil: null, freq: 8 },
);

/** Rows (values of every size, modest ones, positive ones or counts) with an optional denominator. */
const inputs = fc.integer({ min: 0, max: 200 }).chain((rows) => {
  const sized = <T>(column: fc.Arbitrary<T>) =>
    fc.array(column, { minLength: rows, maxLength: rows });
  return fc.record({
    y: fc.oneof(sized(value), sized(modest), sized(positive), sized(count)),
    n: fc.option(
      fc.oneof({ weight: 4, arbitrary: sized(size) }, { weight: 1, arbitrary: sized(value) }),
      { nil: undefined },
    ),
  });
});

/** Valid options for `rows` rows. */
function validOptionsFor(rows: number): fc.Arbitrary<SpcOptions> {
  const row = fc.integer({ min: 1, max: Math.max(rows, 1) });
  const cuts =
    rows < 2
      ? fc.constant([])
      : fc.uniqueArray(fc.integer({ min: 1, max: rows - 1 }), { maxLength: 4 });
  return fc.record(
    {
      chart: fc.constantFrom(...SPC_CHART_TYPES),
      multiply: fc.oneof(
        fc.constantFrom(1, 100, 1000),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      ),
      freeze: row,
      part: cuts.map((list) => [...list].sort((a, b) => a - b)),
      exclude: fc.array(row, { maxLength: 5 }),
      screenMovingRanges: fc.boolean(),
    },
    { requiredKeys: ['chart'] },
  );
}

/** Options that may be out of range, unordered or of the wrong kind. */
function anyOptionsFor(rows: number): fc.Arbitrary<SpcOptions> {
  const anyRow = fc.oneof(fc.integer({ min: -2, max: rows + 2 }), fc.double({ noNaN: false }));
  return fc.record(
    {
      chart: fc.oneof(
        fc.constantFrom(...SPC_CHART_TYPES),
        fc.string().map((text) => text as SpcChartType),
      ),
      multiply: fc.double(),
      freeze: anyRow,
      part: fc.array(anyRow, { maxLength: 3 }),
      exclude: fc.array(anyRow, { maxLength: 3 }),
      screenMovingRanges: fc.boolean(),
    },
    { requiredKeys: ['chart'] },
  );
}

function numbersOf(chart: SpcChart): (number | null)[] {
  return [
    chart.multiply,
    ...chart.points.flatMap((p) => [p.i, p.y, p.n, p.cl, p.lcl, p.ucl, p.lcl95, p.ucl95, p.part]),
    ...chart.parts.flatMap((p) => [
      p.part,
      p.firstIndex,
      p.nObs,
      p.nUseful,
      p.longestRun,
      p.longestRunMax,
      p.crossings,
      p.crossingsMin,
      p.sigmaSignals,
    ]),
  ];
}

describe('computeSpcChart on arbitrary input', () => {
  it('returns a chart without NaN or Infinity, or throws one of its typed errors', () => {
    const cases = inputs.chain((input) =>
      fc
        .oneof(
          { weight: 5, arbitrary: validOptionsFor(input.y.length) },
          { weight: 1, arbitrary: anyOptionsFor(input.y.length) },
        )
        .map((options) => ({ input, options })),
    );
    fc.assert(
      fc.property(cases, ({ input, options }) => {
        const spcInput: SpcInput = {
          x: input.y.map((_v, k) => `row ${k + 1}`),
          y: input.y,
          ...(input.n ? { n: input.n } : {}),
        };
        let chart: SpcChart;
        try {
          chart = computeSpcChart(spcInput, options);
        } catch (error) {
          expect(
            error instanceof ValidationError || error instanceof InsufficientDataError,
            String(error),
          ).toBe(true);
          return;
        }
        expect(chart.points).toHaveLength(input.y.length);
        const bad = numbersOf(chart).filter(
          (number) => number !== null && !Number.isFinite(number),
        );
        expect(bad).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});

/** Positive-count series with denominators, and a permutation of their rows. */
const permuted = fc
  .array(fc.record({ y: fc.integer({ min: 0, max: 50 }), n: fc.integer({ min: 50, max: 500 }) }), {
    minLength: 2,
    maxLength: 60,
  })
  .chain((rows) =>
    fc
      .shuffledSubarray(
        rows.map((_row, k) => k),
        { minLength: rows.length, maxLength: rows.length },
      )
      .map((order) => ({ rows, order })),
  );

const close = (a: number | null, b: number | null) =>
  a === null || b === null
    ? a === b
    : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('order of rows', () => {
  it.each<[SpcChartType, boolean]>([
    ['run', false],
    ['i', false],
    ['c', true],
    ['p', true],
    ['u', true],
    ['g', true],
  ])('%s chart: centre line (and limits: %s) invariant to permuting rows', (chart, limitsToo) => {
    fc.assert(
      fc.property(permuted, ({ rows, order }) => {
        const build = (list: typeof rows): SpcInput => ({
          x: list.map((_row, k) => k + 1),
          y: list.map((row) => row.y),
          n: chart === 'p' || chart === 'u' ? list.map((row) => row.n) : undefined,
        });
        const original = computeSpcChart(build(rows), { chart });
        const shuffled = computeSpcChart(build(order.map((k) => rows[k])), { chart });
        expect(close(original.points[0].cl, shuffled.points[0].cl)).toBe(true);
        if (!limitsToo) {
          return;
        }
        order.forEach((from, to) => {
          for (const key of ['lcl', 'ucl', 'lcl95', 'ucl95'] as const) {
            expect(close(shuffled.points[to][key], original.points[from][key]), key).toBe(true);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
