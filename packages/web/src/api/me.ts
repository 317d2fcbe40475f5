/** The signed-in user: `/api/me`, sign-in and sign-out. */
import type { LoginBody, MeResponse, MeUpdateBody } from '@sankofa/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest, setCsrfToken } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** Called with every fresh `MeResponse`, e.g. to apply the user's language. */
type MeListener = (me: MeResponse) => void;
const listeners = new Set<MeListener>();

/** Subscribes to every fresh `MeResponse` (sign-in, `/api/me`, profile change). */
export function onMeReceived(listener: MeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function received(me: MeResponse): MeResponse {
  setCsrfToken(me.csrfToken);
  for (const listener of listeners) {
    listener(me);
  }
  return me;
}

/** `GET /api/me`, or `null` when nobody is signed in. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return received(await apiRequest<MeResponse>('/api/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user (`null` when signed out). */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** Signs in; on success the user is cached, so the app opens without another request. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      apiRequest<MeResponse>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      client.setQueryData(queryKeys.me, received(me));
    },
  });
}

/**
 * Signs out, whatever the server answers, and reloads the sign-in page: a full page load drops
 * every answer cached for this person, which matters on a shared office computer.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiRequest<unknown>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      window.location.replace('/login');
    },
  });
}

/** `PATCH /api/me`: changes the user's name or language. */
export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeUpdateBody) =>
      apiRequest<MeResponse>('/api/me', { method: 'PATCH', body }),
    onSuccess: (me) => {
      client.setQueryData(queryKeys.me, received(me));
    },
  });
}
