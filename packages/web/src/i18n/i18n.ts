/**
 * i18next set-up. English strings are called in place (`t('Sign in')`); each language's catalog
 * is a separate chunk loaded when that language is first used.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { APP_LOCALES, LOCALE_STORAGE_KEY, type AppLocale } from './locales.ts';

type Catalog = Record<string, string>;

const catalogs = import.meta.glob<Catalog>('../locales/*/translation.json', { import: 'default' });

const lazyCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, _namespace: string, callback: ReadCallback) {
    const load = catalogs[`../locales/${language}/translation.json`];
    if (load === undefined) {
      callback(null, {});
      return;
    }
    load().then(
      (catalog) => callback(null, catalog),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Starts i18next in `locale` and resolves once its catalog is loaded. */
export async function initI18n(locale: AppLocale): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: 'en',
      supportedLngs: [...APP_LOCALES],
      load: 'languageOnly',
      ns: ['translation'],
      defaultNS: 'translation',
      keySeparator: false,
      nsSeparator: false,
      // An untranslated (empty) string shows the English text rather than nothing.
      returnEmptyString: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
}

/** Remembers the language for the next visit; storage may be unavailable (private mode). */
export function storeLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Nothing to do: the language then lasts for this visit only.
  }
}

/** The stored language choice, if storage can be read. */
export function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

let signedOutChoice: AppLocale | null = null;

/** Notes a language chosen before signing in, so signing in keeps it (see `followAccountLocale`). */
export function rememberSignedOutChoice(locale: AppLocale): void {
  signedOutChoice = locale;
}

/** The language chosen before signing in, once; `null` if none was. */
export function takeSignedOutChoice(): AppLocale | null {
  const choice = signedOutChoice;
  signedOutChoice = null;
  return choice;
}
