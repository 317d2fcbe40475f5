/**
 * Checks an export request and resolves it to ids the query can use: every problem is reported
 * before the first value is written, naming the parameter.
 */
import { ValidationError, type IdScheme, type Issue } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forbidden } from '../../errors.ts';
import { isWithin } from '../../policies/scope.ts';
import type { DataValueExportFilter, DataValueExportScope } from './export-request.ts';
import { periodsOf, updatedSince } from './time-filters.ts';

/** An export request checked and resolved. */
export interface ResolvedExport {
  /** The data elements selected (by element, group or data set). */
  readonly dataElementIds: readonly string[];
  readonly periodIds?: readonly string[];
  readonly dates?: { readonly start: string; readonly end: string };
  readonly orgUnitIds: readonly string[];
  readonly orgUnitGroupIds: readonly string[];
  readonly children: boolean;
  /** Ids of the roots of the caller's scope; null when unrestricted. */
  readonly scopeIds: readonly string[] | null;
  readonly attributeOptionComboIds?: readonly string[];
  /** ISO-8601 UTC: values updated at or after it. */
  readonly updatedSince?: string;
  readonly includeDeleted: boolean;
  readonly limit?: number;
  readonly idScheme: IdScheme;
}

const nonEmpty = (list: readonly string[] | undefined): list is readonly string[] =>
  list !== undefined && list.length > 0;

/** Checks that every id exists in a table, naming the missing ones under `field`. */
async function existing(
  db: Kysely<Database>,
  table:
    'dataSets' | 'dataElementGroups' | 'dataElements' | 'orgUnitGroups' | 'attributeOptionCombos',
  field: string,
  what: string,
  ids: readonly string[] | undefined,
  issues: Issue[],
): Promise<readonly string[]> {
  if (!nonEmpty(ids)) {
    return [];
  }
  const found = new Set(
    (
      await db
        .selectFrom(table)
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  );
  for (const id of ids.filter((i) => !found.has(i))) {
    issues.push({ field, code: 'not_found', message: `${what} ${id} does not exist` });
  }
  return [...new Set(ids)];
}

/**
 * @param now - The clock, for `lastUpdatedDuration`.
 * @throws ValidationError naming each bad parameter: `required` when no data selection
 *   (`dataSet`, `dataElementGroup` or `dataElement`) or no org unit selection (`orgUnit` or
 *   `orgUnitGroup`) is given, `not_found` for unknown ids, `invalid_*` for malformed ones.
 * @throws ApiError 403 when a requested org unit lies outside the caller's scope.
 */
export async function resolveExportFilter(
  db: Kysely<Database>,
  filter: DataValueExportFilter,
  scope: DataValueExportScope,
  now: Date,
): Promise<ResolvedExport> {
  const issues: Issue[] = [];
  if (
    !nonEmpty(filter.dataSet) &&
    !nonEmpty(filter.dataElementGroup) &&
    !nonEmpty(filter.dataElement)
  ) {
    issues.push({
      field: 'dataElement',
      code: 'required',
      message: 'Give at least one dataSet, dataElementGroup or dataElement to export',
    });
  }
  if (!nonEmpty(filter.orgUnit) && !nonEmpty(filter.orgUnitGroup)) {
    issues.push({
      field: 'orgUnit',
      code: 'required',
      message: 'Give at least one orgUnit or orgUnitGroup to export',
    });
  }
  if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 1)) {
    issues.push({
      field: 'limit',
      code: 'invalid_limit',
      message: `limit must be a whole number of at least 1, got ${filter.limit}`,
    });
  }
  const dataSets = await existing(db, 'dataSets', 'dataSet', 'Data set', filter.dataSet, issues);
  const groups = await existing(
    db,
    'dataElementGroups',
    'dataElementGroup',
    'Data element group',
    filter.dataElementGroup,
    issues,
  );
  const elements = await existing(
    db,
    'dataElements',
    'dataElement',
    'Data element',
    filter.dataElement,
    issues,
  );
  const orgUnitGroupIds = await existing(
    db,
    'orgUnitGroups',
    'orgUnitGroup',
    'Org unit group',
    filter.orgUnitGroup,
    issues,
  );
  const attributeOptionComboIds = await existing(
    db,
    'attributeOptionCombos',
    'attributeOptionCombo',
    'Attribute option combo',
    filter.attributeOptionCombo,
    issues,
  );
  const orgUnits = nonEmpty(filter.orgUnit)
    ? await db
        .selectFrom('orgUnits')
        .select(['id', 'name', 'path'])
        .where('id', 'in', [...filter.orgUnit])
        .execute()
    : [];
  for (const id of (filter.orgUnit ?? []).filter((i) => !orgUnits.some((o) => o.id === i))) {
    issues.push({ field: 'orgUnit', code: 'not_found', message: `Org unit ${id} does not exist` });
  }
  const { periodIds, dates } = periodsOf(filter, issues);
  const since = updatedSince(filter, now, issues);
  if (issues.length > 0) {
    throw new ValidationError(issues.map((i) => i.message).join('; '), issues);
  }

  const paths = scope.readableOrgUnitPaths;
  const outside =
    paths === null ? undefined : orgUnits.find((o) => !paths.some((p) => isWithin(o.path, p)));
  if (outside !== undefined) {
    throw forbidden(
      `You cannot export data of ${outside.name} (${outside.id}): it is outside your roles' scope`,
    );
  }

  const dataElementIds = new Set(elements);
  if (groups.length > 0) {
    const rows = await db
      .selectFrom('dataElementGroupMembers')
      .select('dataElementId')
      .where('dataElementGroupId', 'in', [...groups])
      .execute();
    rows.forEach((r) => dataElementIds.add(r.dataElementId));
  }
  if (dataSets.length > 0) {
    const rows = await db
      .selectFrom('dataSetElements')
      .select('dataElementId')
      .where('dataSetId', 'in', [...dataSets])
      .execute();
    rows.forEach((r) => dataElementIds.add(r.dataElementId));
  }
  return {
    dataElementIds: [...dataElementIds],
    ...(nonEmpty(filter.period) ? { periodIds: [...new Set(periodIds)] } : {}),
    ...(dates === undefined ? {} : { dates }),
    orgUnitIds: orgUnits.map((o) => o.id),
    orgUnitGroupIds,
    children: filter.children === true,
    scopeIds:
      paths === null
        ? null
        : paths.map(
            (p) =>
              p
                .split('/')
                .filter((s) => s !== '')
                .at(-1) ?? p,
          ),
    ...(attributeOptionComboIds.length > 0 ? { attributeOptionComboIds } : {}),
    ...(since === undefined ? {} : { updatedSince: since }),
    includeDeleted: filter.includeDeleted === true,
    ...(filter.limit === undefined ? {} : { limit: filter.limit }),
    idScheme: filter.idScheme ?? 'uid',
  };
}
