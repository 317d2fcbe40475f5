/**
 * The API's error map and its one envelope `{ error, status, message, issues? }`. Error ids are
 * stable snake_case strings that clients may rely on.
 */
import { InsufficientDataError, ValidationError, type Issue } from '@sankofa/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Every error id the API returns, with its HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  not_authenticated: 401,
  invalid_credentials: 401,
  csrf_token_invalid: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
} as const;
export type ErrorId = keyof typeof ERROR_STATUS;

/** An error meant for the client, rendered in the envelope. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly id: ErrorId;
  readonly issues: readonly Issue[] | undefined;

  constructor(id: ErrorId, message: string, issues?: readonly Issue[]) {
    super(message);
    this.id = id;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_STATUS[this.id];
  }
}

/** Shorthands for the errors routes raise most. */
export const notFound = (what: string): ApiError =>
  new ApiError('not_found', `${what} was not found`);
export const forbidden = (
  message = 'You do not have access to this org unit or action',
): ApiError => new ApiError('forbidden', message);

interface Envelope {
  error: ErrorId;
  status: number;
  message: string;
  issues?: Issue[];
}

function envelope(id: ErrorId, message: string, issues?: readonly Issue[]): Envelope {
  const body: Envelope = { error: id, status: ERROR_STATUS[id], message };
  if (issues !== undefined && issues.length > 0) {
    body.issues = [...issues];
  }
  return body;
}

/** Turns Fastify/ajv validation errors into issues that name the field. */
function validationIssues(error: FastifyError): Issue[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params;
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined;
    const extra =
      typeof params.additionalProperty === 'string' ? params.additionalProperty : undefined;
    const field = [error.validationContext, base, missing ?? extra]
      .filter((p) => p !== undefined && p !== '')
      .join('.');
    const code =
      missing !== undefined ? 'required' : extra !== undefined ? 'unknown_field' : v.keyword;
    const message =
      missing !== undefined
        ? `${field} is required`
        : extra !== undefined
          ? `${field} is not a known field`
          : `${field} ${v.message ?? 'is invalid'}`;
    return { field, code, message };
  });
}

/** Maps any thrown error to the envelope. Unknown errors are logged and hidden as 500. */
export function toEnvelope(error: unknown, request: FastifyRequest): Envelope {
  if (error instanceof ApiError) {
    return envelope(error.id, error.message, error.issues);
  }
  if (error instanceof ValidationError) {
    return envelope('validation_failed', error.message, error.issues);
  }
  if (error instanceof InsufficientDataError) {
    return envelope('validation_failed', error.message, [
      { field: 'data', code: 'insufficient_data', message: error.message },
    ]);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation !== undefined) {
    const issues = validationIssues(fastifyError as FastifyError);
    return envelope(
      'bad_request',
      issues.map((i) => i.message).join('; ') || 'Invalid request',
      issues,
    );
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 415) {
    return envelope('unsupported_media_type', fastifyError.message ?? 'Unsupported media type');
  }
  if (status === 413) {
    return envelope('payload_too_large', fastifyError.message ?? 'Payload too large');
  }
  if (status === 429) {
    return envelope('rate_limited', 'Too many requests: wait a minute and try again');
  }
  if (status >= 400 && status < 500) {
    return envelope('bad_request', fastifyError.message ?? 'Bad request', [
      {
        field: 'body',
        code: fastifyError.code ?? 'bad_request',
        message: fastifyError.message ?? 'Bad request',
      },
    ]);
  }
  request.log.error({ err: error }, 'unhandled error');
  return envelope('internal_error', 'Something went wrong on the server; it has been logged.');
}

/** Fastify error handler that renders the envelope. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const body = toEnvelope(error, request);
  void reply.status(body.status).type('application/json').send(body);
}
