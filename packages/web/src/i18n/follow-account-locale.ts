import type { MeResponse } from '@sankofa/core';
import type { QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { apiRequest } from '../api/client.ts';
import { onMeReceived } from '../api/me.ts';
import { queryKeys } from '../api/query-keys.ts';
import { storeLocale, takeSignedOutChoice } from './i18n.ts';
import { isAppLocale } from './locales.ts';

/**
 * Keeps the interface language and the account's language together. The account's language
 * wins on every fresh `/api/me` (it is what the person last chose, on any computer), except
 * right after a language was picked on the sign-in page: that choice is kept and saved to the
 * account.
 */
export function followAccountLocale(queryClient: QueryClient): () => void {
  return onMeReceived((me) => {
    const chosen = takeSignedOutChoice();
    if (chosen !== null && chosen !== me.user.locale) {
      apiRequest<MeResponse>('/api/me', { method: 'PATCH', body: { locale: chosen } }).then(
        (updated) => queryClient.setQueryData(queryKeys.me, updated),
        // The language still applies on this computer; the account keeps its old one.
        () => undefined,
      );
      return;
    }
    const locale = me.user.locale;
    if (isAppLocale(locale) && i18next.resolvedLanguage !== locale) {
      storeLocale(locale);
      void i18next.changeLanguage(locale);
    }
  });
}
