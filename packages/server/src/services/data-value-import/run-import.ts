/**
 * One import inside its transaction: load the metadata index, check the set-level header, then
 * stream the values through resolution into chunks that are written: row by row on SQLite
 * (`sqlite-row-writer.ts`), set-based through a staging table elsewhere (`staging.ts`). Chunks
 * are flushed every `CHUNK_SIZE` values, and early when a key repeats so a file that names a
 * value twice is applied in file order, as DHIS2 does (the second one updates the first).
 */
import type { DataValueReader, Period } from '@sankofa/core';
import { tryParsePeriodId } from '@sankofa/core';
import type SQLite from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_COMBO_ID, ensurePeriods } from '../write-data-value.ts';
import { CONFLICT_CODES as C, type ConflictCollector } from './conflicts.ts';
import type { DataValueImportOptions, EffectiveOptions } from './import-options.ts';
import { loadMetadataIndex, type MetadataIndex } from './metadata-index.ts';
import { resolveValue, type ResolvedHeader, type StagedValue } from './resolve-value.ts';
import { registerCompletion, type Completion } from './complete-registration.ts';
import { createSqliteRowWriter } from './sqlite-row-writer.ts';
import { createStaging, type ChunkCounts } from './staging.ts';

/** Values per staged chunk. */
export const CHUNK_SIZE = 10_000;
const PROGRESS_INTERVAL_MS = 200;

/** What the run produced, for the summary. */
export interface RunResult {
  readonly counts: ChunkCounts;
  readonly rows: number;
  /** The header could not be resolved: nothing was read. */
  readonly aborted: boolean;
  /** The complete date recorded for the header's data set, if any. */
  readonly dataSetComplete: string | false;
}

function resolveHeader(
  reader: DataValueReader,
  index: MetadataIndex,
  effective: EffectiveOptions,
  conflicts: ConflictCollector,
): ResolvedHeader {
  const h = reader.header;
  const s = effective.idSchemes;
  const header: { -readonly [K in keyof ResolvedHeader]: ResolvedHeader[K] } = {};
  const ds = h.dataSet?.trim();
  if (ds) {
    header.dataSet = index.dataSets.find(s.dataSet, ds);
    if (header.dataSet === undefined) {
      conflicts.add(
        {
          object: ds,
          property: 'dataSet',
          errorCode: C.dataSetNotFound,
          value: `Data set not found or not accessible: \`${ds}\``,
        },
        0,
      );
    }
  }
  const ou = h.orgUnit?.trim();
  if (ou) {
    header.orgUnit = index.orgUnits.find(s.orgUnit, ou);
    if (header.orgUnit === undefined) {
      conflicts.add(
        {
          object: ou,
          property: 'orgUnit',
          errorCode: C.orgUnitHeaderNotFound,
          value: `Org unit not found or not accessible: \`${ou}\``,
        },
        0,
      );
    }
  }
  const aoc = h.attributeOptionCombo?.trim();
  if (aoc) {
    header.attributeOptionCombo = index.attributeOptionCombos.find(s.attributeOptionCombo, aoc);
    if (header.attributeOptionCombo === undefined) {
      conflicts.add(
        {
          object: aoc,
          property: 'attributeOptionCombo',
          errorCode: C.attributeOptionComboHeaderNotFound,
          value: `Attribute option combo not found or not accessible: \`${aoc}\``,
        },
        0,
      );
    }
  }
  const pe = h.period?.trim();
  if (pe) {
    header.period = tryParsePeriodId(pe) ?? undefined;
    header.periodKey = pe;
  }
  if (h.attributeOptions !== undefined) {
    header.attributeOptions = h.attributeOptions;
  }
  return header;
}

/** Runs the import in `trx`; the caller commits or rolls back. */
export async function runImport(
  trx: Transaction<Database>,
  reader: DataValueReader,
  options: DataValueImportOptions,
  effective: EffectiveOptions,
  conflicts: ConflictCollector,
  now: string,
  connection: SQLite.Database | undefined,
): Promise<RunResult> {
  const counts: ChunkCounts = { imported: 0, updated: 0, deleted: 0, ignored: 0 };
  const index = await loadMetadataIndex(trx);
  const header = resolveHeader(reader, index, effective, conflicts);
  if (conflicts.size > 0) {
    return { counts, rows: 0, aborted: true, dataSetComplete: false };
  }
  const staging =
    connection === undefined
      ? await createStaging(trx, effective.importStrategy, now)
      : createSqliteRowWriter(connection, effective.importStrategy, now);
  const ctx = {
    index,
    schemes: effective.idSchemes,
    header,
    writableOrgUnitPaths: options.writableOrgUnitPaths,
    userName: options.actor.actor,
    inHierarchy: new Map<string, boolean>(),
    periods: new Map<string, Period | null>(),
  };
  const knownPeriods = new Set<string>();
  let pendingPeriods: Period[] = [];
  let chunk: StagedValue[] = [];
  let keys = new Set<string>();
  const flush = async () => {
    // Once a value is invalid in an all-or-nothing import, nothing more needs writing.
    const writing = effective.skipInvalid || conflicts.size === 0;
    if (writing && chunk.length > 0) {
      await ensurePeriods(trx, pendingPeriods);
      pendingPeriods = [];
      const c = await staging.merge(chunk);
      counts.imported += c.imported;
      counts.updated += c.updated;
      counts.deleted += c.deleted;
      counts.ignored += c.ignored;
    }
    chunk = [];
    keys = new Set();
  };
  // Set-level and ADX group-level completions (one per group: small).
  const completions = new Map<string, Completion>();
  let rows = 0;
  let lastProgress = Date.now();
  for await (const raw of reader.values()) {
    rows += 1;
    const resolution = resolveValue(ctx, raw);
    if (!resolution.ok) {
      conflicts.add(resolution.problem, raw.row);
      counts.ignored += 1;
    } else {
      const v = resolution.staged;
      if (raw.completeDate !== undefined && resolution.dataSetId !== undefined) {
        const key = `${resolution.dataSetId} ${v.periodId} ${v.orgUnitId} ${v.attributeOptionComboId}`;
        completions.set(key, {
          dataSetId: resolution.dataSetId,
          period: resolution.period,
          orgUnitId: v.orgUnitId,
          attributeOptionComboId: v.attributeOptionComboId,
          completeDate: raw.completeDate,
        });
      }
      const key = `${v.dataElementId}\u0000${v.periodId}\u0000${v.orgUnitId}\u0000${v.categoryOptionComboId}\u0000${v.attributeOptionComboId}`;
      if (keys.has(key)) {
        await flush();
      }
      keys.add(key);
      chunk.push(v);
      if (!knownPeriods.has(v.periodId)) {
        knownPeriods.add(v.periodId);
        pendingPeriods.push(resolution.period);
      }
      if (chunk.length >= CHUNK_SIZE) {
        await flush();
      }
    }
    if (options.onProgress !== undefined && rows % 1000 === 0) {
      const t = Date.now();
      if (t - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = t;
        options.onProgress({ rows, ...reader.progress() });
      }
    }
  }
  await flush();
  await staging.drop();
  options.onProgress?.({ rows, ...reader.progress() });
  let dataSetComplete: string | false = false;
  const completeDate = reader.header.completeDate;
  if (completeDate !== undefined && header.dataSet && header.period && header.orgUnit) {
    completions.set('header', {
      dataSetId: header.dataSet.id,
      period: header.period,
      orgUnitId: header.orgUnit.id,
      attributeOptionComboId: header.attributeOptionCombo?.id ?? DEFAULT_COMBO_ID,
      completeDate,
    });
  }
  if (effective.skipInvalid || conflicts.size === 0) {
    for (const completion of completions.values()) {
      dataSetComplete =
        (await registerCompletion(trx, completion, options.actor.actor, now)) || dataSetComplete;
    }
  }
  return { counts, rows, aborted: false, dataSetComplete };
}
