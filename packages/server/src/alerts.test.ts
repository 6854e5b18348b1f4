import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CasesTestServer, casesTestServer, csrf } from './cases.test-helpers.js';

describe('alert queue API', () => {
  let t: CasesTestServer;
  beforeAll(async () => {
    t = await casesTestServer();
  });
  afterAll(async () => t.close());

  const queue = async (query: string, who = 'alice') => {
    const r = await t.app.inject({ url: `/api/alerts/queue${query}`, headers: { cookie: t.as[who] as string } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      items: { alert: { id: string }; overdue: boolean; ageHours: number; assignee?: string }[];
      total: number;
      slaHours: number;
    };
  };
  const ids = (q: { items: { alert: { id: string } }[] }) => q.items.map((i) => i.alert.id);

  it('ages alerts against the SLA: overdue first, then severity, then age', async () => {
    const q = await queue('');
    expect(q.slaHours).toBe(48);
    expect(ids(q)).toEqual(['al_old', 'al_cycle', 'al_fan']);
    expect(q.items[0]).toMatchObject({ overdue: true });
    expect(q.items[0]?.ageHours).toBeGreaterThan(59);
    expect(q.items[1]).toMatchObject({ overdue: false });
  });

  it('filters by type, severity, age and overdue', async () => {
    expect(ids(await queue('?type=fan_in'))).toEqual(['al_fan']);
    expect(ids(await queue('?severity=high,critical'))).toEqual(['al_old', 'al_cycle']);
    expect(ids(await queue('?minAgeHours=5'))).toEqual(['al_old', 'al_cycle']);
    expect(ids(await queue('?maxAgeHours=5'))).toEqual(['al_fan']);
    expect(ids(await queue('?overdue=true'))).toEqual(['al_old']);
    expect(ids(await queue('?limit=1&offset=1'))).toEqual(['al_cycle']);
    const bad = await t.app.inject({ url: '/api/alerts/queue?severity=urgent', headers: { cookie: t.as.alice as string } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INPUT_INVALID', field: 'severity.0' });
  });

  it('bulk-assigns, filters by assignee, and refuses users of other agencies', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/alerts/assign',
      headers: { cookie: t.as.alice as string, ...csrf },
      payload: { alertIds: ['al_fan', 'al_cycle', 'al_b'], assignee: 'carol' },
    });
    expect(r.statusCode, r.body).toBe(200);
    // Another agency's alert is reported missing, exactly like an unknown one.
    expect(r.json()).toEqual({ assigned: ['al_fan', 'al_cycle'], missing: ['al_b'] });
    expect(ids(await queue('?assignee=carol'))).toEqual(['al_cycle', 'al_fan']);
    expect(ids(await queue('?assignee=me', 'carol'))).toEqual(['al_cycle', 'al_fan']);
    expect(ids(await queue('?assignee=none'))).toEqual(['al_old']);
    expect((await queue('?assignee=carol')).items[0]?.assignee).toBe('carol');
    expect(t.monitoring.get('default')?.alerts.get('al_fan')?.status).toBe('assigned');
    expect(t.monitoring.get('agency-b')?.alerts.get('al_b')?.status).toBe('new');

    for (const assignee of ['eve', 'nobody', 'audrey']) {
      const x = await t.app.inject({
        method: 'POST',
        url: '/api/alerts/assign',
        headers: { cookie: t.as.alice as string, ...csrf },
        payload: { alertIds: ['al_old'], assignee },
      });
      expect(x.statusCode, assignee).toBe(400);
      expect(x.json()).toMatchObject({ code: 'INPUT_INVALID', field: 'assignee' });
    }
  });

  it('dismisses as a false positive only with a reason, once', async () => {
    const url = '/api/alerts/al_fan/dispose';
    const headers = { cookie: t.as.alice as string, ...csrf };
    const none = await t.app.inject({ method: 'POST', url, headers, payload: { reason: '   ' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().field).toBe('reason');
    const ok = await t.app.inject({ method: 'POST', url, headers, payload: { reason: 'payroll run of a known employer' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ alertId: 'al_fan', status: 'dismissed' });
    expect(ids(await queue(''))).not.toContain('al_fan');
    expect(ids(await queue('?status=dismissed'))).toEqual(['al_fan']);
    const again = await t.app.inject({ method: 'POST', url, headers, payload: { reason: 'again' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
  });

  it("keeps agencies apart: another agency's alert is 404, its queue holds only its own", async () => {
    const eve = t.as.eve as string;
    expect(ids(await queue('', 'eve'))).toEqual(['al_b']);
    for (const path of ['dispose', 'escalate']) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/alerts/al_old/${path}`,
        headers: { cookie: eve, ...csrf },
        payload: path === 'dispose' ? { reason: 'x' } : {},
      });
      expect(r.statusCode, path).toBe(404);
      expect(r.json().code).toBe('ALERT_NOT_FOUND');
    }
    expect(t.monitoring.get('default')?.alerts.get('al_old')?.status).toBe('new');
  });

  it('lets an auditor read the queue but not work it', async () => {
    expect((await queue('', 'audrey')).total).toBeGreaterThan(0);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/alerts/al_old/escalate',
      headers: { cookie: t.as.audrey as string, ...csrf },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('AUTH_FORBIDDEN');
  });

  it('escalates an alert to a new case, or links it to an existing one', async () => {
    const headers = { cookie: t.as.alice as string, ...csrf };
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/alerts/al_old/escalate',
      headers,
      payload: { title: 'Structuring by ACC-1' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json().case;
    expect(c).toMatchObject({
      title: 'Structuring by ACC-1',
      status: 'open',
      alertIds: ['al_old'],
      transactionIds: ['tx_1', 'tx_2'],
      createdBy: 'alice',
    });
    expect(c.parties).toEqual([{ kind: 'account', ref: 'ACC-1', role: 'subject' }]);
    expect(t.monitoring.get('default')?.alerts.get('al_old')?.status).toBe('escalated');

    const link = await t.app.inject({ method: 'POST', url: '/api/alerts/al_cycle/escalate', headers, payload: { caseId: c.id } });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json().case.alertIds).toEqual(['al_old', 'al_cycle']);
    expect(link.json().case.parties.map((p: { ref: string }) => p.ref)).toEqual(['ACC-1', 'ACC-9']);
    expect(ids(await queue(''))).toEqual([]);

    const again = await t.app.inject({ method: 'POST', url: '/api/alerts/al_old/escalate', headers, payload: {} });
    expect(again.statusCode).toBe(409);
  });
});
