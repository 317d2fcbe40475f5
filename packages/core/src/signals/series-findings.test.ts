/**
 * Findings from real engine output: `computeSpcChart` + presets, `detectOutbreaks`,
 * `computeFunnel`, on series with planted changes.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { computeFunnel } from '../funnel/compute-funnel.ts';
import { detectOutbreaks } from '../outbreak/detect-outbreaks.ts';
import { getRuleSetPreset } from '../rule-sets/rule-set-registry.ts';
import type { RuleId } from '../rule-sets/rule-set-types.ts';
import { computeSpcChart } from '../spc/compute-spc-chart.ts';
import {
  findingsFromFunnel,
  findingsFromOutbreaks,
  findingsFromRuleSet,
  findingsFromSpcChart,
} from './series-findings.ts';
import { months, plantedShift } from './signals.test-support.ts';
import { RULE_KIND, SIGNAL_KINDS } from './types.ts';

describe('findingsFromSpcChart', () => {
  it('with `keep`, makes exactly the findings kept, as filtering all of them would', () => {
    const y = [...plantedShift(9), 50, 49, 51, 80, 20, 50, 51];
    const periods = months(y.length);
    let left = 0;
    for (const options of [{ chart: 'i' as const }, { chart: 'i' as const, part: [10] }]) {
      const chart = computeSpcChart({ x: periods, y }, options);
      for (const preset of ['anhoej', 'mdc-2024'] as const) {
        const all = findingsFromSpcChart(chart, periods, getRuleSetPreset(preset));
        expect(new Set(all.map((f) => f.kind)).size).toBeGreaterThan(1);
        const keep = (kind: string, last: string) => kind !== 'single_point' || last >= '202504';
        expect(findingsFromSpcChart(chart, periods, getRuleSetPreset(preset), keep)).toEqual(
          all.filter((f) => keep(f.kind, f.lastPeriod)),
        );
        expect(findingsFromSpcChart(chart, periods, getRuleSetPreset(preset), () => true)).toEqual(
          all,
        );
        left += all.filter((f) => !keep(f.kind, f.lastPeriod)).length;
      }
    }
    expect(left).toBeGreaterThan(0);
  });

  it('finds a planted shift on a run chart with the Anhøj preset', () => {
    const y = plantedShift(9);
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'run' });
    const findings = findingsFromSpcChart(chart, periods, getRuleSetPreset('anhoej'));

    const shift = findings.find((f) => f.kind === 'sustained_shift');
    expect(shift).toMatchObject({
      rule: 'longest_run',
      ruleSet: { id: 'anhoej', version: '2014.1' },
      direction: 'up',
      firstPeriod: '202404',
      lastPeriod: '202412',
      explanation: { code: 'run_too_long', values: { length: 9, longestRunMax: 7 } },
      summary: '9 months in a row above the median: a sustained shift since 2024-04',
    });
    expect(shift?.periodIds).toEqual(months(9, 2024, 4));
    const runs = findings.find((f) => f.kind === 'runs');
    expect(runs).toMatchObject({ rule: 'crossings', direction: null });
    expect(runs?.summary).toBe(
      'The data cross the median only 3 times in 21 months (at least 6 expected): the process has changed',
    );
  });

  it('says "from … to …" for a shift that has ended', () => {
    const y = [...plantedShift(9), 50, 49, 51];
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'run' });
    const shift = findingsFromSpcChart(chart, periods, getRuleSetPreset('anhoej')).find(
      (f) => f.kind === 'sustained_shift',
    );
    expect(shift?.summary).toMatch(/a sustained shift from 2024-0\d to 2024-12$/);
  });

  it('finds the shift, two-of-three and merged limit points on an I chart with MDC', () => {
    const y = plantedShift(9);
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'i', freeze: 15 });
    const findings = findingsFromSpcChart(chart, periods, getRuleSetPreset('mdc-2024'));

    expect(findings.map((f) => [f.kind, f.rule, f.direction])).toEqual([
      ['sustained_shift', 'shift', 'up'],
      ['single_point', 'two_of_three_beyond_2sigma', 'up'],
      ['single_point', 'beyond_limits', 'up'],
    ]);
    const shift = findings[0];
    expect(shift.summary).toBe(
      '10 months in a row above the average: a sustained shift since 2024-03',
    );
    // The nine 3-sigma points are consecutive: one finding, not nine.
    const beyond = findings[2];
    expect(beyond.periodIds).toEqual(months(9, 2024, 4));
    expect(beyond.summary).toMatch(
      /^9 months above the upper control limit from 2024-04 to 2024-12, furthest \(63 against a limit of [\d.]+\)$/,
    );
  });

  it('names a single point beyond the limit by its period', () => {
    const y = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 50, 48, 52, 90, 50, 51];
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'i', freeze: 15 });
    const single = findingsFromSpcChart(chart, periods, getRuleSetPreset('anhoej'));
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ kind: 'single_point', periodIds: ['202404'] });
    expect(single[0].summary).toMatch(/^2024-04 is above the upper control limit \(90 against/);
  });

  it('finds a rising trend with the IHI preset', () => {
    const y = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 44, 46, 49, 51, 54, 57];
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'run' });
    const trend = findingsFromSpcChart(chart, periods, getRuleSetPreset('ihi-run')).find(
      (f) => f.kind === 'trend',
    );
    expect(trend).toMatchObject({ rule: 'trend', direction: 'up', lastPeriod: '202404' });
    expect(trend?.summary).toMatch(
      /^\d months in a row each higher than the last: a rising trend since 2023-1\d$/,
    );
  });

  it('evaluates each part on its own lines', () => {
    const y = plantedShift(9);
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'run', part: [15] });
    const findings = findingsFromSpcChart(chart, periods, getRuleSetPreset('anhoej'));
    expect(findings.filter((f) => f.kind === 'sustained_shift')).toEqual([]);
  });

  it('rejects period ids that do not match the chart', () => {
    const chart = computeSpcChart({ x: [1, 2, 3], y: [1, 2, 3] }, { chart: 'run' });
    expect(() => findingsFromSpcChart(chart, ['202401'], getRuleSetPreset('anhoej'))).toThrow(
      ValidationError,
    );
  });
});

describe('findingsFromRuleSet', () => {
  it('maps every rule to a kind in the list', () => {
    for (const rule of Object.keys(RULE_KIND) as RuleId[]) {
      expect(SIGNAL_KINDS).toContain(RULE_KIND[rule]);
    }
  });

  it('rejects a finding with no period', () => {
    const result = getRuleSetPreset('anhoej').evaluate({
      y: [0, 10, 0],
      cl: [0, 0, 0],
      ucl: [1, 1, 1],
      lcl: [-1, -1, -1],
    });
    expect(() => findingsFromRuleSet({ periodIds: ['202401'], result })).toThrow(ValidationError);
  });
});

describe('findingsFromOutbreaks', () => {
  const observed = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3, 5, 3, 4, 2, 3, 20, 25, 22, 3, 4];
  const weeks = observed.map((_, i) => `2024W${i + 1}`);

  it('merges alarms on consecutive weeks into one outbreak finding', () => {
    const result = detectOutbreaks(
      { observed },
      { method: 'ears-c2', range: { first: 10, last: 20 } },
    );
    expect(result.points.filter((p) => p.alarm).map((p) => p.t)).toEqual([16, 17, 18]);
    const findings = findingsFromOutbreaks({ periodIds: weeks, result });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'outbreak',
      rule: 'outbreak:ears-c2',
      ruleSet: { id: 'ears-c2', version: 'surveillance-1.20.3' },
      direction: 'up',
      periodIds: ['2024W16', '2024W17', '2024W18'],
      explanation: {
        code: 'outbreak_alarm',
        values: { periods: 3, observed: 67, peakObserved: 25 },
      },
    });
    expect(findings[0].summary).toMatch(
      /^Outbreak alarm for 3 weeks in a row from 2024W16 to 2024W18: 67 cases against [\d.]+ expected \(EARS C2\)$/,
    );
  });

  it('keeps alarms separated by a quiet week apart', () => {
    const twoBursts = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3, 5, 3, 4, 2, 3, 20, 3, 4, 3, 30];
    const result = detectOutbreaks(
      { observed: twoBursts },
      { method: 'ears-c1', range: { first: 10, last: 20 } },
    );
    const alarms = result.points.filter((p) => p.alarm).map((p) => p.t);
    const findings = findingsFromOutbreaks({ periodIds: weeks, result });
    expect(alarms).toContain(16);
    expect(alarms).toContain(20);
    expect(findings.map((f) => f.periodIds)).toContainEqual(['2024W16']);
    expect(findings.at(-1)?.periodIds).toEqual(['2024W20']);
    expect(findings.at(-1)?.summary).toMatch(/^Outbreak alarm for 1 week in 2024W20: 30 cases/);
  });
});

describe('findingsFromFunnel', () => {
  const units = [
    { unit: 'ouA', y: 50, n: 1000 },
    { unit: 'ouB', y: 48, n: 1000 },
    { unit: 'ouC', y: 120, n: 1000 },
    { unit: 'ouD', y: 52, n: 1000 },
    { unit: 'ouE', y: 49, n: 1000 },
    { unit: 'ouF', y: 10, n: 1000 },
  ];

  it('turns funnel outliers into peer-outlier findings per org unit', () => {
    const result = computeFunnel(units, { type: 'proportion', multiply: 100 });
    const findings = findingsFromFunnel({ periodIds: ['202410'], result });
    expect(findings.map((f) => [f.orgUnit, f.finding.kind, f.finding.direction])).toEqual([
      ['ouC', 'peer_outlier', 'up'],
      ['ouF', 'peer_outlier', 'down'],
    ]);
    expect(findings[0].finding).toMatchObject({
      rule: 'funnel',
      ruleSet: { id: 'funnel-99.8', version: '2005.1' },
      periodIds: ['202410'],
      explanation: { code: 'funnel_outlier', values: { value: 12, n: 1000 } },
    });
    expect(findings[0].finding.summary).toMatch(
      /^Far above its peers in 2024-10: 12 against 5.48 across all units \(99.8% limit [\d.]+\)$/,
    );
  });

  it('names the overdispersion adjustment in the version', () => {
    const result = computeFunnel(units, { type: 'proportion', overdispersion: true });
    const findings = findingsFromFunnel({ periodIds: ['202410'], result, limit: '95' });
    expect(result.overdispersion.applied).toBe(true);
    for (const f of findings) {
      expect(f.finding.ruleSet).toEqual({ id: 'funnel-95', version: '2005.1+overdispersion' });
    }
  });

  it('needs periods', () => {
    const result = computeFunnel(units, { type: 'proportion' });
    expect(() => findingsFromFunnel({ periodIds: [], result })).toThrow(ValidationError);
  });
});
