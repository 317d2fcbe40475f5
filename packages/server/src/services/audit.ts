/**
 * The audit trail: every write records who did what to which entity, when, with the entity
 * before and after. Call it inside the write's transaction so both land or neither does.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../ids.ts';

export interface AuditInput {
  /** The user, or null for the system. */
  readonly userId: string | null;
  /** How the actor appears without a user: `cli`, `demo`, `system`; for users, their email. */
  readonly actor: string;
  /** create, update, delete, login, logout, import… */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The org unit the entity belongs to, for scoped audit queries. */
  readonly orgUnitId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
}

/** Records one audit event. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  input: AuditInput,
): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      occurredAt: nowIso(),
      userId: input.userId,
      actor: input.actor,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      orgUnitId: input.orgUnitId ?? null,
      before:
        input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
      after: input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
      requestId: input.requestId ?? null,
    })
    .execute();
}
