/**
 * A reader worker thread: opens a data value file with `openDataValueReader`, posts its format
 * and header, then posts the values in batches while it holds credit from the reading side, so
 * it never runs more than a few batches ahead (memory stays flat).
 */
import { ValidationError, type RawDataValue } from '@sankofa/core';
import { parentPort, workerData } from 'node:worker_threads';
import { openDataValueReader } from './open-data-value-reader.ts';
import type { CreditMessage, ReaderJob, ReaderMessage } from './reader-protocol.ts';

const port = parentPort;
if (port === null) {
  throw new Error('reader-worker.ts runs as a worker thread');
}
const post = (message: ReaderMessage) => port.postMessage(message);
const { path, options, batchSize } = workerData as ReaderJob;

let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (message: CreditMessage) => {
  if (message.type === 'credit') {
    credit += message.batches;
    wake?.();
    wake = null;
  }
});
const spend = async () => {
  while (credit === 0) {
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  credit -= 1;
};

try {
  const reader = await openDataValueReader(path, options);
  post({
    type: 'opened',
    format: reader.format,
    header: reader.header,
    progress: reader.progress(),
  });
  let batch: RawDataValue[] = [];
  for await (const value of reader.values()) {
    batch.push(value);
    if (batch.length >= batchSize) {
      await spend();
      post({ type: 'batch', values: batch, progress: reader.progress() });
      batch = [];
    }
  }
  if (batch.length > 0) {
    await spend();
    post({ type: 'batch', values: batch, progress: reader.progress() });
  }
  post({ type: 'end', progress: reader.progress() });
} catch (error) {
  post(
    error instanceof ValidationError
      ? { type: 'error', name: error.name, message: error.message, issues: error.issues }
      : {
          type: 'error',
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        },
  );
}
port.close();
