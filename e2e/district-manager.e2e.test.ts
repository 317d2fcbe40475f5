/**
 * Browser test in real headless Chromium (Debian's, driven by playwright-core): the district
 * manager signs in, sees only their district, opens an indicator chart, and the numbers shown
 * are their district's own (not the country's). Screenshots go to test-results/.
 */
import { join } from 'node:path';
import type { DemoCountry } from '@sankofa/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  screenshots,
  startBrowserApp,
  type BrowserApp,
} from './browser-app.e2e-support.ts';

describe.skipIf(chromiumPath === undefined)('the district manager in the browser', () => {
  let env: BrowserApp;
  let page: Page;
  let baseUrl: string;
  let country: DemoCountry;

  beforeAll(async () => {
    env = await startBrowserApp({ seed: 7, facilities: 40, months: 24, endPeriod: '202610' });
    ({ page, baseUrl, country } = env);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('signs in, sees only the district, and opens a chart with the district’s own numbers', async () => {
    const manager = country.users.find((u) => u.email.startsWith('district.manager'))!;
    const district = country.orgUnits.find((u) => u.id === manager.orgUnitIds[0])!;
    const others = country.orgUnits.filter((u) => u.kind === 'district' && u.id !== district.id);

    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-email').fill(manager.email);
    await page.getByTestId('login-password').fill(manager.password);
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('dashboard-org-unit').textContent(), { timeout: 15_000 })
      .toContain(district.name);

    // The tree holds the district and its facilities, and no other district.
    await page.getByTestId(`org-unit-node-${district.id}`).waitFor();
    for (const other of others) {
      expect(await page.getByTestId(`org-unit-node-${other.id}`).count()).toBe(0);
    }

    await page.goto(`${baseUrl}/?ou=${district.id}&from=202511&to=202610`);
    const indicator = country.indicators.find((i) => i.code === 'IN_MALARIA_CONFIRMED')!;
    const card = page.getByTestId(`indicator-card-${indicator.id}`);
    await card.locator('[data-status="ready"]').first().waitFor({ timeout: 15_000 });
    await page.screenshot({
      path: join(screenshots, 'district-manager-dashboard.png'),
      fullPage: true,
    });

    await card.getByTestId('indicator-card-link').click();
    await page.getByTestId('chart-org-unit').waitFor();
    expect(await page.getByTestId('chart-org-unit').textContent()).toContain(district.name);
    await page
      .locator('[data-testid="indicator-chart"][data-status="ready"]')
      .waitFor({ timeout: 15_000 });
    await page.screenshot({
      path: join(screenshots, 'district-manager-chart.png'),
      fullPage: true,
    });

    // The last month in the table is the district's count, which differs from the country's.
    const row = page.getByTestId('chart-table-row-202610');
    const shown = Number(
      ((await row.locator('td').first().textContent()) ?? '').replace(/[^\d]/g, ''),
    );
    const series = async (orgUnit: string) => {
      const response = await page.request.get(
        `${baseUrl}/api/data-values?indicator=${indicator.id}&orgUnit=${orgUnit}&startPeriod=202610&endPeriod=202610`,
      );
      return {
        status: response.status(),
        body: (await response.json()) as { points: { numerator: number }[] },
      };
    };
    const own = await series(district.id);
    expect(own.status).toBe(200);
    expect(shown).toBe(own.body.points[0].numerator);
    expect(shown).toBeGreaterThan(0);
    // The same session cannot read the country or another district.
    expect((await series(country.orgUnits[0].id)).status).toBe(403);
    expect((await series(others[0].id)).status).toBe(403);
  });

  it('tells the manager plainly when a link points outside their scope', async () => {
    const other = country.orgUnits.find(
      (u) => u.kind === 'district' && !country.users.some((usr) => usr.orgUnitIds.includes(u.id)),
    )!;
    await page.goto(`${baseUrl}/?ou=${other.id}&from=202511&to=202610`);
    await page.getByTestId('dashboard-error').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('dashboard-error').textContent()).toContain(
      'You do not have access to this',
    );
    expect(await page.getByText(other.name).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'district-manager-out-of-scope.png') });
  });
});
