/**
 * A file read as UTF-8 text chunks, counting the bytes consumed for progress bars. Every reader
 * streams through this, so memory stays flat whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Bytes consumed so far and the file's size. */
export interface ByteProgress {
  bytesRead: number;
  totalBytes: number;
}

/** Chunk size: large enough that per-chunk overhead vanishes, small enough to stay flat. */
const CHUNK_BYTES = 1 << 20;

/**
 * The file's text in chunks (a leading byte order mark removed), updating `progress.bytesRead`
 * as each chunk is handed out. Breaking out of the loop closes the file.
 */
export async function* fileChunks(path: string, progress?: ByteProgress): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (progress !== undefined) {
        progress.bytesRead = stream.bytesRead;
      }
      if (first) {
        first = false;
        yield chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      } else {
        yield chunk;
      }
    }
  } finally {
    stream.destroy();
  }
}

/** A fresh progress counter for the file: 0 of its size. */
export async function byteProgress(path: string): Promise<ByteProgress> {
  return { bytesRead: 0, totalBytes: (await stat(path)).size };
}

/** The first `bytes` of the file as text (for sniffing the format). */
export async function fileHead(path: string, bytes = 64 * 1024): Promise<string> {
  let head = '';
  for await (const chunk of fileChunks(path)) {
    head += chunk;
    if (head.length >= bytes) {
      break;
    }
  }
  return head.slice(0, bytes);
}
