import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './server.test-helpers.js';

const csrf = { 'x-argus-csrf': '1' };

const tx = (id: string, time: string, amount: number, from: string, to: string, more: Record<string, unknown> = {}) => ({
  id,
  time,
  amount,
  currency: 'USD',
  originator: { account: from, country: 'PK' },
  beneficiary: { account: to, country: 'PK' },
  ...more,
});

describe('monitoring API', () => {
  let t: TestServer;
  let analyst = '';
  let admin = '';
  let auditor = '';
  let other = '';
  beforeAll(async () => {
    t = await testServer({ screening: false });
    await t.user('default', 'ana', 'analyst');
    await t.user('default', 'root', 'admin');
    await t.user('default', 'aud', 'auditor');
    await t.user('agency-b', 'bob', 'analyst');
    analyst = await t.login('ana');
    admin = await t.login('root');
    auditor = await t.login('aud');
    other = await t.login('bob');
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (cookie: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/transactions', headers: { cookie, ...csrf }, payload: payload as Record<string, unknown> });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  const batch = [
    tx('H1', '2026-02-01T09:00:00Z', 9500, 'CASH-1', 'ACC-S', { channel: 'cash' }),
    tx('H2', '2026-02-01T15:00:00Z', 9700, 'CASH-2', 'ACC-S', { channel: 'cash' }),
    tx('H3', '2026-02-02T10:00:00Z', 9400, 'CASH-3', 'ACC-S', { channel: 'cash' }),
    { id: 'H4', time: '2026-02-02T11:00:00Z', amount: 'ten', currency: 'USD', originator: 'A', beneficiary: 'B' },
    tx('H5', '2026-02-02T12:00:00Z', 100, 'ACC-S', 'ACC-T', { channel: 'carrier pigeon' }),
  ];

  it('needs a principal with alerts:write to ingest', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/transactions', headers: csrf, payload: [] });
    expect(anon.statusCode).toBe(401);
    expect((await post(auditor, batch)).statusCode).toBe(403);
  });

  it('ingests a batch, answering each bad record by index and field, and the alerts it raised', async () => {
    const r = await post(analyst, batch);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ read: 5, new: 3, duplicates: 0, rejected: 2 });
    expect(body.rejections).toEqual([
      { index: 3, id: 'H4', field: 'amount', reason: expect.stringContaining('decimal amount') },
      { index: 4, id: 'H5', field: 'channel', reason: expect.stringContaining('carrier pigeon') },
    ]);
    expect(body.alerts.map((a: { type: string }) => a.type)).toContain('structuring');

    const replay = await post(analyst, { transactions: batch.slice(0, 3), source: 'core-banking' });
    expect(replay.json()).toMatchObject({ read: 3, new: 0, duplicates: 3, alertsNew: 0, alerts: [] });

    // Each ingest is a write to the agency's records: audited with who, which source and what it stored.
    const audited = await t.store.forAgency('default').audit.list({ action: 'transactions.ingest' });
    expect(audited.map((e) => [e.actor, e.subject, e.after])).toEqual([
      ['ana', 'transactions:api', { read: 5, new: 3, duplicates: 0, rejected: 2, alertsNew: body.alertsNew, alertsUpdated: 0 }],
      ['ana', 'transactions:core-banking', { read: 3, new: 0, duplicates: 3, rejected: 0, alertsNew: 0, alertsUpdated: 0 }],
    ]);
    expect(body.alertsNew).toBeGreaterThan(0);
    expect(await t.store.forAgency('agency-b').audit.list({ action: 'transactions.ingest' })).toEqual([]);
  });

  it('refuses a malformed envelope', async () => {
    const r = await post(analyst, { records: [] });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('INPUT_INVALID');
  });

  it('lists and reads alerts, per agency', async () => {
    const list = await get(analyst, '/api/alerts?type=structuring');
    expect(list.statusCode).toBe(200);
    const { items, total } = list.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ type: 'structuring', status: 'new' });
    expect(items[0].accounts).toContain('ACC-S');
    expect((await get(analyst, '/api/alerts?severity=low,medium,high,critical&limit=1')).json().items).toHaveLength(1);
    expect((await get(analyst, '/api/alerts?severity=urgent')).statusCode).toBe(400);

    const one = await get(analyst, `/api/alerts/${items[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(
      one
        .json()
        .transactions.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual(['H1', 'H2', 'H3']);
    const missing = await get(analyst, '/api/alerts/structuring-0000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ALERT_NOT_FOUND');

    expect((await get(other, '/api/alerts')).json()).toEqual({ items: [], total: 0 });
    expect((await get(other, `/api/alerts/${items[0].id}`)).statusCode).toBe(404);
    expect((await get(auditor, '/api/alerts')).json().total).toBeGreaterThan(0);
  });

  it('lists rejected records', async () => {
    const r = await get(auditor, '/api/monitoring/rejected');
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((x: { line: number; field: string; file: string }) => [x.file, x.line, x.field])).toEqual([
      ['api', 5, 'channel'],
      ['api', 4, 'amount'],
    ]);
  });

  it('versions the configuration: admins save, everyone with alerts:read reads, and evaluation follows it', async () => {
    const cfg = await get(analyst, '/api/monitoring/config');
    expect(cfg.json()).toMatchObject({ version: 0, config: { version: 1, baseCurrency: 'USD' } });
    const put = (cookie: string, payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/monitoring/config',
        headers: { cookie, ...csrf },
        payload: payload as Record<string, unknown>,
      });
    expect((await put(analyst, { version: 1 })).statusCode).toBe(403);
    const bad = await put(admin, { version: 1, rules: { cash: { threshold: 'lots' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'MONITOR_CONFIG_INVALID' });
    expect(bad.json().detail ?? bad.json().message ?? '').toMatch(/rules\.cash\.threshold/);
    const ok = await put(admin, { version: 1, rules: { cash: { threshold: 500 } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, savedBy: 'root' });
    expect((await get(analyst, '/api/monitoring/config')).json()).toMatchObject({
      version: 1,
      config: { rules: { cash: { threshold: 500 } } },
    });
    expect((await get(analyst, '/api/monitoring/config?version=0')).json().version).toBe(0);
    expect((await get(analyst, '/api/monitoring/config/versions')).json().versions).toEqual([
      expect.objectContaining({ version: 1, savedBy: 'root' }),
    ]);

    // The live engine picks the new version up: 700 in cash is now over the threshold.
    const r = await post(analyst, [tx('H6', '2026-02-03T10:00:00Z', 700, 'ACC-X', 'ACC-Y', { channel: 'cash' })]);
    expect(r.json().alerts.map((a: { type: string }) => a.type)).toContain('cash_threshold');
  });

  it('is in the route table with its permissions', () => {
    const routes = t.app.argusRoutes.filter(
      (r) =>
        r.url.startsWith('/api/transactions') ||
        r.url.startsWith('/api/monitoring') ||
        r.url === '/api/alerts' ||
        r.url === '/api/alerts/:id',
    );
    expect(routes.map((r) => `${r.method} ${r.url} ${r.permission}`).sort()).toEqual([
      'GET /api/alerts alerts:read',
      'GET /api/alerts/:id alerts:read',
      'GET /api/monitoring/config alerts:read',
      'GET /api/monitoring/config/versions alerts:read',
      'GET /api/monitoring/rejected alerts:read',
      'POST /api/transactions alerts:write',
      'PUT /api/monitoring/config admin',
    ]);
  });
});
