import { getRuleSetPreset } from '@sankofa/core';
import { describe, expect, it } from 'vitest';
import { monthsEndingAt } from './scan-signals.ts';
import {
  analyseSeries,
  chartFindings,
  outbreakFindings,
  peerFindings,
  scanChartType,
  spcOptionsFor,
  type SeriesToAnalyse,
} from './series-analysis.ts';

const periodIds = monthsEndingAt('202610', 36);
const series = (
  values: readonly (number | null)[],
  extra: Partial<SeriesToAnalyse> = {},
): SeriesToAnalyse => ({
  periodIds,
  points: values.map((v) => ({ value: v, numerator: v, denominator: v === null ? null : 1 })),
  chartType: 'run',
  factor: 1,
  kind: 'count',
  notifiable: false,
  baselineEnd: null,
  phaseEnds: [],
  preset: getRuleSetPreset('anhoej'),
  ...extra,
});
/** A stable seasonal-free count with small noise. */
const stable = Array.from({ length: 36 }, (_, i) => 100 + ((i * 7) % 5) - 2);

describe('monthsEndingAt', () => {
  it('counts back across years', () => {
    expect(monthsEndingAt('202402', 4)).toEqual(['202311', '202312', '202401', '202402']);
  });
});

describe('the chart of a series', () => {
  it('keeps ratio, run, I and C charts and reads G and T charts as run charts', () => {
    expect(['p', 'pp', 'u', 'up', 'run', 'i', 'c'].map(scanChartType)).toEqual([
      'p',
      'pp',
      'u',
      'up',
      'run',
      'i',
      'c',
    ]);
    expect(scanChartType('g')).toBe('run');
    expect(scanChartType('t')).toBe('run');
  });

  it('turns phase ends into parts, and a baseline end into freeze when there are no phases', () => {
    expect(spcOptionsFor(series(stable, { phaseEnds: ['202410', '201001'] }), 'run')).toEqual({
      chart: 'run',
      part: [12],
    });
    expect(spcOptionsFor(series(stable, { baselineEnd: '202410' }), 'p')).toEqual({
      chart: 'p',
      multiply: 1,
      freeze: 12,
    });
  });

  it('finds a sustained shift up in the last months, and nothing in too short a series', () => {
    const shifted = stable.map((v, i) => (i >= 24 ? v + 30 : v));
    const findings = chartFindings(series(shifted));
    expect(findings.filter((f) => f.kind === 'sustained_shift')).toEqual([
      expect.objectContaining({
        direction: 'up',
        firstPeriod: periodIds[24],
        lastPeriod: '202610',
      }),
    ]);
    const short = stable.map((v, i) => (i < 25 ? null : v));
    expect(chartFindings(series(short))).toEqual([]);
  });

  it('reads a proportion above 100 % on an I chart of the value instead of failing', () => {
    const s: SeriesToAnalyse = {
      ...series(stable),
      chartType: 'pp',
      factor: 100,
      points: stable.map((v, i) => ({
        value: (v / 90) * 100,
        numerator: v + (i >= 24 ? 40 : 0),
        denominator: 90,
      })),
    };
    expect(() => chartFindings(s)).not.toThrow();
  });
});

describe('outbreak findings', () => {
  it('only for notifiable counts; Farrington finds a tripling in the last month', () => {
    const spiked = stable.map((v, i) => (i === 35 ? v * 3 : v));
    expect(outbreakFindings(series(spiked))).toEqual([]);
    const findings = outbreakFindings(series(spiked, { notifiable: true }));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'outbreak',
        rule: 'outbreak:farrington-flexible',
        periodIds: ['202610'],
      }),
    ]);
  });

  it('falls back to EARS C3 with less than a year of history before the monitored months', () => {
    const short = stable.map((v, i) => (i < 16 ? null : i === 35 ? v * 3 : v));
    const findings = outbreakFindings(series(short, { notifiable: true }));
    expect(findings.map((f) => f.rule)).toEqual(['outbreak:ears-c3-cdc']);
  });
});

describe('peer findings', () => {
  const peers = Array.from({ length: 10 }, (_, i) => ({
    orgUnitId: `u${i}`,
    numerator: 400 + ((i * 13) % 20),
    denominator: 1000,
  }));

  it('flags the sibling far above its peers on a proportion funnel', () => {
    const found = peerFindings('pp', 100, '202610', [
      ...peers,
      { orgUnitId: 'high', numerator: 800, denominator: 1000 },
    ]);
    expect([...found.keys()]).toEqual(['high']);
    expect(found.get('high')).toEqual([
      expect.objectContaining({ kind: 'peer_outlier', direction: 'up', periodIds: ['202610'] }),
    ]);
  });

  it('gives nothing for count charts, too few siblings, or a numerator above its denominator', () => {
    expect(peerFindings('c', 1, '202610', peers).size).toBe(0);
    expect(peerFindings('pp', 100, '202610', peers.slice(0, 2)).size).toBe(0);
    expect(
      peerFindings('pp', 100, '202610', [
        ...peers,
        { orgUnitId: 'x', numerator: 1200, denominator: 1000 },
      ]).size,
    ).toBe(0);
  });
});

describe('which chart findings are raised', () => {
  it('raises a single point beyond the limits only in the last 3 months of the window', () => {
    const spikeAt = (index: number) => stable.map((v, i) => (i === index ? v + 60 : v));
    const kinds = (values: number[]) =>
      chartFindings(series(values, { chartType: 'i' })).map((f) => [f.kind, f.lastPeriod]);
    expect(kinds(spikeAt(34))).toContainEqual(['single_point', periodIds[34]]);
    expect(kinds(spikeAt(20)).filter(([k]) => k === 'single_point')).toEqual([]);
  });

  it('keeps only sustained shifts and trends from the chart of a notifiable count', () => {
    // A spike in the last month, and a step up over the last 10 months.
    const values = stable
      .map((v, i) => (i >= 26 ? v + 30 : v))
      .map((v, i) => (i === 35 ? v + 80 : v));
    const plain = analyseSeries(series(values, { chartType: 'c' })).map((f) => f.kind);
    expect(plain).toContain('single_point');
    expect(plain).toContain('sustained_shift');
    const notifiable = analyseSeries(series(values, { chartType: 'c', notifiable: true }))
      .filter((f) => f.kind !== 'outbreak')
      .map((f) => f.kind);
    expect(notifiable).toContain('sustained_shift');
    expect(notifiable.every((k) => k === 'sustained_shift' || k === 'trend')).toBe(true);
  });
});
