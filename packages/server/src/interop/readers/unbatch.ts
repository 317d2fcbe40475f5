/**
 * Values handed out one at a time from batches (one batch per file chunk): a plain iterator is
 * several times cheaper per value than resuming an async generator, which matters at millions
 * of values.
 */

/**
 * An async iterable over the items of the batches `open()` produces. Breaking out of a
 * `for await` loop closes the source (and so the file).
 */
export function unbatch<T>(
  open: () => AsyncGenerator<readonly T[]> | Generator<readonly T[]>,
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = open();
      let batch: readonly T[] = [];
      let index = 0;
      return {
        async next(): Promise<IteratorResult<T>> {
          while (index >= batch.length) {
            const result = await source.next();
            if (result.done === true) {
              return { done: true, value: undefined };
            }
            batch = result.value;
            index = 0;
          }
          return { done: false, value: batch[index++] };
        },
        async return(): Promise<IteratorResult<T>> {
          await source.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
