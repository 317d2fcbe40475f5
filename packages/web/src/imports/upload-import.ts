/**
 * `POST /api/imports` with upload progress: `fetch` cannot report how much of a request body
 * has been sent, so this one request uses `XMLHttpRequest`.
 */
import type { ErrorEnvelope, ImportJobCreatedResponse } from '@sankofa/core';
import { ApiError, NetworkError } from '../api/client.ts';

/** What the form sends besides the file. */
export interface ImportUploadOptions {
  readonly format: string;
  readonly importStrategy: string;
  readonly dryRun: boolean;
  readonly skipInvalid: boolean;
  /** The column mapping (JSON text) of a generic CSV. */
  readonly mapping?: string;
}

function envelopeOf(xhr: XMLHttpRequest): ErrorEnvelope {
  try {
    const body = JSON.parse(xhr.responseText) as Partial<ErrorEnvelope>;
    if (typeof body.error === 'string' && typeof body.message === 'string') {
      return { error: body.error, status: xhr.status, message: body.message, issues: body.issues };
    }
  } catch {
    // not JSON: built below
  }
  return {
    error: 'http_error',
    status: xhr.status,
    message: xhr.statusText || `HTTP ${xhr.status}`,
  };
}

/**
 * Uploads a file to import.
 *
 * @param onProgress - Told the fraction (0–1) of the file sent so far.
 * @returns The queued job.
 * @throws {@link ApiError} for an error answer, {@link NetworkError} when there was none.
 */
export function uploadImport(
  file: File,
  options: ImportUploadOptions,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<ImportJobCreatedResponse> {
  const form = new FormData();
  if (options.format !== 'auto') {
    form.append('format', options.format);
  }
  form.append('importStrategy', options.importStrategy);
  form.append('dryRun', String(options.dryRun));
  form.append('skipInvalid', String(options.skipInvalid));
  if (options.mapping !== undefined && options.mapping.trim() !== '') {
    form.append('mapping', options.mapping);
  }
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as ImportJobCreatedResponse);
      } else {
        reject(new ApiError(envelopeOf(xhr)));
      }
    };
    xhr.onerror = () => reject(new NetworkError('The upload did not reach the server'));
    xhr.send(form);
  });
}
