/**
 * Browser test in real headless Chromium: after a signal scan of the demo country, the district
 * manager opens the signal inbox from the header and sees only their district's signals (rows and
 * counts as the database says), acknowledges two, dismisses one with a reason (not without), and
 * opens a signal's indicator chart for its org unit. Screenshots in test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_SET_PRESETS } from '@sankofa/core';
import type { DemoCountry } from '@sankofa/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSignals } from '../packages/server/src/services/signal-scan/index.ts';
import type { TestDatabase } from '../packages/server/src/testing/test-database.ts';
import {
  chromiumPath,
  screenshots,
  signIn,
  startBrowserApp,
  type BrowserApp,
} from './browser-app.e2e-support.ts';

/** The inbox's default status filter and page size. */
const OPEN = ['new', 'acknowledged', 'under_review'];
const PAGE_SIZE = 50;
const KINDS = ['outbreak', 'sustained_shift', 'trend', 'single_point', 'runs', 'peer_outlier'];

describe.skipIf(chromiumPath === undefined)('the signal inbox in the browser', () => {
  let env: BrowserApp;
  let page: Page;
  let baseUrl: string;
  let country: DemoCountry;
  let database: TestDatabase;

  beforeAll(async () => {
    env = await startBrowserApp(
      { seed: 3, facilities: 8, months: 36, endPeriod: '202610' },
      async (db) => {
        // As in scan-signals.int.test.ts: the planted outbreak and ANC4 shift are found there.
        const scan = await scanSignals(db.adapter.db, {});
        expect(scan.signals.new).toBeGreaterThan(0);
      },
    );
    ({ page, baseUrl, country, database } = env);
  });

  afterAll(async () => {
    await env?.close();
  });

  /** The open signals under `root` in the database, as the inbox should show them. */
  const openSignalsUnder = (root: string) =>
    database.adapter.db
      .selectFrom('signals')
      .select(['id', 'kind', 'orgUnitId', 'indicatorId', 'status'])
      .where('orgUnitId', 'in', (eb) =>
        eb.selectFrom('orgUnitClosure').select('descendantId').where('ancestorId', '=', root),
      )
      .where('status', 'in', OPEN)
      .execute();
  const signalById = (id: string) =>
    database.adapter.db
      .selectFrom('signals')
      .select(['id', 'status', 'statusReason', 'statusChangedBy', 'orgUnitId', 'indicatorId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const auditsOf = (id: string) =>
    database.adapter.db
      .selectFrom('auditEvents')
      .select(['action', 'userId', 'orgUnitId', 'before', 'after'])
      .where('entityType', '=', 'signal')
      .where('entityId', '=', id)
      .orderBy('id')
      .execute();
  const rowIds = () =>
    page
      .getByTestId('signals-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-signal-id')!));

  it('shows the district’s signals, acknowledges, dismisses with a reason, opens a chart', async () => {
    const db = database.adapter.db;
    const manager = country.users.find((u) => u.email.startsWith('district.manager'))!;
    const district = country.orgUnits.find((u) => u.id === manager.orgUnitIds[0])!;
    const outbreak = country.plantedFeatures.find((f) => f.kind === 'outbreak')!;
    // The demo has one district manager, in the outbreak district.
    expect(country.users.filter((u) => u.email.startsWith('district.manager'))).toHaveLength(1);
    expect(outbreak.orgUnitIds).toContain(district.id);
    const managerId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', manager.email)
        .executeTakeFirstOrThrow()
    ).id;
    const subtree = new Set(
      (
        await db
          .selectFrom('orgUnitClosure')
          .select('descendantId')
          .where('ancestorId', '=', district.id)
          .execute()
      ).map((r) => r.descendantId),
    );
    const expected = await openSignalsUnder(district.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((s) => s.kind === 'outbreak')).toBe(true);

    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-email').fill(manager.email);
    await page.getByTestId('login-password').fill(manager.password);
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('dashboard-org-unit').textContent(), { timeout: 15_000 })
      .toContain(district.name);

    // 1. The inbox from the header: only the district's subtree, as many as the database says.
    await page.getByTestId('nav-signals').click();
    await page.getByTestId('signals-page').waitFor();
    await page.getByTestId('signals-row').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('signals-org-unit').textContent()).toContain(district.name);
    const shown = await rowIds();
    expect(shown).toHaveLength(Math.min(expected.length, PAGE_SIZE));
    expect(new Set(shown).size).toBe(shown.length);
    const expectedIds = new Set(expected.map((s) => s.id));
    for (const id of shown) {
      expect(expectedIds.has(id), id).toBe(true);
      expect(subtree.has((await signalById(id)).orgUnitId), id).toBe(true);
    }
    // Most urgent first: the outbreak leads.
    expect(expected.find((s) => s.id === shown[0])!.kind).toBe('outbreak');
    for (const kind of KINDS) {
      const count = expected.filter((s) => s.kind === kind).length;
      await expect
        .poll(() => page.getByTestId(`signals-count-${kind}`).textContent(), { timeout: 5_000 })
        .toBe(String(count));
    }
    const pagination = page.getByTestId('signals-pagination');
    expect(await pagination.count()).toBe(expected.length > PAGE_SIZE ? 1 : 0);
    if (expected.length > PAGE_SIZE) {
      // The total shows as the number of pages: the last page's button, and none after it.
      const pages = Math.ceil(expected.length / PAGE_SIZE);
      expect(
        await pagination.getByRole('button', { name: String(pages), exact: true }).count(),
      ).toBe(1);
      expect(
        await pagination.getByRole('button', { name: String(pages + 1), exact: true }).count(),
      ).toBe(0);
    }
    await page.screenshot({ path: join(screenshots, 'signals-inbox.png'), fullPage: true });

    // 2. Bulk-acknowledge the first two rows.
    const [first, second, third] = shown;
    const checkbox = (id: string) =>
      page.locator(`[data-testid="signals-row"][data-signal-id="${id}"] input[type="checkbox"]`);
    await checkbox(first).check();
    await checkbox(second).check();
    expect(await page.getByTestId('signals-selected').textContent()).toContain('2 selected');
    await page.getByTestId('signals-bulk-acknowledge').click();
    await expect
      .poll(() => page.getByTestId('signals-selected').textContent(), { timeout: 10_000 })
      .toContain('0 selected');
    for (const id of [first, second]) {
      await expect.poll(async () => (await signalById(id)).status).toBe('acknowledged');
      const signal = await signalById(id);
      expect(signal).toMatchObject({ statusReason: null, statusChangedBy: managerId });
      const audits = await auditsOf(id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        action: 'update',
        userId: managerId,
        orgUnitId: signal.orgUnitId,
      });
      expect(JSON.parse(audits[0].before!)).toMatchObject({ status: 'new' });
      expect(JSON.parse(audits[0].after!)).toMatchObject({ status: 'acknowledged' });
    }
    // Acknowledged is still open: the rows stay, now marked acknowledged.
    await expect
      .poll(() =>
        page
          .locator(`[data-testid="signals-row"][data-signal-id="${first}"]`)
          .textContent({ timeout: 5_000 }),
      )
      .toContain('Acknowledged');
    expect(await auditsOf(third)).toEqual([]);

    // 3. Bulk-dismiss one row: not without a reason.
    await checkbox(third).check();
    await page.getByTestId('signals-bulk-dismiss').click();
    const modal = page.getByRole('dialog');
    await modal.waitFor();
    const reason = page.getByTestId('signals-dismiss-reason');
    const confirm = page.getByTestId('signals-dismiss-confirm');
    expect(await reason.getAttribute('required')).not.toBeNull();
    expect(await confirm.isDisabled()).toBe(true);
    await reason.fill('   ');
    expect(await confirm.isDisabled()).toBe(true);
    // Forcing the form through without a reason changes nothing.
    await modal.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());
    expect(await modal.isVisible()).toBe(true);
    expect((await signalById(third)).status).toBe('new');
    // The API refuses it too, with the error envelope naming the field (the session's own call).
    const refused = await page.evaluate(
      async ([url, id]) => {
        const me = await fetch(`${url}/api/me`).then((r) => r.json() as Promise<unknown>);
        const token = (me as { csrfToken?: string }).csrfToken ?? '';
        const response = await fetch(`${url}/api/signals/bulk`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ ids: [id], status: 'dismissed' }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      [baseUrl, third] as const,
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      issues: [expect.objectContaining({ field: 'body.reason' })],
    });
    expect((await signalById(third)).status).toBe('new');

    await reason.fill('Data entry error, corrected at the facility');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await modal.waitFor({ state: 'hidden', timeout: 10_000 });
    await expect.poll(async () => (await signalById(third)).status).toBe('dismissed');
    expect(await signalById(third)).toMatchObject({
      statusReason: 'Data entry error, corrected at the facility',
      statusChangedBy: managerId,
    });
    const dismissAudits = await auditsOf(third);
    expect(dismissAudits).toHaveLength(1);
    expect(JSON.parse(dismissAudits[0].after!)).toMatchObject({
      status: 'dismissed',
      reason: 'Data entry error, corrected at the facility',
    });
    // Dismissed is not open: the row leaves the inbox and its kind's count drops by one.
    await page
      .locator(`[data-testid="signals-row"][data-signal-id="${third}"]`)
      .waitFor({ state: 'detached', timeout: 10_000 });
    const thirdKind = expected.find((s) => s.id === third)!.kind;
    await expect
      .poll(() => page.getByTestId(`signals-count-${thirdKind}`).textContent(), {
        timeout: 5_000,
      })
      .toBe(String(expected.filter((s) => s.kind === thirdKind).length - 1));

    // 4. A row's indicator link opens the chart of that indicator for that org unit.
    const target = await signalById(first);
    await page
      .locator(`[data-testid="signals-row"][data-signal-id="${first}"]`)
      .getByTestId('signals-chart-link')
      .click();
    await page.waitForURL((url) => url.pathname === `/indicators/${target.indicatorId}`);
    const url = new URL(page.url());
    expect(url.searchParams.get('ou')).toBe(target.orgUnitId);
    const targetUnit = country.orgUnits.find((u) => u.id === target.orgUnitId)!;
    await page.getByTestId('chart-org-unit').waitFor();
    expect(await page.getByTestId('chart-org-unit').textContent()).toContain(targetUnit.name);
    await page
      .locator('[data-testid="indicator-chart"][data-status="ready"]')
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'signals-chart.png'), fullPage: true });

    // 5. The control chart: a click on a point (the 12th month) freezes the limits on the months
    //    up to it after a confirmation; the limits change, the setting is saved and audited.
    const spc = page.locator('[data-testid="spc-chart"][data-status="ready"][data-points]');
    await spc.waitFor({ timeout: 15_000 });
    await spc.scrollIntoViewIfNeeded();
    const upperBefore = await spc.getAttribute('data-upper');
    const positions = JSON.parse((await spc.getAttribute('data-points'))!) as [
      string,
      number,
      number,
    ][];
    const [baselineEnd, x, y] = positions[11];
    const box = (await spc.boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('freeze-limits').click();
    await expect
      .poll(() => spc.getAttribute('data-baseline-end'), { timeout: 10_000 })
      .toBe(baselineEnd);
    const upperAfter = await spc.getAttribute('data-upper');
    expect(upperAfter).not.toBe(upperBefore);
    const saved = await database.adapter.db
      .selectFrom('chartSettings')
      .selectAll()
      .where('indicatorId', '=', target.indicatorId)
      .where('orgUnitId', '=', target.orgUnitId)
      .executeTakeFirstOrThrow();
    expect(saved.baselineEnd).toBe(baselineEnd);
    const audit = await database.adapter.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'chart_settings')
      .execute();
    expect(audit).toEqual([
      { action: 'update', entityId: `${target.indicatorId}:${target.orgUnitId}` },
    ]);
    await page.screenshot({
      path: join(screenshots, 'signals-chart-baseline.png'),
      fullPage: true,
    });
  }, 90_000);

  it('switches the preset, starts a phase, shows the table, downloads chart and data, drills down and up, and compares peers', async () => {
    const setting = await database.adapter.db
      .selectFrom('chartSettings')
      .selectAll()
      .executeTakeFirstOrThrow();
    const settingNow = () =>
      database.adapter.db
        .selectFrom('chartSettings')
        .selectAll()
        .where('indicatorId', '=', setting.indicatorId)
        .where('orgUnitId', '=', setting.orgUnitId)
        .executeTakeFirstOrThrow();
    const spc = page.locator('[data-testid="spc-chart"][data-status="ready"][data-points]');
    await spc.scrollIntoViewIfNeeded();

    // The preset: switched by the manager, saved, shown.
    await page.getByTestId('control-chart-preset-select').click();
    await page.getByRole('option', { name: RULE_SET_PRESETS['ihi-run'].name }).click();
    await expect
      .poll(() => page.getByTestId('control-chart-preset').textContent(), { timeout: 10_000 })
      .toContain(RULE_SET_PRESETS['ihi-run'].name);
    expect((await settingNow()).ruleSetId).toBe('ihi-run');

    // A phase from the 24th month: the baseline gives way to two parts.
    const positions = JSON.parse((await spc.getAttribute('data-points'))!) as [
      string,
      number,
      number,
    ][];
    const [phaseStart, x, y] = positions[23];
    const box = (await spc.boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('start-phase').click();
    await expect
      .poll(async () => (await settingNow()).phaseEnds, { timeout: 10_000 })
      .toBe(JSON.stringify([positions[22][0]]));
    await expect.poll(() => spc.getAttribute('data-baseline-end')).toBe('');
    await expect
      .poll(() => page.getByTestId('control-chart-baseline').textContent())
      .toContain('phases');
    const upper = JSON.parse((await spc.getAttribute('data-upper'))!) as (number | null)[];

    // The table shows the same numbers.
    await page.getByTestId('control-chart').getByText('Table', { exact: true }).click();
    const rows = page.locator('[data-testid^="spc-table-row-"]');
    await expect.poll(() => rows.count()).toBe(36);
    const row = page.getByTestId(`spc-table-row-${phaseStart}`);
    expect(Number(await row.getAttribute('data-upper'))).toBeCloseTo(upper[23]!, 9);
    await page.screenshot({ path: join(screenshots, 'signals-chart-table.png'), fullPage: true });
    await page.getByTestId('control-chart').getByText('Chart', { exact: true }).click();

    // Downloads: the data as CSV, the chart as SVG and PNG.
    const download = async (item: string) => {
      await page.getByTestId('control-chart-export').click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(item).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const csv = await download('export-csv');
    expect(csv.name).toMatch(/-spc\.csv$/);
    const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'period,value,numerator,denominator,centre,lower_limit,upper_limit,part,baseline,rules',
    );
    expect(lines).toHaveLength(37);
    expect(lines[24].split(',')[0]).toBe(phaseStart);
    expect(lines[24].split(',')[7]).toBe('2');
    const svg = await download('export-svg');
    expect(svg.name).toMatch(/-spc\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const png = await download('export-png');
    expect(png.name).toMatch(/-spc\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.bytes.length).toBeGreaterThan(5_000);

    // Up to the parent and down again (the chart's unit is a facility or a district).
    const unit = country.orgUnits.find((u) => u.id === setting.orgUnitId)!;
    const [parentUnit, childUnit] =
      unit.level === 4
        ? [country.orgUnits.find((u) => u.id === unit.parentId)!, unit]
        : [unit, country.orgUnits.find((u) => u.parentId === unit.id)!];
    const heading = () => page.getByTestId('chart-org-unit').textContent();
    if (unit.level === 4) {
      await page.getByTestId('drill-up').click();
      await expect.poll(heading).toBe(parentUnit.name);
    }
    // The district: its facilities compared (its parent region is outside a district manager's scope).
    await expect
      .poll(() => page.getByTestId('funnel-section').textContent())
      .toContain(`The units of ${parentUnit.name} compared`);
    await page.getByTestId('drill-down').click();
    await page.getByRole('option', { name: childUnit.name }).click();
    await expect.poll(heading).toBe(childUnit.name);
    expect(new URL(page.url()).searchParams.get('ou')).toBe(childUnit.id);
    await expect
      .poll(() => page.getByTestId('funnel-section').textContent())
      .toContain(`Compared with the other units of ${parentUnit.name}`);

    // The national admin compares a region with the other regions on a funnel.
    const admin = country.users.find((u) => u.email.startsWith('admin'))!;
    const adminPage = await env.browser.newPage({
      viewport: { width: 1400, height: 1000 },
      locale: 'en-GB',
    });
    await signIn(adminPage, baseUrl, admin);
    const tpr = country.indicators.find((i) => i.code === 'IN_MALARIA_TPR')!;
    const regions = country.orgUnits.filter((u) => u.level === 2);
    await adminPage.goto(`${baseUrl}/indicators/${tpr.id}?ou=${regions[0].id}`);
    const funnel = adminPage.locator(
      '[data-testid="funnel-chart"][data-status="ready"][data-units]',
    );
    await funnel.waitFor({ timeout: 15_000 });
    const drawn = JSON.parse((await funnel.getAttribute('data-units'))!) as [
      string,
      string | null,
    ][];
    expect(drawn.map(([id]) => id).sort()).toEqual(regions.map((r) => r.id).sort());
    await funnel.scrollIntoViewIfNeeded();
    // An earlier month: the same regions compared in that month.
    const summary = () => adminPage.getByTestId('funnel-summary').textContent();
    expect(await summary()).toContain('Oct 2026');
    await adminPage.getByTestId('funnel-month').click();
    await adminPage.getByRole('option', { name: 'Feb 2026' }).click();
    await expect.poll(summary).toContain('Feb 2026');
    await adminPage.screenshot({
      path: join(screenshots, 'signals-chart-funnel.png'),
      fullPage: true,
    });
    await adminPage.close();
  }, 120_000);
});
