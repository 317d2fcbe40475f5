import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMe } from '../api/me.ts';
import { rememberSignedOutChoice, storeLocale } from './i18n.ts';
import type { AppLocale } from './locales.ts';

/**
 * Returns a function that switches the interface language at once, keeps it in localStorage and
 * saves it to the account (`PATCH /api/me`), now or, on the sign-in page, once signed in.
 */
export function useChangeLanguage(): (locale: AppLocale) => void {
  const { i18n } = useTranslation();
  const me = useMe();
  const { mutate } = useUpdateMe();
  const signedIn = me.data != null;
  return useCallback(
    (locale: AppLocale) => {
      storeLocale(locale);
      void i18n.changeLanguage(locale);
      if (signedIn) {
        mutate({ locale });
      } else {
        rememberSignedOutChoice(locale);
      }
    },
    [i18n, mutate, signedIn],
  );
}
