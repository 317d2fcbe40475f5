/**
 * A `DataValueReader` over values in memory, for engine tests and benchmarks: rows are
 * numbered from 1 unless the value says, and progress counts values as "bytes".
 */
import type {
  DataValueFormat,
  DataValueReader,
  DataValueSetHeader,
  RawDataValue,
} from '@sankofa/core';

/** Values without `row`: the reader numbers them. */
export type MemoryValue = Omit<RawDataValue, 'row'> & { readonly row?: number };

function hasRow(v: MemoryValue): v is RawDataValue {
  return v.row !== undefined;
}

/** A reader over `values` (an array, or a generator function for large imports). */
export function memoryReader(
  values: readonly MemoryValue[] | (() => Iterable<MemoryValue>),
  header: DataValueSetHeader = {},
  format: DataValueFormat = 'dhis2-json',
): DataValueReader {
  let read = 0;
  const total = Array.isArray(values) ? values.length : 0;
  return {
    format,
    header,
    values(): AsyncIterable<RawDataValue> {
      const source = (typeof values === 'function' ? values() : values)[Symbol.iterator]();
      return {
        [Symbol.asyncIterator]: () => ({
          next: (): Promise<IteratorResult<RawDataValue>> => {
            const next = source.next();
            if (next.done === true) {
              return Promise.resolve({ done: true, value: undefined });
            }
            read += 1;
            const v = next.value;
            // A value that has its row passes as is: objects made by spreading are several
            // times slower to resolve (V8 gives them slow shapes).
            const value: RawDataValue = hasRow(v) ? v : { ...v, row: read };
            return Promise.resolve({ done: false, value });
          },
        }),
      };
    },
    progress: () => ({ bytesRead: read, totalBytes: total }),
  };
}
