/** The signal inbox and lifecycle (issue #5); see README.md. */
export { changeSignalStatuses, getSignal, type StatusChange } from './change-status.ts';
export { canTransition, reasonRequired, SIGNAL_TRANSITIONS } from './lifecycle.ts';
export { listSignals, SIGNAL_STATUSES, type SignalFilters } from './list-signals.ts';
export { presentSignal, selectSignalRows, type SignalRow } from './signal-rows.ts';
