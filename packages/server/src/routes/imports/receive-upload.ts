/**
 * Reads a multipart upload: the one file is streamed to a new temporary folder (never held in
 * memory), the other fields are collected as text whatever their order in the form.
 */
import type { FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../errors.ts';

/** The file as saved, and the form's other fields. */
export interface ReceivedUpload {
  readonly filePath: string;
  /** The temporary folder holding the file: delete it when done. */
  readonly tempDir: string;
  /** The name the browser gave, or null. */
  readonly fileName: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

/** Keeps a short, safe extension (readers may look at it): `.json`, `.csv`, `.xml`, `.gz`… */
function safeExtension(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * @param request - A multipart request (the multipart plugin must be registered in its scope).
 * @param maxBytes - The size limit the plugin enforces, for the message.
 * @throws {@link ApiError} 400 without a file, 413 when the file is over the limit; the
 * temporary folder is already removed then.
 */
export async function receiveUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new ApiError('unsupported_media_type', 'Send the file as multipart/form-data');
  }
  const tempDir = await mkdtemp(join(tmpdir(), 'sankofa-import-'));
  const fields: Record<string, string> = {};
  let saved: { filePath: string; fileName: string | null } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (saved !== null) {
        throw new ApiError('bad_request', 'Send one file per import', [
          { field: part.fieldname, code: 'one_file', message: 'only one file may be uploaded' },
        ]);
      }
      const filePath = join(tempDir, `upload${safeExtension(part.filename)}`);
      await pipeline(part.file, createWriteStream(filePath));
      if (part.file.truncated) {
        throw new ApiError(
          'payload_too_large',
          `The file is larger than the ${megabytes(maxBytes)} an upload may hold`,
        );
      }
      saved = { filePath, fileName: part.filename === '' ? null : part.filename };
    }
    if (saved === null) {
      throw new ApiError('bad_request', 'Attach the file to import in the field "file"', [
        { field: 'file', code: 'required', message: 'file is required' },
      ]);
    }
    return { ...saved, tempDir, fields };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    const status = (error as { statusCode?: number }).statusCode;
    if (!(error instanceof ApiError) && status === 413) {
      throw new ApiError(
        'payload_too_large',
        `The file is larger than the ${megabytes(maxBytes)} an upload may hold`,
      );
    }
    throw error;
  }
}
