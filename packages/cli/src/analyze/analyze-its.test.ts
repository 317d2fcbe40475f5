/**
 * `sankofa analyze its` on the Lopez Bernal, Cummins & Gasparrini (2017) Sicily smoking-ban data
 * (Int J Epidemiol 46:348; shared/validation-data/its_sicily, README §3), against R `glm` 4.2.2:
 * the README prints the smokban rate ratio and 95 % Wald interval to four digits for each model;
 * the full R output is held out and checked from outside through `--json`. Also: the flags map
 * to the core fit exactly, the JSON has DESIGN §6's fields, and bad input names row and column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError, type ItsResult } from '@sankofa/core';
import { analyseItsFile, analyzeItsCommand, type ItsFlags } from './analyze-its.ts';
import { VALIDATION_DATA } from '../../../core/src/validation-data.test-support.ts';

const dataRoot = VALIDATION_DATA;
const sicily = join(dataRoot, 'its_sicily', 'sicily.csv');

const base: Omit<ItsFlags, 'json'> = {
  input: sicily,
  outcome: 'aces',
  time: 'time',
  intervention: 'smokban',
  offset: 'stdpop',
};
const seasonal = { seasonColumn: 'month', seasonPeriod: '12', harmonics: '2' };

const cases: [string, Omit<ItsFlags, 'json'>, string[]][] = [
  ['model 1, Poisson', { ...base, family: 'poisson' }, ['0.8944', '0.8647', '0.9251']],
  ['model 2, quasi-Poisson', { ...base, family: 'quasipoisson' }, ['0.8944', '0.8392', '0.9532']],
  [
    'model 3, quasi-Poisson + harmonics',
    { ...base, family: 'quasipoisson', ...seasonal },
    ['0.8851', '0.8394', '0.9332'],
  ],
  [
    'model 4, + slope change',
    { ...base, family: 'quasipoisson', ...seasonal, slopeChange: true },
    ['0.8765', '0.8268', '0.9292'],
  ],
];

function smokban(result: ItsResult): string[] {
  const c = result.coefficients.find((row) => row.term === 'smokban');
  return [c?.rateRatio, c?.rrCiLower, c?.rrCiUpper].map((v) => (v ?? Number.NaN).toFixed(4));
}

function issueOf(flags: Omit<ItsFlags, 'json'>): { row?: number; field: string; code: string } {
  try {
    analyseItsFile(flags);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { row, field, code } = (error as ValidationError).issues[0];
    return row === undefined ? { field, code } : { row, field, code };
  }
  throw new Error('expected a ValidationError');
}

function csv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sankofa-its-'));
  const path = join(dir, 'input.csv');
  writeFileSync(path, text);
  return path;
}

describe('analyze its reproduces the Sicily models (R glm 4.2.2)', () => {
  it.each(cases)('%s', (_name, flags, expected) => {
    expect(smokban(analyseItsFile(flags))).toEqual(expected);
  });

  // Not in the README; the interval was recomputed with R 4.2.2 glm (model3_poisson_harmonic).
  it('model 3 as Poisson runs, with z statistics: 0.8851 (0.8544–0.9168)', () => {
    const result = analyseItsFile({ ...base, ...seasonal });
    expect(result.family).toBe('poisson');
    expect(result.statisticKind).toBe('z');
    expect(smokban(result)).toEqual(['0.8851', '0.8544', '0.9168']);
  });

  it('gives exactly the core fit of the same columns', () => {
    const result = analyseItsFile(cases[3][1]);
    expect(result.coefficients.map((c) => c.term)).toEqual([
      '(Intercept)',
      'smokban',
      'time',
      'sin1',
      'sin2',
      'cos1',
      'cos2',
      'smokban:trend',
    ]);
    expect(result.lastPreTime).toBe(36);
    expect(result.fitted).toHaveLength(59);
    expect(result.warnings).toEqual([]);
  });
});

describe('analyze its --json', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prints DESIGN §6's document", async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    await analyzeItsCommand().parseAsync(
      [
        ...['--input', sicily, '--outcome', 'aces', '--time', 'time', '--intervention', 'smokban'],
        ...['--offset', 'stdpop', '--family', 'quasipoisson', '--season-column', 'month'],
        ...['--season-period', '12', '--harmonics', '2', '--slope-change', '--json'],
      ],
      { from: 'user' },
    );
    const json = JSON.parse(out);
    expect(json.family).toBe('quasipoisson');
    expect(json.statistic).toBe('t');
    expect(Object.keys(json.coefficients[0])).toEqual(
      expect.arrayContaining([
        'term',
        'estimate',
        'stdError',
        'statistic',
        'pValue',
        'rateRatio',
        'rrCiLower',
        'rrCiUpper',
      ]),
    );
    expect(Object.keys(json.fitted[0])).toEqual(['row', 'time', 'mu', 'eta']);
    const direct = analyseItsFile(cases[3][1]);
    expect(json.dispersion).toBe(direct.dispersion);
    expect(json.coefficients[1].rateRatio).toBe(direct.coefficients[1].rateRatio);
    expect(json.fitted[58].mu).toBe(direct.fitted[58].mu);
  });

  it('prints a readable table without --json, warnings on stderr', async () => {
    let out = '';
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    await analyzeItsCommand().parseAsync(
      [
        '--input',
        sicily,
        '--outcome',
        'aces',
        '--time',
        'time',
        '--intervention',
        'smokban',
        '--offset',
        'stdpop',
      ],
      { from: 'user' },
    );
    expect(out).toContain('aces ~ offset(log(stdpop)) + smokban + time  (poisson)');
    expect(out).toMatch(/smokban\s+-0\.11/);
    expect(out).toContain('counterfactual');
    expect(err).toContain('warning: Pearson χ²/df is 3.56');
  });
});

describe('analyze its bad input', () => {
  const rows = (lines: string[]): string => `t,y,after,pop,m\n${lines.join('\n')}\n`;
  const good = Array.from(
    { length: 16 },
    (_, k) => `${k + 1},${10 + (k % 3)},${k < 8 ? 0 : 1},100,${(k % 12) + 1}`,
  );
  const flags = (input: string): Omit<ItsFlags, 'json'> => ({
    input,
    outcome: 'y',
    time: 't',
    intervention: 'after',
  });

  it('fits the good file', () => {
    expect(analyseItsFile({ ...flags(csv(rows(good))), offset: 'pop' }).postCount).toBe(8);
  });

  it('names a missing column', () => {
    expect(issueOf({ ...flags(csv(rows(good))), offset: 'stdpop' })).toEqual({
      field: 'stdpop',
      code: 'missing_column',
    });
  });

  it('names the row and column of a non-numeric cell', () => {
    const bad = [...good];
    bad[4] = '5,ten,0,100,5';
    expect(issueOf(flags(csv(rows(bad))))).toEqual({ row: 5, field: 'y', code: 'not_a_number' });
  });

  it('refuses an intervention that is not 0/1', () => {
    const bad = [...good];
    bad[2] = '3,10,2,100,3';
    expect(issueOf(flags(csv(rows(bad))))).toEqual({ row: 3, field: 'after', code: 'not_binary' });
  });

  it('refuses an offset ≤ 0 for a log-link family, and any offset for gaussian', () => {
    const bad = [...good];
    bad[6] = '7,10,0,0,7';
    expect(issueOf({ ...flags(csv(rows(bad))), offset: 'pop' })).toEqual({
      row: 7,
      field: 'pop',
      code: 'offset_not_positive',
    });
    expect(issueOf({ ...flags(csv(rows(good))), offset: 'pop', family: 'gaussian' }).code).toBe(
      'offset_with_gaussian',
    );
  });

  it('refuses too few rows for the terms, and incomplete or bad season flags', () => {
    expect(
      issueOf({
        ...flags(csv(rows(good.slice(6, 10)))),
        family: 'quasipoisson',
        slopeChange: true,
      }),
    ).toEqual({
      field: '--input',
      code: 'too_few_rows',
    });
    expect(issueOf({ ...flags(csv(rows(good))), seasonColumn: 'm' }).code).toBe(
      'incomplete_season',
    );
    expect(
      issueOf({ ...flags(csv(rows(good))), seasonColumn: 'm', seasonPeriod: '12', harmonics: '7' })
        .field,
    ).toBe('--harmonics');
    expect(
      issueOf({ ...flags(csv(rows(good))), seasonColumn: 'm', seasonPeriod: 'x', harmonics: '1' })
        .field,
    ).toBe('--season-period');
  });
});
