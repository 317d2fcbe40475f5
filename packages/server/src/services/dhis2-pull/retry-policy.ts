/**
 * When a failed DHIS2 request is tried again: network errors, timeouts, 429 and 5xx are retried
 * with exponential backoff and jitter; every other answer is final.
 */

/** How many times and how long to wait. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts: number;
  /** Wait before the second attempt, doubled for each later one (default 1,000 ms). */
  readonly baseDelayMs: number;
  /** The longest wait, `Retry-After` included (default 30,000 ms). */
  readonly maxDelayMs: number;
  /** A number in [0, 1): the jitter's source (default Math.random). */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  random: Math.random,
};

/** True for the HTTP statuses worth trying again: 429 Too Many Requests and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The wait before attempt `attempt + 1`: `base × 2^(attempt−1)` capped at the maximum, then
 * scaled by a random factor in [0.5, 1) ("equal jitter", so many clients do not retry in step).
 * A server's `Retry-After` (seconds) is honoured when longer, up to the maximum.
 *
 * @param attempt - the attempt that just failed, from 1
 * @param retryAfter - the `Retry-After` header of the failed answer, if any
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter?: string | null,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential * (0.5 + policy.random() / 2);
  const seconds = retryAfter === undefined || retryAfter === null ? NaN : Number(retryAfter);
  const asked = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, asked)));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
