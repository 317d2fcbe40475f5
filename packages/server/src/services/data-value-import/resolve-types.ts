/** The shapes value resolution works with: the staged row, the resolved header, the context. */
import type { IdSchemes, Period } from '@sankofa/core';
import type { ValueProblem } from './conflicts.ts';
import type {
  IndexedDataSet,
  IndexedOptionCombo,
  IndexedOrgUnit,
  MetadataIndex,
} from './metadata-index.ts';

/** A valid value, resolved to uids, as the staging table holds it. */
export interface StagedValue {
  readonly row: number;
  readonly dataElementId: string;
  readonly periodId: string;
  readonly orgUnitId: string;
  readonly categoryOptionComboId: string;
  readonly attributeOptionComboId: string;
  readonly value: string | null;
  readonly numericValue: number | null;
  readonly comment: string | null;
  /** Null when the file does not say (the stored flag is kept). */
  readonly followUp: 0 | 1 | null;
  readonly storedBy: string;
  /** The value deletes: `deleted: true`, an empty value without comment, or an insignificant zero. */
  readonly remove: boolean;
}

/** Set-level objects that win over each value's own (DHIS2's "outer" period, org unit, AOC). */
export interface ResolvedHeader {
  readonly dataSet?: IndexedDataSet;
  readonly period?: Period;
  readonly orgUnit?: IndexedOrgUnit;
  readonly attributeOptionCombo?: IndexedOptionCombo;
  readonly attributeOptions?: Readonly<Record<string, string>>;
  /** The header's period as written, named in conflicts when it is not a period. */
  readonly periodKey?: string;
}

/** What resolving a value needs: the metadata, the id schemes, the header, the user's scope. */
export interface ResolveContext {
  readonly index: MetadataIndex;
  readonly schemes: IdSchemes;
  readonly header: ResolvedHeader;
  /** Closure paths the user may write under; null for no restriction. */
  readonly writableOrgUnitPaths: readonly string[] | null;
  readonly userName: string;
  /** Per-import caches: org unit → in hierarchy; period id → period (null when invalid). */
  readonly inHierarchy: Map<string, boolean>;
  readonly periods: Map<string, Period | null>;
}

/** A staged value and its period, or the first conflict DHIS2 would report for it. */
export type Resolution =
  | {
      readonly ok: true;
      readonly staged: StagedValue;
      readonly period: Period;
      /** The data set the value (or its header) names, if any. */
      readonly dataSetId?: string;
    }
  | { readonly ok: false; readonly problem: ValueProblem };

/** A trimmed, non-empty string, or undefined. */
export function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A failed resolution naming the code, field, object and message. */
export function problem(
  errorCode: string,
  property: string,
  object: string,
  value: string,
): { ok: false; problem: ValueProblem } {
  return { ok: false, problem: { errorCode, property, object, value } };
}
