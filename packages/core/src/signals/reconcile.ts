/**
 * Deduplicates signals across scans for one indicator × org unit: a fresh finding either matches
 * a stored signal (same kind, rule and direction, periods overlapping or adjacent) and leaves it
 * unchanged or extends it, or it becomes a new signal. Nothing here deletes or reopens a signal.
 */
import { comparePeriodIds, isNextPeriod, sortPeriodIds } from './signal-periods.ts';
import type { SignalFinding, StoredSignal } from './types.ts';

/** A stored signal that a fresh finding continues. */
export interface ExtendedSignal<S extends StoredSignal = StoredSignal> {
  readonly stored: S;
  /** The fresh finding (merged, when several matched) whose explanation and summary are current. */
  readonly finding: SignalFinding;
  /** Periods the stored signal did not have, ascending. */
  readonly newPeriodIds: readonly string[];
  /** The stored periods plus the new ones, ascending: what the store should hold now. */
  readonly periodIds: readonly string[];
}

/** A stored signal the fresh findings cover exactly or in part, with nothing new. */
export interface UnchangedSignal<S extends StoredSignal = StoredSignal> {
  readonly stored: S;
  readonly finding: SignalFinding;
}

/** What one scan changes for one indicator × org unit. */
export interface Reconciliation<S extends StoredSignal = StoredSignal> {
  /** Findings that match no stored signal: store each as a new signal (status `new`). */
  readonly created: readonly SignalFinding[];
  /** Stored signals that grow; their status is left as it is (a dismissed signal stays dismissed). */
  readonly extended: readonly ExtendedSignal<S>[];
  readonly unchanged: readonly UnchangedSignal<S>[];
  /**
   * Stored signals no fresh finding matched (the data or the limits changed). They are kept, not
   * deleted: the store may mark them `stillPresent = false`.
   */
  readonly absent: readonly S[];
}

type Key = string;

function keyOf(s: Pick<SignalFinding, 'kind' | 'rule' | 'direction'>): Key {
  return `${s.kind}|${s.rule}|${s.direction ?? '-'}`;
}

interface Span {
  readonly first: string;
  readonly last: string;
}

function spanOf(periodIds: readonly string[]): Span {
  return { first: periodIds[0], last: periodIds[periodIds.length - 1] };
}

function overlaps(a: Span, b: Span): boolean {
  return comparePeriodIds(a.first, b.last) <= 0 && comparePeriodIds(b.first, a.last) <= 0;
}

function adjacent(a: Span, b: Span): boolean {
  return isNextPeriod(a.last, b.first) || isNextPeriod(b.last, a.first);
}

function touches(a: Span, b: Span): boolean {
  return overlaps(a, b) || adjacent(a, b);
}

/** Two findings of one key as one: union of periods, explanation and summary of the later one. */
function mergeFindings(a: SignalFinding, b: SignalFinding): SignalFinding {
  const periodIds = sortPeriodIds([...a.periodIds, ...b.periodIds]);
  const order = comparePeriodIds(a.lastPeriod, b.lastPeriod);
  const later = order > 0 || (order === 0 && a.periodIds.length >= b.periodIds.length) ? a : b;
  return {
    ...later,
    periodIds,
    firstPeriod: periodIds[0],
    lastPeriod: periodIds[periodIds.length - 1],
  };
}

/**
 * Merges fresh findings of the same kind, rule and direction whose periods overlap or are
 * adjacent, so that one event is one finding. Order: by key of first appearance, then by period.
 */
export function normaliseFindings(findings: readonly SignalFinding[]): SignalFinding[] {
  const groups = new Map<Key, SignalFinding[]>();
  for (const f of findings) {
    if (f.periodIds.length === 0) {
      continue;
    }
    const key = keyOf(f);
    const group = groups.get(key) ?? [];
    group.push(f);
    groups.set(key, group);
  }
  const out: SignalFinding[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort(
      (a, b) =>
        comparePeriodIds(a.firstPeriod, b.firstPeriod) ||
        comparePeriodIds(a.lastPeriod, b.lastPeriod),
    );
    const merged: SignalFinding[] = [];
    for (const f of sorted) {
      const prev = merged.length > 0 ? merged[merged.length - 1] : undefined;
      if (prev && touches(spanOf(prev.periodIds), spanOf(f.periodIds))) {
        merged[merged.length - 1] = mergeFindings(prev, f);
      } else {
        merged.push(f);
      }
    }
    out.push(...merged);
  }
  return out;
}

/**
 * Which stored signal a finding continues: among signals of the same kind, rule and direction,
 * those whose period span overlaps the finding's, else those adjacent to it; of these the one that
 * starts first (then the smaller id).
 */
function matchStored<S extends StoredSignal>(
  finding: SignalFinding,
  stored: readonly S[],
): S | null {
  const key = keyOf(finding);
  const span = spanOf(finding.periodIds);
  const same = stored.filter((s) => s.periodIds.length > 0 && keyOf(s) === key);
  const overlapping = same.filter((s) => overlaps(spanOf(s.periodIds), span));
  const candidates =
    overlapping.length > 0 ? overlapping : same.filter((s) => adjacent(spanOf(s.periodIds), span));
  if (candidates.length === 0) {
    return null;
  }
  return [...candidates].sort(
    (a, b) =>
      comparePeriodIds(a.periodIds[0], b.periodIds[0]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

/**
 * Compares the fresh findings of one scan of one indicator × org unit with its stored signals.
 *
 * - Fresh findings are first merged (`normaliseFindings`).
 * - A finding matching a stored signal whose periods already include all of its periods leaves it
 *   `unchanged`; one with periods the signal lacks `extended`s it (several findings matching the
 *   same signal extend it once, with the union). Status is never changed: a dismissed or actioned
 *   signal that continues is extended and stays dismissed or actioned.
 * - A finding matching none is `created`.
 * - A stored signal matched by no finding is `absent`, never deleted.
 *
 * Re-running on the same findings after applying the result gives only `unchanged`.
 * @param stored - The stored signals of this indicator × org unit.
 * @param fresh - The findings of this scan.
 */
export function reconcileSignals<S extends StoredSignal>(
  stored: readonly S[],
  fresh: readonly SignalFinding[],
): Reconciliation<S> {
  const created: SignalFinding[] = [];
  const matched = new Map<string, { stored: S; findings: SignalFinding[] }>();
  for (const f of normaliseFindings(fresh)) {
    const s = matchStored(f, stored);
    if (s === null) {
      created.push(f);
      continue;
    }
    const entry = matched.get(s.id) ?? { stored: s, findings: [] };
    entry.findings.push(f);
    matched.set(s.id, entry);
  }
  const extended: ExtendedSignal<S>[] = [];
  const unchanged: UnchangedSignal<S>[] = [];
  for (const { stored: s, findings } of matched.values()) {
    const finding = findings.reduce(mergeFindings);
    const have = new Set(s.periodIds);
    const newPeriodIds = finding.periodIds.filter((p) => !have.has(p));
    if (newPeriodIds.length === 0) {
      unchanged.push({ stored: s, finding });
    } else {
      extended.push({
        stored: s,
        finding,
        newPeriodIds,
        periodIds: sortPeriodIds([...s.periodIds, ...newPeriodIds]),
      });
    }
  }
  const absent = stored.filter((s) => !matched.has(s.id));
  return { created, extended, unchanged, absent };
}

/**
 * The stored signals after a reconciliation, as a store would hold them: extended signals get
 * their new periods, created ones get an id from `newId` and status `new`, nothing is removed.
 * For tests and in-memory stores; the server does the same in SQL.
 * @param stored - The signals the reconciliation was computed against.
 * @param result - Its result.
 * @param newId - Id of the k-th created signal.
 */
export function applyReconciliation(
  stored: readonly StoredSignal[],
  result: Reconciliation,
  newId: (k: number) => string,
): StoredSignal[] {
  const grown = new Map(result.extended.map((e) => [e.stored.id, e.periodIds]));
  const kept = stored.map((s) => {
    const periodIds = grown.get(s.id);
    return periodIds ? { ...s, periodIds } : s;
  });
  const added = result.created.map((f, k): StoredSignal => ({
    id: newId(k),
    kind: f.kind,
    rule: f.rule,
    direction: f.direction,
    periodIds: f.periodIds,
    status: 'new',
  }));
  return [...kept, ...added];
}
