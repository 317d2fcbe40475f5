/**
 * Deduplication across scans, on findings from the real engine and on arbitrary findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRuleSetPreset } from '../rule-sets/rule-set-registry.ts';
import { computeSpcChart } from '../spc/compute-spc-chart.ts';
import { applyReconciliation, normaliseFindings, reconcileSignals } from './reconcile.ts';
import { findingsFromSpcChart } from './series-findings.ts';
import { months, plantedShift } from './signals.test-support.ts';
import type { SignalFinding, SignalKind, SignalRule, StoredSignal } from './types.ts';

/** One scan of a run chart with the Anhøj preset. */
function scan(y: readonly number[]): SignalFinding[] {
  const periods = months(y.length);
  const chart = computeSpcChart({ x: periods, y }, { chart: 'run' });
  return findingsFromSpcChart(chart, periods, getRuleSetPreset('anhoej'));
}

const ids = (prefix: string) => (k: number) => `${prefix}${k}`;

function finding(
  kind: SignalKind,
  rule: SignalRule,
  direction: 'up' | 'down' | null,
  periodIds: string[],
): SignalFinding {
  return {
    kind,
    rule,
    ruleSet: { id: 'anhoej', version: '2014.1' },
    direction,
    periodIds,
    firstPeriod: periodIds[0],
    lastPeriod: periodIds[periodIds.length - 1],
    explanation: { code: 'test', values: {} },
    summary: 'test',
  };
}

describe('reconcileSignals on engine output', () => {
  it('creates the signals of a first scan', () => {
    const result = reconcileSignals([], scan(plantedShift(9)));
    expect(result.created.map((f) => f.kind)).toEqual(['sustained_shift', 'runs']);
    expect(result.extended).toEqual([]);
    expect(result.unchanged).toEqual([]);
    expect(result.absent).toEqual([]);
  });

  it('changes nothing when the same data are scanned again', () => {
    const findings = scan(plantedShift(9));
    const stored = applyReconciliation([], reconcileSignals([], findings), ids('s'));
    const again = reconcileSignals(stored, scan(plantedShift(9)));
    expect(again.created).toEqual([]);
    expect(again.extended).toEqual([]);
    expect(again.absent).toEqual([]);
    expect(again.unchanged.map((u) => u.stored.id)).toEqual(['s0', 's1']);
  });

  it('extends the stored shift by one month when the shift continues', () => {
    const stored = applyReconciliation([], reconcileSignals([], scan(plantedShift(9))), ids('s'));
    const next = reconcileSignals(stored, scan(plantedShift(10)));
    expect(next.created).toEqual([]);
    const shift = next.extended.find((e) => e.stored.kind === 'sustained_shift');
    expect(shift?.stored.id).toBe('s0');
    expect(shift?.newPeriodIds).toEqual(['202501']);
    expect(shift?.periodIds).toEqual(months(10, 2024, 4));
    expect(shift?.finding.summary).toBe(
      '10 months in a row above the median: a sustained shift since 2024-04',
    );
  });

  it('extends a dismissed signal without reopening it', () => {
    const stored = applyReconciliation([], reconcileSignals([], scan(plantedShift(9))), ids('s'));
    const dismissed = stored.map((s) => ({ ...s, status: 'dismissed' as const }));
    const next = reconcileSignals(dismissed, scan(plantedShift(10)));
    const shift = next.extended.find((e) => e.stored.kind === 'sustained_shift');
    expect(shift?.stored.status).toBe('dismissed');
    const after = applyReconciliation(dismissed, next, ids('n'));
    expect(after.every((s) => s.status === 'dismissed')).toBe(true);
    expect(after).toHaveLength(2);
  });

  it('keeps a stored signal the data no longer show, as absent', () => {
    const stored = applyReconciliation([], reconcileSignals([], scan(plantedShift(9))), ids('s'));
    const flat = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 50, 48, 52, 49, 51, 50];
    const next = reconcileSignals(stored, scan(flat));
    expect(next.absent.map((s) => s.id)).toEqual(['s0', 's1']);
    expect(applyReconciliation(stored, next, ids('n'))).toEqual(stored);
  });
});

describe('reconcileSignals matching', () => {
  const stored: StoredSignal[] = [
    {
      id: 'a',
      kind: 'single_point',
      rule: 'beyond_limits',
      direction: 'up',
      periodIds: ['202410'],
      status: 'acknowledged',
    },
  ];

  it('extends a signal with an adjacent period of the same kind, rule and direction', () => {
    const result = reconcileSignals(stored, [
      finding('single_point', 'beyond_limits', 'up', ['202411']),
    ]);
    expect(result.extended.map((e) => [e.stored.id, e.newPeriodIds])).toEqual([['a', ['202411']]]);
  });

  it('creates a new signal after a gap, in the other direction or for another rule', () => {
    const result = reconcileSignals(stored, [
      finding('single_point', 'beyond_limits', 'up', ['202412']),
      finding('single_point', 'beyond_limits', 'down', ['202410']),
      finding('single_point', 'astronomical', 'up', ['202410']),
    ]);
    expect(result.created).toHaveLength(3);
    expect(result.absent.map((s) => s.id)).toEqual(['a']);
  });

  it('is unchanged when the fresh periods are a subset of the stored ones', () => {
    const long: StoredSignal = {
      id: 'b',
      kind: 'sustained_shift',
      rule: 'shift',
      direction: 'down',
      periodIds: months(8, 2024, 1),
      status: 'new',
    };
    const result = reconcileSignals(
      [long],
      [finding('sustained_shift', 'shift', 'down', months(6, 2024, 2))],
    );
    expect(result.unchanged.map((u) => u.stored.id)).toEqual(['b']);
  });

  it('merges touching fresh findings of one key into one before matching', () => {
    const merged = normaliseFindings([
      finding('single_point', 'beyond_limits', 'up', ['202402']),
      finding('single_point', 'beyond_limits', 'up', ['202401']),
      finding('single_point', 'beyond_limits', 'up', ['202405']),
    ]);
    expect(merged.map((f) => f.periodIds)).toEqual([['202401', '202402'], ['202405']]);
  });

  it('extends the earliest of two stored signals a finding bridges', () => {
    const two: StoredSignal[] = [
      { ...stored[0], id: 'late', periodIds: ['202412'] },
      { ...stored[0], id: 'early', periodIds: ['202410'] },
    ];
    const result = reconcileSignals(two, [
      finding('single_point', 'beyond_limits', 'up', ['202410', '202411', '202412']),
    ]);
    expect(result.extended.map((e) => [e.stored.id, e.newPeriodIds])).toEqual([
      ['early', ['202411', '202412']],
    ]);
    expect(result.absent.map((s) => s.id)).toEqual(['late']);
  });
});

describe('reconcileSignals properties', () => {
  const kinds: [SignalKind, SignalRule][] = [
    ['sustained_shift', 'shift'],
    ['trend', 'trend'],
    ['single_point', 'beyond_limits'],
    ['outbreak', 'outbreak:farrington-flexible'],
    ['peer_outlier', 'funnel'],
  ];
  const arbitraryFinding = fc
    .record({
      kind: fc.integer({ min: 0, max: kinds.length - 1 }),
      direction: fc.constantFrom('up' as const, 'down' as const, null),
      start: fc.integer({ min: 0, max: 30 }),
      offsets: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ kind, direction, start, offsets }) => {
      const all = months(40, 2022, 1);
      const periods = [...offsets].sort((a, b) => a - b).map((o) => all[start + o]);
      return finding(kinds[kind][0], kinds[kind][1], direction, periods);
    });

  it('gives only unchanged when the findings are reconciled again after applying them', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 12 }), (findings) => {
        const first = reconcileSignals([], findings);
        const stored = applyReconciliation([], first, ids('s'));
        const again = reconcileSignals(stored, findings);
        expect(again.created).toEqual([]);
        expect(again.extended).toEqual([]);
        expect(again.absent).toEqual([]);
        expect(again.unchanged).toHaveLength(stored.length);
      }),
    );
  });

  it('never loses a stored signal or a fresh period', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFinding, { maxLength: 8 }),
        fc.array(arbitraryFinding, { maxLength: 8 }),
        (before, after) => {
          const stored = applyReconciliation([], reconcileSignals([], before), ids('s'));
          const next = applyReconciliation(stored, reconcileSignals(stored, after), ids('n'));
          expect(next.slice(0, stored.length).map((s) => s.id)).toEqual(stored.map((s) => s.id));
          for (const f of after) {
            for (const p of f.periodIds) {
              const holder = next.some(
                (s) =>
                  s.kind === f.kind &&
                  s.rule === f.rule &&
                  s.direction === f.direction &&
                  s.periodIds.includes(p),
              );
              expect(holder).toBe(true);
            }
          }
        },
      ),
    );
  });
});
