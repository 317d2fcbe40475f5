/**
 * Stores or deletes one data value (upsert on its key), checked against the data element's value
 * type and category combo, with an audit event in the same transaction.
 */
import { checkValue, parsePeriodId, type DataValue, type Issue, type Period } from '@sankofa/core';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database, DataValueTable } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { nowIso } from '../ids.ts';
import { assertRoleAt } from '../policies/guards.ts';
import { recordAudit } from './audit.ts';
import { findOrgUnit } from './find-org-unit.ts';

/** The default category option combo (DHIS2's well-known uid), for values without disaggregation. */
export const DEFAULT_COMBO_ID = 'HllvX50cXC0';

export interface DataValueKey {
  readonly dataElement: string;
  readonly period: string;
  readonly orgUnit: string;
  readonly categoryOptionCombo?: string;
  readonly attributeOptionCombo?: string;
}

export interface DataValueWrite extends DataValueKey {
  readonly value: string;
  readonly comment?: string;
  readonly followUp?: boolean;
}

/** Inserts the periods if they are not there yet (periods are shared by every value). */
export async function ensurePeriods(
  db: Kysely<Database>,
  periods: readonly Period[],
): Promise<void> {
  if (periods.length === 0) {
    return;
  }
  await db
    .insertInto('periods')
    .values(
      periods.map((p) => ({
        id: p.id,
        periodType: p.type,
        startDate: p.startDate,
        endDate: p.endDate,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The API form of a stored value. */
export function presentDataValue(row: DataValueTable): DataValue {
  return {
    dataElement: row.dataElementId,
    period: row.periodId,
    orgUnit: row.orgUnitId,
    categoryOptionCombo: row.categoryOptionComboId,
    attributeOptionCombo: row.attributeOptionComboId,
    value: row.value,
    comment: row.comment,
    followUp: row.followUp === 1,
    storedBy: row.storedBy,
    created: row.createdAt,
    lastUpdated: row.lastUpdated,
    deleted: row.deleted === 1,
  };
}

function invalid(issues: Issue[]): never {
  throw new ApiError('validation_failed', issues.map((i) => i.message).join('; '), issues);
}

/** Resolves and checks a key: the org unit in scope, the data element, the period, the combos. */
async function resolveKey(trx: Transaction<Database>, actor: Actor, key: DataValueKey) {
  const orgUnit = await findOrgUnit(trx, key.orgUnit);
  assertRoleAt(actor, orgUnit, 'contributor');
  const dataElement = await trx
    .selectFrom('dataElements')
    .selectAll()
    .where('id', '=', key.dataElement)
    .executeTakeFirst();
  if (dataElement === undefined) {
    throw notFound(`Data element ${key.dataElement}`);
  }
  let period: Period;
  try {
    period = parsePeriodId(key.period);
  } catch (error) {
    invalid([{ field: 'period', code: 'invalid_period', message: (error as Error).message }]);
  }
  const coc = key.categoryOptionCombo ?? DEFAULT_COMBO_ID;
  const aoc = key.attributeOptionCombo ?? DEFAULT_COMBO_ID;
  const issues: Issue[] = [];
  const cocRow = await trx
    .selectFrom('categoryOptionCombos')
    .select(['id', 'categoryComboId'])
    .where('id', '=', coc)
    .executeTakeFirst();
  if (
    cocRow === undefined ||
    (cocRow.categoryComboId !== dataElement.categoryComboId && coc !== DEFAULT_COMBO_ID)
  ) {
    issues.push({
      field: 'categoryOptionCombo',
      code: 'invalid_category_option_combo',
      message: `category option combo ${coc} is not a disaggregation of ${dataElement.name}`,
    });
  }
  const aocRow = await trx
    .selectFrom('attributeOptionCombos')
    .select('id')
    .where('id', '=', aoc)
    .executeTakeFirst();
  if (aocRow === undefined) {
    issues.push({
      field: 'attributeOptionCombo',
      code: 'unknown_attribute_option_combo',
      message: `attribute option combo ${aoc} does not exist`,
    });
  }
  if (issues.length > 0) {
    invalid(issues);
  }
  return { orgUnit, dataElement, period, coc, aoc };
}

/** Stores one value; returns it as stored. */
export async function writeDataValue(
  db: Kysely<Database>,
  actor: Actor,
  input: DataValueWrite,
  requestId: string,
): Promise<DataValue> {
  return db.transaction().execute(async (trx) => {
    const { orgUnit, dataElement, period, coc, aoc } = await resolveKey(trx, actor, input);
    const check = checkValue(dataElement.valueType, input.value);
    if (!check.ok) {
      invalid([check.issue]);
    }
    await ensurePeriods(trx, [period]);
    const where = {
      dataElementId: dataElement.id,
      periodId: period.id,
      orgUnitId: orgUnit.id,
      categoryOptionComboId: coc,
      attributeOptionComboId: aoc,
    };
    const existing = await trx
      .selectFrom('dataValues')
      .selectAll()
      .where((eb) => eb.and(where))
      .executeTakeFirst();
    const now = nowIso();
    const fields = {
      value: check.value,
      numericValue: check.numeric,
      storedBy: actor.email,
      lastUpdated: now,
      comment: input.comment ?? existing?.comment ?? null,
      followUp: (input.followUp ?? existing?.followUp === 1) ? (1 as const) : (0 as const),
      deleted: 0 as const,
    };
    if (existing === undefined) {
      await trx
        .insertInto('dataValues')
        .values({ ...where, ...fields, createdAt: now })
        .execute();
    } else {
      await trx
        .updateTable('dataValues')
        .set(fields)
        .where((eb) => eb.and(where))
        .execute();
    }
    const stored = presentDataValue(
      await trx
        .selectFrom('dataValues')
        .selectAll()
        .where((eb) => eb.and(where))
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, {
      userId: actor.userId,
      actor: actor.email,
      action: existing === undefined ? 'create' : 'update',
      entityType: 'dataValue',
      entityId: [dataElement.id, period.id, orgUnit.id, coc, aoc].join('.'),
      orgUnitId: orgUnit.id,
      before: existing === undefined ? null : presentDataValue(existing),
      after: stored,
      requestId,
    });
    return stored;
  });
}

/** Soft-deletes one value, as DHIS2 does; 404 when there is none. */
export async function deleteDataValue(
  db: Kysely<Database>,
  actor: Actor,
  key: DataValueKey,
  requestId: string,
): Promise<DataValue> {
  return db.transaction().execute(async (trx) => {
    const { orgUnit, dataElement, period, coc, aoc } = await resolveKey(trx, actor, key);
    const where = {
      dataElementId: dataElement.id,
      periodId: period.id,
      orgUnitId: orgUnit.id,
      categoryOptionComboId: coc,
      attributeOptionComboId: aoc,
    };
    const existing = await trx
      .selectFrom('dataValues')
      .selectAll()
      .where((eb) => eb.and(where))
      .executeTakeFirst();
    if (existing === undefined || existing.deleted === 1) {
      throw notFound('Data value');
    }
    await trx
      .updateTable('dataValues')
      .set({ deleted: 1, lastUpdated: nowIso(), storedBy: actor.email })
      .where((eb) => eb.and(where))
      .execute();
    const stored = presentDataValue(
      await trx
        .selectFrom('dataValues')
        .selectAll()
        .where((eb) => eb.and(where))
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, {
      userId: actor.userId,
      actor: actor.email,
      action: 'delete',
      entityType: 'dataValue',
      entityId: [dataElement.id, period.id, orgUnit.id, coc, aoc].join('.'),
      orgUnitId: orgUnit.id,
      before: presentDataValue(existing),
      after: stored,
      requestId,
    });
    return stored;
  });
}
