/**
 * Every string the source calls with `t('…')` must be in every catalog, translated (not empty),
 * with the same `{{placeholders}}` as the English text. The extractor runs into a temporary
 * directory, so this test never changes the committed catalogs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_LOCALES } from './locales.ts';

type Catalog = Record<string, string>;

const webDir = resolve(import.meta.dirname, '../..');
const extractor = join(
  dirname(createRequire(import.meta.url).resolve('i18next-parser')),
  '../bin/cli.js',
);
let outDir = '';

function readCatalog(path: string): Catalog {
  return JSON.parse(readFileSync(path, 'utf8')) as Catalog;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'sankofa-i18n-'));
  const result = spawnSync(
    process.execPath,
    [
      extractor,
      '--config',
      'i18next-parser.config.cjs',
      '--output',
      join(outDir, '$LOCALE/$NAMESPACE.json'),
      '--silent',
    ],
    { cwd: webDir, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`i18next-parser failed: ${result.stderr || result.stdout}`);
  }
});

afterAll(() => {
  if (outDir !== '') {
    rmSync(outDir, { recursive: true, force: true });
  }
});

describe.each(APP_LOCALES)('the %s catalog', (locale) => {
  const committedPath = join(webDir, 'src/locales', locale, 'translation.json');

  it('has every key the source uses, translated', () => {
    const used = Object.keys(readCatalog(join(outDir, locale, 'translation.json')));
    const committed = readCatalog(committedPath);
    expect(used.length).toBeGreaterThan(0);
    const missing = used.filter((key) => !(key in committed));
    const empty = used.filter((key) => key in committed && committed[key].trim() === '');
    expect(missing, `missing in ${locale}: run npm run i18n:extract, then translate`).toEqual([]);
    expect(empty, `untranslated in ${locale}`).toEqual([]);
  });

  it('has no keys the source no longer uses', () => {
    const used = new Set(Object.keys(readCatalog(join(outDir, locale, 'translation.json'))));
    const stale = Object.keys(readCatalog(committedPath)).filter((key) => !used.has(key));
    expect(stale, `stale in ${locale}: run npm run i18n:extract`).toEqual([]);
  });

  it('keeps the placeholders of the English text', () => {
    const english = readCatalog(join(webDir, 'src/locales/en/translation.json'));
    const committed = readCatalog(committedPath);
    const wrong = Object.entries(committed).filter(([key, text]) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      const source = english[key] ?? english[`${base}_other`] ?? english[base] ?? base;
      // A singular form may spell out "one" instead of showing {{count}}.
      const expected = placeholders(source).filter((p) => p !== 'count');
      const actual = placeholders(text).filter((p) => p !== 'count');
      return text !== '' && expected.join() !== actual.join();
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });
});
