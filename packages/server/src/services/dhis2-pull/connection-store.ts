/**
 * The DHIS2 connection a pull uses, kept in `dhis2_connections`: base URL, credentials (as JSON
 * in `auth`; they stay in the database and are never logged), the root org unit and the
 * watermark (DHIS2's server time when the last complete pull started).
 */
import type { Kysely } from 'kysely';
import type { Database, Dhis2ConnectionTable } from '../../db/schema.ts';
import { generateUid, nowIso } from '../../ids.ts';
import { Dhis2Error, normalizeBaseUrl, type Dhis2Credentials } from './dhis2-client.ts';

/** The connection's name when none is given: the app has one configured connection. */
export const DEFAULT_CONNECTION_NAME = 'default';

/** A connection as a caller gives it: a token, or a username and password. */
export interface Dhis2ConnectionInput {
  /** Default `default`. */
  readonly name?: string;
  readonly baseUrl: string;
  /** A DHIS2 personal access token (`d2pat_…`), sent as `Authorization: ApiToken …`. */
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  /** The org unit whose subtree is pulled; default: DHIS2's level-1 org units. */
  readonly rootOrgUnitId?: string | null;
}

/** A stored connection. */
export interface Dhis2Connection {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly credentials: Dhis2Credentials;
  readonly rootOrgUnitId: string | null;
  readonly lastUpdatedWatermark: string | null;
}

/**
 * The credentials of an input.
 *
 * @throws Dhis2Error (`unauthorized`) unless exactly a token, or a username with a password, is given
 */
export function credentialsOf(input: Dhis2ConnectionInput): Dhis2Credentials {
  const token = input.token ?? '';
  const basic = input.username !== undefined || input.password !== undefined;
  if (token !== '' && !basic) {
    return { kind: 'token', token };
  }
  if (token === '' && (input.username ?? '') !== '' && input.password !== undefined) {
    return { kind: 'basic', username: input.username ?? '', password: input.password };
  }
  throw new Dhis2Error(
    'unauthorized',
    'Give DHIS2 credentials: a personal access token, or a username and a password (not both)',
  );
}

function parseCredentials(auth: string, name: string): Dhis2Credentials {
  const parsed = JSON.parse(auth) as Partial<{
    kind: string;
    token: string;
    username: string;
    password: string;
  }>;
  if (parsed.kind === 'token' && typeof parsed.token === 'string') {
    return { kind: 'token', token: parsed.token };
  }
  if (
    parsed.kind === 'basic' &&
    typeof parsed.username === 'string' &&
    typeof parsed.password === 'string'
  ) {
    return { kind: 'basic', username: parsed.username, password: parsed.password };
  }
  throw new Error(
    `DHIS2 connection "${name}": stored credentials are not { kind: token|basic, … }`,
  );
}

function present(row: Dhis2ConnectionTable): Dhis2Connection {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    credentials: parseCredentials(row.auth, row.name),
    rootOrgUnitId: row.rootOrgUnitId,
    lastUpdatedWatermark: row.lastUpdatedWatermark,
  };
}

/** The stored connection called `name`, or undefined. */
export async function findDhis2Connection(
  db: Kysely<Database>,
  name = DEFAULT_CONNECTION_NAME,
): Promise<Dhis2Connection | undefined> {
  const row = await db
    .selectFrom('dhis2Connections')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  return row === undefined ? undefined : present(row);
}

/**
 * Creates or updates the connection called `input.name`. Pointing it at another instance (a
 * different base URL) forgets the watermark: the next pull is a full one.
 */
export async function saveDhis2Connection(
  db: Kysely<Database>,
  input: Dhis2ConnectionInput,
): Promise<Dhis2Connection> {
  const name = input.name ?? DEFAULT_CONNECTION_NAME;
  const baseUrl = normalizeBaseUrl(input.baseUrl);
  const auth = JSON.stringify(credentialsOf(input));
  const now = nowIso();
  const existing = await db
    .selectFrom('dhis2Connections')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing === undefined) {
    await db
      .insertInto('dhis2Connections')
      .values({
        id: generateUid(),
        name,
        baseUrl,
        auth,
        rootOrgUnitId: input.rootOrgUnitId ?? null,
        lastUpdatedWatermark: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  } else {
    const rootOrgUnitId =
      input.rootOrgUnitId === undefined ? existing.rootOrgUnitId : input.rootOrgUnitId;
    const moved = existing.baseUrl !== baseUrl || existing.rootOrgUnitId !== rootOrgUnitId;
    if (moved || existing.auth !== auth) {
      await db
        .updateTable('dhis2Connections')
        .set({
          baseUrl,
          auth,
          rootOrgUnitId,
          lastUpdatedWatermark: moved ? null : existing.lastUpdatedWatermark,
          updatedAt: now,
        })
        .where('id', '=', existing.id)
        .execute();
    }
  }
  const saved = await findDhis2Connection(db, name);
  if (saved === undefined) {
    throw new Error(`DHIS2 connection "${name}" was not saved`);
  }
  return saved;
}
