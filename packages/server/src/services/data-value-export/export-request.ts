/**
 * What an export asks for, as DHIS2's `GET /api/dataValueSets` parameters, and the caller's
 * scope. Identifiers in a request are uids.
 */
import type { IdScheme } from '@sankofa/core';

/** The filters of DHIS2's data value set export. Lists are unions, as DHIS2. */
export interface DataValueExportFilter {
  /** Data sets: their data elements. */
  readonly dataSet?: readonly string[];
  readonly dataElementGroup?: readonly string[];
  readonly dataElement?: readonly string[];
  /** Period ids (`202401`, `2024Q1`, …; dashed forms accepted). */
  readonly period?: readonly string[];
  /** With `endDate`: periods that start on or after it and end on or before `endDate`. */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly orgUnit?: readonly string[];
  readonly orgUnitGroup?: readonly string[];
  /** Include every descendant of the org units (and of the groups' members), as DHIS2. */
  readonly children?: boolean;
  readonly attributeOptionCombo?: readonly string[];
  /** Values updated at or after this date or date-time (UTC when no zone is given). */
  readonly lastUpdated?: string;
  /** Values updated within this long before now: `10d`, `12h`, `30m`, `45s`. */
  readonly lastUpdatedDuration?: string;
  /** Include soft-deleted values, marked `deleted`. */
  readonly includeDeleted?: boolean;
  /** At most this many values. */
  readonly limit?: number;
  /** How to name data elements, org units and option combos in the output (default uid). */
  readonly idScheme?: IdScheme;
}

/** Who is asking: the org unit paths they may read, or null for no restriction (the CLI). */
export interface DataValueExportScope {
  readonly readableOrgUnitPaths: readonly string[] | null;
}
