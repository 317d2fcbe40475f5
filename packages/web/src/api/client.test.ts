import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  NetworkError,
  apiRequest,
  buildUrl,
  isSessionError,
  setCsrfToken,
} from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function stubFetch(status: number, body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status }));
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('buildUrl', () => {
  it('leaves out undefined parameters and encodes the rest', () => {
    expect(buildUrl('/api/org-units', { q: 'a b&c', parent: undefined, limit: 20 })).toBe(
      '/api/org-units?q=a+b%26c&limit=20',
    );
    expect(buildUrl('/api/me')).toBe('/api/me');
  });
});

describe('apiRequest', () => {
  it('sends the session cookie and no CSRF header on reads', async () => {
    setCsrfToken('tok');
    const calls = stubFetch(200, { ok: true });
    await expect(apiRequest('/api/me')).resolves.toEqual({ ok: true });
    expect(calls[0].init.credentials).toBe('same-origin');
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('sends the CSRF token and a JSON body on writes', async () => {
    setCsrfToken('tok');
    const calls = stubFetch(200, { ok: true });
    await apiRequest('/api/me', { method: 'PATCH', body: { locale: 'fr' } });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('tok');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"locale":"fr"}');
  });

  it('throws an ApiError carrying the envelope', async () => {
    const envelope = { error: 'not_authenticated', status: 401, message: 'Sign in first' };
    stubFetch(401, envelope);
    const error = await apiRequest('/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).envelope).toEqual(envelope);
    expect((error as ApiError).code).toBe('not_authenticated');
    expect(isSessionError(error)).toBe(true);
  });

  it('does not treat a failed sign-in as an ended session', async () => {
    stubFetch(401, {
      error: 'invalid_credentials',
      status: 401,
      message: 'Wrong email or password',
    });
    const error = await apiRequest('/api/auth/login', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(isSessionError(error)).toBe(false);
  });

  it('builds an envelope for a non-JSON error (a proxy page)', async () => {
    stubFetch(502, '<html>Bad gateway</html>');
    const error = await apiRequest('/api/me').catch((e: unknown) => e);
    expect((error as ApiError).envelope).toMatchObject({ error: 'internal_error', status: 502 });
  });

  it('throws a NetworkError when there is no answer', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiRequest('/api/me')).rejects.toBeInstanceOf(NetworkError);
  });
});
