/**
 * Reporting completeness of a data set, as DHIS2 reporting rates (docs "Analytics › Reporting
 * rates"; analytics metrics EXPECTED_REPORTS, ACTUAL_REPORTS, ACTUAL_REPORTS_ON_TIME,
 * REPORTING_RATE, REPORTING_RATE_ON_TIME), for an org unit and each of its children, per period.
 *
 * - expected = org units of the subtree assigned the data set × data set periods inside the
 *   asked period (a quarter of a monthly data set expects 3 reports per unit), counting a unit
 *   in a period only when it is open for the whole period: opened on or before the period's
 *   first day and not closed before its last (no date = no limit). This is DHIS2's analytics
 *   rule with `restrictByOrgUnitOpeningClosedDate=true` (opening date <= start, closed date >=
 *   end), applied per reporting period; DHIS2 applies it only when asked, Sankofa always, so a
 *   facility that closed stops lowering its district's rates.
 * - actual = complete registrations of those units and periods, counted once per org unit and
 *   period whatever the attribute option combo (so the rate never passes 100 %); registrations
 *   of units not assigned the data set, or for periods where the unit was not open, do not
 *   count (so a rate never passes 100 %).
 * - on time = actual reports completed no later than `timelyDays` days after the period ends
 *   (the completion date compared with endDate + timelyDays, both as UTC dates).
 * - reported = org unit × period with at least one (non-deleted) value of the data set's
 *   elements, whether or not the form was marked complete.
 * - rates = count / expected × 100, null when nothing is expected.
 *
 * Not modelled: category-option start/end dates, which DHIS2 also uses to trim expected reports.
 */
import type { Period } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { dataSetPeriodsWithin } from './data-set-periods.ts';

export interface CompletenessQuery {
  readonly dataSetId: string;
  readonly orgUnitId: string;
  /** The periods to report on, each as long as the data set's period type or longer. */
  readonly periods: readonly Period[];
}

export interface CompletenessRow {
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly period: string;
  readonly expected: number;
  readonly actual: number;
  readonly actualOnTime: number;
  readonly reported: number;
  /** actual / expected × 100. */
  readonly completeness: number | null;
  /** actualOnTime / expected × 100. */
  readonly timeliness: number | null;
  /** reported / expected × 100. */
  readonly reportedRate: number | null;
}

export interface CompletenessResult {
  readonly dataSet: { id: string; name: string; periodType: string; timelyDays: number };
  /** The org unit first, then its children by name. */
  readonly rows: readonly CompletenessRow[];
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const rate = (n: number, expected: number): number | null =>
  expected === 0 ? null : (n / expected) * 100;

/** Computes completeness; throws 404 for an unknown data set or org unit. */
export async function reportingCompleteness(
  db: Kysely<Database>,
  query: CompletenessQuery,
): Promise<CompletenessResult> {
  const dataSet = await db
    .selectFrom('dataSets')
    .select(['id', 'name', 'periodType', 'timelyDays'])
    .where('id', '=', query.dataSetId)
    .executeTakeFirst();
  if (dataSet === undefined) {
    throw notFound(`Data set ${query.dataSetId}`);
  }
  const root = await db
    .selectFrom('orgUnits')
    .select(['id', 'name'])
    .where('id', '=', query.orgUnitId)
    .executeTakeFirst();
  if (root === undefined) {
    throw notFound(`Org unit ${query.orgUnitId}`);
  }
  const inside = query.periods.map((p) => ({
    asked: p,
    periods: new Map(dataSetPeriodsWithin(dataSet.periodType, p).map((d) => [d.id, d])),
  }));
  const children = await db
    .selectFrom('orgUnits')
    .select(['id', 'name'])
    .where('parentId', '=', root.id)
    .orderBy('name')
    .execute();
  const targets = [root, ...children];

  // Assigned units per target (the target's subtree).
  const assignedRows = await db
    .selectFrom('dataSetOrgUnits as a')
    .innerJoin('orgUnitClosure as c', 'c.descendantId', 'a.orgUnitId')
    .innerJoin('orgUnits as u', 'u.id', 'a.orgUnitId')
    .select(['c.ancestorId', 'a.orgUnitId', 'u.openingDate', 'u.closedDate'])
    .where('a.dataSetId', '=', dataSet.id)
    .where(
      'c.ancestorId',
      'in',
      targets.map((t) => t.id),
    )
    .execute();
  const assigned = new Map<string, Set<string>>(targets.map((t) => [t.id, new Set()]));
  // When each assigned unit is open, as UTC dates (null: no limit).
  const open = new Map<string, { from: string | null; to: string | null }>();
  for (const r of assignedRows) {
    assigned.get(r.ancestorId)!.add(r.orgUnitId);
    open.set(r.orgUnitId, {
      from: r.openingDate?.slice(0, 10) ?? null,
      to: r.closedDate?.slice(0, 10) ?? null,
    });
  }
  /** Whether `orgUnitId` is expected to report for `period`. */
  const expects = (orgUnitId: string, period: Period): boolean => {
    const when = open.get(orgUnitId);
    return (
      when !== undefined &&
      (when.from === null || when.from <= period.startDate) &&
      (when.to === null || when.to >= period.endDate)
    );
  };
  const allAssigned = assigned.get(root.id)!;
  if (query.periods.length === 0) {
    return { dataSet, rows: [] };
  }
  const startDate = query.periods.reduce(
    (s, p) => (p.startDate < s ? p.startDate : s),
    query.periods[0].startDate,
  );
  const endDate = query.periods.reduce(
    (s, p) => (p.endDate > s ? p.endDate : s),
    query.periods[0].endDate,
  );

  const registrations = await db
    .selectFrom('completeRegistrations as r')
    .innerJoin('periods as p', 'p.id', 'r.periodId')
    .innerJoin('orgUnitClosure as c', 'c.descendantId', 'r.orgUnitId')
    .select(['r.orgUnitId', 'r.periodId', 'p.endDate', 'r.completedAt'])
    .where('r.dataSetId', '=', dataSet.id)
    .where('c.ancestorId', '=', root.id)
    .where('p.periodType', '=', dataSet.periodType)
    .where('p.startDate', '>=', startDate)
    .where('p.endDate', '<=', endDate)
    .execute();
  // One report per org unit and period; on time when any of its registrations is.
  const reports = new Map<string, { orgUnitId: string; periodId: string; onTime: boolean }>();
  for (const r of registrations) {
    if (!allAssigned.has(r.orgUnitId)) {
      continue;
    }
    const key = `${r.orgUnitId}|${r.periodId}`;
    const onTime = r.completedAt.slice(0, 10) <= addDays(r.endDate, dataSet.timelyDays);
    const seen = reports.get(key);
    reports.set(key, {
      orgUnitId: r.orgUnitId,
      periodId: r.periodId,
      onTime: onTime || (seen?.onTime ?? false),
    });
  }

  const withValues = await db
    .selectFrom('dataValues as dv')
    .innerJoin('periods as p', 'p.id', 'dv.periodId')
    .innerJoin('dataSetElements as e', 'e.dataElementId', 'dv.dataElementId')
    .innerJoin('orgUnitClosure as c', 'c.descendantId', 'dv.orgUnitId')
    .select(['dv.orgUnitId', 'dv.periodId'])
    .distinct()
    .where('e.dataSetId', '=', dataSet.id)
    .where('c.ancestorId', '=', root.id)
    .where('p.periodType', '=', dataSet.periodType)
    .where('p.startDate', '>=', startDate)
    .where('p.endDate', '<=', endDate)
    .where('dv.deleted', '=', 0)
    .execute();
  const reported = withValues.filter((r) => allAssigned.has(r.orgUnitId));

  const rows: CompletenessRow[] = [];
  for (const target of targets) {
    const units = assigned.get(target.id)!;
    for (const { asked, periods } of inside) {
      const counts = (r: { orgUnitId: string; periodId: string }): boolean => {
        const period = periods.get(r.periodId);
        return period !== undefined && units.has(r.orgUnitId) && expects(r.orgUnitId, period);
      };
      const mine = [...reports.values()].filter(counts);
      let expected = 0;
      for (const unit of units) {
        for (const period of periods.values()) {
          expected += expects(unit, period) ? 1 : 0;
        }
      }
      const actual = mine.length;
      const actualOnTime = mine.filter((r) => r.onTime).length;
      const reportedCount = reported.filter(counts).length;
      rows.push({
        orgUnitId: target.id,
        orgUnitName: target.name,
        period: asked.id,
        expected,
        actual,
        actualOnTime,
        reported: reportedCount,
        completeness: rate(actual, expected),
        timeliness: rate(actualOnTime, expected),
        reportedRate: rate(reportedCount, expected),
      });
    }
  }
  return { dataSet, rows };
}
