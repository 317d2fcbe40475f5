/**
 * `sankofa analyze spc` against qicharts2 0.8.1 `qic()` (R 4.2.2) on every validation case with
 * an expected.json: the CLI's reading of the CSV and flags must give the reference numbers
 * (1e-6 relative) and flags (exactly). Points are matched by position: the reference files
 * number `i` oddly from the second part on (see packages/core/src/spc/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpcChartType } from '@sankofa/core';
import { analyseSpcFile } from './analyze-spc.ts';
import { VALIDATION_DATA } from '../../../core/src/validation-data.test-support.ts';

const dataRoot = VALIDATION_DATA;
const cases = existsSync(dataRoot)
  ? readdirSync(dataRoot).filter(
      (c) => c.startsWith('qic_') && existsSync(join(dataRoot, c, 'expected.json')),
    )
  : [];

interface Expected {
  params: {
    chart: SpcChartType;
    multiply: number;
    freeze: number | null;
    part: number[] | number | null;
    exclude: number[] | number | null;
    'qic.screenedmr': boolean;
  };
  points: Record<string, number | string | boolean | null>[];
  parts: Record<string, number | boolean | null>[];
}

const list = (v: number[] | number | null): string | undefined =>
  v === null ? undefined : [v].flat().join(',');

function close(
  actual: number | null,
  expected: number | string | boolean | null,
  label: string,
): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  const e = Number(expected);
  expect(actual, label).not.toBeNull();
  expect(Math.abs(actual! - e), label).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(e)));
}

describe('analyze spc reproduces qicharts2', () => {
  it.each(cases)('%s', (name) => {
    const expected = JSON.parse(
      readFileSync(join(dataRoot, name, 'expected.json'), 'utf8'),
    ) as Expected;
    const p = expected.params;
    const chart = analyseSpcFile({
      input: join(dataRoot, name, 'input.csv'),
      chart: p.chart,
      multiply: p.multiply === 1 ? undefined : String(p.multiply),
      freeze: p.freeze === null ? undefined : String(p.freeze),
      part: list(p.part),
      exclude: list(p.exclude),
      screenMr: p['qic.screenedmr'],
    });
    expect(chart.points).toHaveLength(expected.points.length);
    chart.points.forEach((point, k) => {
      const e = expected.points[k];
      for (const field of ['y', 'cl', 'lcl', 'ucl'] as const) {
        close(point[field], e[field], `${name} point ${k + 1} ${field}`);
      }
      close(point.lcl95, e['lcl.95'], `${name} point ${k + 1} lcl95`);
      close(point.ucl95, e['ucl.95'], `${name} point ${k + 1} ucl95`);
      expect(
        [point.part, point.baseline, point.include, point.sigmaSignal, point.runsSignal],
        `${name} point ${k + 1}`,
      ).toEqual([e.part, e.baseline, e.include, e['sigma.signal'], e['runs.signal']]);
    });
    expect(
      chart.parts.map((q) => [
        q.part,
        q.firstIndex,
        q.nObs,
        q.nUseful,
        q.longestRun,
        q.longestRunMax,
        q.crossings,
        q.crossingsMin,
        q.runsSignal,
        q.sigmaSignals,
      ]),
    ).toEqual(
      expected.parts.map((q) => [
        q.part,
        q.first_i,
        q['n.obs'],
        q['n.useful'],
        q['longest.run'],
        q['longest.run.max'],
        q['n.crossings'],
        q['n.crossings.min'],
        q['runs.signal'],
        q['sigma.signals'],
      ]),
    );
  });
});
