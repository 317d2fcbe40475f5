/**
 * The chart page's funnel plot: the org units of one group compared in one month, computed as
 * the signal scan compares siblings for peer outliers (99.8 % limits widened for
 * over-dispersion, proportions for P/P′ charts, rates for U/U′, the indicator type's factor) but
 * with the limits over a grid of denominators for drawing.
 */
import {
  computeFunnel,
  parsePeriodId,
  type FunnelChartResponse,
  type FunnelChartUnit,
  type FunnelResult,
} from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database, OrgUnitTable } from '../../db/schema.ts';
import { querySeries } from '../query-series.ts';
import { latestMonthWithData } from '../signal-scan/scan-signals.ts';
import { MIN_PEERS, scanChartType } from '../signal-scan/series-analysis.ts';
import { indicatorSubject } from '../signal-scan/series-input.ts';
import { assertMonth } from './assert-month.ts';
import { findScanIndicator } from './find-scan-indicator.ts';

const PROPORTION_CHARTS = new Set(['p', 'pp']);
const RATE_CHARTS = new Set(['u', 'up']);

/**
 * The funnel of `group`'s children in `period` (default: the latest month with data), the
 * page's org unit `highlight`ed when it is one of them. Scope is the caller's to check: every
 * child of a group the caller sees is within their scope.
 */
export async function peerFunnel(
  db: Kysely<Database>,
  indicatorId: string,
  group: OrgUnitTable,
  compared: 'siblings' | 'children',
  highlight: string | null,
  period: string | undefined,
): Promise<FunnelChartResponse> {
  const indicator = await findScanIndicator(db, indicatorId);
  if (period !== undefined) {
    assertMonth(period, 'querystring.period');
  }
  const month = period ?? (await latestMonthWithData(db));
  const children = await db
    .selectFrom('orgUnits')
    .select(['id', 'name'])
    .where('parentId', '=', group.id)
    .orderBy('name')
    .execute();
  const base = {
    indicator: { id: indicator.id, name: indicator.name },
    group: { id: group.id, name: group.name },
    compared,
    highlight,
    period: month,
    target: null,
    overdispersion: null,
    curve: [],
  };
  const none = (reason: string, units: FunnelChartUnit[]): FunnelChartResponse => ({
    ...base,
    type: null,
    reason,
    units,
  });
  if (children.length === 0) {
    return none('no_units', []);
  }
  if (month === null) {
    return none(
      'no_data',
      children.map((c) => bare(c, null)),
    );
  }
  const subject = indicatorSubject(indicator);
  const periods = [parsePeriodId(month)];
  const points = await Promise.all(
    children.map(async (c) => (await querySeries(db, { subject, orgUnitId: c.id, periods }))[0]),
  );
  const units = children.map((c, i) => bare(c, points[i] ?? null));
  const chart = scanChartType(indicator.defaultChartType);
  const type = PROPORTION_CHARTS.has(chart) ? 'proportion' : RATE_CHARTS.has(chart) ? 'rate' : null;
  if (type === null) {
    return none('not_a_ratio', units);
  }
  const usable = units.filter(
    (u) => u.numerator !== null && u.denominator !== null && u.denominator > 0 && u.numerator >= 0,
  );
  if (usable.length < MIN_PEERS) {
    return none('too_few_units', units);
  }
  if (
    type === 'proportion' &&
    !usable.every(
      (u) =>
        u.numerator! <= u.denominator! &&
        Number.isInteger(u.numerator) &&
        Number.isInteger(u.denominator),
    )
  ) {
    return none('above_100', units);
  }
  let result: FunnelResult;
  try {
    result = computeFunnel(
      usable.map((u) => ({ unit: u.id, y: u.numerator!, n: u.denominator! })),
      { type, overdispersion: true, multiply: indicator.factor },
    );
  } catch {
    return none('too_few_units', units);
  }
  const byUnit = new Map(result.units.map((u) => [u.unit, u]));
  return {
    ...base,
    type,
    reason: null,
    target: result.target,
    overdispersion: { phi: result.overdispersion.phi, applied: result.overdispersion.applied },
    units: units.map((u) => {
      const r = byUnit.get(u.id);
      return r === undefined
        ? u
        : {
            ...u,
            value: r.value,
            funnel: {
              lower95: r.lower95,
              upper95: r.upper95,
              lower998: r.lower998,
              upper998: r.upper998,
              z: r.z,
              outlier: r.outlier,
              outlier95: r.outlier95,
            },
          };
    }),
    curve: result.curve.map((c) => ({ ...c })),
  };
}

function bare(
  unit: { id: string; name: string },
  point: { value: number | null; numerator?: number | null; denominator?: number | null } | null,
): FunnelChartUnit {
  return {
    id: unit.id,
    name: unit.name,
    numerator: point?.numerator ?? null,
    denominator: point?.denominator ?? null,
    value: point?.value ?? null,
    funnel: null,
  };
}
