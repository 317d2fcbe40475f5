/**
 * Import progress on stderr: a progress bar with rows per second when stderr is a terminal,
 * otherwise a plain line every few seconds (logs and CI keep readable output).
 */
import { SingleBar } from 'cli-progress';
import type { CliStream } from '../cli-io.ts';

/** Progress as the import engine reports it. */
export interface ImportProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  /** Stops the bar (or prints nothing more). */
  stop(): void;
}

/** Seconds between plain progress lines when stderr is not a terminal. */
const PLAIN_INTERVAL_MS = 5_000;

function rate(rows: number, startedAt: number, now: number): number {
  const seconds = (now - startedAt) / 1000;
  return seconds > 0 ? Math.round(rows / seconds) : 0;
}

function percent(p: ImportProgress): string {
  return p.totalBytes > 0 ? `${Math.floor((100 * p.bytesRead) / p.totalBytes)}%` : '?%';
}

/**
 * @param stream - Where progress goes (stderr).
 * @param now - The clock, for tests.
 */
export function createProgressReporter(
  stream: CliStream,
  now: () => number = Date.now,
): ProgressReporter {
  const startedAt = now();
  if (stream.isTTY !== true) {
    let lastLine = startedAt;
    return {
      update(p) {
        const t = now();
        if (t - lastLine < PLAIN_INTERVAL_MS) {
          return;
        }
        lastLine = t;
        stream.write(
          `importing: ${p.rows.toLocaleString('en')} rows, ${percent(p)} of the file, ${rate(p.rows, startedAt, t).toLocaleString('en')} rows/s\n`,
        );
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    stream,
    format: 'importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {duration_formatted}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    fps: 10,
  });
  let started = false;
  return {
    update(p) {
      const payload = {
        rows: p.rows.toLocaleString('en'),
        rate: rate(p.rows, startedAt, now()).toLocaleString('en'),
      };
      if (!started) {
        bar.start(Math.max(p.totalBytes, 1), p.bytesRead, payload);
        started = true;
        return;
      }
      if (p.totalBytes > 0) {
        bar.setTotal(p.totalBytes);
      }
      bar.update(p.bytesRead, payload);
    },
    stop() {
      if (started) {
        bar.stop();
        started = false;
      }
    },
  };
}
