import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CasesTestServer, casesTestServer, csrf, multipart } from './cases.test-helpers.js';

describe('audit API', () => {
  let t: CasesTestServer;
  beforeAll(async () => {
    t = await casesTestServer();
  });
  afterAll(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: t.as[who] as string, ...(method === 'GET' ? {} : csrf) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const newest = async () => {
    const r = (await call('audrey', 'GET', '/api/audit?limit=1000')).json();
    return r.items.at(-1) as {
      seq: number;
      action: string;
      actor: string;
      subject: string;
      before?: unknown;
      after?: Record<string, unknown>;
    };
  };

  it('appends an entry for every state change of the alert, case and incident routes', async () => {
    const steps: [string, 'POST' | 'PUT', string, unknown, string][] = [
      ['alice', 'POST', '/api/alerts/assign', { alertIds: ['al_fan'], assignee: 'carol' }, 'alert.assign'],
      ['alice', 'POST', '/api/alerts/al_fan/dispose', { reason: 'salary' }, 'alert.dismiss'],
      ['alice', 'POST', '/api/alerts/al_old/escalate', {}, 'case.open'],
    ];
    for (const [who, method, url, payload, action] of steps) {
      const before = (await newest())?.seq ?? 0;
      const r = await call(who, method, url, payload);
      expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
      const e = await newest();
      expect(e.seq, url).toBeGreaterThan(before);
      expect(e, url).toMatchObject({ action, actor: who });
    }
    const id = (await call('alice', 'GET', '/api/cases')).json().items[0].id as string;
    const caseSteps: [string, 'POST' | 'PUT', string, unknown, string][] = [
      ['alice', 'POST', `/api/cases/${id}/notes`, { text: 'n' }, 'case.note'],
      ['alice', 'POST', `/api/cases/${id}/parties`, { parties: [{ kind: 'person', ref: 'p1' }] }, 'case.parties'],
      ['alice', 'PUT', `/api/cases/${id}/assignee`, { assignee: 'carol' }, 'case.assign'],
      ['alice', 'POST', `/api/cases/${id}/alerts`, { alertIds: ['al_cycle'] }, 'case.link'],
      ['alice', 'POST', `/api/cases/${id}/transition`, { to: 'in_review' }, 'case.transition'],
      ['alice', 'POST', `/api/cases/${id}/transition`, { to: 'escalated' }, 'case.transition'],
      ['alice', 'POST', `/api/cases/${id}/report`, { reason: 'r' }, 'case.report.request'],
      ['bob', 'POST', `/api/cases/${id}/report/approve`, undefined, 'case.report.approve'],
      ['alice', 'POST', '/api/incidents', { date: '2026-01-10', type: 'ied', province: 'Balochistan' }, 'incident.record'],
    ];
    for (const [who, method, url, payload, action] of caseSteps) {
      const before = (await newest()).seq;
      const r = await call(who, method, url, payload);
      expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
      const e = await newest();
      expect(e.seq, url).toBe(before + 1);
      expect(e, url).toMatchObject({ action, actor: who });
    }
    const before = (await newest()).seq;
    const up = multipart('note.txt', 'plain text evidence');
    const ev = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/evidence`,
      headers: { cookie: t.as.alice as string, ...csrf, ...up.headers },
      payload: up.payload,
    });
    expect(ev.statusCode).toBe(201);
    const e = await newest();
    expect(e).toMatchObject({ seq: before + 1, action: 'case.evidence', subject: `case:${id}` });
    expect(e.after?.evidence).toMatchObject({ fileName: 'note.txt', contentType: 'text/plain; charset=utf-8', size: 19 });
  });

  it('browses with filters and pages by seq', async () => {
    const byAction = (await call('audrey', 'GET', '/api/audit?action=case.transition')).json();
    expect(byAction.items.map((e: { action: string }) => e.action)).toEqual(['case.transition', 'case.transition']);
    expect(byAction.total).toBeGreaterThan(10);
    const bob = (await call('admin', 'GET', '/api/audit?actor=bob')).json().items;
    expect(bob.map((e: { action: string }) => e.action)).toEqual(['auth.login', 'case.report.approve']);
    const page1 = (await call('audrey', 'GET', '/api/audit?limit=3')).json();
    expect(page1.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    expect(page1.nextAfterSeq).toBe(3);
    const page2 = (await call('audrey', 'GET', `/api/audit?limit=3&afterSeq=${page1.nextAfterSeq}`)).json();
    expect(page2.items[0].seq).toBe(4);
    const future = (await call('audrey', 'GET', '/api/audit?from=2999-01-01')).json();
    expect(future.items).toEqual([]);
    const bad = await call('audrey', 'GET', '/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the log to the auditor and admin roles, and to the agency', async () => {
    for (const who of ['alice', 'bob']) {
      for (const url of ['/api/audit', '/api/audit/verify', '/api/audit/export']) {
        const r = await call(who, 'GET', url);
        expect(r.statusCode, `${who} ${url}`).toBe(403);
      }
    }
    await t.user('agency-b', 'aud-b', 'auditor');
    const b = await t.login('aud-b');
    const items = (await t.app.inject({ url: '/api/audit?limit=1000', headers: { cookie: b } })).json().items;
    expect(items.map((e: { actor: string }) => e.actor)).toEqual(['eve', 'aud-b']);
    expect(items.every((e: { agencyId: string }) => e.agencyId === 'agency-b')).toBe(true);
  });

  it('exports JSON lines that re-verify, and CSV with formulas neutralised; each export is audited', async () => {
    const head = await newest();
    const r = await call('audrey', 'GET', '/api/audit/export?format=jsonl');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="audit-default-\d{4}-\d{2}-\d{2}\.jsonl"/);
    const lines = r.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(head.seq);
    expect(lines.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: head.seq }, (_, i) => i + 1));
    const { verifyAuditChain } = await import('@argus/core/audit');
    expect(verifyAuditChain(lines)).toMatchObject({ ok: true, entries: head.seq });
    const exported = await newest();
    expect(exported).toMatchObject({
      seq: head.seq + 1,
      action: 'audit.export',
      actor: 'audrey',
      after: { format: 'jsonl', uptoSeq: head.seq },
    });

    await call('alice', 'POST', '/api/alerts/assign', { alertIds: ['al_cycle'], assignee: 'carol' });
    const csv = await call('admin', 'GET', '/api/audit/export?format=csv&action=alert.assign');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('seq,time,agencyId,actor,action,subject,before,after,prevHash,hash');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(',alice,alert.assign,alert:al_fan,"{""status"":""new""}"');
  });

  it('verifies the chain, and names the first entry edited, deleted or reordered in the database', async () => {
    const ok = (await call('audrey', 'GET', '/api/audit/verify')).json();
    expect(ok).toMatchObject({ intact: true, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ok.entries).toBeGreaterThan(15);
    const db = (t.store as unknown as { db: { prepare(sql: string): { run(...a: unknown[]): unknown } } }).db;
    db.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE agency_id = ? AND seq = ?`).run('default', 7);
    const edited = (await call('audrey', 'GET', '/api/audit/verify')).json();
    expect(edited).toMatchObject({ intact: false, firstBadSeq: 7, reason: 'hash_mismatch', entries: 6 });
    expect(edited.message).toContain('#7');
    db.prepare(`UPDATE audit_log SET actor = 'alice' WHERE agency_id = ? AND seq = ?`).run('default', 7);
    const restored = (await call('audrey', 'GET', '/api/audit/verify')).json();
    expect(restored.intact).toBe(true);
    db.prepare('DELETE FROM audit_log WHERE agency_id = ? AND seq = ?').run('default', 4);
    const deleted = (await call('audrey', 'GET', '/api/audit/verify')).json();
    expect(deleted).toMatchObject({ intact: false, firstBadSeq: 4, reason: 'seq_gap' });
  });
});
