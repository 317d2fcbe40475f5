/**
 * i18next-parser: builds the catalogs from the English strings called in place with `t('…')`.
 * Run `npm run i18n:extract --workspace @sankofa/web`; never edit `en` by hand. English values
 * default to the key (or to `defaultValue_one` etc. for plural forms); other languages start empty
 * and `src/i18n/catalogs.test.ts` fails until they are translated.
 */
module.exports = {
  locales: ['en', 'fr', 'pt', 'es'],
  input: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/vite-env.d.ts'],
  output: 'src/locales/$LOCALE/$NAMESPACE.json',
  defaultNamespace: 'translation',
  keySeparator: false,
  namespaceSeparator: false,
  pluralSeparator: '_',
  contextSeparator: '_',
  createOldCatalogs: false,
  keepRemoved: false,
  sort: true,
  indentation: 2,
  lineEnding: 'lf',
  resetDefaultValueLocale: 'en',
  lexers: { ts: ['JavascriptLexer'], tsx: ['JsxLexer'], default: ['JavascriptLexer'] },
  defaultValue: (locale, _namespace, key, value) => (locale === 'en' ? value || key : ''),
};
