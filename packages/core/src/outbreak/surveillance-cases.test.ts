/**
 * Reference: R package surveillance 1.20.3 (R 4.2.2) — `earsC`, `cusum`/`algo.cusum`,
 * `farrington`/`algo.farrington`, `farringtonFlexible` — on the outbreak cases of
 * shared/validation-data (README §2). Papers: Hutwagner et al. 2003 (EARS), Rossi et al. 1999
 * (CUSUM), Farrington et al. 1996 JRSS A 159:547, Noufaily et al. 2013 Stat Med 32:1206.
 *
 * Every case folder with an expected.json is run with its `control_used` (and `control_given`
 * for CUSUM's m = NULL): upperbound and the method's extra fields must agree to 1e-6 relative,
 * alarms exactly. For EARS C3 the file also holds the CDC definition (not package output), which
 * `ears-c3-cdc` must reproduce. Held-out cases are exercised through the CLI
 * (packages/cli/src/analyze/analyze-outbreak.test.ts). Case folders are discovered.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../distributions/normal.ts';
import {
  detectOutbreaks,
  type OutbreakOptions,
  type OutbreakResult,
  type OutbreakSeries,
} from './index.ts';
import { VALIDATION_DATA } from '../validation-data.test-support.ts';

const ROOT = VALIDATION_DATA;
const CASES = readdirSync(ROOT)
  .filter((name) => /^(ears|cusum|farrington)/.test(name))
  .filter((name) => existsSync(`${ROOT}${name}/expected.json`))
  .sort();

type Cell = number | boolean | string | null;
interface Expected {
  readonly control_given: Record<string, unknown>;
  readonly control_used: Record<string, unknown>;
  readonly range: { first_t: number; last_t: number };
  readonly n_alarms: number;
  readonly points: readonly Record<string, Cell>[];
}

function readSeries(name: string): OutbreakSeries {
  const [header, ...lines] = readFileSync(`${ROOT}${name}/input.csv`, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  const rows = lines.map((line) => line.split(','));
  const observed = rows.map((row) => Number(row[columns.indexOf('observed')]));
  return columns.includes('date')
    ? { observed, dates: rows.map((row) => row[columns.indexOf('date')]) }
    : { observed };
}

/** The package call of a case, from its control_used. */
function optionsOf(name: string, expected: Expected): OutbreakOptions {
  const used = expected.control_used as Record<string, never>;
  const range = { first: expected.range.first_t, last: expected.range.last_t };
  if (name.startsWith('ears')) {
    const method = `ears-${String(used.method).toLowerCase()}` as 'ears-c1';
    return { method, range, alpha: used.alpha, baseline: used.baseline, minSigma: used.minSigma };
  }
  if (name.startsWith('cusum')) {
    return { method: 'cusum', range, k: used.k, h: used.h, m: expected.control_given.m as null };
  }
  const farrington = {
    range,
    b: used.b,
    w: used.w,
    reweight: used.reweight,
    alpha: used.alpha,
    trend: used.trend,
    limit54: used.limit54,
    powertrans: used.powertrans,
  };
  if (name.startsWith('farringtonFlexible')) {
    return {
      method: 'farrington-flexible',
      ...farrington,
      weightsThreshold: used.weightsThreshold,
      pThresholdTrend: used.pThresholdTrend,
      noPeriods: used.noPeriods,
      pastWeeksNotIncluded: used.pastWeeksNotIncluded,
      thresholdMethod: used.thresholdMethod,
    };
  }
  return { method: 'farrington', ...farrington };
}

/** Fields compared per family: [reference field, engine field]. */
function fieldsOf(name: string): [string, string][] {
  const fields: [string, string][] = [['upperbound', 'upperbound']];
  if (name.startsWith('cusum')) {
    fields.push(['cusum_statistic', 'cusumStatistic']);
  } else if (name.startsWith('farringtonFlexible')) {
    for (const f of [
      'expected',
      'score',
      'pvalue',
      'mu0Vector',
      'phiVector',
      'trend',
      'trendVector',
    ]) {
      fields.push([f, f]);
    }
  } else if (name.startsWith('farrington')) {
    fields.push(
      ['pd_q', 'predictiveQuantile'],
      ['pd_m_expected', 'predictiveMedian'],
      ['pd_m_expected', 'expected'],
    );
  }
  return fields;
}

/** Largest relative difference; nulls must match exactly. */
function maxRelative(
  actual: readonly (number | null)[],
  expected: readonly (number | null)[],
  label: string,
): number {
  let max = 0;
  expected.forEach((e, i) => {
    const a = actual[i];
    if (e === null || a === null) {
      expect(a, `${label} row ${i + 1}`).toBe(e);
      return;
    }
    const d = e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
    max = Math.max(max, d);
  });
  return max;
}

function column(result: OutbreakResult, field: string): (number | null)[] {
  return result.points.map((p) => p[field] as number | null);
}

describe('outbreak detection reproduces surveillance 1.20.3', () => {
  it('finds the cases with expected outputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES)('%s', (name) => {
    const expected = JSON.parse(readFileSync(`${ROOT}${name}/expected.json`, 'utf8')) as Expected;
    const result = detectOutbreaks(readSeries(name), optionsOf(name, expected));
    expect(result.points.map((p) => p.t)).toEqual(expected.points.map((p) => p.t));
    expect(result.points.map((p) => p.observed)).toEqual(expected.points.map((p) => p.observed));
    for (const [ref, field] of fieldsOf(name)) {
      const diff = maxRelative(
        column(result, field),
        expected.points.map((p) => p[ref] as number | null),
        `${name} ${field}`,
      );
      expect(diff, `${name} ${field}`).toBeLessThan(1e-6);
    }
    expect(result.points.map((p) => p.alarm)).toEqual(expected.points.map((p) => p.alarm));
    expect(result.points.filter((p) => p.alarm)).toHaveLength(expected.n_alarms);
    if (name.startsWith('cusum')) {
      expect(result.control.m).toBeCloseTo(expected.control_used.m as number, 12);
    }
  });

  const c3Cases = CASES.filter((name) => name.startsWith('ears_c3'));
  it.each(c3Cases)('%s: ears-c3-cdc reproduces the CDC definition in the file', (name) => {
    const expected = JSON.parse(readFileSync(`${ROOT}${name}/expected.json`, 'utf8')) as Expected;
    const options = { ...optionsOf(name, expected), method: 'ears-c3-cdc' } as const;
    const result = detectOutbreaks(readSeries(name), options);
    const z = normalQuantile(1 - (expected.control_used.alpha as number));
    expect(
      maxRelative(
        column(result, 'c3Statistic'),
        expected.points.map((p) => p.C3_statistic as number),
        'C3',
      ),
    ).toBeLessThan(1e-9);
    expect(result.points.map((p) => p.alarm)).toEqual(expected.points.map((p) => p.alarm_textbook));
    // The file's textbook threshold is meaningful while the two previous weeks leave C3 below z.
    result.points.forEach((p, i) => {
      const e = expected.points[i];
      const c2Now = p.c2Statistic as number;
      const lags = (p.c3Statistic as number) - Math.max(0, c2Now - 1);
      if (lags < z) {
        expect(
          Math.abs((p.upperbound as number) / (e.upperbound_textbook as number) - 1),
        ).toBeLessThan(1e-9);
        expect(p.alarm).toBe(p.observed >= (p.upperbound as number));
      } else {
        expect(p.upperbound).toBe(0);
        expect(p.alarm).toBe(true);
      }
    });
    // The package's C3 and the CDC's differ on this case (README §2: t = 409 alarms only for the CDC).
    const packageResult = detectOutbreaks(readSeries(name), optionsOf(name, expected));
    expect(packageResult.points.map((p) => p.alarm)).not.toEqual(result.points.map((p) => p.alarm));
  });
});
