import { describe, expect, it } from 'vitest';
import { canTransition, normaliseReason, reasonRequired, SIGNAL_TRANSITIONS } from './lifecycle.ts';

describe('signal lifecycle', () => {
  it('follows the documented table', () => {
    expect(canTransition('new', 'acknowledged')).toBe(true);
    expect(canTransition('new', 'dismissed')).toBe(true);
    expect(canTransition('acknowledged', 'under_review')).toBe(true);
    expect(canTransition('under_review', 'actioned')).toBe(true);
    expect(canTransition('under_review', 'dismissed')).toBe(true);
    expect(canTransition('dismissed', 'acknowledged')).toBe(true);
  });

  it('refuses skips, backwards moves, no-ops and leaving actioned', () => {
    expect(canTransition('new', 'under_review')).toBe(false);
    expect(canTransition('new', 'actioned')).toBe(false);
    expect(canTransition('acknowledged', 'new')).toBe(false);
    expect(canTransition('acknowledged', 'acknowledged')).toBe(false);
    expect(canTransition('dismissed', 'new')).toBe(false);
    expect(SIGNAL_TRANSITIONS.actioned).toEqual([]);
  });

  it('needs a reason only to dismiss, and blank is no reason', () => {
    expect(reasonRequired('dismissed')).toBe(true);
    expect(reasonRequired('acknowledged')).toBe(false);
    expect(normaliseReason('  ')).toBeNull();
    expect(normaliseReason(undefined)).toBeNull();
    expect(normaliseReason(' duplicate report ')).toBe('duplicate report');
  });
});
