/**
 * Reading one signal and moving signals along their lifecycle, within the actor's scope.
 * Out of scope reads as not found (no leak of what exists elsewhere); changing a status needs
 * the manager role over the signal's org unit. A change of several signals is all or nothing.
 */
import type { Issue, Signal, SignalStatus } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { ApiError, forbidden, notFound } from '../../errors.ts';
import { nowIso } from '../../ids.ts';
import { hasRoleAt } from '../../policies/scope.ts';
import { recordAudit } from '../audit.ts';
import { canTransition, normaliseReason, reasonRequired, SIGNAL_TRANSITIONS } from './lifecycle.ts';
import { presentSignal, selectSignalRows, type SignalRow } from './signal-rows.ts';

/** One signal the actor can see, or 404 (also when it exists outside their scope). */
export async function getSignal(db: Kysely<Database>, actor: Actor, id: string): Promise<Signal> {
  const row = await selectSignalRows(db).where('signals.id', '=', id).executeTakeFirst();
  if (row === undefined || !hasRoleAt(actor, row.orgUnitPath, 'viewer')) {
    throw notFound(`Signal ${id}`);
  }
  return presentSignal(row);
}

export interface StatusChange {
  readonly ids: readonly string[];
  readonly status: SignalStatus;
  readonly reason?: string;
}

/** The part of a signal a status change touches, as audited before and after. */
function lifecycleState(row: {
  status: string;
  statusReason: string | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
}) {
  return {
    status: row.status,
    reason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    statusChangedBy: row.statusChangedBy,
  };
}

/**
 * Moves every signal in `change.ids` to `change.status`, or none of them. Checks, in order:
 * a non-empty `reason` when dismissing (400, field `body.reason`); each id exists in the actor's
 * scope (404 naming it); the actor manages its org unit (403 naming it); the transition is in
 * the lifecycle table (409 naming it). `fieldOf(i)` names the i-th id in issues (`params.id`
 * for a single change, `body.ids.i` for a bulk one). Each change is audited with before/after.
 */
export async function changeSignalStatuses(
  db: Kysely<Database>,
  actor: Actor,
  change: StatusChange,
  requestId: string | null,
  fieldOf: (index: number) => string,
): Promise<Signal[]> {
  const reason = normaliseReason(change.reason);
  if (reasonRequired(change.status) && reason === null) {
    const issue: Issue = {
      field: 'body.reason',
      code: 'required',
      message: `reason is required to mark a signal ${change.status}`,
    };
    throw new ApiError('bad_request', issue.message, [issue]);
  }
  return db.transaction().execute(async (trx) => {
    const rows = await selectSignalRows(trx)
      .where('signals.id', 'in', [...change.ids])
      .execute();
    const byId = new Map<string, SignalRow>(rows.map((r) => [r.id, r]));
    const missing: Issue[] = [];
    const denied: Issue[] = [];
    const invalid: Issue[] = [];
    change.ids.forEach((id, index) => {
      const row = byId.get(id);
      if (row === undefined || !hasRoleAt(actor, row.orgUnitPath, 'viewer')) {
        missing.push({
          field: fieldOf(index),
          code: 'not_found',
          message: `Signal ${id} was not found`,
        });
      } else if (!hasRoleAt(actor, row.orgUnitPath, 'manager')) {
        denied.push({
          field: fieldOf(index),
          code: 'forbidden',
          message: `You cannot manage signal ${id} of ${row.orgUnitName}: managers and admins change signals`,
        });
      } else if (!canTransition(row.status as SignalStatus, change.status)) {
        const allowed = SIGNAL_TRANSITIONS[row.status as SignalStatus] ?? [];
        invalid.push({
          field: fieldOf(index),
          code: 'invalid_transition',
          message: `Signal ${id} is ${row.status}; it cannot become ${change.status} (allowed: ${
            allowed.length === 0 ? 'none' : allowed.join(', ')
          })`,
        });
      }
    });
    const summary = (issues: Issue[]) => issues.map((i) => i.message).join('; ');
    if (missing.length > 0) {
      throw new ApiError('not_found', summary(missing), missing);
    }
    if (denied.length > 0) {
      const error = forbidden(summary(denied));
      throw new ApiError(error.id, error.message, denied);
    }
    if (invalid.length > 0) {
      throw new ApiError('conflict', summary(invalid), invalid);
    }

    const now = nowIso();
    const changed: Signal[] = [];
    for (const id of change.ids) {
      const row = byId.get(id)!;
      const updated = await trx
        .updateTable('signals')
        .set({
          status: change.status,
          statusReason: reason,
          statusChangedAt: now,
          statusChangedBy: actor.userId,
          updatedAt: now,
        })
        .where('id', '=', id)
        // Optimistic: another request moved it meanwhile → refuse rather than skip a step.
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new ApiError('conflict', `Signal ${id} changed meanwhile; reload and try again`, [
          { field: fieldOf(change.ids.indexOf(id)), code: 'changed', message: 'changed meanwhile' },
        ]);
      }
      const after: SignalRow = {
        ...row,
        status: change.status,
        statusReason: reason,
        statusChangedAt: now,
        statusChangedBy: actor.userId,
        updatedAt: now,
      };
      await recordAudit(trx, {
        userId: actor.userId,
        actor: actor.email,
        action: 'update',
        entityType: 'signal',
        entityId: id,
        orgUnitId: row.orgUnitId,
        before: lifecycleState(row),
        after: lifecycleState(after),
        requestId,
      });
      changed.push(presentSignal(after));
    }
    return changed;
  });
}
