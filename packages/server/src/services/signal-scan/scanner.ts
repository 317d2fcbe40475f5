/**
 * The server's signal scanner: runs `scanSignals` after every import that landed (API upload
 * jobs and DHIS2 pulls) and on demand, one scan at a time. Requests while a scan runs are
 * coalesced into one more scan after it, so a burst of imports costs at most two scans and the
 * last one always sees the latest data. Its state (running, progress, the last result or error)
 * is what `GET /api/signals/scan` shows.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { scanSignals, type ScanProgress, type ScanResult } from './scan-signals.ts';

/** Why a scan ran, and who asked (`system` after imports). */
export interface ScanRequest {
  readonly reason: 'import' | 'dhis2_pull' | 'on_demand';
  readonly actor?: string;
  readonly userId?: string | null;
  readonly full?: boolean;
}

export interface ScannerStatus {
  readonly running: boolean;
  /** A scan is waiting for the running one to end. */
  readonly queued: boolean;
  readonly progress: ScanProgress | null;
  readonly last: {
    readonly reason: ScanRequest['reason'];
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly result: ScanResult | null;
    /** Why it failed, when it did. */
    readonly error: string | null;
  } | null;
}

export interface SignalScanner {
  /** Starts a scan, or queues one after the running scan. */
  request(request: ScanRequest): void;
  status(): ScannerStatus;
  /** Resolves when no scan runs or waits (tests, shutdown). */
  idle(): Promise<void>;
  /** Starts nothing more and waits for a running scan (its writes are per indicator). */
  close(): Promise<void>;
}

export interface SignalScannerOptions {
  readonly log?: (message: string, error?: unknown) => void;
}

export function createSignalScanner(
  db: Kysely<Database>,
  options: SignalScannerOptions = {},
): SignalScanner {
  let running: Promise<void> | null = null;
  let queued: ScanRequest | null = null;
  let progress: ScanProgress | null = null;
  let last: ScannerStatus['last'] = null;
  let closed = false;

  const run = async (request: ScanRequest): Promise<void> => {
    const startedAt = new Date().toISOString();
    progress = { done: 0, total: 0, message: 'Starting the signal scan' };
    try {
      const result = await scanSignals(db, {
        full: request.full === true,
        actor: request.actor ?? 'system',
        userId: request.userId ?? null,
        onProgress: (p) => {
          progress = p;
        },
      });
      last = {
        reason: request.reason,
        startedAt,
        finishedAt: new Date().toISOString(),
        result,
        error: null,
      };
    } catch (error) {
      options.log?.('signal scan failed', error);
      last = {
        reason: request.reason,
        startedAt,
        finishedAt: new Date().toISOString(),
        result: null,
        error: error instanceof Error ? error.message : String(error),
      };
    } finally {
      progress = null;
    }
  };

  const start = (request: ScanRequest): void => {
    running = (async () => {
      let next: ScanRequest | null = request;
      while (next !== null && !closed) {
        const current: ScanRequest = next;
        queued = null;
        await run(current);
        next = queued;
      }
      running = null;
    })();
  };

  return {
    request(request) {
      if (closed) {
        return;
      }
      if (running !== null) {
        // One waiting scan is enough: it reads whatever landed before it starts.
        queued =
          queued === null
            ? request
            : { ...request, full: queued.full === true || request.full === true };
        return;
      }
      start(request);
    },
    status() {
      return { running: running !== null, queued: queued !== null, progress, last };
    },
    async idle() {
      while (running !== null) {
        await running;
      }
    },
    async close() {
      closed = true;
      while (running !== null) {
        await running;
      }
    },
  };
}

/** True when an import summary says values landed (not a dry run, not refused, something changed). */
export function importLanded(summary: {
  readonly status: string;
  readonly importOptions?: { readonly dryRun?: boolean };
  readonly importCount: { imported: number; updated: number; deleted: number };
}): boolean {
  const { imported, updated, deleted } = summary.importCount;
  return (
    summary.status !== 'ERROR' &&
    summary.importOptions?.dryRun !== true &&
    imported + updated + deleted > 0
  );
}
