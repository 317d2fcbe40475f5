/**
 * Turns a stream of progress reports into at most one write per interval, one write at a time,
 * so a fast import never queues thousands of small updates behind its own inserts.
 */

/** Progress as the import engine reports it. */
export interface EngineProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface ProgressThrottle {
  /** Give to the engine as `onProgress`. */
  readonly report: (progress: EngineProgress) => void;
  /** The last progress reported, written or not. */
  readonly latest: () => EngineProgress;
  /** Resolves when the write in flight (if any) has settled. */
  readonly flush: () => Promise<void>;
}

/**
 * @param write - Stores one progress report; its failures are swallowed (progress is advisory).
 * @param intervalMs - Least time between two writes.
 * @param now - The clock, for tests.
 */
export function throttleProgress(
  write: (progress: EngineProgress) => Promise<void>,
  intervalMs = 500,
  now: () => number = Date.now,
): ProgressThrottle {
  let last: EngineProgress = { rows: 0, bytesRead: 0, totalBytes: 0 };
  let lastWrite = now();
  let inFlight: Promise<void> | null = null;
  return {
    report(progress) {
      last = progress;
      const t = now();
      if (inFlight !== null || t - lastWrite < intervalMs) {
        return;
      }
      lastWrite = t;
      inFlight = write(progress)
        .catch(() => undefined)
        .finally(() => {
          inFlight = null;
        });
    },
    latest: () => last,
    flush: async () => {
      await inFlight;
    },
  };
}
