/**
 * The signal lifecycle: which status may follow which. See README.md for the table and why.
 */
import type { SignalStatus } from '@sankofa/core';

/** The statuses each status may move to. Anything else is refused. */
export const SIGNAL_TRANSITIONS: Readonly<Record<SignalStatus, readonly SignalStatus[]>> =
  Object.freeze({
    new: ['acknowledged', 'dismissed'],
    acknowledged: ['under_review', 'dismissed'],
    under_review: ['actioned', 'dismissed'],
    actioned: [],
    dismissed: ['acknowledged'],
  });

/** True when a signal in `from` may be moved to `to`. */
export function canTransition(from: SignalStatus, to: SignalStatus): boolean {
  return (SIGNAL_TRANSITIONS[from] ?? []).includes(to);
}

/** Whether moving to `to` needs a non-empty reason (dismissing does). */
export function reasonRequired(to: SignalStatus): boolean {
  return to === 'dismissed';
}

/** The reason as stored: trimmed, empty as null. */
export function normaliseReason(reason: string | undefined | null): string | null {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
