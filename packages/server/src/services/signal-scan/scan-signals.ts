/**
 * The signal scan (issue #5): every indicator × org unit at every level, over the last
 * {@link SCAN_MONTHS} months ending at the latest month with data, read with core's signal
 * functions and reconciled with the stored signals. Incremental: a series whose fingerprint has
 * not changed since the last scan is skipped unless `full`. See README.md.
 */
import { createHash } from 'node:crypto';
import { parsePeriodId, type FlexibleWeekMemo, type SignalFinding } from '@sankofa/core';
import type { Kysely, Selectable } from 'kysely';
import { sqliteConnectionOf, sqliteWriteGateOf } from '../../db/dialects/sqlite/raw-connection.ts';
import {
  sharedReadThread,
  sharedWriteThread,
} from '../../db/dialects/sqlite/connection-threads.ts';
import type { SqliteWriteThread } from '../../db/dialects/sqlite/write-thread.ts';
import type { ChartSettingsTable, Database } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';
import { recordAudit } from '../audit.ts';
import { computeChangeToken, storeChangeToken, storedChangeToken } from './change-token.ts';
import {
  loadIndicatorState,
  seriesKey as key,
  type IndicatorScanState,
} from './stored-scan-state.ts';
import {
  flushPending,
  queueSeries,
  sqliteWrites,
  type Counts,
  type PendingRows,
  type SeriesWork,
} from './signal-writes.ts';
import { SeriesFingerprints } from './series-fingerprint.ts';
import {
  indicatorSubject,
  selectScanIndicators,
  seriesToAnalyse,
  type ScanIndicator,
} from './series-input.ts';
import { readSeriesForOrgUnits, type ElementValuesCache } from '../query-series-batch.ts';
import type { SeriesByUnit } from '../query-series-columns.ts';
import { analyseSeries, peerFindings, type PeerPoint, type ScanPoint } from './series-analysis.ts';

/** Months of each series: three years, enough for two years of outbreak history and a full chart. */
export const SCAN_MONTHS = 36;
/**
 * Indicators whose values are being read at once (on SQLite, on the reader thread) while one is
 * analysed: with one, the scan waited for reads (~0.6 s in all at 1,200 facilities) wherever an
 * indicator with several elements followed a quick one; with three, still ~0.2 s once the writer
 * thread shared the second core with the reader (six: none measurable; each indicator read ahead
 * holds ~4 MB at 1,280 org units).
 */
const READ_AHEAD = 6;
/** Indicators' writes queued on the writer thread at most. */
const WRITES_IN_FLIGHT = 3;
/** Series analysed between two turns of the event loop. */
const YIELD_EVERY = 100;
/**
 * Outbreak months the scans of this process have computed, by their inputs (see
 * `FlexibleWeekMemo`): when a month of data arrives, every notifiable series moves on by a month
 * and only its newest month needs a new Farrington fit; the eleven others are read from here.
 * Cleared when it grows past {@link OUTBREAK_MEMO_MAX} months (about 0.5 kB each).
 */
const outbreakMemo: FlexibleWeekMemo = new Map();
const OUTBREAK_MEMO_MAX = 200_000;

/** Bumped when what a fingerprint covers, or how findings are computed here, changes. */
export const SCAN_VERSION = '3';

export interface ScanProgress {
  /** Series looked at so far, and in all. */
  readonly done: number;
  readonly total: number;
  readonly message: string;
}

export interface ScanOptions {
  /**
   * Recompute every series, even those whose fingerprint is unchanged, from scratch (outbreak
   * months computed by earlier scans are not reused).
   */
  readonly full?: boolean;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** The timestamp written on rows (default: now). */
  readonly now?: string;
  /** Who ran it, for the audit event (default `system`). */
  readonly actor?: string;
  readonly userId?: string | null;
}

export interface ScanResult {
  /** Indicator × org unit series looked at (skipped ones included). */
  readonly series: number;
  readonly signals: {
    /** Signals created by this scan. */
    readonly new: number;
    /** Stored signals extended, or whose presence changed (gone, or back). */
    readonly updated: number;
    /** Stored signals this scan found again with nothing new, or left alone in skipped series. */
    readonly unchanged: number;
    /** Signals still present after the scan. */
    readonly total: number;
  };
  readonly durationMs: number;
}

/** The monthly period ids from `last` back `count` months, ascending. */
export function monthsEndingAt(last: string, count: number): string[] {
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(4, 6));
  const index = year * 12 + (month - 1);
  return Array.from({ length: count }, (_, i) => {
    const m = index - count + 1 + i;
    return `${Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The latest monthly period holding a (not deleted) data value, or null. Months are tried from
 * the latest down, each with index seeks on the data values' primary key (data element, period):
 * a scan over every period would build a temporary index on a million rows each time.
 */
export async function latestMonthWithData(db: Kysely<Database>): Promise<string | null> {
  const elementIds = (await db.selectFrom('dataElements').select('id').execute()).map((r) => r.id);
  if (elementIds.length === 0) {
    return null;
  }
  const months = (
    await db.selectFrom('periods').select('id').where('periodType', '=', 'Monthly').execute()
  )
    .map((r) => r.id)
    .filter((id) => /^\d{6}$/.test(id))
    .sort()
    .reverse();
  for (const month of months) {
    const found = await db
      .selectFrom('dataValues')
      .select('periodId')
      .where('dataElementId', 'in', elementIds)
      .where('periodId', '=', month)
      .where('deleted', '=', 0)
      .limit(1)
      .executeTakeFirst();
    if (found !== undefined) {
      return month;
    }
  }
  return null;
}

/** The series' size for the inbox order: its denominator in the last period with a value, else its count. */
function populationOf(points: readonly ScanPoint[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p.value !== null) {
      return p.denominator ?? p.numerator ?? p.value;
    }
  }
  return null;
}

/** A series recomputed: read, fingerprinted and analysed, its findings to store. */
interface Candidate {
  readonly indicatorId: string;
  readonly orgUnitId: string;
  readonly fingerprint: string;
  readonly findings: readonly SignalFinding[];
  readonly peerFindings: readonly SignalFinding[];
  readonly population: number | null;
}

/** An indicator's series to recompute. */
interface IndicatorJob {
  readonly indicatorId: string;
  readonly candidates: readonly Candidate[];
  /** Series looked at once this indicator is stored. */
  readonly done: number;
}

/** An org unit as the scan walks the hierarchy. */
interface ScanOrgUnit {
  readonly id: string;
  readonly level: number;
  readonly parentId: string | null;
}

/** What the analysis of every indicator of a scan reads, and the scan's running counts. */
interface ScanContext {
  /** Every org unit, by level then id. */
  readonly orgUnits: readonly ScanOrgUnit[];
  readonly periodIds: readonly string[];
  /** Chart settings by series key. */
  readonly settings: ReadonlyMap<string, Selectable<ChartSettingsTable>>;
  readonly fingerprints: SeriesFingerprints;
  readonly full: boolean;
  readonly counts: Counts;
  /** Series looked at so far. */
  done: number;
}

/** By parent: a digest of its children's latest numbers, and their funnel findings. */
interface LatestPeers {
  /** The org units whose series were read. */
  readonly read: ReadonlySet<string>;
  readonly byParent: ReadonlyMap<
    string,
    { readonly digest: string; readonly findings: ReadonlyMap<string, SignalFinding[]> }
  >;
}

/**
 * Every org unit's point in the latest period, for the funnel of its siblings: by parent, a
 * digest of the siblings' latest numbers (what their funnel depends on, in every sibling's
 * fingerprint) and the funnel's findings. (The analysis of a scan lives in functions of its own,
 * not in `scanSignals`: a function called once per scan is compiled again by V8 in every scan,
 * and with the analysis inside it that took ~0.1 s of the other core each time.)
 */
function latestPeers(
  scan: ScanContext,
  indicator: ScanIndicator,
  seriesByUnit: SeriesByUnit,
): LatestPeers {
  const latestIndex = scan.periodIds.length - 1;
  const read = new Set<string>();
  const siblings = new Map<string, PeerPoint[]>();
  for (const unit of scan.orgUnits) {
    const p = seriesByUnit.pointAt(unit.id, latestIndex);
    if (p === undefined) {
      break;
    }
    read.add(unit.id);
    if (unit.parentId === null) {
      continue;
    }
    const list = siblings.get(unit.parentId) ?? [];
    list.push({
      orgUnitId: unit.id,
      numerator: p.value === null ? null : (p.numerator ?? null),
      denominator: p.value === null ? null : (p.denominator ?? null),
    });
    siblings.set(unit.parentId, list);
  }
  const byParent = new Map<string, { digest: string; findings: Map<string, SignalFinding[]> }>();
  for (const [parentId, list] of siblings) {
    byParent.set(parentId, {
      digest: createHash('sha256')
        .update(JSON.stringify(list.map((s) => [s.orgUnitId, s.numerator, s.denominator])))
        .digest('hex'),
      findings: peerFindings(
        indicator.defaultChartType,
        indicator.factor,
        scan.periodIds[latestIndex],
        list,
      ),
    });
  }
  return { read, byParent };
}

/**
 * The series of one indicator to recompute, each unit's whole series computed (and analysed) in
 * its turn, so that an indicator's 46,000 points are never all alive at once; skipped series'
 * stored signals are counted unchanged.
 */
async function analyseIndicator(
  scan: ScanContext,
  indicator: ScanIndicator,
  seriesByUnit: SeriesByUnit,
  peers: LatestPeers,
  state: IndicatorScanState,
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const unit of scan.orgUnits) {
    scan.done++;
    if (scan.done % YIELD_EVERY === 0) {
      // Lets the server answer requests between batches of series (the analysis is CPU work).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const points = peers.read.has(unit.id) ? seriesByUnit.get(unit.id) : undefined;
    if (points === undefined) {
      scan.counts.unchanged += (state.signals.get(unit.id) ?? []).length;
      continue;
    }
    const series = seriesToAnalyse(
      indicator,
      scan.periodIds,
      points,
      scan.settings.get(key(indicator.id, unit.id)),
    );
    const peer = unit.parentId === null ? undefined : peers.byParent.get(unit.parentId);
    const print = scan.fingerprints.of(series, indicator, peer?.digest ?? null);
    if (!scan.full && state.fingerprints.get(unit.id) === print) {
      scan.counts.unchanged += (state.signals.get(unit.id) ?? []).length;
      continue;
    }
    candidates.push({
      indicatorId: indicator.id,
      orgUnitId: unit.id,
      fingerprint: print,
      // A full scan recomputes from scratch: it neither reads nor fills the memo.
      findings: analyseSeries(series, scan.full ? undefined : outbreakMemo),
      peerFindings: peer?.findings.get(unit.id) ?? [],
      population: populationOf(series.points),
    });
  }
  return candidates;
}

/** The rows that store an indicator's recomputed series, or null when there are none. */
function pendingRowsOf(
  candidates: readonly Candidate[],
  state: IndicatorScanState,
  now: string,
  counts: Counts,
): PendingRows | null {
  if (candidates.length === 0) {
    return null;
  }
  const pending: PendingRows = { signals: [], extended: [], presence: [], states: [] };
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const work: SeriesWork = {
      indicatorId: c.indicatorId,
      orgUnitId: c.orgUnitId,
      fingerprint: c.fingerprint,
      findings: c.peerFindings.length === 0 ? c.findings : [...c.findings, ...c.peerFindings],
      population: c.population,
    };
    queueSeries(work, state.signals.get(c.orgUnitId) ?? [], now, counts, pending);
  }
  return pending;
}

/**
 * Scans every indicator × org unit series for signals and stores what changed: one transaction
 * per indicator, one audit event per scan.
 */
export async function scanSignals(
  db: Kysely<Database>,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const started = performance.now();
  const now = options.now ?? nowIso();
  const full = options.full === true;

  const indicators = await selectScanIndicators(db).orderBy('i.id').execute();
  const orgUnits = await db
    .selectFrom('orgUnits')
    .select(['id', 'level', 'parentId'])
    .orderBy('level')
    .orderBy('id')
    .execute();
  const total = indicators.length * orgUnits.length;
  const latest = await latestMonthWithData(db);
  // Nothing changed since the last scan: every series is skipped without being read, and the
  // stored signals are counted rather than loaded.
  const token = await computeChangeToken(db, { v: SCAN_VERSION, latest });
  const skipAll = !full && token === (await storedChangeToken(db));
  const storedCount = skipAll
    ? Number(
        (
          await db
            .selectFrom('signals')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    : 0;

  const counts: Counts = { created: 0, updated: 0, unchanged: storedCount };
  const periodIds = latest === null ? [] : monthsEndingAt(latest, SCAN_MONTHS);
  const periods = periodIds.map((id) => parsePeriodId(id));
  const fingerprints = new SeriesFingerprints(SCAN_VERSION, JSON.stringify(periodIds));

  // Each data element is read once per scan, however many indicators use it.
  const valuesCache: ElementValuesCache = new Map();
  // On a SQLite file, the values are read on a second connection in a reader thread: the next
  // indicator's are read there while this thread analyses the current one's. The connection's
  // threads are kept between scans (connection-threads.ts).
  const connection = sqliteConnectionOf(db);
  const readThread = skipAll || connection === undefined ? null : sharedReadThread(connection);
  // And an indicator's signals are written on a second connection in a writer thread while this
  // thread analyses the next indicator (its transactions hold the write gate, as imports do).
  const gate = connection === undefined ? undefined : sqliteWriteGateOf(db);
  const writing =
    skipAll || connection === undefined || gate === undefined
      ? Promise.resolve(null)
      : sharedWriteThread(connection, gate);
  /**
   * One read of an indicator's values for every org unit, summed up the hierarchy in memory, and
   * of what earlier scans stored for it (on the reader thread too, beside the analysis of the
   * indicators before it: loaded all at once, before the first analysis, it held the scan's
   * thread ~65 ms at 1,200 facilities).
   */
  const readSeries = (indicator: ScanIndicator) => {
    const read = Promise.all([
      readSeriesForOrgUnits(db, {
        subject: indicatorSubject(indicator),
        orgUnits,
        periods,
        cache: valuesCache,
        ...(readThread === null ? {} : { readThread }),
      }),
      loadIndicatorState(db, indicator.id, readThread),
    ]);
    // Awaited in its turn; a failure is reported there, not as an unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  /** Reads started, by the indicator's index; each is taken once, in turn. */
  const reads = new Map<number, ReturnType<typeof readSeries>>();
  /** Starts the reads of indicators `from` … `from + READ_AHEAD - 1` not started yet. */
  const readAhead = (from: number) => {
    for (let i = from; i < Math.min(from + READ_AHEAD, indicators.length); i++) {
      if (!reads.has(i)) {
        reads.set(i, readSeries(indicators[i]));
      }
    }
  };
  // The first indicators' reads start now.
  if (!skipAll) {
    readAhead(0);
  }
  /**
   * Writes asked of the writer thread and not yet awaited, oldest first (the thread runs them in
   * order). A full scan's first writes (thousands of new signals, a checkpoint) can take longer
   * than analysing the next indicator: awaiting each before the next made the scan wait ~0.2 s.
   */
  const writes: Promise<unknown>[] = [];
  let writeThread: SqliteWriteThread | null = null;
  try {
    writeThread = await writing;
    const settings = new Map(
      (skipAll ? [] : await db.selectFrom('chartSettings').selectAll().execute()).map((s) => [
        key(s.indicatorId, s.orgUnitId),
        s,
      ]),
    );
    /** What earlier scans stored for the indicator being analysed. */
    let state: IndicatorScanState = { fingerprints: new Map(), signals: new Map() };
    const scan: ScanContext = {
      orgUnits,
      periodIds,
      settings,
      fingerprints,
      full,
      counts,
      done: 0,
    };
    /** Stores the findings of an indicator's recomputed series: one transaction. */
    const finish = async (job: IndicatorJob): Promise<void> => {
      const pending = pendingRowsOf(job.candidates, state, now, counts);
      if (pending !== null) {
        if (writeThread === null) {
          await db.transaction().execute(async (trx) => {
            await flushPending(trx, pending, now, connection);
          });
        } else {
          // A few in flight at most, so that a failed write stops the scan soon after.
          if (writes.length >= WRITES_IN_FLIGHT) {
            await writes.shift();
          }
          const write = writeThread.transaction(sqliteWrites(pending, now));
          // Awaited in its turn; a failure is reported there, not as an unhandled rejection.
          write.catch(() => undefined);
          writes.push(write);
        }
      }
      options.onProgress?.({
        done: job.done,
        total,
        message: `Scanned ${job.done} of ${total} series (indicator ${job.indicatorId}: ${job.candidates.length} recomputed)`,
      });
    };
    for (const [indicatorIndex, indicator] of indicators.entries()) {
      if (skipAll) {
        scan.done += orgUnits.length;
        continue;
      }
      // The next indicators' reads go on beside this one's analysis.
      readAhead(indicatorIndex);
      const [seriesByUnit, stored] = await reads.get(indicatorIndex)!;
      state = stored;
      reads.delete(indicatorIndex);
      readAhead(indicatorIndex + 1);
      const peers = latestPeers(scan, indicator, seriesByUnit);
      if (outbreakMemo.size > OUTBREAK_MEMO_MAX) {
        outbreakMemo.clear();
      }
      const candidates = await analyseIndicator(scan, indicator, seriesByUnit, peers, state);
      await finish({ indicatorId: indicator.id, candidates, done: scan.done });
    }
    for (const write of writes) {
      await write;
    }
  } finally {
    // Once the writes asked have ended (on an error elsewhere, too): nothing of this scan is
    // written after it returns.
    await Promise.allSettled(writes);
  }

  await storeChangeToken(db, token, now);
  options.onProgress?.({
    done: total,
    total,
    message: skipAll
      ? `Nothing changed since the last scan: ${total} series skipped`
      : `Scanned ${total} series`,
  });
  const present = await db
    .selectFrom('signals')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('stillPresent', '=', 1)
    .executeTakeFirstOrThrow();
  const result: ScanResult = {
    series: total,
    signals: {
      new: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      total: Number(present.n),
    },
    durationMs: Math.round(performance.now() - started),
  };
  await recordAudit(db, {
    userId: options.userId ?? null,
    actor: options.actor ?? 'system',
    action: 'scan',
    entityType: 'signal_scan',
    entityId: now,
    after: {
      full,
      latestPeriod: latest,
      months: periodIds.length,
      skipped: skipAll,
      series: result.series,
      signals: result.signals,
      durationMs: result.durationMs,
    },
  });
  return result;
}
