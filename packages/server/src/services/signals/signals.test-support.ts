/**
 * Test support: signal rows inserted directly (independent of the scan), on the fixture country.
 */
import { parsePeriodId, type SignalKind, type SignalStatus } from '@sankofa/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { ensurePeriods } from '../write-data-value.ts';

export interface TestSignal {
  readonly id: string;
  readonly orgUnitId: string;
  readonly indicatorId?: string;
  readonly kind: SignalKind;
  readonly periods: readonly string[];
  readonly status?: SignalStatus;
  readonly statusReason?: string | null;
  readonly population?: number | null;
  readonly stillPresent?: boolean;
}

/** Inserts signals (and their periods) as the scan would have stored them. */
export async function insertSignals(
  db: Kysely<Database>,
  signals: readonly TestSignal[],
): Promise<void> {
  const now = nowIso();
  const periodIds = [...new Set(signals.flatMap((s) => s.periods))];
  await ensurePeriods(db, periodIds.map(parsePeriodId));
  await db
    .insertInto('signals')
    .values(
      signals.map((s) => ({
        id: s.id,
        indicatorId: s.indicatorId ?? F.anc1Count,
        orgUnitId: s.orgUnitId,
        kind: s.kind,
        rule: s.kind === 'outbreak' ? 'outbreak:cusum' : 'beyond_limits',
        ruleSetId: 'ihi',
        ruleSetVersion: '1',
        direction: 'up',
        firstPeriod: s.periods[0],
        lastPeriod: s.periods[s.periods.length - 1],
        periodIds: JSON.stringify(s.periods),
        explanationCode: `${s.kind}.test`,
        explanationValues: JSON.stringify({ value: 42, limit: 30 }),
        summary: `${s.kind} at ${s.orgUnitId}`,
        status: s.status ?? 'new',
        statusReason: s.statusReason ?? null,
        statusChangedAt: null,
        statusChangedBy: null,
        stillPresent: s.stillPresent === false ? (0 as const) : (1 as const),
        population: s.population ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
}
