/**
 * What every browser test starts with: a SQLite test database holding a generated demo country,
 * the app serving the built web app on a free port, Debian's Chromium, and a page; plus signing
 * in. Browser tests are skipped unless SANKOFA_CHROMIUM names the browser (`npm test` sets it).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildApp,
  generateDemoCountry,
  loadConfig,
  loadDemoCountry,
  type App,
  type DemoCountry,
  type DemoOptions,
} from '@sankofa/server';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  createTestDatabase,
  type TestDatabase,
} from '../packages/server/src/testing/test-database.ts';

/** Debian's Chromium, when the run provides it. */
export const chromiumPath = process.env.SANKOFA_CHROMIUM;
/** Where screenshots go (kept by CI). */
export const screenshots = resolve('test-results');

export interface BrowserApp {
  readonly database: TestDatabase;
  readonly country: DemoCountry;
  readonly app: App;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A page at 1400 × 1000 in en-GB. */
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Starts the app on a new demo country and opens Chromium.
 *
 * @param prepare - runs on the loaded database before the app starts (e.g. a signal scan)
 */
export async function startBrowserApp(
  demo: DemoOptions,
  prepare?: (database: TestDatabase, country: DemoCountry) => Promise<void>,
): Promise<BrowserApp> {
  mkdirSync(screenshots, { recursive: true });
  const database = await createTestDatabase('sqlite');
  const country = generateDemoCountry(demo);
  await loadDemoCountry(database.adapter, country);
  await prepare?.(database, country);
  const config = { ...loadConfig({}), logLevel: 'silent', webDist: resolve('packages/web/dist') };
  const app = await buildApp({ adapter: database.adapter, config });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
  return {
    database,
    country,
    app,
    baseUrl,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

/** Signs `user` in on `page` and waits for the dashboard. */
export async function signIn(
  page: Page,
  baseUrl: string,
  user: { readonly email: string; readonly password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-org-unit').waitFor({ timeout: 15_000 });
}
