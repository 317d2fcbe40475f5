/**
 * An import worker thread: runs one data value import job on its own SQLite connection to the
 * runner's database file, so the server's connection stays free for other requests. Posts
 * `opened`, waits for `go` (the runner has closed its write gate), posts progress, and ends with
 * `done` or `failed` once its transaction has ended. Writes nothing about the job itself: the
 * runner does, after the worker's transaction.
 */
import { ValidationError } from '@sankofa/core';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.ts';
import { describeFailure, executeImportJob, toJobProgress } from './execute-job.ts';
import type { GoMessage, WorkerJob, WorkerMessage } from './worker-protocol.ts';

const port = parentPort;
if (port === null) {
  throw new Error('import-worker.ts runs as a worker thread');
}
const post = (message: WorkerMessage) => port.postMessage(message);
const { databaseUrl, job } = workerData as WorkerJob;

const adapter = openDatabase(databaseUrl);
try {
  const result = await executeImportJob(adapter.db, job, {
    opened: (format, progress) =>
      new Promise<void>((resolve) => {
        port.once('message', (message: GoMessage) => {
          if (message.type === 'go') {
            resolve();
          }
        });
        post({ type: 'opened', format, progress });
      }),
    progress: (p) => post({ type: 'progress', progress: toJobProgress(p) }),
  });
  post({ type: 'done', ...result });
} catch (error) {
  post({
    type: 'failed',
    message: describeFailure(error),
    expected: error instanceof ValidationError,
    ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}),
  });
} finally {
  await adapter.close();
}
