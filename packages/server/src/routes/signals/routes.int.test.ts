/** `/api/signals`: scope, filters, priority order, counts, lifecycle, audit and bulk changes. */
import type { Signal, SignalListResponse } from '@sankofa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSignals } from '../../services/signals/signals.test-support.ts';
import { FIXTURE as F } from '../../testing/fixture-country.ts';
import { createTestServer, type TestClient, type TestServer } from '../../testing/test-context.ts';
import { testDialects } from '../../testing/test-database.ts';

/*
 * District A (A1, A2) holds s1–s5, s8–s10; District B holds s6; District C holds s7.
 * Priority among District A's: s1 (outbreak), s3 then s2 (shifts, same population, s3 more
 * recent), s5 then s4 (single points, s4's population unknown), s8 (runs), s10 then s9 (peer
 * outliers: 2024W10 is more recent than 2024W9, which a text sort would get wrong).
 */
const S = {
  s1: 'SigOutbrk01',
  s2: 'SigShiftA21',
  s3: 'SigShiftDA1',
  s4: 'SigPointA11',
  s5: 'SigPointA21',
  s6: 'SigTrendB11',
  s7: 'SigOutbrkC1',
  s8: 'SigRunsDA01',
  s9: 'SigPeerW009',
  s10: 'SigPeerW010',
} as const;
const DISTRICT_A_ORDER = [S.s1, S.s3, S.s2, S.s5, S.s4, S.s8, S.s10, S.s9];

const ids = (body: SignalListResponse) => body.signals.map((s) => s.id);

describe.each(testDialects())('signals on %s', (dialect) => {
  let server: TestServer;
  let manager: TestClient;
  let viewer: TestClient;
  let countryAdmin: TestClient;

  beforeAll(async () => {
    server = await createTestServer(dialect);
    await insertSignals(server.database.adapter.db, [
      {
        id: S.s1,
        orgUnitId: F.facilityA1,
        kind: 'outbreak',
        periods: ['202402', '202403'],
        population: 100,
      },
      {
        id: S.s2,
        orgUnitId: F.facilityA2,
        indicatorId: F.anc4Rate,
        kind: 'sustained_shift',
        periods: ['202401', '202402'],
        population: 500,
      },
      {
        id: S.s3,
        orgUnitId: F.districtA,
        indicatorId: F.anc4Rate,
        kind: 'sustained_shift',
        periods: ['202402', '202403'],
        population: 500,
        status: 'acknowledged',
      },
      { id: S.s4, orgUnitId: F.facilityA1, kind: 'single_point', periods: ['202403'] },
      {
        id: S.s5,
        orgUnitId: F.facilityA2,
        kind: 'single_point',
        periods: ['202401'],
        population: 50,
        status: 'dismissed',
        statusReason: 'data entry error',
      },
      {
        id: S.s6,
        orgUnitId: F.facilityB1,
        kind: 'trend',
        periods: ['202401', '202402', '202403'],
        population: 80,
      },
      { id: S.s7, orgUnitId: F.facilityC1, kind: 'outbreak', periods: ['202403'], population: 900 },
      {
        id: S.s8,
        orgUnitId: F.districtA,
        kind: 'runs',
        periods: ['202401'],
        population: 10,
        status: 'under_review',
      },
      {
        id: S.s9,
        orgUnitId: F.facilityA1,
        kind: 'peer_outlier',
        periods: ['2024W9'],
        population: 20,
      },
      {
        id: S.s10,
        orgUnitId: F.facilityA1,
        kind: 'peer_outlier',
        periods: ['2024W10'],
        population: 20,
      },
    ]);
    manager = await server.as([{ role: 'manager', orgUnitId: F.districtA }]);
    viewer = await server.as([{ role: 'viewer', orgUnitId: F.districtA }]);
    countryAdmin = await server.as([{ role: 'admin', orgUnitId: F.country }]);
  });
  afterAll(() => server.close());

  it('lists only the district’s subtree, in priority order, with matching counts', async () => {
    const response = await manager.get('/api/signals');
    expect(response.statusCode).toBe(200);
    const body = response.json<SignalListResponse>();
    expect(ids(body)).toEqual(DISTRICT_A_ORDER);
    expect(body.total).toBe(8);
    expect(body.countsByKind).toEqual({
      outbreak: 1,
      sustained_shift: 2,
      trend: 0,
      single_point: 2,
      runs: 1,
      peer_outlier: 2,
    });
    expect(body.countsByStatus).toEqual({
      new: 5,
      acknowledged: 1,
      under_review: 1,
      actioned: 0,
      dismissed: 1,
    });
    const first = body.signals[0];
    expect(first).toMatchObject({
      indicator: { id: F.anc1Count, name: 'ANC1 visits' },
      orgUnit: { id: F.facilityA1, name: 'Facility A1', level: 4 },
      kind: 'outbreak',
      periods: ['202402', '202403'],
      firstPeriod: '202402',
      lastPeriod: '202403',
      explanation: { code: 'outbreak.test', values: { value: 42, limit: 30 } },
      status: 'new',
      reason: null,
      stillPresent: true,
      population: 100,
    });
    const all = (await countryAdmin.get('/api/signals')).json<SignalListResponse>();
    expect(all.total).toBe(10);
    expect(ids(all).slice(0, 2)).toEqual([S.s7, S.s1]);
  });

  it('filters by subtree, indicator, kinds, statuses and period overlap, and pages', async () => {
    const get = async (query: string) => {
      const response = await viewer.get(`/api/signals?${query}`);
      expect(response.statusCode).toBe(200);
      return response.json<SignalListResponse>();
    };
    expect(ids(await get(`orgUnit=${F.facilityA1}`))).toEqual([S.s1, S.s4, S.s10, S.s9]);
    expect(ids(await get(`indicator=${F.anc4Rate}`))).toEqual([S.s3, S.s2]);
    const kinds = await get('kind=sustained_shift&kind=outbreak');
    expect(ids(kinds)).toEqual([S.s1, S.s3, S.s2]);
    expect(kinds.countsByKind).toMatchObject({ outbreak: 1, sustained_shift: 2, runs: 0 });
    expect(kinds.countsByStatus).toMatchObject({ new: 2, acknowledged: 1 });
    expect(ids(await get('kind=runs'))).toEqual([S.s8]);
    const statuses = await get('status=acknowledged&status=dismissed');
    expect(ids(statuses)).toEqual([S.s3, S.s5]);
    expect(statuses.total).toBe(2);
    // March 2024: 2024W9 ends on 3 March, so it overlaps.
    expect(ids(await get('start=202403&end=202403'))).toEqual([S.s1, S.s3, S.s4, S.s10, S.s9]);
    expect(ids(await get('end=202401'))).toEqual([S.s2, S.s5, S.s8]);
    const page = await get('limit=2&offset=1');
    expect(ids(page)).toEqual([S.s3, S.s2]);
    expect(page.total).toBe(8);
    expect(page.countsByStatus.new).toBe(5);
  });

  it('refuses a subtree outside the scope and bad periods, naming the field', async () => {
    const outside = await viewer.get(`/api/signals?orgUnit=${F.districtC}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ error: 'forbidden' });
    const badPeriod = await viewer.get('/api/signals?start=2024-13');
    expect(badPeriod.statusCode).toBe(422);
    expect(badPeriod.json().issues[0]).toMatchObject({ field: 'querystring.start' });
    const reversed = await viewer.get('/api/signals?start=202403&end=202401');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().issues[0]).toMatchObject({
      field: 'querystring.end',
      code: 'period_order',
    });
    const badKind = await viewer.get('/api/signals?kind=volcano');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().issues[0].field).toMatch(/^querystring\.kind/);
    expect((await server.anonymous().get('/api/signals')).statusCode).toBe(401);
  });

  it('shows one signal in scope and answers 404 for one outside, without leaking it', async () => {
    const inside = await viewer.get(`/api/signals/${S.s3}`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json<{ signal: Signal }>().signal).toMatchObject({
      id: S.s3,
      orgUnit: { id: F.districtA, name: 'District A', level: 3 },
      status: 'acknowledged',
    });
    const outside = await viewer.get(`/api/signals/${S.s6}`);
    const unknown = await viewer.get('/api/signals/SigNoSuch01');
    expect(outside.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(outside.json().message).toBe(`Signal ${S.s6} was not found`);
    expect(outside.body).not.toContain('District B');
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/signals', '/api/signals/{id}', '/api/signals/bulk']),
    );
  });

  it('lets only managers change a status, in scope, with the CSRF token', async () => {
    const byViewer = await viewer.patch(`/api/signals/${S.s1}`, { status: 'acknowledged' });
    expect(byViewer.statusCode).toBe(403);
    const outside = await manager.patch(`/api/signals/${S.s6}`, { status: 'acknowledged' });
    expect(outside.statusCode).toBe(404);
    const noCsrf = await manager.request({
      method: 'PATCH',
      url: `/api/signals/${S.s1}`,
      payload: { status: 'acknowledged' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: 'csrf_token_invalid' });
    const unchanged = await manager.get(`/api/signals/${S.s1}`);
    expect(unchanged.json<{ signal: Signal }>().signal.status).toBe('new');
  });

  it('follows the lifecycle, refuses invalid transitions and audits each change', async () => {
    const patch = (id: string, body: unknown) => manager.patch(`/api/signals/${id}`, body);

    const skip = await patch(S.s1, { status: 'under_review' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ error: 'conflict' });
    expect(skip.json().issues[0]).toMatchObject({ field: 'params.id', code: 'invalid_transition' });

    for (const reason of [undefined, '   ']) {
      const noReason = await patch(S.s1, { status: 'dismissed', reason });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().issues[0]).toMatchObject({ field: 'body.reason', code: 'required' });
    }

    const acknowledged = await patch(S.s1, { status: 'acknowledged' });
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json<{ signal: Signal }>().signal).toMatchObject({
      status: 'acknowledged',
      reason: null,
      statusChangedBy: manager.userId,
    });
    expect(
      (await patch(S.s1, { status: 'under_review', reason: 'district team' })).statusCode,
    ).toBe(200);
    expect((await patch(S.s1, { status: 'actioned' })).statusCode).toBe(200);
    const afterActioned = await patch(S.s1, { status: 'dismissed', reason: 'too late' });
    expect(afterActioned.statusCode).toBe(409);
    expect(afterActioned.json().message).toContain('allowed: none');

    // Reopening a dismissed signal.
    const reopened = await patch(S.s5, { status: 'acknowledged' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json<{ signal: Signal }>().signal).toMatchObject({
      status: 'acknowledged',
      reason: null,
    });
    const dismissed = await patch(S.s5, { status: 'dismissed', reason: ' duplicate of another ' });
    expect(dismissed.json<{ signal: Signal }>().signal).toMatchObject({
      status: 'dismissed',
      reason: 'duplicate of another',
    });

    const audit = await server.database.adapter.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType', 'entityId', 'orgUnitId', 'userId', 'before', 'after'])
      .where('entityType', '=', 'signal')
      .where('entityId', '=', S.s1)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.orgUnitId, a.userId])).toEqual([
      ['update', F.facilityA1, manager.userId],
      ['update', F.facilityA1, manager.userId],
      ['update', F.facilityA1, manager.userId],
    ]);
    const transitions = audit.map((a) => {
      const before = JSON.parse(a.before!) as { status: string };
      const after = JSON.parse(a.after!) as { status: string; reason: string | null };
      return [before.status, after.status, after.reason];
    });
    expect(transitions).toEqual([
      ['new', 'acknowledged', null],
      ['acknowledged', 'under_review', 'district team'],
      ['under_review', 'actioned', null],
    ]);
  });

  it('changes several signals all or nothing, naming the id at fault', async () => {
    const post = (body: unknown) => manager.post('/api/signals/bulk', body);
    const statusOf = async (id: string) =>
      (await countryAdmin.get(`/api/signals/${id}`)).json<{ signal: Signal }>().signal.status;

    const outOfScope = await post({ ids: [S.s2, S.s6], status: 'dismissed', reason: 'noise' });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().issues).toEqual([
      expect.objectContaining({ field: 'body.ids.1', code: 'not_found' }),
    ]);
    const invalid = await post({ ids: [S.s2, S.s1], status: 'dismissed', reason: 'noise' });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().issues).toEqual([
      expect.objectContaining({ field: 'body.ids.1', code: 'invalid_transition' }),
    ]);
    const noReason = await post({ ids: [S.s2], status: 'dismissed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues[0]).toMatchObject({ field: 'body.reason' });
    const byViewer = await viewer.post('/api/signals/bulk', {
      ids: [S.s2],
      status: 'acknowledged',
    });
    expect(byViewer.statusCode).toBe(403);
    expect(await statusOf(S.s2)).toBe('new');
    expect(await statusOf(S.s6)).toBe('new');

    const ok = await post({ ids: [S.s2, S.s4], status: 'acknowledged' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ signals: Signal[] }>().signals.map((s) => [s.id, s.status])).toEqual([
      [S.s2, 'acknowledged'],
      [S.s4, 'acknowledged'],
    ]);
    const audited = await server.database.adapter.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('entityType', '=', 'signal')
      .where('entityId', 'in', [S.s2, S.s4, S.s6])
      .execute();
    expect(audited.map((a) => a.entityId).sort()).toEqual([S.s2, S.s4].sort());
    const counts = (await manager.get('/api/signals')).json<SignalListResponse>().countsByStatus;
    expect(counts).toEqual({ new: 2, acknowledged: 3, under_review: 1, actioned: 1, dismissed: 1 });
  });
});
