/**
 * Creates a user account with its role assignments: used by `POST /api/users`,
 * `sankofa user add` and the demo loader.
 */
import { LOCALES, ROLES, type Issue, type Locale, type Role } from '@sankofa/core';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { generateUid, nowIso } from '../ids.ts';
import { recordAudit } from './audit.ts';

export interface CreateUserInput {
  /** Login email; stored lower-case. */
  readonly email: string;
  /** Display name. */
  readonly name: string;
  /** Plain password, at least 10 characters; only its scrypt hash is stored. */
  readonly password: string;
  /** Interface language, default `en`. */
  readonly locale?: Locale;
  /** Roles, each covering an org unit's subtree. */
  readonly roles: readonly { readonly role: Role; readonly orgUnitId: string }[];
  /** Who is creating the account, for the audit trail. */
  readonly createdBy: {
    readonly userId: string | null;
    readonly actor: string;
    readonly requestId?: string;
  };
}

export interface CreateUserResult {
  readonly id: string;
  readonly email: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A validated user, password hashed, ready to insert. */
export interface PreparedUser {
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly locale: Locale;
  readonly roles: readonly { readonly role: Role; readonly orgUnitId: string }[];
}

/**
 * Validates a new user against the database and hashes the password.
 *
 * @throws ApiError `validation_failed` naming each bad field
 */
export async function prepareUser(
  db: Kysely<Database>,
  input: Omit<CreateUserInput, 'createdBy'>,
): Promise<PreparedUser> {
  const email = input.email.trim().toLowerCase();
  const issues: Issue[] = [];
  if (!EMAIL.test(email)) {
    issues.push({
      field: 'email',
      code: 'invalid_email',
      message: `"${input.email}" is not an email address`,
    });
  }
  if (input.name.trim() === '') {
    issues.push({ field: 'name', code: 'required', message: 'name is required' });
  }
  if (input.password.length < 10) {
    issues.push({
      field: 'password',
      code: 'too_short',
      message: 'password must have at least 10 characters',
    });
  }
  if (input.locale !== undefined && !LOCALES.includes(input.locale)) {
    issues.push({
      field: 'locale',
      code: 'invalid_locale',
      message: `locale must be one of ${LOCALES.join(', ')}`,
    });
  }
  if (input.roles.length === 0) {
    issues.push({
      field: 'roles',
      code: 'required',
      message: 'at least one role on an org unit is required',
    });
  }
  input.roles.forEach((r, i) => {
    if (!ROLES.includes(r.role)) {
      issues.push({
        field: `roles.${i}.role`,
        code: 'invalid_role',
        message: `role must be one of ${ROLES.join(', ')}`,
      });
    }
  });
  const orgUnitIds = [...new Set(input.roles.map((r) => r.orgUnitId))];
  const known = new Set(
    orgUnitIds.length === 0
      ? []
      : (await db.selectFrom('orgUnits').select('id').where('id', 'in', orgUnitIds).execute()).map(
          (r) => r.id,
        ),
  );
  input.roles.forEach((r, i) => {
    if (!known.has(r.orgUnitId)) {
      issues.push({
        field: `roles.${i}.orgUnitId`,
        code: 'unknown_org_unit',
        message: `org unit ${r.orgUnitId} does not exist`,
      });
    }
  });
  if (issues.length > 0) {
    throw new ApiError('validation_failed', issues.map((i) => i.message).join('; '), issues);
  }
  const roles = [...new Map(input.roles.map((r) => [`${r.role}:${r.orgUnitId}`, r])).values()];
  return {
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? 'en',
    roles,
  };
}

/**
 * Inserts a prepared user and its roles, with an audit event; call inside a transaction.
 *
 * @throws ApiError `conflict` when the email is taken
 */
export async function insertUser(
  trx: Kysely<Database>,
  user: PreparedUser,
  createdBy: CreateUserInput['createdBy'],
): Promise<CreateUserResult> {
  const clash = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', user.email)
    .executeTakeFirst();
  if (clash !== undefined) {
    throw new ApiError('conflict', `A user with email ${user.email} already exists`, [
      { field: 'email', code: 'duplicate', message: `${user.email} is already registered` },
    ]);
  }
  const id = generateUid();
  const now = nowIso();
  await trx
    .insertInto('users')
    .values({
      id,
      email: user.email,
      name: user.name,
      passwordHash: user.passwordHash,
      locale: user.locale,
      active: 1,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    })
    .execute();
  await trx
    .insertInto('userRoles')
    .values(user.roles.map((r) => ({ userId: id, role: r.role, orgUnitId: r.orgUnitId })))
    .execute();
  await recordAudit(trx, {
    userId: createdBy.userId,
    actor: createdBy.actor,
    action: 'create',
    entityType: 'user',
    entityId: id,
    orgUnitId: user.roles[0].orgUnitId,
    // Never the password or its hash.
    after: { id, email: user.email, name: user.name, locale: user.locale, roles: user.roles },
    requestId: createdBy.requestId ?? null,
  });
  return { id, email: user.email };
}

/** Validates and creates a user in one transaction. */
export async function createUser(
  db: Kysely<Database>,
  input: CreateUserInput,
): Promise<CreateUserResult> {
  const prepared = await prepareUser(db, input);
  return db.transaction().execute((trx) => insertUser(trx, prepared, input.createdBy));
}
