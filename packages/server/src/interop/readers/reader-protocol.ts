/** The messages between a threaded reader (threaded-reader.ts) and its worker (reader-worker.ts). */
import type { DataValueFormat, DataValueSetHeader, Issue, RawDataValue } from '@sankofa/core';
import type { OpenDataValueReaderOptions } from './open-data-value-reader.ts';

export interface ReaderJob {
  readonly path: string;
  readonly options: OpenDataValueReaderOptions;
  /** Values per batch. */
  readonly batchSize: number;
}

export interface ReaderProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** Worker → reader. */
export type ReaderMessage =
  | {
      readonly type: 'opened';
      readonly format: DataValueFormat;
      readonly header: DataValueSetHeader;
      readonly progress: ReaderProgress;
    }
  | {
      readonly type: 'batch';
      readonly values: readonly RawDataValue[];
      readonly progress: ReaderProgress;
    }
  | { readonly type: 'end'; readonly progress: ReaderProgress }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly issues?: readonly Issue[];
    };

/** Reader → worker: send `batches` more batches. */
export interface CreditMessage {
  readonly type: 'credit';
  readonly batches: number;
}
