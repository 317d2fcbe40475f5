/**
 * The signal model shared by the scan, the store and the inbox: the kinds of signal, what one
 * finding in one series looks like, and the stored signal that reconciliation compares it with.
 * Pure data; no I/O.
 */
import type { RuleDirection, RuleId } from '../rule-sets/rule-set-types.ts';

/** What kind of change a signal reports. The order of the list is the inbox priority. */
export type SignalKind =
  'outbreak' | 'sustained_shift' | 'trend' | 'single_point' | 'runs' | 'peer_outlier';

/** Every kind, in priority order (see `priority.ts`). */
export const SIGNAL_KINDS: readonly SignalKind[] = [
  'outbreak',
  'sustained_shift',
  'trend',
  'single_point',
  'runs',
  'peer_outlier',
];

/**
 * The kind each rule-set rule reports.
 *
 * - `astronomical`, `beyond_limits` and `two_of_three_beyond_2sigma` are point-level rules: one
 *   or a few points far from the centre line. Two-of-three is a `single_point` signal because it
 *   flags the individual points beyond 2σ, not a run (MDC ranks it between shift and single point;
 *   the inbox keeps one kind for "points out of the usual range").
 * - `shift` (IHI, MDC) and `longest_run` (Anhøj) are both "too many points on one side":
 *   `sustained_shift`.
 * - `runs_too_few`, `runs_too_many` (IHI) and `crossings` (Anhøj) judge the whole series'
 *   randomness and have no direction: `runs`.
 */
export const RULE_KIND: Readonly<Record<RuleId, SignalKind>> = Object.freeze({
  astronomical: 'single_point',
  beyond_limits: 'single_point',
  two_of_three_beyond_2sigma: 'single_point',
  shift: 'sustained_shift',
  longest_run: 'sustained_shift',
  trend: 'trend',
  runs_too_few: 'runs',
  runs_too_many: 'runs',
  crossings: 'runs',
});

/**
 * The rule that raised a signal: a rule-set rule, `outbreak:<method>` for an outbreak detector
 * (e.g. `outbreak:farrington-flexible`), or `funnel` for a funnel-plot outlier.
 */
export type SignalRule = RuleId | `outbreak:${string}` | 'funnel';

/** The named, versioned method that raised a signal; store both on every signal. */
export interface SignalMethod {
  /** Rule-set preset id (`anhoej`, `mdc-2024`…), outbreak method id, or funnel method id. */
  readonly id: string;
  readonly version: string;
}

/** A stable code plus numbers (like `RuleMessage`); `web` turns it into a translated sentence. */
export interface SignalExplanation {
  readonly code: string;
  readonly values: Readonly<Record<string, number>>;
}

/** One signal found in one series by one scan, before it is stored. */
export interface SignalFinding {
  readonly kind: SignalKind;
  readonly rule: SignalRule;
  readonly ruleSet: SignalMethod;
  /** Up = above / increasing / higher than peers; down the opposite; null when undirected. */
  readonly direction: RuleDirection;
  /** Period ids of the points involved, ascending, without repeats. Never empty. */
  readonly periodIds: readonly string[];
  readonly firstPeriod: string;
  readonly lastPeriod: string;
  readonly explanation: SignalExplanation;
  /** The finding in plain English, e.g. "9 months in a row above the median: a sustained shift since 2024-03". */
  readonly summary: string;
}

/** The workflow status of a stored signal (DESIGN.md §3). */
export type SignalStatus = 'new' | 'acknowledged' | 'under_review' | 'actioned' | 'dismissed';

/**
 * A signal as the store holds it, for one indicator × org unit: what reconciliation needs.
 * Extra fields are carried through untouched.
 */
export interface StoredSignal {
  readonly id: string;
  readonly kind: SignalKind;
  readonly rule: SignalRule;
  readonly direction: RuleDirection;
  /** Ascending period ids. */
  readonly periodIds: readonly string[];
  readonly status: SignalStatus;
}
