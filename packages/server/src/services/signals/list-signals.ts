/**
 * The signal inbox: signals in the actor's scope, filtered, in the stated priority (kind rank,
 * larger population, more recent last period, id), with counts per kind and status under the
 * same filters. Sorting and counting happen in SQL.
 */
import {
  parsePeriodId,
  SIGNAL_KIND_RANK,
  SIGNAL_KINDS,
  type Issue,
  type Period,
  type Signal,
  type SignalKind,
  type SignalListResponse,
  type SignalStatus,
} from '@sankofa/core';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { ApiError } from '../../errors.ts';
import { assertRoleAt } from '../../policies/guards.ts';
import { findOrgUnit } from '../find-org-unit.ts';
import { presentSignal, selectSignalRows } from './signal-rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const SIGNAL_STATUSES: readonly SignalStatus[] = [
  'new',
  'acknowledged',
  'under_review',
  'actioned',
  'dismissed',
];

export interface SignalFilters {
  /** Only this org unit's subtree (must be in the actor's scope, else 403). */
  readonly orgUnitId?: string;
  readonly indicatorId?: string;
  readonly kinds?: readonly SignalKind[];
  readonly statuses?: readonly SignalStatus[];
  /** Signals whose periods overlap start…end (either bound may be absent). */
  readonly start?: string;
  readonly end?: string;
}

function parseBound(field: 'start' | 'end', id: string | undefined): Period | undefined {
  if (id === undefined) {
    return undefined;
  }
  try {
    return parsePeriodId(id);
  } catch (error) {
    const issue: Issue = {
      field: `querystring.${field}`,
      code: 'invalid_period',
      message: (error as Error).message,
    };
    throw new ApiError('validation_failed', issue.message, [issue]);
  }
}

/**
 * The filtered, scoped query (no order, no paging). Scope: the subtrees of the actor's
 * assignments, through org_unit_closure. Period overlap compares dates through the periods
 * table: the first period starts on or before `end`'s last day, the last period ends on or
 * after `start`'s first day.
 */
async function filteredSignals(db: Db, actor: Actor, filters: SignalFilters) {
  const scopeIds = actor.assignments.map((a) => a.orgUnitId);
  if (scopeIds.length === 0) {
    return null;
  }
  const start = parseBound('start', filters.start);
  const end = parseBound('end', filters.end);
  if (start !== undefined && end !== undefined && start.startDate > end.endDate) {
    const issue: Issue = {
      field: 'querystring.end',
      code: 'period_order',
      message: `end ${end.id} is before start ${start.id}`,
    };
    throw new ApiError('validation_failed', issue.message, [issue]);
  }
  let subtreeRoot: string | undefined;
  if (filters.orgUnitId !== undefined) {
    const orgUnit = await findOrgUnit(db, filters.orgUnitId);
    assertRoleAt(actor, orgUnit, 'viewer');
    subtreeRoot = orgUnit.id;
  }
  let query = selectSignalRows(db)
    .leftJoin('periods as firstP', 'firstP.id', 'signals.firstPeriod')
    .leftJoin('periods as lastP', 'lastP.id', 'signals.lastPeriod')
    .where('signals.orgUnitId', 'in', (eb) =>
      eb.selectFrom('orgUnitClosure').select('descendantId').where('ancestorId', 'in', scopeIds),
    );
  if (subtreeRoot !== undefined) {
    const root = subtreeRoot;
    query = query.where('signals.orgUnitId', 'in', (eb) =>
      eb.selectFrom('orgUnitClosure').select('descendantId').where('ancestorId', '=', root),
    );
  }
  if (filters.indicatorId !== undefined) {
    query = query.where('signals.indicatorId', '=', filters.indicatorId);
  }
  if (filters.kinds !== undefined && filters.kinds.length > 0) {
    query = query.where('signals.kind', 'in', [...filters.kinds]);
  }
  if (filters.statuses !== undefined && filters.statuses.length > 0) {
    query = query.where('signals.status', 'in', [...filters.statuses]);
  }
  if (start !== undefined) {
    query = query.where('lastP.endDate', '>=', start.startDate);
  }
  if (end !== undefined) {
    query = query.where('firstP.startDate', '<=', end.endDate);
  }
  return query;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** One page of the inbox, with the total and the counts per kind and status. */
export async function listSignals(
  db: Db,
  actor: Actor,
  filters: SignalFilters,
  page: { limit: number; offset: number },
): Promise<SignalListResponse> {
  const countsByKind = zeroCounts(SIGNAL_KINDS);
  const countsByStatus = zeroCounts(SIGNAL_STATUSES);
  const base = await filteredSignals(db, actor, filters);
  if (base === null) {
    return { signals: [], total: 0, countsByKind, countsByStatus };
  }
  const rows = await base
    .orderBy((eb) => {
      const [first, ...rest] = SIGNAL_KINDS;
      let rank = eb.case().when('signals.kind', '=', first).then(SIGNAL_KIND_RANK[first]);
      for (const kind of rest) {
        rank = rank.when('signals.kind', '=', kind).then(SIGNAL_KIND_RANK[kind]);
      }
      return rank.else(SIGNAL_KINDS.length).end();
    })
    // Unknown population sorts after any number, on both databases.
    .orderBy((eb) => eb.case().when('signals.population', 'is', null).then(1).else(0).end())
    .orderBy('signals.population', 'desc')
    // More recent first by the last period's start date; ids not in the periods table last.
    .orderBy((eb) => eb.case().when('lastP.startDate', 'is', null).then(1).else(0).end())
    .orderBy('lastP.startDate', 'desc')
    .orderBy('signals.lastPeriod', 'desc')
    .orderBy('signals.id', 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

  const byKind = await base
    .clearSelect()
    .select(['signals.kind as key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('signals.kind')
    .execute();
  const byStatus = await base
    .clearSelect()
    .select(['signals.status as key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('signals.status')
    .execute();
  let total = 0;
  for (const { key, n } of byStatus) {
    total += Number(n);
    if (key in countsByStatus) {
      countsByStatus[key as SignalStatus] = Number(n);
    }
  }
  for (const { key, n } of byKind) {
    if (key in countsByKind) {
      countsByKind[key as SignalKind] = Number(n);
    }
  }
  const signals: Signal[] = rows.map(presentSignal);
  return { signals, total, countsByKind, countsByStatus };
}
