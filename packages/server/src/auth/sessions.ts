/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
 * so a leaked database does not leak live sessions. Each session has its own CSRF token.
 */
import { sqliteWritesWait } from '../db/dialects/sqlite/raw-connection.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Locale, Role } from '@sankofa/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../ids.ts';
import type { Actor, Assignment } from './actor.ts';

export const SESSION_COOKIE = 'sankofa_session';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session; returns the token for the cookie and the CSRF token for the client. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  idleMinutes: number,
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = nowIso();
  const expiresAt = new Date(Date.now() + idleMinutes * 60_000).toISOString();
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), userId, csrfToken, createdAt: now, expiresAt, lastSeenAt: now })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** Loads a user's role assignments with the paths scope checks need. */
export async function loadAssignments(db: Kysely<Database>, userId: string): Promise<Assignment[]> {
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('orgUnits', 'orgUnits.id', 'userRoles.orgUnitId')
    .select([
      'userRoles.role',
      'userRoles.orgUnitId',
      'orgUnits.name',
      'orgUnits.path',
      'orgUnits.level',
    ])
    .where('userRoles.userId', '=', userId)
    .orderBy('orgUnits.path')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.name,
    path: r.path,
    level: r.level,
  }));
}

/**
 * Resolves a session token to the actor it belongs to, sliding its expiry forward.
 * Returns undefined for unknown, expired or inactive sessions.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  idleMinutes: number,
): Promise<Actor | undefined> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.locale',
      'users.active',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  const now = Date.now();
  if (row === undefined || row.active !== 1 || Date.parse(row.expiresAt) <= now) {
    return undefined;
  }
  // Slide the expiry at most once a minute, to keep reads from writing on every request.
  // Sliding the expiry is a write: skipped while an import worker holds SQLite's write lock, so
  // reading requests never wait for an import (the next request slides it).
  if (now - Date.parse(row.lastSeenAt) > 60_000 && !sqliteWritesWait(db)) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: nowIso(), expiresAt: new Date(now + idleMinutes * 60_000).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    locale: row.locale as Locale,
    assignments: await loadAssignments(db, row.userId),
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
  };
}

/** Ends a session (logout). */
export async function deleteSession(
  db: Kysely<Database> | Transaction<Database>,
  sessionId: string,
): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
