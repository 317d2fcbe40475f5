/**
 * The signal scan on the demo country (36 months, 8 facilities), on both databases: it finds the
 * planted outbreak, the ANC4 improvement (and not in the comparison districts) and the Penta3
 * decline; a second scan of the same data changes nothing; one more month of a continuing shift
 * extends the stored signal instead of adding one, and a full recomputation afterwards changes
 * no signal and no fingerprint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.ts';
import { generateDemoCountry, type DemoCountry, type PlantedFeature } from '../../demo/index.ts';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
} from '../../testing/test-database.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import {
  sharedReadThread,
  sharedWriteThread,
} from '../../db/dialects/sqlite/connection-threads.ts';
import { sqliteConnectionOf, sqliteWriteGateOf } from '../../db/dialects/sqlite/raw-connection.ts';
import type { DialectAdapter } from '../../db/dialects/types.ts';
import { loadDemoCountry } from '../load-demo.ts';
import { writeDataValue } from '../write-data-value.ts';
import { scanSignals } from './scan-signals.ts';

const SLOW = 120_000;
/** Signals of any kind allowed on the 15 series where nothing was planted (observed: 1). */
const STABLE_BOUND = 2;

describe.each(testDialects())('the signal scan on the demo country on %s', (dialect) => {
  let database: TestDatabase;
  let country: DemoCountry;
  const feature = (kind: PlantedFeature['kind']) =>
    country.plantedFeatures.find((f) => f.kind === kind)!;
  const indicatorByCode = (code: string) => country.indicators.find((i) => i.code === code)!;
  const signals = () =>
    database.adapter.db.selectFrom('signals').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    country = generateDemoCountry({ seed: 3, facilities: 8, months: 36, endPeriod: '202610' });
    await loadDemoCountry(database.adapter, country);
  }, SLOW);
  afterAll(async () => {
    await database.drop();
  });

  it(
    'finds the planted outbreak, improvement and decline, and few shifts where nothing changed',
    async () => {
      const progress: number[] = [];
      const result = await scanSignals(database.adapter.db, {
        onProgress: (p) => progress.push(p.done),
      });
      const series = country.indicators.length * country.orgUnits.length;
      expect(result.series).toBe(series);
      expect(progress[progress.length - 1]).toBe(series);
      expect(result.signals.new).toBeGreaterThan(0);
      expect(result.signals).toMatchObject({ updated: 0, unchanged: 0, total: result.signals.new });
      const rows = await signals();
      expect(rows).toHaveLength(result.signals.new);
      expect(rows.every((s) => s.status === 'new' && s.stillPresent === 1)).toBe(true);

      // The malaria outbreak: an outbreak signal on the notifiable count in the planted district,
      // within the planted months.
      const outbreak = feature('outbreak');
      const notifiable = country.indicators.filter(
        (i) => outbreak.indicatorIds.includes(i.id) && i.notifiable,
      );
      expect(notifiable.length).toBeGreaterThan(0);
      const outbreakSignals = rows.filter(
        (s) =>
          s.kind === 'outbreak' &&
          notifiable.some((i) => i.id === s.indicatorId) &&
          outbreak.orgUnitIds.includes(s.orgUnitId),
      );
      expect(outbreakSignals.length).toBeGreaterThan(0);
      for (const s of outbreakSignals) {
        expect(s.direction).toBe('up');
        expect(s.firstPeriod >= outbreak.startPeriod).toBe(true);
        expect(s.lastPeriod <= outbreak.endPeriod).toBe(true);
      }

      // ANC4: a sustained shift up from the intervention in every intervention district, none in
      // the comparison districts.
      const improvement = feature('sustained_improvement');
      const comparison = feature('no_change_comparison');
      const anc4 = improvement.indicatorIds[0];
      const shiftsUp = (orgUnitId: string) =>
        rows.filter(
          (s) =>
            s.indicatorId === anc4 &&
            s.orgUnitId === orgUnitId &&
            (s.kind === 'sustained_shift' || s.kind === 'trend') &&
            s.direction === 'up' &&
            s.lastPeriod >= improvement.startPeriod,
        );
      for (const district of improvement.orgUnitIds) {
        const found = shiftsUp(district).filter((s) => s.kind === 'sustained_shift');
        expect(found, district).toHaveLength(1);
        expect(found[0].firstPeriod >= improvement.startPeriod).toBe(true);
        expect(found[0].lastPeriod).toBe(improvement.endPeriod);
      }
      for (const district of comparison.orgUnitIds) {
        expect(shiftsUp(district), district).toEqual([]);
      }

      // Penta3 coverage falls in the declining region: a shift or a trend down.
      const decline = feature('slow_decline');
      const penta3 = indicatorByCode('IN_PENTA3_COVERAGE').id;
      expect(decline.indicatorIds).toContain(penta3);
      const down = rows.filter(
        (s) =>
          s.indicatorId === penta3 &&
          decline.orgUnitIds.includes(s.orgUnitId) &&
          (s.kind === 'sustained_shift' || s.kind === 'trend') &&
          s.direction === 'down',
      );
      expect(down.length).toBeGreaterThan(0);

      // Where nothing was planted: ANC4 in the comparison districts and their facilities, and
      // Penta3 outside the declining region below the country. Observed with seed 3, 8 facilities:
      // 1 signal of any kind (a shift) on 15 such series, 540 monthly points.
      const under = (ids: readonly string[]) =>
        new Set(
          country.orgUnits
            .filter((u) => ids.some((id) => u.path.split('/').includes(id)))
            .map((u) => u.id),
        );
      const comparisonUnits = under(comparison.orgUnitIds);
      const declineUnits = under(decline.orgUnitIds);
      const stableSeries = new Set([
        ...[...comparisonUnits].map((u) => `${anc4}|${u}`),
        ...country.orgUnits
          .filter((u) => u.level > 1 && !declineUnits.has(u.id))
          .map((u) => `${penta3}|${u.id}`),
      ]);
      const stableShifts = rows.filter((s) => stableSeries.has(`${s.indicatorId}|${s.orgUnitId}`));
      console.info(
        `signal scan on ${dialect}: ${JSON.stringify(result)}; by kind ${JSON.stringify(
          Object.fromEntries(
            [...new Set(rows.map((s) => s.kind))].map((k) => [
              k,
              rows.filter((s) => s.kind === k).length,
            ]),
          ),
        )}; ${stableShifts.length} signal(s) of any kind on ${stableSeries.size} stable series`,
      );
      expect(stableShifts.length).toBeLessThanOrEqual(STABLE_BOUND);
    },
    SLOW,
  );

  it(
    'a second scan of the same data reports only unchanged signals and changes no byte',
    async () => {
      const before = await signals();
      const states = await database.adapter.db
        .selectFrom('signalSeriesState')
        .selectAll()
        .orderBy('indicatorId')
        .orderBy('orgUnitId')
        .execute();
      const result = await scanSignals(database.adapter.db, { now: '2030-01-01T00:00:00.000Z' });
      expect(result.signals).toEqual({
        new: 0,
        updated: 0,
        unchanged: before.length,
        total: before.length,
      });
      expect(await signals()).toEqual(before);
      expect(
        await database.adapter.db
          .selectFrom('signalSeriesState')
          .selectAll()
          .orderBy('indicatorId')
          .orderBy('orgUnitId')
          .execute(),
      ).toEqual(states);
      const audits = await database.adapter.db
        .selectFrom('auditEvents')
        .select(['action', 'entityType', 'after'])
        .where('entityType', '=', 'signal_scan')
        .execute();
      expect(audits).toHaveLength(2);
      expect(audits.map((a) => JSON.parse(a.after!) as unknown)).toContainEqual(
        expect.objectContaining({ full: false, signals: result.signals, series: result.series }),
      );
    },
    SLOW,
  );

  it(
    'one more month of the continuing ANC4 shift extends the stored signal, not a new one',
    async () => {
      const db = database.adapter.db;
      const improvement = feature('sustained_improvement');
      const anc4 = country.indicators.find((i) => i.id === improvement.indicatorIds[0])!;
      const district = improvement.orgUnitIds[0];
      const before = (await signals()).filter(
        (s) =>
          s.indicatorId === anc4.id &&
          s.orgUnitId === district &&
          s.kind === 'sustained_shift' &&
          s.direction === 'up',
      );
      expect(before).toHaveLength(1);
      // Next month = the last month again, for the ANC4 numerator and denominator of the
      // district's facilities: still above the median, so the shift continues.
      const last = country.periods[country.periods.length - 1];
      const next = `${Number(last.slice(0, 4)) + (last.endsWith('12') ? 1 : 0)}${String(
        (Number(last.slice(4)) % 12) + 1,
      ).padStart(2, '0')}`;
      const elements = [...`${anc4.numerator} ${anc4.denominator}`.matchAll(/#\{(\w+)/g)].map(
        (m) => m[1],
      );
      const values = await db
        .selectFrom('dataValues as dv')
        .innerJoin('orgUnits as o', 'o.id', 'dv.orgUnitId')
        .select([
          'dv.dataElementId',
          'dv.orgUnitId',
          'dv.categoryOptionComboId',
          'dv.attributeOptionComboId',
          'dv.value',
        ])
        .where('o.path', 'like', `%/${district}/%`)
        .where('dv.periodId', '=', last)
        .where('dv.dataElementId', 'in', elements)
        .where('dv.deleted', '=', 0)
        .execute();
      expect(values.length).toBeGreaterThan(0);
      const admin = country.users.find((u) => u.role === 'admin')!;
      const adminRow = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', admin.email)
        .executeTakeFirstOrThrow();
      const root = country.orgUnits.find((u) => u.level === 1)!;
      const actor: Actor = {
        userId: adminRow.id,
        email: admin.email,
        name: admin.name,
        locale: 'en',
        sessionId: 's',
        csrfToken: 't',
        assignments: [
          { role: 'admin', orgUnitId: root.id, orgUnitName: root.name, path: root.path, level: 1 },
        ],
      };
      for (const v of values) {
        await writeDataValue(
          db,
          actor,
          {
            dataElement: v.dataElementId,
            period: next,
            orgUnit: v.orgUnitId,
            categoryOptionCombo: v.categoryOptionComboId,
            attributeOptionCombo: v.attributeOptionComboId,
            value: v.value!,
          },
          'scan-test',
        );
      }

      const result = await scanSignals(db);
      expect(result.signals.updated).toBeGreaterThan(0);
      const after = (await signals()).filter(
        (s) =>
          s.indicatorId === anc4.id &&
          s.orgUnitId === district &&
          s.kind === 'sustained_shift' &&
          s.direction === 'up',
      );
      expect(after).toHaveLength(1);
      expect(after[0].id).toBe(before[0].id);
      expect(after[0].lastPeriod).toBe(next);
      expect(after[0].firstPeriod).toBe(before[0].firstPeriod);
      expect(JSON.parse(after[0].periodIds)).toEqual([...JSON.parse(before[0].periodIds), next]);
      expect(after[0].createdAt).toBe(before[0].createdAt);
      expect(after[0].stillPresent).toBe(1);
    },
    SLOW,
  );

  it(
    'what the incremental scan stored after one more month is what a full recomputation gives',
    async () => {
      const db = database.adapter.db;
      const before = await signals();
      const prints = () =>
        db
          .selectFrom('signalSeriesState')
          .select(['indicatorId', 'orgUnitId', 'fingerprint'])
          .orderBy('indicatorId')
          .orderBy('orgUnitId')
          .execute();
      const fingerprints = await prints();
      const result = await scanSignals(db, { full: true, now: '2031-01-01T00:00:00.000Z' });
      expect(result.signals).toEqual({
        new: 0,
        updated: 0,
        unchanged: before.length,
        total: before.filter((s) => s.stillPresent === 1).length,
      });
      expect(await signals()).toEqual(before);
      expect(await prints()).toEqual(fingerprints);
    },
    SLOW,
  );

  it(
    'a phase split at the intervention makes the shift absent (kept, still_present 0); removing it brings it back',
    async () => {
      const db = database.adapter.db;
      const improvement = feature('sustained_improvement');
      const anc4 = improvement.indicatorIds[0];
      const district = improvement.orgUnitIds[0];
      const shift = (await signals()).find(
        (s) =>
          s.indicatorId === anc4 &&
          s.orgUnitId === district &&
          s.kind === 'sustained_shift' &&
          s.direction === 'up',
      )!;
      const start = country.periods.indexOf(improvement.startPeriod);
      await db
        .insertInto('chartSettings')
        .values({
          indicatorId: anc4,
          orgUnitId: district,
          baselineEnd: null,
          phaseEnds: JSON.stringify([country.periods[start - 1]]),
          ruleSetId: null,
          updatedAt: '2026-11-27T00:00:00.000Z',
          updatedBy: null,
        })
        .execute();
      const split = await scanSignals(db);
      expect(split.signals.updated).toBeGreaterThanOrEqual(1);
      const gone = (await signals()).find((s) => s.id === shift.id)!;
      expect(gone.stillPresent).toBe(0);
      expect(gone.status).toBe(shift.status);
      expect(split.signals.total).toBe(
        (await signals()).filter((s) => s.stillPresent === 1).length,
      );

      await db
        .deleteFrom('chartSettings')
        .where('indicatorId', '=', anc4)
        .where('orgUnitId', '=', district)
        .execute();
      await scanSignals(db);
      const back = (await signals()).find((s) => s.id === shift.id)!;
      expect(back.stillPresent).toBe(1);
      expect(back.periodIds).toBe(shift.periodIds);
    },
    SLOW,
  );

  it(
    'skips an unchanged rescan without reading a value, and still sees a value changed in place',
    async () => {
      const db = database.adapter.db;
      const scanAudit = async () =>
        JSON.parse(
          (
            await db
              .selectFrom('auditEvents')
              .select('after')
              .where('entityType', '=', 'signal_scan')
              .orderBy('id', 'desc')
              .executeTakeFirstOrThrow()
          ).after ?? '{}',
        ) as { skipped: boolean };
      await scanSignals(db);
      const states = () =>
        db
          .selectFrom('signalSeriesState')
          .selectAll()
          .orderBy('indicatorId')
          .orderBy('orgUnitId')
          .execute();
      const before = await states();
      const again = await scanSignals(db);
      expect(again.signals.new + again.signals.updated).toBe(0);
      expect((await scanAudit()).skipped).toBe(true);

      // One stored value changed in place: same row count, same latest month, newer stamp.
      const facility = country.orgUnits.find((u) => u.level === 4)!;
      const value = await db
        .selectFrom('dataValues')
        .selectAll()
        .where('orgUnitId', '=', facility.id)
        .where('numericValue', 'is not', null)
        .orderBy('periodId', 'desc')
        .orderBy('dataElementId')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('dataValues')
        .set({
          value: String(Number(value.value) + 1),
          numericValue: Number(value.value) + 1,
          lastUpdated: new Date().toISOString(),
        })
        .where('dataElementId', '=', value.dataElementId)
        .where('periodId', '=', value.periodId)
        .where('orgUnitId', '=', value.orgUnitId)
        .where('categoryOptionComboId', '=', value.categoryOptionComboId)
        .where('attributeOptionComboId', '=', value.attributeOptionComboId)
        .execute();
      await scanSignals(db);
      expect((await scanAudit()).skipped).toBe(false);
      const after = await states();
      const changed = after.filter((s, i) => s.fingerprint !== before[i].fingerprint);
      // The facility's series of the indicators using that element changed, and so did its
      // ancestors' (and, through the funnel, its siblings'); a series elsewhere did not.
      expect(changed.some((s) => s.orgUnitId === facility.id)).toBe(true);
      expect(changed.length).toBeLessThan(after.length);
    },
    SLOW,
  );
});

describe('the signal scan with and without its reader and writer threads (SQLite)', () => {
  it(
    'stores the same signals and fingerprints on an in-memory database as on a file',
    async () => {
      // In memory there is no file for a second connection: the scan reads and writes on its one
      // connection, as it does when a thread cannot start.
      const country = generateDemoCountry({
        seed: 4,
        facilities: 8,
        months: 36,
        endPeriod: '202610',
      });
      const file = await createTestDatabase('sqlite');
      const memory = openDatabase('sqlite::memory:');
      try {
        await migrateToLatest(memory);
        const stored = async (adapter: DialectAdapter) => {
          await loadDemoCountry(adapter, country);
          const result = await scanSignals(adapter.db, { now: '2026-11-01T00:00:00.000Z' });
          const signals = await adapter.db
            .selectFrom('signals')
            .selectAll()
            .orderBy('indicatorId')
            .orderBy('orgUnitId')
            .orderBy('kind')
            .orderBy('rule')
            .orderBy('periodIds')
            .execute();
          const states = await adapter.db
            .selectFrom('signalSeriesState')
            .selectAll()
            .orderBy('indicatorId')
            .orderBy('orgUnitId')
            .execute();
          return {
            result: { ...result, durationMs: 0 },
            signals: signals.map(({ id: _id, ...rest }) => rest),
            states,
          };
        };
        const onFile = await stored(file.adapter);
        const inMemory = await stored(memory);
        expect(onFile.signals.length).toBeGreaterThan(0);
        expect(inMemory).toEqual(onFile);

        // The file's threads stay for the next scan (connection-threads.ts), which reads on them.
        const connection = sqliteConnectionOf(file.adapter.db)!;
        const reader = sharedReadThread(connection)!;
        const writer = await sharedWriteThread(connection, sqliteWriteGateOf(file.adapter.db)!);
        const answered = reader.answered;
        await scanSignals(file.adapter.db, { full: true });
        expect(reader.answered).toBeGreaterThan(answered);
        expect(sharedReadThread(connection)).toBe(reader);
        expect(await sharedWriteThread(connection, sqliteWriteGateOf(file.adapter.db)!)).toBe(
          writer,
        );
        expect(reader.ended || writer!.ended).toBe(false);
      } finally {
        await memory.close();
        await file.drop();
      }
    },
    SLOW,
  );
});
