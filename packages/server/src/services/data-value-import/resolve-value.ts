/**
 * Turns one value as a file wrote it into the row the import stages, or into the first conflict
 * DHIS2 would report for it (DHIS2 stops at a value's first failed check, in this order:
 * data element, period, org unit, category option combo, attribute option combo, user
 * hierarchy, value present, value type, comment, combo of the data element, period type of
 * the data set, storedBy).
 */
import { tryParsePeriodId, type RawDataValue } from '@sankofa/core';
import { DEFAULT_COMBO_ID } from '../write-data-value.ts';
import { CONFLICT_CODES as C } from './conflicts.ts';
import type { IndexedOrgUnit } from './metadata-index.ts';
import { resolveAoc, resolveCoc } from './resolve-combos.ts';
import { problem, text, type Resolution, type ResolveContext } from './resolve-types.ts';
import {
  checkValueType,
  isNumericValueType,
  VALUE_MAX_LENGTH,
  VALUE_TYPE_REASONS,
} from './value-types.ts';

export type { ResolvedHeader, ResolveContext, Resolution, StagedValue } from './resolve-types.ts';

const AVERAGES = new Set(['AVERAGE', 'AVERAGE_SUM_ORG_UNIT']);
const STORED_BY_MAX_LENGTH = 255;

function inHierarchy(ctx: ResolveContext, ou: IndexedOrgUnit): boolean {
  const paths = ctx.writableOrgUnitPaths;
  if (paths === null) {
    return true;
  }
  let known = ctx.inHierarchy.get(ou.id);
  if (known === undefined) {
    known = paths.some((p) => ou.path === p || ou.path.startsWith(`${p}/`));
    ctx.inHierarchy.set(ou.id, known);
  }
  return known;
}

/** Resolves and checks one value. */
export function resolveValue(ctx: ResolveContext, raw: RawDataValue): Resolution {
  const readerConflict = raw.conflicts?.[0];
  if (readerConflict !== undefined) {
    return { ok: false, problem: readerConflict };
  }
  const { index, schemes, header } = ctx;
  const deKey = text(raw.dataElement) ?? '';
  const de = index.dataElements.find(schemes.dataElement, deKey);
  if (de === undefined) {
    return problem(
      C.dataElementNotFound,
      'dataElement',
      deKey,
      `Data element not found or not accessible: \`${deKey}\``,
    );
  }
  const peKey = text(raw.period) ?? header.periodKey ?? '';
  let period = header.period ?? ctx.periods.get(peKey);
  if (period === undefined) {
    period = tryParsePeriodId(peKey);
    ctx.periods.set(peKey, period);
  }
  if (period === null) {
    return problem(C.periodNotValid, 'period', peKey, `Period not valid: \`${peKey}\``);
  }
  const ouKey = text(raw.orgUnit) ?? '';
  const ou = header.orgUnit ?? index.orgUnits.find(schemes.orgUnit, ouKey);
  if (ou === undefined) {
    return problem(
      C.orgUnitNotFound,
      'orgUnit',
      ouKey,
      `Organisation unit not found or not accessible: \`${ouKey}\``,
    );
  }
  const coc = resolveCoc(ctx, raw, de);
  if ('ok' in coc) {
    return coc;
  }
  const dsKey = text(raw.dataSet);
  const dataSet =
    header.dataSet ??
    (dsKey === undefined ? undefined : index.dataSets.find(schemes.dataSet, dsKey));
  if (dsKey !== undefined && dataSet === undefined) {
    return problem(
      C.dataSetNotFound,
      'dataSet',
      dsKey,
      `Data set not found or not accessible: \`${dsKey}\``,
    );
  }
  const aoc = resolveAoc(ctx, raw, dataSet);
  if ('ok' in aoc) {
    return aoc;
  }
  if (!inHierarchy(ctx, ou)) {
    return problem(
      C.orgUnitNotInHierarchy,
      'orgUnit',
      ou.id,
      `Organisation unit: \`${ou.id}\` not in hierarchy of current user: \`${ctx.userName}\``,
    );
  }
  const useAnnotation = raw.annotation !== undefined && !isNumericValueType(de.valueType);
  const rawValue = useAnnotation ? raw.annotation : raw.value;
  const comment =
    text(useAnnotation && raw.comment === raw.annotation ? undefined : raw.comment) ?? null;
  const deleted = raw.deleted === true;
  if ((rawValue === undefined || rawValue === null) && comment === null && !deleted) {
    return problem(
      C.valueNotDefined,
      'value',
      de.id,
      `Data value or comment not specified for data element: \`${de.id}\``,
    );
  }
  const trimmed = text(rawValue);
  let value: string | null = null;
  let numericValue: number | null = null;
  if (trimmed !== undefined) {
    const check = checkValueType(de.valueType, trimmed);
    if (!check.ok) {
      return problem(
        C.valueNotValid,
        'value',
        trimmed.length > 100 ? `${trimmed.slice(0, 100)}…` : trimmed,
        `Value must match data element's \`${de.id}\` type constraints: ${VALUE_TYPE_REASONS[check.reason] ?? check.reason} (value type ${de.valueType})`,
      );
    }
    value = check.value;
    numericValue = check.numeric;
  }
  if (comment !== null && comment.length > VALUE_MAX_LENGTH) {
    return problem(
      C.commentNotValid,
      'comment',
      de.id,
      `Invalid comment: longer than ${VALUE_MAX_LENGTH} characters`,
    );
  }
  if (coc.categoryComboId !== de.categoryComboId && coc.id !== DEFAULT_COMBO_ID) {
    return problem(
      C.categoryOptionComboNotInCombo,
      'categoryOptionCombo',
      coc.id,
      `Category option combo: \`${coc.id}\` must be part of category combo of data element: \`${de.id}\``,
    );
  }
  if (dataSet !== undefined && period.type !== dataSet.periodType) {
    return problem(
      C.periodTypeNotValid,
      'period',
      period.id,
      `Period type of period: \`${period.id}\` (${period.type}) not valid for data set: \`${dataSet.id}\` (${dataSet.periodType})`,
    );
  }
  // As DHIS2 without the "attribute data" authority: a user's import is stored by the user; only
  // unrestricted (CLI, system) imports keep the file's storedBy.
  const storedBy =
    (ctx.writableOrgUnitPaths === null ? text(raw.storedBy) : undefined) ?? ctx.userName;
  if (storedBy.length > STORED_BY_MAX_LENGTH) {
    return problem(
      C.storedByNotValid,
      'storedBy',
      storedBy.slice(0, 100),
      `Invalid storedBy: longer than ${STORED_BY_MAX_LENGTH} characters`,
    );
  }
  const insignificantZero =
    numericValue === 0 &&
    isNumericValueType(de.valueType) &&
    !de.zeroIsSignificant &&
    !AVERAGES.has(de.aggregationType);
  return {
    ok: true,
    period,
    ...(dataSet === undefined ? {} : { dataSetId: dataSet.id }),
    staged: {
      row: raw.row,
      dataElementId: de.id,
      periodId: period.id,
      orgUnitId: ou.id,
      categoryOptionComboId: coc.id,
      attributeOptionComboId: aoc.id,
      value,
      numericValue,
      comment,
      followUp: raw.followUp === undefined || raw.followUp === null ? null : raw.followUp ? 1 : 0,
      storedBy,
      remove: deleted || (value === null && comment === null) || insignificantZero,
    },
  };
}
