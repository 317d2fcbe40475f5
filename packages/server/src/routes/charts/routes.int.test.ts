/**
 * `/api/charts/spc` and `/api/chart-settings` on the demo country (36 months): the chart as the
 * scan reads it, a baseline that freezes the limits (saved, audited, scoped), and its removal.
 */
import type { FunnelChartResponse, SpcChartResponse } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCountry, type DemoCountry } from '../../demo/index.ts';
import { loadDemoCountry } from '../../services/load-demo.ts';
import { MIN_PEERS } from '../../services/signal-scan/series-analysis.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

describe.each(testDialects())('SPC chart and its settings on %s', (dialect) => {
  let server: TestServer;
  let country: DemoCountry;
  let manager: TestClient;
  let anc4: string;
  let district: string;
  let otherDistrict: string;

  beforeAll(async () => {
    server = await createTestServer(dialect, { seed: false });
    country = generateDemoCountry({ seed: 3, facilities: 8, months: 36, endPeriod: '202610' });
    await loadDemoCountry(server.database.adapter, country);
    anc4 = country.indicators.find((i) => i.code === 'IN_ANC4_COVERAGE')!.id;
    const districts = country.orgUnits.filter((u) => u.level === 3);
    district = districts[0].id;
    otherDistrict = districts[1].id;
    manager = await server.as([{ role: 'manager', orgUnitId: district }]);
  }, 120_000);
  afterAll(async () => {
    await server.app.signalScanner.idle();
    await server.close();
  });

  const chart = async (client: TestClient, orgUnit = district) => {
    const response = await client.get(`/api/charts/spc?indicator=${anc4}&orgUnit=${orgUnit}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SpcChartResponse>();
  };

  it('draws the last 36 months with limits, and a baseline freezes them on its months', async () => {
    const before = await chart(manager);
    expect(before.points.map((p) => p.period)).toEqual(country.periods.slice(-36));
    expect(before).toMatchObject({ tooShort: false, baselineEnd: null, phaseEnds: [] });
    expect(before.preset.id).toBe('anhoej');
    expect(before.presets.map((p) => p.id)).toEqual([
      'anhoej',
      'ihi-run',
      'mdc-2024',
      'mdc-classic-7',
    ]);
    expect(before.points.every((p) => p.centre !== null && p.upper !== null)).toBe(true);

    const end = before.points[11].period;
    const put = await manager.request({
      method: 'PUT',
      url: '/api/chart-settings',
      payload: { indicator: anc4, orgUnit: district, baselineEnd: end },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = put.json<SpcChartResponse>();
    expect(after.baselineEnd).toBe(end);
    expect(after.points.filter((p) => p.baseline)).toHaveLength(12);
    // The centre line is the baseline's: the same before and after the freeze, and not the
    // centre line of all 36 months any more.
    expect(after.points[35].centre).toBeCloseTo(after.points[0].centre!, 10);
    expect(after.points[0].centre).not.toBeCloseTo(before.points[0].centre!, 6);
    expect(await chart(manager)).toEqual(after);

    const audit = await server.database.adapter.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'chart_settings')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      orgUnitId: district,
      entityId: `${anc4}:${district}`,
    });
    expect(JSON.parse(audit[0].after!)).toMatchObject({ baselineEnd: end });

    const cleared = await manager.request({
      method: 'PUT',
      url: '/api/chart-settings',
      payload: { indicator: anc4, orgUnit: district, baselineEnd: null },
    });
    expect(cleared.json<SpcChartResponse>().points).toEqual(before.points);
    const rows = await server.database.adapter.db.selectFrom('chartSettings').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('keeps settings to managers within scope, and names a bad month or preset', async () => {
    const viewer = await server.as([{ role: 'viewer', orgUnitId: district }]);
    const put = (client: TestClient, payload: Record<string, unknown>) =>
      client.request({ method: 'PUT', url: '/api/chart-settings', payload });
    expect(
      (await put(viewer, { indicator: anc4, orgUnit: district, baselineEnd: null })).statusCode,
    ).toBe(403);
    expect(
      (await put(manager, { indicator: anc4, orgUnit: otherDistrict, baselineEnd: null }))
        .statusCode,
    ).toBe(403);
    expect(
      (await manager.get(`/api/charts/spc?indicator=${anc4}&orgUnit=${otherDistrict}`)).statusCode,
    ).toBe(403);
    const quarter = await put(manager, {
      indicator: anc4,
      orgUnit: district,
      baselineEnd: '2024Q1',
    });
    expect(quarter.statusCode).toBe(422);
    expect(quarter.json<{ issues: { field: string }[] }>().issues[0].field).toBe(
      'body.baselineEnd',
    );
    const preset = await put(manager, {
      indicator: anc4,
      orgUnit: district,
      baselineEnd: null,
      ruleSet: 'nonsense',
    });
    expect(preset.statusCode).toBe(422);
    const ihi = await put(manager, {
      indicator: anc4,
      orgUnit: district,
      baselineEnd: null,
      ruleSet: 'mdc-2024',
    });
    expect(ihi.statusCode, ihi.body).toBe(200);
    expect(ihi.json<SpcChartResponse>().preset.id).toBe('mdc-2024');
  });

  it('compares a region with its sibling regions on a funnel, for the latest month', async () => {
    const root = country.orgUnits.find((u) => u.level === 1)!.id;
    const regions = country.orgUnits.filter((u) => u.level === 2);
    const tpr = country.indicators.find((i) => i.code === 'IN_MALARIA_TPR')!.id;
    const admin = await server.as([{ role: 'admin', orgUnitId: root }]);
    const response = await admin.get(
      `/api/charts/funnel?indicator=${tpr}&orgUnit=${regions[1].id}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const funnel = response.json<FunnelChartResponse>();
    expect(funnel).toMatchObject({
      compared: 'siblings',
      group: { id: root },
      highlight: regions[1].id,
      period: country.periods.at(-1),
      type: 'proportion',
      reason: null,
    });
    expect(funnel.units.map((u) => u.id).sort()).toEqual(regions.map((r) => r.id).sort());
    // Each region's numbers are those of its own control chart in that month.
    for (const unit of funnel.units) {
      const own = await admin.get(`/api/charts/spc?indicator=${tpr}&orgUnit=${unit.id}`);
      const last = own.json<SpcChartResponse>().points.at(-1)!;
      expect(unit.numerator).toBe(last.numerator);
      expect(unit.denominator).toBe(last.denominator);
      expect(unit.value).toBeCloseTo((100 * unit.numerator!) / unit.denominator!, 10);
      const f = unit.funnel!;
      expect(f.lower998).toBeLessThan(funnel.target!);
      expect(f.upper998).toBeGreaterThan(funnel.target!);
      expect(f.lower998).toBeLessThanOrEqual(f.lower95);
      const beyond = unit.value! > f.upper998 ? 'high' : unit.value! < f.lower998 ? 'low' : null;
      expect(f.outlier).toBe(beyond);
    }
    // The centre line is the pooled proportion.
    const y = funnel.units.reduce((sum, u) => sum + u.numerator!, 0);
    const n = funnel.units.reduce((sum, u) => sum + u.denominator!, 0);
    expect(funnel.target).toBeCloseTo((100 * y) / n, 10);
    expect(funnel.curve.length).toBeGreaterThan(10);

    const earlier = await admin.get(
      `/api/charts/funnel?indicator=${tpr}&orgUnit=${regions[1].id}&period=${country.periods[5]}`,
    );
    expect(earlier.json<FunnelChartResponse>().period).toBe(country.periods[5]);
    const quarter = await admin.get(
      `/api/charts/funnel?indicator=${tpr}&orgUnit=${regions[1].id}&period=2024Q1`,
    );
    expect(quarter.statusCode).toBe(422);

    const cases = country.indicators.find((i) => i.code === 'IN_MALARIA_CONFIRMED')!.id;
    const counts = (
      await admin.get(`/api/charts/funnel?indicator=${cases}&orgUnit=${regions[1].id}`)
    ).json<FunnelChartResponse>();
    expect(counts).toMatchObject({ type: null, reason: 'not_a_ratio', curve: [] });
    expect(counts.units.every((u) => u.value !== null && u.funnel === null)).toBe(true);
  });

  it("shows a district manager their district's facilities, never the sibling districts", async () => {
    const response = await manager.get(`/api/charts/funnel?indicator=${anc4}&orgUnit=${district}`);
    expect(response.statusCode, response.body).toBe(200);
    const funnel = response.json<FunnelChartResponse>();
    const facilities = country.orgUnits.filter((u) => u.parentId === district).map((u) => u.id);
    expect(funnel).toMatchObject({
      compared: 'children',
      group: { id: district },
      highlight: null,
    });
    expect(funnel.units.map((u) => u.id).sort()).toEqual(facilities.sort());
    // A funnel needs 3 units with a value (the scan's MIN_PEERS).
    expect(funnel).toMatchObject(
      facilities.length < MIN_PEERS
        ? { type: null, reason: 'too_few_units' }
        : { type: 'proportion', reason: null },
    );
    expect(
      (await manager.get(`/api/charts/funnel?indicator=${anc4}&orgUnit=${otherDistrict}`))
        .statusCode,
    ).toBe(403);
  });
});
