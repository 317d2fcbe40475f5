/**
 * The connection as the app's admins edit it: what they send (a URL, and a token, or a username
 * and password, or no secret to keep the stored one) merged with what is stored, and testing it.
 */
import { ValidationError } from '@sankofa/core';
import type { Dhis2Connection, Dhis2ConnectionInput } from './connection-store.ts';
import {
  Dhis2Client,
  Dhis2Error,
  normalizeBaseUrl,
  type Dhis2Credentials,
} from './dhis2-client.ts';
import { readSystemInfo, type Dhis2SystemInfo } from './system-info.ts';

/** Fields a client sends; token and password are write-only. */
export interface Dhis2ConnectionFields {
  readonly baseUrl?: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  readonly rootOrgUnitId?: string | null;
}

/**
 * The base URL, normalized.
 *
 * @throws ValidationError on `baseUrl` when it is not an http(s) URL or carries credentials
 */
export function validBaseUrl(baseUrl: string): string {
  try {
    return normalizeBaseUrl(baseUrl.trim());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw ValidationError.of('baseUrl', 'invalid_url', message);
  }
}

const originOf = (url: string) => new URL(url).origin;

/**
 * What to connect with: the fields given, the stored connection for what is left out. A stored
 * secret is only reused for the same origin (scheme, host, port): moving the URL to another
 * host needs the secret again, so it is never sent somewhere it was not meant for.
 *
 * @throws ValidationError naming `baseUrl`, `token`, `username` or `password`
 */
export function resolveConnection(
  fields: Dhis2ConnectionFields,
  stored: Dhis2Connection | undefined,
): Dhis2ConnectionInput & { readonly baseUrl: string; readonly credentials: Dhis2Credentials } {
  const baseUrlGiven = fields.baseUrl ?? stored?.baseUrl;
  if (baseUrlGiven === undefined) {
    throw ValidationError.of(
      'baseUrl',
      'required',
      'Give the DHIS2 base URL, e.g. https://dhis2.example.org',
    );
  }
  const baseUrl = validBaseUrl(baseUrlGiven);
  const basic = fields.username !== undefined || fields.password !== undefined;
  if (fields.token !== undefined && basic) {
    throw ValidationError.of(
      'token',
      'conflicting_credentials',
      'Give a personal access token, or a username and password, not both',
    );
  }
  if (fields.password !== undefined && fields.username === undefined) {
    throw ValidationError.of('username', 'required', 'Give the username with the password');
  }
  const sameOrigin = stored !== undefined && originOf(stored.baseUrl) === originOf(baseUrl);
  const kept = sameOrigin ? stored.credentials : undefined;
  let credentials: Dhis2Credentials;
  if (fields.token !== undefined) {
    credentials = { kind: 'token', token: fields.token };
  } else if (fields.username !== undefined) {
    const password = fields.password ?? (kept?.kind === 'basic' ? kept.password : undefined);
    if (password === undefined) {
      throw ValidationError.of(
        'password',
        'required',
        kept === undefined && stored !== undefined
          ? 'Give the password again: the URL points to another host'
          : 'Give the password',
      );
    }
    credentials = { kind: 'basic', username: fields.username, password };
  } else if (kept !== undefined) {
    credentials = kept;
  } else {
    throw ValidationError.of(
      'token',
      'required',
      stored === undefined
        ? 'Give a personal access token, or a username and password'
        : 'Give the token, or the username and password, again: the URL points to another host',
    );
  }
  const rootOrgUnitId =
    fields.rootOrgUnitId === undefined ? (stored?.rootOrgUnitId ?? null) : fields.rootOrgUnitId;
  const secret =
    credentials.kind === 'token'
      ? { token: credentials.token }
      : { username: credentials.username, password: credentials.password };
  return { baseUrl, ...secret, rootOrgUnitId, credentials };
}

/** What testing a connection found: DHIS2's system info, or the error, in words. */
export type Dhis2ConnectionCheck =
  | { readonly ok: true; readonly info: Dhis2SystemInfo }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Reads `/api/system/info` once (no retries), as a pull's first step does.
 *
 * @param timeoutMs - Time allowed for the answer (default 15,000 ms).
 */
export async function checkDhis2Connection(
  baseUrl: string,
  credentials: Dhis2Credentials,
  timeoutMs = 15_000,
): Promise<Dhis2ConnectionCheck> {
  const client = new Dhis2Client({ baseUrl, credentials, timeoutMs, retry: { maxAttempts: 1 } });
  try {
    return { ok: true, info: await readSystemInfo(client) };
  } catch (error) {
    if (error instanceof Dhis2Error) {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
}
