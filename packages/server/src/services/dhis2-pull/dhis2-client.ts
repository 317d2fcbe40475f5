/**
 * A small DHIS2 Web API client over Node's global `fetch`: authentication (personal access token
 * or Basic), a timeout per attempt, retries with backoff for what may pass (network errors,
 * timeouts, 429, 5xx), and errors that say what DHIS2 answered. Credentials never appear in an
 * error message or a progress line.
 */
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryDelayMs,
  sleep,
  type RetryPolicy,
} from './retry-policy.ts';

/** How Sankofa signs in to DHIS2. */
export type Dhis2Credentials =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

/** What went wrong talking to DHIS2. */
export type Dhis2ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'http_error'
  | 'network_error'
  | 'timeout'
  | 'not_dhis2'
  | 'invalid_response';

/** A request to DHIS2 that failed for good (after any retries). */
export class Dhis2Error extends Error {
  override readonly name = 'Dhis2Error';

  constructor(
    readonly code: Dhis2ErrorCode,
    message: string,
    /** The HTTP status, or null when no answer came. */
    readonly status: number | null = null,
    /** Attempts made, retries included. */
    readonly attempts = 1,
  ) {
    super(message);
  }
}

/** Told before each retry, e.g. to print a progress line. */
export interface RetryNotice {
  readonly request: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface Dhis2ClientOptions {
  /** The instance's base URL, context path included (`https://host/dhis`). */
  readonly baseUrl: string;
  readonly credentials: Dhis2Credentials;
  /** Time allowed for one attempt, answer body included (default 60,000 ms). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** Query parameters; a list repeats the parameter (`filter=a&filter=b`). */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** `base` without trailing slashes; rejects URLs that are not http(s) or carry credentials. */
export function normalizeBaseUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Dhis2Error('invalid_response', `DHIS2 URL "${base}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Dhis2Error(
      'invalid_response',
      `DHIS2 URL "${base}" must start with http:// or https://`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Dhis2Error(
      'invalid_response',
      'DHIS2 URL must not carry credentials: give a token, or a username and password',
    );
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

function authorization(credentials: Dhis2Credentials): string {
  if (credentials.kind === 'token') {
    return `ApiToken ${credentials.token}`;
  }
  const pair = `${credentials.username}:${credentials.password}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

/**
 * DHIS2's error message from a JSON error body (`{ httpStatus, message, errorCode }`); for an
 * HTML page (a proxy's or Tomcat's) its title, unless it only repeats the status; else the text.
 */
function dhis2Message(body: string, status: number): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; errorCode?: unknown };
    if (typeof parsed.message === 'string') {
      return typeof parsed.errorCode === 'string'
        ? `${parsed.message} (${parsed.errorCode})`
        : parsed.message;
    }
  } catch {
    // not JSON: a proxy's HTML page, say
  }
  const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  const text = (title ?? body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  if (title !== undefined && title.startsWith(String(status))) {
    return '';
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function httpError(
  status: number,
  statusText: string,
  request: string,
  body: string,
  base: string,
): Dhis2Error {
  const said = dhis2Message(body, status);
  const answer = `${status}${statusText === '' ? '' : ` ${statusText}`}`;
  const detail = said === '' ? '' : `: ${said}`;
  if (status === 401) {
    return new Dhis2Error(
      'unauthorized',
      `DHIS2 at ${base} refused the credentials (${answer}) for ${request}: check the token, or the username and password${detail}`,
      status,
    );
  }
  if (status === 403) {
    return new Dhis2Error(
      'forbidden',
      `DHIS2 at ${base} forbids ${request} to this user (${answer})${detail}`,
      status,
    );
  }
  if (status === 404) {
    return new Dhis2Error(
      'not_found',
      `DHIS2 at ${base} has no ${request} (${answer})${detail}`,
      status,
    );
  }
  return new Dhis2Error(
    'http_error',
    `DHIS2 at ${base} answered ${request} with ${answer}${detail}`,
    status,
  );
}

/** A fetch failure as a `Dhis2Error` (timeouts and network errors are retryable). */
function transportError(
  error: unknown,
  request: string,
  base: string,
  timeoutMs: number,
): Dhis2Error {
  if (error instanceof Dhis2Error) {
    return error;
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new Dhis2Error(
      'timeout',
      `DHIS2 at ${base} did not answer ${request} within ${timeoutMs / 1000} s`,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const message = error instanceof Error ? error.message : String(error);
  return new Dhis2Error(
    'network_error',
    `Could not reach DHIS2 at ${base} for ${request}: ${message}${cause === '' ? '' : ` (${cause})`}`,
  );
}

const RETRYABLE_CODES: ReadonlySet<Dhis2ErrorCode> = new Set(['network_error', 'timeout']);

/** Path and query as a person reads them (`lastUpdated=2026-11-20T10:15:30.123`, not `%3A`). */
export function readableUrl(url: URL): string {
  const query = [...url.searchParams].map(([name, value]) => `${name}=${value}`).join('&');
  return query === '' ? url.pathname : `${url.pathname}?${query}`;
}

/** Reads JSON from one DHIS2 instance. */
export class Dhis2Client {
  readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly onRetry: ((notice: RetryNotice) => void) | undefined;

  constructor(options: Dhis2ClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.authorization = authorization(options.credentials);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.onRetry = options.onRetry;
  }

  /** The URL of `path` (e.g. `/api/system/info`) with `params`. */
  url(path: string, params: QueryParams = {}): URL {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(params)) {
      for (const one of typeof value === 'string' ? [value] : (value ?? [])) {
        url.searchParams.append(name, one);
      }
    }
    return url;
  }

  /**
   * GETs `path` and parses the JSON answer, retrying as the policy says.
   *
   * @throws Dhis2Error on a final failure: at once for 4xx other than 429 (with DHIS2's message),
   *   after the last attempt for network errors, timeouts, 429 and 5xx; `invalid_response` when
   *   the answer is not JSON
   */
  async getJson(path: string, params: QueryParams = {}): Promise<unknown> {
    const url = this.url(path, params);
    const request = `GET ${readableUrl(url)}`;
    for (let attempt = 1; ; attempt++) {
      let failure: Dhis2Error;
      let retryAfter: string | null = null;
      try {
        const response = await fetch(url, {
          headers: { Authorization: this.authorization, Accept: 'application/json' },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        const body = await response.text();
        if (response.ok) {
          return this.parse(body, request, response.headers.get('content-type'));
        }
        failure = httpError(response.status, response.statusText, request, body, this.baseUrl);
        if (response.redirected) {
          // fetch drops the Authorization header when a redirect leaves the origin
          const to = new URL(response.url);
          failure = new Dhis2Error(
            failure.code,
            `${failure.message} (redirected to ${to.origin}${to.pathname}: give the URL DHIS2 answers on)`,
            failure.status,
          );
        }
        retryAfter = response.headers.get('retry-after');
        if (!isRetryableStatus(response.status)) {
          throw failure;
        }
      } catch (error) {
        failure = transportError(error, request, this.baseUrl, this.timeoutMs);
        if (
          failure.status !== null
            ? !isRetryableStatus(failure.status)
            : !RETRYABLE_CODES.has(failure.code)
        ) {
          throw failure;
        }
      }
      if (attempt >= this.policy.maxAttempts) {
        const suffix = attempt > 1 ? ` (gave up after ${attempt} attempts)` : '';
        throw new Dhis2Error(failure.code, `${failure.message}${suffix}`, failure.status, attempt);
      }
      const delayMs = retryDelayMs(this.policy, attempt, retryAfter);
      this.onRetry?.({
        request,
        attempt,
        maxAttempts: this.policy.maxAttempts,
        delayMs,
        reason: failure.message,
      });
      await sleep(delayMs);
    }
  }

  private parse(body: string, request: string, contentType: string | null): unknown {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      const type = contentType === null ? '' : ` (${contentType.split(';')[0]})`;
      throw new Dhis2Error(
        'invalid_response',
        `${this.baseUrl} answered ${request} with something that is not JSON${type}: is it a DHIS2 instance?`,
      );
    }
  }
}
