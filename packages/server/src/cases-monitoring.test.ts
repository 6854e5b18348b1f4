import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alert, csrf, defaultAlerts, transactions } from './cases.test-helpers.js';
import { type TestServer, testServer } from './server.test-helpers.js';

// The queue and case routes over the store's own monitoring repository (no in-memory stand-in):
// assignees stored on the alert, one-hop expansion through transactionsOfAccount.
describe('alert queue and cases over the monitoring store', () => {
  let t: TestServer;
  const as: Record<string, string> = {};
  beforeAll(async () => {
    t = await testServer({ screening: false });
    for (const [agency, name, role] of [
      ['default', 'alice', 'analyst'],
      ['default', 'carol', 'analyst'],
      ['agency-b', 'eve', 'reviewer'],
    ] as const) {
      await t.user(agency, name, role);
      as[name] = await t.login(name);
    }
    const m = t.store.forAgency('default').monitoring;
    await m.insertTransactions(transactions());
    await m.upsertAlerts(defaultAlerts());
    await t.store.forAgency('agency-b').monitoring.upsertAlerts([alert('al_b', { accounts: ['B-1'], transactions: [] })]);
  });
  afterAll(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: as[who] as string, ...(method === 'GET' ? {} : csrf) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const ids = async (q: string, who = 'alice') =>
    (await call(who, 'GET', `/api/alerts/queue${q}`)).json().items.map((i: { alert: { id: string } }) => i.alert.id);

  it('queues, filters and assigns alerts stored by monitoring', async () => {
    expect(await ids('')).toEqual(['al_old', 'al_cycle', 'al_fan']);
    expect(await ids('?severity=critical')).toEqual(['al_cycle']);
    expect(await ids('', 'eve')).toEqual(['al_b']);
    const r = await call('alice', 'POST', '/api/alerts/assign', { alertIds: ['al_fan', 'al_b'], assignee: 'carol' });
    expect(r.json()).toEqual({ assigned: ['al_fan'], missing: ['al_b'] });
    expect(await t.store.forAgency('default').monitoring.getAlert('al_fan')).toMatchObject({ status: 'assigned', assignee: 'carol' });
    expect(await ids('?assignee=me', 'carol')).toEqual(['al_fan']);
    expect(await ids('?assignee=none')).toEqual(['al_old', 'al_cycle']);
  });

  it('escalates to a case whose transactions, network and expansion come from the store', async () => {
    const r = await call('alice', 'POST', '/api/alerts/al_old/escalate', {});
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().case.id as string;
    expect((await t.store.forAgency('default').monitoring.getAlert('al_old'))?.status).toBe('escalated');
    const detail = (await call('alice', 'GET', `/api/cases/${id}`)).json();
    expect(detail.transactions.map((x: { id: string }) => x.id)).toEqual(['tx_1', 'tx_2']);
    const x = (await call('alice', 'GET', `/api/cases/${id}/network/expand?account=ACC-9`)).json();
    expect(x.source).toBe('transactions');
    expect(x.edges.map((e: { id: string }) => e.id)).toEqual(['tx_1', 'tx_2', 'tx_3']);
    expect((await call('eve', 'GET', `/api/cases/${id}/network`)).statusCode).toBe(404);
  });
});
