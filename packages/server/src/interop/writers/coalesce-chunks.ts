/** Joins many small text chunks into fewer, larger ones: fewer writes, same bytes. */

/** Default chunk size: 64 KiB of text. */
export const CHUNK_CHARS = 64 * 1024;

/**
 * @param chunks - Text, usually one small piece per value.
 * @param size - Yield once at least this many characters are pending.
 */
export async function* coalesceChunks(
  chunks: AsyncIterable<string>,
  size = CHUNK_CHARS,
): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) {
    yield pending.join('');
  }
}
