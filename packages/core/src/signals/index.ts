/**
 * Signal findings from one series' statistics, their reconciliation with stored signals, and the
 * inbox priority. Pure: the server stores, schedules and serves them.
 */
export {
  RULE_KIND,
  SIGNAL_KINDS,
  type SignalExplanation,
  type SignalFinding,
  type SignalKind,
  type SignalMethod,
  type SignalRule,
  type SignalStatus,
  type StoredSignal,
} from './types.ts';
export {
  FUNNEL_METHOD_VERSION,
  OUTBREAK_METHOD_VERSION,
  findingsFromFunnel,
  findingsFromOutbreaks,
  findingsFromRuleSet,
  findingsFromSpcChart,
  type CentreLineWord,
  type FindingFilter,
  type FunnelFindingsInput,
  type OrgUnitFinding,
  type OutbreakFindingsInput,
  type RuleSetFindingsInput,
} from './series-findings.ts';
export { findingsFromSpcInput } from './chart-findings.ts';
export {
  applyReconciliation,
  normaliseFindings,
  reconcileSignals,
  type ExtendedSignal,
  type Reconciliation,
  type UnchangedSignal,
} from './reconcile.ts';
export { SIGNAL_KIND_RANK, compareSignalPriority, type PrioritisedSignal } from './priority.ts';
