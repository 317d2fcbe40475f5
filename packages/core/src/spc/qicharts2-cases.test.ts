/**
 * Reference: R qicharts2 0.8.1 `qic()` (github.com/anhoej/qicharts2 at 1b9487ec), attached so that
 * `qic.screenedmr = TRUE`, run on the 31 `qic_*` cases of shared/validation-data (README §1).
 *
 * - Cases with `expected.json`: every point's y, cl, lcl, ucl, lcl.95, ucl.95 to 1e-6 relative,
 *   and part, baseline, include, sigma.signal, runs.signal and each part's Anhøj statistics
 *   exactly.
 * - Held-out cases (no `expected.json`; checked later from outside through the CLI): the engine
 *   runs with the parameters of the README's case table and gives structurally sane output, and
 *   the numbers the README quotes from the qicharts2 vignette (and the Montgomery textbook values
 *   qicharts2's own tests are built on) hold.
 *
 * Case folders are discovered, so a new case cannot be forgotten.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { computeSpcChart, type SpcChart, type SpcInput, type SpcOptions } from './index.ts';
import { VALIDATION_DATA } from '../validation-data.test-support.ts';

const ROOT = VALIDATION_DATA;
const CASES = readdirSync(ROOT)
  .filter((name) => name.startsWith('qic_'))
  .sort();
const hasExpected = (name: string) => existsSync(`${ROOT}${name}/expected.json`);

/**
 * Parameters of the held-out cases, from the case table of shared/validation-data/README.md §1
 * ("non-default parameters"); all use qic defaults otherwise, attached (screened moving ranges).
 */
const HELD_OUT: Record<string, SpcOptions> = {
  qic_c_cdi_part24: { chart: 'c', part: [24] },
  qic_c_montgomery_7_3_exclude_freeze26: { chart: 'c', freeze: 26, exclude: [6, 20] },
  qic_i_montgomery_6_5_freeze20: { chart: 'i', freeze: 20 },
  qic_i_nhs_accidents: { chart: 'i' },
  qic_mr_montgomery_6_5_freeze20: { chart: 'mr', freeze: 20 },
  qic_p_cabg_readmissions: { chart: 'p' },
  qic_p_gtt_harmed: { chart: 'p' },
  qic_p_montgomery_7_1_exclude_part30: { chart: 'p', part: [30], exclude: [15, 23] },
  qic_p_nhs_accidents: { chart: 'p' },
  qic_pp_cabg_readmissions: { chart: 'pp' },
  qic_run_cdi_part24: { chart: 'run', part: [24] },
  qic_run_gtt_harm_rate: { chart: 'run', multiply: 1000 },
  qic_run_nhs_accidents: { chart: 'run' },
  qic_t_cabg_days_between_deaths: { chart: 't' },
  qic_u_cdi_freeze24: { chart: 'u', multiply: 10000, freeze: 24 },
  qic_u_gtt_harm_rate: { chart: 'u', multiply: 1000 },
  qic_u_hospital_infections_total: { chart: 'u', multiply: 10000 },
  qic_u_montgomery_7_4: { chart: 'u' },
};

/** input.csv as SpcInput: a tiny split (the files hold numbers, ISO dates and no quotes). */
function readInput(name: string): SpcInput {
  const [header, ...lines] = readFileSync(`${ROOT}${name}/input.csv`, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  const rows = lines.map((line) => line.split(','));
  const column = (key: string) => rows.map((row) => row[columns.indexOf(key)]);
  const number = (cell: string) => (cell === '' || cell === 'NA' ? null : Number(cell));
  return {
    x: column('x').map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)),
    y: column('y').map(number),
    ...(columns.includes('n') ? { n: column('n').map(number) } : {}),
  };
}

/** `expected.json` params as SpcOptions (jsonlite writes a length-one vector as a scalar). */
function optionsOf(params: Record<string, unknown>): SpcOptions {
  const rows = (value: unknown) => (value === null ? undefined : ([value].flat() as number[]));
  return {
    chart: params.chart as SpcOptions['chart'],
    multiply: params.multiply as number,
    freeze: (params.freeze as number | null) ?? undefined,
    part: rows(params.part),
    exclude: rows(params.exclude),
    screenMovingRanges: params['qic.screenedmr'] as boolean,
  };
}

/** Equal to 1e-6 relative (absolute 1e-12 around zero); both null when R gives NA. */
function expectClose(got: number | null, want: number | null, what: string): void {
  if (want === null || got === null) {
    expect(got, what).toBe(want);
    return;
  }
  const scale = Math.max(Math.abs(want), Math.abs(got));
  expect(
    Math.abs(got - want) <= Math.max(1e-6 * scale, 1e-12),
    `${what}: got ${got}, want ${want}`,
  ).toBe(true);
}

const POINT_NUMBERS = [
  ['y', 'y'],
  ['cl', 'cl'],
  ['lcl', 'lcl'],
  ['ucl', 'ucl'],
  ['lcl.95', 'lcl95'],
  ['ucl.95', 'ucl95'],
] as const;
const POINT_FLAGS = [
  ['part', 'part'],
  ['baseline', 'baseline'],
  ['include', 'include'],
  ['sigma.signal', 'sigmaSignal'],
  ['runs.signal', 'runsSignal'],
] as const;
const PART_FIELDS = [
  ['part', 'part'],
  ['first_i', 'firstIndex'],
  ['n.obs', 'nObs'],
  ['n.useful', 'nUseful'],
  ['longest.run', 'longestRun'],
  ['longest.run.max', 'longestRunMax'],
  ['n.crossings', 'crossings'],
  ['n.crossings.min', 'crossingsMin'],
  ['runs.signal', 'runsSignal'],
  ['sigma.signals', 'sigmaSignals'],
] as const;

describe('the qic_* reference cases', () => {
  it('are all found, and every held-out case has its parameters here', () => {
    expect(CASES).toHaveLength(31);
    expect(CASES.filter((name) => !hasExpected(name))).toEqual(Object.keys(HELD_OUT).sort());
  });
});

/**
 * The `i` that expected.json holds for a row. Points are compared by position (their x agrees
 * row by row), because the oracle's `i` is the row only in part 1: for a later part it is
 * first_i + row − 1 (qic_u_cdi_part24: rows 25–36 carry i 49–60), apparently first_i added to
 * qicharts2's `xx`, which already counts from the start of the series. Sankofa's `i` is the row.
 */
function oracleIndex(row: number, part: number, chart: SpcChart): number {
  const first = chart.parts[part - 1].firstIndex;
  return part === 1 ? row : first + row - 1;
}

describe.each(CASES.filter(hasExpected))('qicharts2 qic() reference %s', (name) => {
  const expected = JSON.parse(readFileSync(`${ROOT}${name}/expected.json`, 'utf8'));
  const chart = computeSpcChart(readInput(name), optionsOf(expected.params));

  it('matches every point', () => {
    expect(chart.points).toHaveLength(expected.points.length);
    expected.points.forEach((want: Record<string, unknown>, k: number) => {
      const got = chart.points[k];
      expect(got.i).toBe(k + 1);
      expect(got.x, `row ${k + 1} x`).toBe(want.x);
      expect(want.i, `row ${k + 1} i in expected.json`).toBe(oracleIndex(k + 1, got.part, chart));
      for (const [from, to] of POINT_NUMBERS) {
        expectClose(got[to], want[from] as number | null, `point ${got.i} ${from}`);
      }
      for (const [from, to] of POINT_FLAGS) {
        expect(got[to], `point ${got.i} ${from}`).toBe(want[from]);
      }
      if ('n' in want) {
        expectClose(got.n, want.n as number, `point ${got.i} n`);
      }
    });
  });

  it('matches the runs analysis of every part', () => {
    expect(chart.parts).toHaveLength(expected.parts.length);
    expected.parts.forEach((want: Record<string, unknown>, k: number) => {
      for (const [from, to] of PART_FIELDS) {
        expect(chart.parts[k][to], `part ${k + 1} ${from}`).toBe(want[from]);
      }
    });
  });
});

/** Structural checks any chart must pass. */
function expectSane(chart: SpcChart, options: SpcOptions, rows: number): void {
  expect(chart.points.map((point) => point.i)).toEqual(
    Array.from({ length: rows }, (_, k) => k + 1),
  );
  const below = (a: number | null, b: number | null) =>
    a === null || b === null || a <= b * (1 + 1e-12) + 1e-12;
  for (const point of chart.points) {
    expect(
      below(point.lcl, point.lcl95) && below(point.lcl95, point.cl),
      `point ${point.i} lower`,
    ).toBe(true);
    expect(
      below(point.cl, point.ucl95) && below(point.ucl95, point.ucl),
      `point ${point.i} upper`,
    ).toBe(true);
    for (const value of [point.y, point.cl, point.lcl, point.ucl, point.lcl95, point.ucl95]) {
      expect(value === null || Number.isFinite(value)).toBe(true);
    }
    expect(point.include).toBe(!(options.exclude ?? []).includes(point.i));
    const frozen = options.part === undefined && options.freeze !== undefined;
    expect(point.baseline).toBe(!frozen || point.i <= (options.freeze ?? rows));
  }
  const cuts = options.part ?? [];
  expect(chart.parts.map((part) => part.firstIndex)).toEqual([1, ...cuts.map((cut) => cut + 1)]);
  const counted = chart.parts.reduce((total, part) => total + part.nObs, 0);
  expect(counted).toBe(rows - new Set(options.exclude ?? []).size);
  for (const part of chart.parts) {
    const points = chart.points.filter((point) => point.part === part.part);
    expect(part.nUseful).toBeLessThanOrEqual(part.nObs);
    expect(part.sigmaSignals).toBe(points.filter((point) => point.sigmaSignal).length);
    expect(points.every((point) => point.runsSignal === part.runsSignal)).toBe(true);
    const rule =
      (part.longestRun ?? 0) > (part.longestRunMax ?? Infinity) ||
      (part.crossings ?? 0) < (part.crossingsMin ?? 0);
    expect(part.runsSignal).toBe(options.chart === 'mr' ? false : rule);
  }
}

describe.each(Object.entries(HELD_OUT))('qicharts2 qic() held-out case %s', (name, options) => {
  it('runs and gives a sane chart', () => {
    const input = readInput(name);
    const chart = computeSpcChart(input, options);
    expectSane(chart, options, input.y.length);
    expect(chart.warnings).toEqual([]);
  });
});

describe('numbers stated by the qicharts2 vignette (validation-data README §1)', () => {
  const run = (name: string, options: SpcOptions) => computeSpcChart(readInput(name), options);

  it('CDI run chart with freeze: median 19, longest run 15', () => {
    const chart = run('qic_run_cdi_freeze24', { chart: 'run', freeze: 24 });
    expect(chart.points[0].cl).toBe(19);
    expect(chart.parts[0].longestRun).toBe(15);
    expect(chart.parts[0].runsSignal).toBe(true);
  });

  it('split C chart: centre 19 → 7, limits 0-15 after the split', () => {
    const chart = run('qic_c_cdi_part24', { chart: 'c', part: [24] });
    const [before, after] = [chart.points[0], chart.points[24]];
    expect(Math.round(before.cl!)).toBe(19);
    expect(Math.round(after.cl!)).toBe(7);
    expect(after.lcl).toBe(0);
    expect(Math.round(after.ucl!)).toBe(15);
  });

  it('I chart of age: 45 and 70 below the lower limit; without them centre ≈ 67, limits ≈ 43-91', () => {
    const all = run('qic_i_cabg_age_last100', { chart: 'i' });
    const low = all.points.filter((point) => point.y! < point.lcl!).map((point) => point.i);
    expect(low).toEqual([45, 70]);
    const chart = run('qic_i_cabg_age_last100_exclude', { chart: 'i', exclude: [45, 70] });
    expect(Math.round(chart.points[0].cl!)).toBe(67);
    expect(Math.round(chart.points[0].lcl!)).toBe(43);
    expect(Math.round(chart.points[0].ucl!)).toBe(91);
  });

  it('MR chart: three large ranges', () => {
    expect(run('qic_mr_cabg_age_last100', { chart: 'mr' }).parts[0].sigmaSignals).toBe(3);
  });

  it.each([
    ['qic_g_cabg_surgeries_between_deaths', 'g'],
    ['qic_t_cabg_days_between_deaths', 't'],
  ] as const)(
    '%s: the interval between deaths 24 and 25 is above the upper limit',
    (name, type) => {
      const chart = run(name, { chart: type });
      expect(chart.points.filter((point) => point.sigmaSignal).map((point) => point.i)).toEqual([
        24,
      ]);
      expect(chart.points[23].y! > chart.points[23].ucl!).toBe(true);
    },
  );
});

describe('Montgomery textbook values behind qicharts2 tests/testthat/test_montgomery.R', () => {
  /** Centre line and limits at `row`, rounded to `digits` decimals as the textbook prints them. */
  const lines = (name: string, options: SpcOptions, digits = 2, row = 1) => {
    const point = computeSpcChart(readInput(name), options).points[row - 1];
    return [point.cl, point.lcl, point.ucl].map((value) => Number(value!.toFixed(digits)));
  };

  it('Example 6.5: I chart x̄ 300.5, limits 279.78-321.22; MR chart MR̄ 7.79, UCL 25.45', () => {
    expect(lines('qic_i_montgomery_6_5_freeze20', { chart: 'i', freeze: 20 })).toEqual([
      300.5, 279.78, 321.22,
    ]);
    expect(lines('qic_mr_montgomery_6_5_freeze20', { chart: 'mr', freeze: 20 })).toEqual([
      7.79, 0, 25.45,
    ]);
  });

  it('Example 7.1: p̄ 0.2150, limits 0.0407-0.3893 without samples 15 and 23', () => {
    const options: SpcOptions = { chart: 'p', part: [30], exclude: [15, 23] };
    expect(lines('qic_p_montgomery_7_1_exclude_part30', options, 4)).toEqual([
      0.215, 0.0407, 0.3893,
    ]);
  });

  it('Example 7.3: c̄ 19.67, limits 6.36-32.97 without samples 6 and 20', () => {
    const options: SpcOptions = { chart: 'c', freeze: 26, exclude: [6, 20] };
    expect(lines('qic_c_montgomery_7_3_exclude_freeze26', options)).toEqual([19.67, 6.36, 32.97]);
  });
});
