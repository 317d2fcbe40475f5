/**
 * The stated inbox priority, on hand-made signals and on engine findings.
 */
import { describe, expect, it } from 'vitest';
import { detectOutbreaks } from '../outbreak/detect-outbreaks.ts';
import { getRuleSetPreset } from '../rule-sets/rule-set-registry.ts';
import { computeSpcChart } from '../spc/compute-spc-chart.ts';
import { SIGNAL_KIND_RANK, compareSignalPriority, type PrioritisedSignal } from './priority.ts';
import { findingsFromOutbreaks, findingsFromSpcChart } from './series-findings.ts';
import { months, plantedShift } from './signals.test-support.ts';
import { SIGNAL_KINDS } from './types.ts';

describe('compareSignalPriority', () => {
  it('ranks the kinds in the stated order', () => {
    expect([...SIGNAL_KINDS].sort((a, b) => SIGNAL_KIND_RANK[a] - SIGNAL_KIND_RANK[b])).toEqual([
      'outbreak',
      'sustained_shift',
      'trend',
      'single_point',
      'runs',
      'peer_outlier',
    ]);
  });

  it('puts the larger population first within a kind, then the more recent signal', () => {
    const signals: PrioritisedSignal[] = [
      { id: 'small', kind: 'sustained_shift', population: 1_000, lastPeriod: '202412' },
      { id: 'old', kind: 'sustained_shift', population: 50_000, lastPeriod: '202406' },
      { id: 'recent', kind: 'sustained_shift', population: 50_000, lastPeriod: '202411' },
      { id: 'unknown', kind: 'sustained_shift', lastPeriod: '202412' },
      { id: 'peer', kind: 'peer_outlier', population: 900_000, lastPeriod: '202412' },
      { id: 'outbreak', kind: 'outbreak', population: 10, lastPeriod: '2024W3' },
    ];
    expect([...signals].sort(compareSignalPriority).map((s) => s.id)).toEqual([
      'outbreak',
      'recent',
      'old',
      'small',
      'unknown',
      'peer',
    ]);
  });

  it('orders engine findings: outbreak, shift, then runs', () => {
    const y = plantedShift(9);
    const periods = months(y.length);
    const chart = computeSpcChart({ x: periods, y }, { chart: 'run' });
    const spc = findingsFromSpcChart(chart, periods, getRuleSetPreset('anhoej'));
    const observed = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3, 5, 3, 4, 2, 3, 20, 25, 22, 3, 4];
    const outbreak = findingsFromOutbreaks({
      periodIds: observed.map((_, i) => `2024W${i + 1}`),
      result: detectOutbreaks({ observed }, { method: 'ears-c2', range: { first: 10, last: 20 } }),
    });
    const sorted = [...spc, ...outbreak].sort(compareSignalPriority);
    expect(sorted.map((f) => f.kind)).toEqual(['outbreak', 'sustained_shift', 'runs']);
  });
});
