/**
 * Browser test in real headless Chromium: the district manager opens the Import page from the
 * account menu, uploads a small DHIS2 CSV holding one value of their district and one of
 * another, and sees the summary: one value landed, the other is a conflict. Then they upload a
 * DHIS2 JSON data value set for a month after the demo's last one and see the new month on the
 * facility's dashboard card and indicator chart. Screenshots in test-results/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoCountry } from '@sankofa/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../packages/server/src/testing/test-database.ts';
import {
  chromiumPath,
  screenshots,
  signIn,
  startBrowserApp,
  type BrowserApp,
} from './browser-app.e2e-support.ts';

describe.skipIf(chromiumPath === undefined)('importing a file in the browser', () => {
  let env: BrowserApp;
  let page: Page;
  let baseUrl: string;
  let country: DemoCountry;
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sankofa-import-e2e-'));
    env = await startBrowserApp({ seed: 7, facilities: 16, months: 12, endPeriod: '202610' });
    ({ page, baseUrl, country, database } = env);
  });

  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a CSV and shows the counts and the out-of-scope value as a conflict', async () => {
    const manager = country.users.find((u) => u.email.startsWith('district.manager'))!;
    const district = country.orgUnits.find((u) => u.id === manager.orgUnitIds[0])!;
    const inside = country.orgUnits.find((u) => u.level === 4 && u.path.includes(district.id))!;
    const outside = country.orgUnits.find((u) => u.level === 4 && !u.path.includes(district.id))!;
    const dataElement = country.dataElements.find(
      (d) =>
        d.valueType.startsWith('INTEGER') &&
        country.categoryCombos.some((c) => c.id === d.categoryComboId && c.name === 'default'),
    )!;
    const coc = country.defaultCategoryOptionComboId;
    const csv = join(dir, 'october.csv');
    writeFileSync(
      csv,
      [
        'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value',
        `${dataElement.id},202610,${inside.id},${coc},${coc},999`,
        `${dataElement.id},202610,${outside.id},${coc},${coc},5`,
        '',
      ].join('\n'),
    );

    await signIn(page, baseUrl, manager);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-form').waitFor();
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByTestId('import-skip-invalid').check();
    await page.getByTestId('import-submit').click();

    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-summary-status').getAttribute('data-status')).toBe(
      'WARNING',
    );
    const count = async (key: string) =>
      Number(
        ((await page.getByTestId(`import-count-${key}`).textContent()) ?? '').replace(/\D/g, ''),
      );
    expect((await count('imported')) + (await count('updated'))).toBe(1);
    const conflicts = page.getByTestId('import-conflict-row');
    expect(await conflicts.count()).toBe(1);
    expect(await conflicts.first().textContent()).toContain(outside.id);
    // The job is listed under the user's recent imports.
    await page.getByTestId('import-recent').getByText('october.csv').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(screenshots, 'import-summary.png'), fullPage: true });

    const stored = await database.adapter.db
      .selectFrom('dataValues')
      .select('value')
      .where('dataElementId', '=', dataElement.id)
      .where('orgUnitId', '=', inside.id)
      .where('periodId', '=', '202610')
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe('999');
  });

  it('uploads a DHIS2 JSON data value set and the new month shows on the indicator chart', async () => {
    const manager = country.users.find((u) => u.email.startsWith('district.manager'))!;
    const district = country.orgUnits.find((u) => u.id === manager.orgUnitIds[0])!;
    // A health centre of the district: not the facility the CSV test above wrote to.
    const facility = country.orgUnits.find(
      (u) => u.kind === 'health_centre' && u.path.includes(district.id),
    )!;
    // ANC 1st visit coverage = 100 × #{ANC 1st visits} ÷ #{expected pregnancies}, both on the
    // default category combo: 70 visits of 80 expected pregnancies make 87.5 %.
    const indicator = country.indicators.find((i) => i.code === 'IN_ANC1_COVERAGE')!;
    const refs = (expression: string) => [...expression.matchAll(/#\{(\w+)\}/g)].map((m) => m[1]);
    const [anc1] = refs(indicator.numerator);
    const [expected] = refs(indicator.denominator);
    expect([anc1, expected].every((id) => country.dataElements.some((d) => d.id === id))).toBe(
      true,
    );
    const period = '202611';
    expect(country.options.endPeriod).toBe('202610');
    const coc = country.defaultCategoryOptionComboId;
    const dataValues = [
      { dataElement: anc1, value: '70' },
      { dataElement: expected, value: '80' },
    ].map((v) => ({
      ...v,
      period,
      orgUnit: facility.id,
      categoryOptionCombo: coc,
      attributeOptionCombo: coc,
    }));
    const json = join(dir, 'november.json');
    writeFileSync(json, JSON.stringify({ dataValues }, null, 2));

    // A session of its own, so this test does not depend on the one above.
    const context = await env.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'en-GB',
    });
    const tab = await context.newPage();
    await signIn(tab, baseUrl, manager);

    await tab.getByTestId('user-menu').click();
    await tab.getByTestId('nav-import').click();
    await tab.getByTestId('import-form').waitFor();
    await tab.locator('input[type="file"]').setInputFiles(json);
    await tab.getByTestId('import-submit').click();

    await tab.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    expect(await tab.getByTestId('import-summary-status').getAttribute('data-status')).toBe(
      'SUCCESS',
    );
    const count = async (key: string) =>
      Number(
        ((await tab.getByTestId(`import-count-${key}`).textContent()) ?? '').replace(/\D/g, ''),
      );
    expect(await count('imported')).toBe(dataValues.length);
    expect(await count('updated')).toBe(0);
    expect(await count('ignored')).toBe(0);
    await tab.getByTestId('import-no-conflicts').waitFor();
    await tab.getByTestId('import-recent').getByText('november.json').waitFor({ timeout: 10_000 });

    // The facility's dashboard over a range that takes in the new month: the card's latest
    // value is the new month's. (The default range is the last 12 complete months, which
    // ends before the month under way, so the range is given in the link.)
    await tab.goto(`${baseUrl}/?ou=${facility.id}&from=202512&to=${period}`);
    const card = tab.getByTestId(`indicator-card-${indicator.id}`);
    await card.locator('[data-status="ready"]').first().waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('indicator-card-value').textContent()).toContain('87.5%');

    await card.getByTestId('indicator-card-link').click();
    await tab.getByTestId('chart-org-unit').waitFor();
    expect(await tab.getByTestId('chart-org-unit').textContent()).toContain(facility.name);
    await tab
      .locator('[data-testid="indicator-chart"][data-status="ready"]')
      .waitFor({ timeout: 15_000 });
    expect(new URL(tab.url()).searchParams.get('to')).toBe(period);

    // The chart's table: the new month is the last row, with the numbers written above.
    const rows = tab.getByTestId('chart-table').locator('tbody tr');
    expect(await rows.count()).toBe(12);
    const row = tab.getByTestId(`chart-table-row-${period}`);
    expect(await rows.last().getAttribute('data-testid')).toBe(`chart-table-row-${period}`);
    expect(Number(await row.getAttribute('data-value'))).toBeCloseTo(87.5, 6);
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells).toEqual(['70', '80', '87.5%']);
    await tab.screenshot({ path: join(screenshots, 'import-json-chart.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('hides the Import entry from people who cannot import', async () => {
    const viewer = country.users.find((u) => u.role === 'viewer')!;
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const other = await context.newPage();
    await signIn(other, baseUrl, viewer);
    await other.getByTestId('user-menu').click();
    await other.getByTestId('sign-out').waitFor();
    expect(await other.getByTestId('nav-import').count()).toBe(0);
    await context.close();
  });
});
