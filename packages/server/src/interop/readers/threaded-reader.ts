/**
 * A data value reader whose parsing runs in a worker thread. Reading a file (bytes to values)
 * and writing its values (lookups and B-tree inserts) each take a core's worth of time on a
 * large import; with the reader in its own thread they overlap, on the 2-core machines Sankofa
 * targets as well as larger ones. The worker stays a few batches ahead at most, so memory stays
 * flat; a reader error reaches the caller as the same ValidationError a plain reader throws.
 */
import { ValidationError, type DataValueReader, type RawDataValue } from '@sankofa/core';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { openDataValueReader, type OpenDataValueReaderOptions } from './open-data-value-reader.ts';
import type { ReaderJob, ReaderMessage, ReaderProgress } from './reader-protocol.ts';

const WORKER_ENTRY = new URL('./reader-worker.mjs', import.meta.url);
/** Values per message between the threads. */
const BATCH_SIZE = 4096;
/** Batches the worker may run ahead of the reading side. */
const AHEAD = 4;
/** Files smaller than this are read in the calling thread: a worker costs ~0.3 s to start. */
export const THREADED_READER_MIN_BYTES = 8 * 1024 * 1024;

type Settled = { readonly message: ReaderMessage } | { readonly failure: Error };

function toError(message: Extract<ReaderMessage, { type: 'error' }>): Error {
  if (message.name === 'ValidationError') {
    return new ValidationError(message.message, message.issues ?? []);
  }
  const error = new Error(message.message);
  error.name = message.name;
  return error;
}

/**
 * Opens `path` with its parsing in a worker thread. The returned reader's values can be
 * iterated once.
 *
 * @throws ValidationError as openDataValueReader does, when the file cannot be opened.
 */
export async function openThreadedDataValueReader(
  path: string,
  options: OpenDataValueReaderOptions = {},
): Promise<DataValueReader> {
  const job: ReaderJob = { path, options, batchSize: BATCH_SIZE };
  const worker = new Worker(WORKER_ENTRY, { workerData: job, execArgv: [] });
  // Messages and the worker's end, in order, for whoever waits next.
  const queue: Settled[] = [];
  let waiting: ((settled: Settled) => void) | null = null;
  const push = (settled: Settled) => {
    if (waiting !== null) {
      const resolve = waiting;
      waiting = null;
      resolve(settled);
    } else {
      queue.push(settled);
    }
  };
  worker.on('message', (message: ReaderMessage) => push({ message }));
  worker.on('error', (error) => push({ failure: error }));
  worker.on('exit', (code) =>
    push({ failure: new Error(`the reader thread ended early (exit code ${code})`) }),
  );
  const next = () =>
    new Promise<Settled>((resolve) => {
      const settled = queue.shift();
      if (settled !== undefined) {
        resolve(settled);
      } else {
        waiting = resolve;
      }
    });
  const receive = async (): Promise<ReaderMessage> => {
    const settled = await next();
    if ('failure' in settled) {
      throw settled.failure;
    }
    if (settled.message.type === 'error') {
      throw toError(settled.message);
    }
    return settled.message;
  };

  let opened: ReaderMessage;
  try {
    opened = await receive();
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  if (opened.type !== 'opened') {
    await worker.terminate();
    throw new Error(`the reader thread sent "${opened.type}" before opening the file`);
  }
  let progress: ReaderProgress = opened.progress;
  let started = false;
  return {
    format: opened.format,
    header: opened.header,
    progress: () => progress,
    close: async () => {
      await worker.terminate();
    },
    async *values(): AsyncIterable<RawDataValue> {
      if (started) {
        throw new Error('a threaded reader can be iterated once');
      }
      started = true;
      try {
        worker.postMessage({ type: 'credit', batches: AHEAD });
        for (;;) {
          const message = await receive();
          if (message.type === 'end') {
            progress = message.progress;
            return;
          }
          if (message.type === 'batch') {
            worker.postMessage({ type: 'credit', batches: 1 });
            progress = message.progress;
            yield* message.values;
          }
        }
      } finally {
        await worker.terminate();
      }
    },
  };
}

/**
 * Opens `path` with the threaded reader when it is large enough to gain from it, else with a
 * plain reader in this thread.
 */
export async function openDataValueReaderFor(
  path: string,
  options: OpenDataValueReaderOptions = {},
): Promise<DataValueReader> {
  const { size } = await stat(path);
  return size >= THREADED_READER_MIN_BYTES
    ? openThreadedDataValueReader(path, options)
    : openDataValueReader(path, options);
}
