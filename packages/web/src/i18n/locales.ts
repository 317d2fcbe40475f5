/** The interface languages, and how the first one is chosen. */
import type { Locale } from '@sankofa/core';

export const APP_LOCALES = ['en', 'fr', 'pt', 'es'] as const satisfies readonly Locale[];
export type AppLocale = (typeof APP_LOCALES)[number];

/** Each language's name in that language (never translated). */
export const LOCALE_NAMES: Readonly<Record<AppLocale, string>> = {
  en: 'English',
  fr: 'Français',
  pt: 'Português',
  es: 'Español',
};

/** Where the chosen language is kept between visits (and before sign-in). */
export const LOCALE_STORAGE_KEY = 'sankofa.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

/**
 * The language to start in: the stored choice, else the first browser language we have, else English.
 *
 * @param stored - The value kept in localStorage, if any.
 * @param browserLanguages - `navigator.languages`, e.g. `['fr-SN', 'en']`.
 */
export function pickInitialLocale(
  stored: string | null,
  browserLanguages: readonly string[],
): AppLocale {
  if (isAppLocale(stored)) {
    return stored;
  }
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isAppLocale(base)) {
      return base;
    }
  }
  return 'en';
}
