/**
 * The typed HTTP client for the Sankofa API: JSON in and out, the session cookie, the CSRF
 * header on every write, and one error type carrying the API's error envelope.
 */
import type { ErrorEnvelope } from '@sankofa/core';

/** An error response from the API, with its envelope `{ error, status, message, issues? }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The envelope exactly as the API sent it (or as built for a non-JSON error response). */
  readonly envelope: ErrorEnvelope;

  constructor(envelope: ErrorEnvelope) {
    super(envelope.message);
    this.envelope = envelope;
  }

  /** The stable snake_case error id, e.g. `not_authenticated`. */
  get code(): string {
    return this.envelope.error;
  }

  get status(): number {
    return this.envelope.status;
  }
}

/** The request never got an answer: the network or the server is down. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** `true` when the error means the session is missing or has ended (not a failed sign-in). */
export function isSessionError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from `POST /api/auth/login` or `GET /api/me` for later writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** HTTP method; default `GET`. Every other method sends `X-CSRF-Token`. */
  readonly method?: HttpMethod;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** A JSON body. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** Builds `path?query` with the `undefined` parameters left out. */
export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v.error === 'string' && typeof v.status === 'number' && typeof v.message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the API and returns its JSON body, typed by the caller from the contract in
 * `@sankofa/core`.
 *
 * @param path - The path, starting with `/api/`.
 * @param options - Method, query, body and abort signal.
 * @returns The parsed JSON body (`undefined` for an empty body).
 * @throws {@link ApiError} for any non-2xx answer; {@link NetworkError} when there was none.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken !== null) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const body = await readJson(response);
  if (!response.ok) {
    throw new ApiError(
      isErrorEnvelope(body)
        ? body
        : {
            error: response.status >= 500 ? 'internal_error' : 'http_error',
            status: response.status,
            message: response.statusText || `HTTP ${response.status}`,
          },
    );
  }
  return body as T;
}
