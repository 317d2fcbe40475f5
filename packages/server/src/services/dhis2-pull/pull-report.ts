/**
 * What a DHIS2 pull reports, per step: metadata counts, then per chunk of data values what was
 * imported, updated, deleted and ignored, with DHIS2-shaped conflicts; totals, duration, errors.
 * It is stored on the run (`dhis2_sync_runs.report`) and printed by `sankofa dhis2 pull`.
 */
import type { ImportConflict, ImportSummary } from '@sankofa/core';
import type { MetadataImportError } from '../metadata-import/index.ts';
import type { ValueChunk } from './chunk-plan.ts';

/** Conflicts kept per chunk in the report (the count is always exact). */
export const CONFLICTS_KEPT = 20;

/** `done`: landed in this run; `skipped`: landed in an earlier attempt of the run (resume). */
export type ChunkStatus = 'done' | 'skipped' | 'failed' | 'not_run';

export interface MetadataStepReport {
  readonly status: ChunkStatus;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly warnings: number;
  /** Errors of the metadata import (it writes nothing when there is one). */
  readonly errors: readonly MetadataImportError[];
  readonly seconds: number;
}

/** One request of data values (a data set under a root org unit) and its import. */
export interface ChunkReport {
  /** `dataValues:<dataSet>:<orgUnit>`. */
  readonly key: string;
  readonly dataSet: string;
  readonly dataSetName: string | null;
  readonly orgUnit: string;
  readonly status: ChunkStatus;
  /** Values DHIS2 sent. */
  readonly values: number;
  readonly importCount: ImportSummary['importCount'];
  /** Values with a conflict, and the first `CONFLICTS_KEPT` conflicts. */
  readonly conflictCount: number;
  readonly conflicts: readonly ImportConflict[];
  readonly error: string | null;
  readonly seconds: number;
}

export interface PullTotals {
  readonly imported: number;
  readonly updated: number;
  readonly deleted: number;
  readonly ignored: number;
  readonly conflicts: number;
}

/** The outcome of `pullFromDhis2`. */
export interface PullReport {
  readonly runId: number;
  readonly connection: { readonly name: string; readonly baseUrl: string };
  readonly dhis2: { readonly version: string; readonly serverDate: string };
  /**
   * `done` when every chunk landed (the watermark moved); `failed` otherwise (resumable);
   * `running` in the report stored on the run while it runs.
   */
  readonly status: 'running' | 'done' | 'failed';
  /** `full`: every value; `incremental`: values and metadata updated after `since`. */
  readonly mode: 'full' | 'incremental';
  readonly since: string | null;
  /** DHIS2's time when the run started: the next incremental pull's `since`. */
  readonly until: string;
  /** True when this call resumed an earlier, unfinished run. */
  readonly resumed: boolean;
  readonly metadata: MetadataStepReport;
  readonly chunks: readonly ChunkReport[];
  readonly totals: PullTotals;
  /** Every failure, in words (chunk failures name the chunk). */
  readonly errors: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly seconds: number;
}

const ZERO_COUNT = { imported: 0, updated: 0, ignored: 0, deleted: 0 } as const;

/** A chunk that did not land (or was not tried). */
export function unfinishedChunk(
  chunk: ValueChunk,
  status: 'skipped' | 'failed' | 'not_run',
  error: string | null = null,
  seconds = 0,
): ChunkReport {
  return {
    ...chunk,
    status,
    values: 0,
    importCount: ZERO_COUNT,
    conflictCount: 0,
    conflicts: [],
    error,
    seconds,
  };
}

/** A chunk that landed, from its import summary. */
export function landedChunk(
  chunk: ValueChunk,
  values: number,
  summary: ImportSummary,
  seconds: number,
): ChunkReport {
  const conflictCount = summary.conflicts.reduce(
    (sum, c) => sum + Math.max(1, c.indexes.length),
    0,
  );
  return {
    ...chunk,
    status: 'done',
    values,
    importCount: summary.importCount,
    conflictCount,
    conflicts: summary.conflicts.slice(0, CONFLICTS_KEPT),
    error: null,
    seconds,
  };
}

/** Sums the chunks' counts. */
export function totalsOf(chunks: readonly ChunkReport[]): PullTotals {
  const totals = { imported: 0, updated: 0, deleted: 0, ignored: 0, conflicts: 0 };
  for (const chunk of chunks) {
    totals.imported += chunk.importCount.imported;
    totals.updated += chunk.importCount.updated;
    totals.deleted += chunk.importCount.deleted;
    totals.ignored += chunk.importCount.ignored;
    totals.conflicts += chunk.conflictCount;
  }
  return totals;
}
