/**
 * Loading signals with their indicator and org unit, and turning a row into the API form.
 */
import type { Signal, SignalKind, SignalStatus } from '@sankofa/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database, SignalTable } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A signal row joined with what the API shows of its indicator and org unit. */
export interface SignalRow extends SignalTable {
  indicatorName: string;
  orgUnitName: string;
  orgUnitLevel: number;
  orgUnitPath: string;
}

/** signals ⋈ org units ⋈ indicators, selecting a `SignalRow`. */
export function selectSignalRows(db: Db) {
  return db
    .selectFrom('signals')
    .innerJoin('orgUnits', 'orgUnits.id', 'signals.orgUnitId')
    .innerJoin('indicators', 'indicators.id', 'signals.indicatorId')
    .selectAll('signals')
    .select([
      'indicators.name as indicatorName',
      'orgUnits.name as orgUnitName',
      'orgUnits.level as orgUnitLevel',
      'orgUnits.path as orgUnitPath',
    ]);
}

/** The API form of a signal row. */
export function presentSignal(row: SignalRow): Signal {
  const direction = row.direction === 'up' || row.direction === 'down' ? row.direction : null;
  return {
    id: row.id,
    indicator: { id: row.indicatorId, name: row.indicatorName },
    orgUnit: { id: row.orgUnitId, name: row.orgUnitName, level: Number(row.orgUnitLevel) },
    kind: row.kind as SignalKind,
    rule: row.rule,
    ruleSet: { id: row.ruleSetId, version: row.ruleSetVersion },
    direction,
    firstPeriod: row.firstPeriod,
    lastPeriod: row.lastPeriod,
    periods: JSON.parse(row.periodIds) as string[],
    explanation: {
      code: row.explanationCode,
      values: JSON.parse(row.explanationValues) as Record<string, number>,
    },
    summary: row.summary,
    status: row.status as SignalStatus,
    reason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    statusChangedBy: row.statusChangedBy,
    stillPresent: Number(row.stillPresent) === 1,
    population: row.population === null ? null : Number(row.population),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
