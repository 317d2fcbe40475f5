/**
 * The time filters of an export: periods (ids, or a date range whose periods must lie within)
 * and the update time (`lastUpdated`, `lastUpdatedDuration`). Problems are pushed as issues
 * naming the parameter.
 */
import { parsePeriodId, type Issue } from '@sankofa/core';
import type { DataValueExportFilter } from './export-request.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DURATION = /^(\d+)([dhms])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;

/** The earliest update time asked for (`lastUpdated`, `lastUpdatedDuration`), ISO-8601 UTC. */
export function updatedSince(
  filter: DataValueExportFilter,
  now: Date,
  issues: Issue[],
): string | undefined {
  const times: number[] = [];
  if (filter.lastUpdated !== undefined) {
    const text = filter.lastUpdated;
    const zoned = DATE.test(text) || /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
    const time = Date.parse(zoned);
    if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
      issues.push({
        field: 'lastUpdated',
        code: 'invalid_date',
        message: `lastUpdated must be a date (2024-01-31) or date-time (2024-01-31T08:00:00Z), got "${text}"`,
      });
    } else {
      times.push(time);
    }
  }
  if (filter.lastUpdatedDuration !== undefined) {
    const match = DURATION.exec(filter.lastUpdatedDuration);
    if (match === null) {
      issues.push({
        field: 'lastUpdatedDuration',
        code: 'invalid_duration',
        message: `lastUpdatedDuration must be a number and a unit d, h, m or s (e.g. 10d), got "${filter.lastUpdatedDuration}"`,
      });
    } else {
      times.push(now.getTime() - Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
    }
  }
  return times.length === 0 ? undefined : new Date(Math.max(...times)).toISOString();
}

/** Canonical period ids and the `startDate`…`endDate` range, when given. */
export function periodsOf(filter: DataValueExportFilter, issues: Issue[]) {
  const periodIds: string[] = [];
  for (const id of filter.period ?? []) {
    try {
      periodIds.push(parsePeriodId(id).id);
    } catch (error) {
      issues.push({ field: 'period', code: 'invalid_period', message: (error as Error).message });
    }
  }
  const { startDate: start, endDate: end } = filter;
  if ((start === undefined) !== (end === undefined)) {
    const missing = start === undefined ? 'startDate' : 'endDate';
    issues.push({
      field: missing,
      code: 'required',
      message: `${missing} is required with ${missing === 'startDate' ? 'endDate' : 'startDate'}`,
    });
    return { periodIds };
  }
  if (start === undefined || end === undefined) {
    return { periodIds };
  }
  for (const [field, date] of [
    ['startDate', start],
    ['endDate', end],
  ] as const) {
    if (!DATE.test(date) || Number.isNaN(Date.parse(date))) {
      issues.push({
        field,
        code: 'invalid_date',
        message: `${field} must be a date like 2024-01-31, got "${date}"`,
      });
    }
  }
  if (start > end) {
    issues.push({
      field: 'endDate',
      code: 'date_order',
      message: `endDate ${end} is before startDate ${start}`,
    });
  }
  return { periodIds, dates: { start, end } };
}
