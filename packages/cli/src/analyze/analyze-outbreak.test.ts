/**
 * `sankofa analyze outbreak` against R package surveillance 1.20.3 (`earsC`, `cusum`,
 * `farrington`, `farringtonFlexible`; R 4.2.2) on the outbreak cases of shared/validation-data
 * (README §2). Papers: Hutwagner et al. 2003 (EARS), Rossi et al. 1999 (CUSUM), Farrington et al.
 * 1996 JRSS A 159:547, Noufaily et al. 2013 Stat Med 32:1206.
 *
 * - Cases with expected.json: the CLI's reading of the CSV and flags must give the reference
 *   upperbounds and extra fields (1e-6 relative) and alarms (exactly).
 * - Held-out cases (checked later from outside through the CLI): their calls, from the README's
 *   case table, run and give sane output.
 * - Bad input names the row and column, or the flag.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '@sankofa/core';
import {
  analyseOutbreakFile,
  analyzeOutbreakCommand,
  type OutbreakFlags,
} from './analyze-outbreak.ts';
import { VALIDATION_DATA } from '../../../core/src/validation-data.test-support.ts';

const dataRoot = VALIDATION_DATA;
const outbreakCases = existsSync(dataRoot)
  ? readdirSync(dataRoot).filter((c) => /^(ears|cusum|farrington)/.test(c))
  : [];
const withExpected = outbreakCases.filter((c) => existsSync(join(dataRoot, c, 'expected.json')));

type Flags = Omit<OutbreakFlags, 'input' | 'json'>;
type Cell = number | boolean | string | null;
interface Expected {
  control_given: Record<string, Cell>;
  control_used: Record<string, Cell | number[]>;
  range: { first_t: number; last_t: number };
  points: Record<string, Cell>[];
}

const text = (v: Cell | number[] | undefined) =>
  v === null || v === undefined ? undefined : String(v);

/** The flags for a case, from its control_used. */
function flagsOf(name: string, e: Expected): Flags {
  const used = e.control_used;
  const range = `${e.range.first_t}:${e.range.last_t}`;
  if (name.startsWith('ears')) {
    return {
      method: `ears-${String(used.method).toLowerCase()}` as 'ears-c1',
      range,
      alpha: text(used.alpha),
    };
  }
  if (name.startsWith('cusum')) {
    return { method: 'cusum', range, k: text(used.k), h: text(used.h), m: text(e.control_given.m) };
  }
  const common = {
    range,
    b: text(used.b),
    w: text(used.w),
    alpha: text(used.alpha),
    reweight: used.reweight as boolean,
    trend: used.trend as boolean,
  };
  if (name.startsWith('farringtonFlexible')) {
    return {
      method: 'farrington-flexible',
      ...common,
      weightsThreshold: text(used.weightsThreshold),
      pThresholdTrend: text(used.pThresholdTrend),
      noPeriods: text(used.noPeriods),
      pastWeeksNotIncluded: text(used.pastWeeksNotIncluded),
      thresholdMethod: used.thresholdMethod as 'delta',
    };
  }
  return { method: 'farrington', ...common };
}

const EXTRA: Record<string, [string, string][]> = {
  cusum: [['cusum_statistic', 'cusumStatistic']],
  farrington_: [
    ['pd_q', 'predictiveQuantile'],
    ['pd_m_expected', 'expected'],
  ],
  farringtonFlexible: [
    'expected',
    'score',
    'pvalue',
    'mu0Vector',
    'phiVector',
    'trend',
    'trendVector',
  ].map((f): [string, string] => [f, f]),
};

function close(actual: unknown, expected: Cell, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  const e = Number(expected);
  expect(typeof actual, label).toBe('number');
  expect(Math.abs((actual as number) - e), label).toBeLessThanOrEqual(
    1e-6 * Math.max(Math.abs(e), 1e-12),
  );
}

describe('analyze outbreak reproduces surveillance 1.20.3', () => {
  it.each(withExpected)('%s', (name) => {
    const e = JSON.parse(readFileSync(join(dataRoot, name, 'expected.json'), 'utf8')) as Expected;
    const result = analyseOutbreakFile({
      input: join(dataRoot, name, 'input.csv'),
      ...flagsOf(name, e),
    });
    expect(result.points.map((p) => p.t)).toEqual(e.points.map((p) => p.t));
    const extra = Object.entries(EXTRA).find(([prefix]) => name.startsWith(prefix))?.[1] ?? [];
    result.points.forEach((point, i) => {
      const ref = e.points[i];
      for (const [refField, field] of [['upperbound', 'upperbound'], ...extra]) {
        close(point[field], ref[refField], `${name} t=${point.t} ${field}`);
      }
      expect(point.alarm, `${name} t=${point.t} alarm`).toBe(ref.alarm);
      if ('date' in ref) {
        expect(point.date).toBe(ref.date);
      } else {
        expect([point.year, point.week]).toEqual([ref.year, ref.week]);
      }
    });
  });
});

/** Held-out calls, from the case table of shared/validation-data/README.md §2. */
const IN_2011 = '366:417';
const HELD_OUT: Record<string, Flags> = {
  ears_c1_salmNewportGermany_2011_default_alpha: { method: 'ears-c1', range: IN_2011 },
  ears_c2_salmNewportGermany_2011_alpha005: { method: 'ears-c2', range: IN_2011, alpha: '0.05' },
  ears_c2_salmNewportGermany_2011_default_alpha: { method: 'ears-c2', range: IN_2011 },
  ears_c3_salmNewportGermany_2011_default_alpha: { method: 'ears-c3', range: IN_2011 },
  farrington_campyDE_2007on: {
    method: 'farrington',
    range: '262:522',
    b: '4',
    w: '5',
    alpha: '0.05',
  },
  farringtonFlexible_salmNewportGermany_2011_farrington: {
    method: 'farrington-flexible',
    range: IN_2011,
    noPeriods: '1',
    b: '4',
    w: '3',
    weightsThreshold: '1',
    pastWeeksNotIncluded: '3',
    pThresholdTrend: '0.05',
    thresholdMethod: 'delta',
  },
  farringtonFlexible_salmonella_agona_control1: {
    method: 'farrington-flexible',
    range: '282:312',
    noPeriods: '1',
    b: '4',
    w: '3',
    weightsThreshold: '1',
    pastWeeksNotIncluded: '3',
    pThresholdTrend: '0.05',
    alpha: '0.1',
  },
  farringtonFlexible_salmonella_agona_control2: {
    method: 'farrington-flexible',
    range: '282:312',
    noPeriods: '10',
    b: '4',
    w: '3',
    weightsThreshold: '2.58',
    pastWeeksNotIncluded: '26',
    pThresholdTrend: '1',
    alpha: '0.1',
  },
  farringtonFlexible_campyDE_2007on: {
    method: 'farrington-flexible',
    range: '262:522',
    b: '4',
    w: '5',
    alpha: '0.025',
  },
};
const heldOut = outbreakCases.filter((c) => !withExpected.includes(c));

describe('held-out outbreak cases run through the CLI', () => {
  it('has a call for every held-out case folder', () => {
    expect(heldOut.filter((c) => !(c in HELD_OUT))).toEqual([]);
  });

  it.each(heldOut)('%s', (name) => {
    const flags = HELD_OUT[name];
    const result = analyseOutbreakFile({ input: join(dataRoot, name, 'input.csv'), ...flags });
    const [first, last] = flags.range.split(':').map(Number);
    expect(result.points.map((p) => p.t)).toEqual(
      Array.from({ length: last - first + 1 }, (_, i) => first + i),
    );
    for (const p of result.points) {
      expect(p.upperbound === null || (p.upperbound >= 0 && Number.isFinite(p.upperbound))).toBe(
        true,
      );
      expect(p.expected === null || p.expected >= 0).toBe(true);
      expect(p.alarm && p.upperbound !== null ? p.observed > p.upperbound : true).toBe(true);
    }
    const alarms = result.points.filter((p) => p.alarm);
    expect(alarms.length).toBeGreaterThan(0);
    // At most a third or so: R itself gives 11 of 31 on agona control1 (alpha = 0.1).
    expect(alarms.length).toBeLessThan(result.points.length * 0.4);
    expect(result.warnings.filter((w) => w.code === 'model_failed')).toEqual([]);
    if (name.includes('salmNewport')) {
      // The autumn-2011 sprout outbreak peaks at t = 410–412 (41, 45 and 17 cases).
      expect(alarms.some((p) => p.t >= 410 && p.t <= 412)).toBe(true);
    }
  });
});

describe('analyze outbreak input errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-outbreak-'));
  const csv = (body: string) => {
    const path = join(dir, `${Math.abs(body.length * 7919 + body.charCodeAt(5))}.csv`);
    writeFileSync(path, body);
    return path;
  };
  const counts = (values: (number | string)[]) =>
    `t,observed\n${values.map((v, i) => `${i + 1},${v}`).join('\n')}\n`;
  const issue = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues[0];
    }
    return expect.unreachable();
  };

  it('names a missing column', () => {
    const input = csv('t,cases\n1,2\n');
    expect(
      issue(() => analyseOutbreakFile({ input, method: 'ears-c1', range: '1:1' })),
    ).toMatchObject({
      field: 'observed',
      code: 'missing_column',
    });
  });

  it.each([
    ['x', 'not_a_number'],
    ['-1', 'out_of_range'],
    ['2.5', 'not_an_integer'],
  ])('names row and column of observed = %s', (bad, code) => {
    const input = csv(counts([1, 2, bad, 4]));
    expect(
      issue(() => analyseOutbreakFile({ input, method: 'ears-c1', range: '1:4' })),
    ).toMatchObject({
      row: 3,
      field: 'observed',
      code,
    });
  });

  it.each(['0:3', '3:2', '1:9', 'a:b', '5'])('rejects --range %s', (range) => {
    const input = csv(counts([1, 2, 3, 4, 5]));
    expect(issue(() => analyseOutbreakFile({ input, method: 'ears-c1', range })).field).toBe(
      '--range',
    );
  });

  it('names --range and the first row when there are too few rows for b and w', () => {
    const input = csv(counts(Array.from({ length: 100 }, (_, i) => i % 7)));
    const found = issue(() =>
      analyseOutbreakFile({ input, method: 'farrington-flexible', range: '90:100', b: '2' }),
    );
    expect(found).toMatchObject({ field: '--range', row: 90, code: 'insufficient_history' });
  });

  it('names the flag of a bad option', () => {
    const input = csv(counts([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(
      issue(() => analyseOutbreakFile({ input, method: 'ears-c1', range: '8:9', alpha: '2' })),
    ).toMatchObject({
      field: '--alpha',
    });
    expect(
      issue(() => analyseOutbreakFile({ input, method: 'ears-c1', range: '8:9', b: '1.5' })).field,
    ).toBe('--b');
  });
});

describe('the outbreak command', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function run(args: string[]): Promise<string> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await analyzeOutbreakCommand().parseAsync(args, { from: 'user' });
    return out;
  }

  const agona = join(dataRoot, 'farringtonFlexible_salmonella_agona_control2', 'input.csv');

  it('reads --no-periods as noPeriods and prints the DESIGN §6 JSON', async () => {
    const out = await run([
      '--input',
      agona,
      '--method',
      'farrington-flexible',
      '--range',
      '300:312',
      '--no-periods',
      '10',
      '--b',
      '4',
      '--no-reweight',
      '--json',
    ]);
    const json = JSON.parse(out) as {
      method: string;
      control: Record<string, unknown>;
      points: Record<string, unknown>[];
    };
    expect(json.method).toBe('farrington-flexible');
    expect(json.control).toMatchObject({ noPeriods: 10, b: 4, reweight: false, trend: true });
    expect(json.points).toHaveLength(13);
    expect(Object.keys(json.points[0]).slice(0, 5)).toEqual([
      't',
      'observed',
      'upperbound',
      'alarm',
      'expected',
    ]);
  });

  it('prints a readable table without --json', async () => {
    const out = await run(['--input', agona, '--method', 'ears-c3-cdc', '--range', '300:312']);
    expect(out.split('\n')[0].trim().split(/\s+/).slice(0, 7)).toEqual([
      't',
      'year',
      'week',
      'observed',
      'expected',
      'upperbound',
      'alarm',
    ]);
    expect(out).toMatch(/alarm\(s\) in 13 monitored rows \(ears-c3-cdc\)/);
  });
});
