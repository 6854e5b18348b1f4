/**
 * The AuditRepo contract on every store, and tampering: rows are edited, deleted, reordered and
 * inserted directly in the database, and verification must fail naming the first bad entry.
 */

import { expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Store } from '@argus/app';
import { assertAuditIntact, auditAppend, auditSink, exportAudit, verifyAudit } from '@argus/app/audit';
import { ArgusError } from '@argus/core';
import { describeEachStore } from './harness.js';

let tick = 0;
const clock = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) };

/** Runs raw SQL on whichever database the store wraps (the store's own db/pool accessor). */
async function raw(store: Store, sql: string, params: (string | number)[] = []): Promise<void> {
  if (store.kind === 'sqlite') {
    // $n placeholders become positional ?, with the parameters repeated in order of appearance.
    const ordered = [...sql.matchAll(/\$(\d+)/g)].map((m) => params[Number(m[1]) - 1] as string | number);
    (store as unknown as { db: Database.Database }).db.prepare(sql.replace(/\$\d+/g, '?')).run(...ordered);
  } else {
    await (store as unknown as { pool: pg.Pool }).pool.query(sql, params);
  }
}

describeEachStore('audit log', (fx) => {
  let n = 0;
  /** A fresh agency with `count` entries, so each test tampers with its own chain. */
  async function seeded(count: number) {
    const agency = `audit-${++n}`;
    const s = fx.store().forAgency(agency);
    for (let i = 0; i < count; i++) {
      await auditAppend(s, clock, {
        actor: i % 2 ? 'bob' : 'alice',
        action: 'case.note',
        subject: `case:c${i}`,
        before: { n: i },
        after: { n: i + 1, nested: { b: 1, a: [1, 'x'] } },
      });
    }
    return { agency, s };
  }

  it('appends a gap-free chain per agency and verifies it', async () => {
    const { s } = await seeded(5);
    const other = fx.store().forAgency('audit-other');
    await auditAppend(other, clock, { actor: 'x', action: 'auth.login', subject: 'user:x' });
    const rows = await s.audit.list();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.after).toEqual({ n: 3, nested: { b: 1, a: [1, 'x'] } });
    expect(await s.audit.count()).toBe(5);
    expect((await s.audit.head())?.seq).toBe(5);
    expect(await verifyAudit(s)).toMatchObject({ ok: true, entries: 5 });
    expect(await verifyAudit(other)).toMatchObject({ ok: true, entries: 1 });
    expect((await s.audit.list({ actor: 'bob' })).map((r) => r.seq)).toEqual([2, 4]);
    expect((await s.audit.list({ afterSeq: 3, limit: 1 })).map((r) => r.seq)).toEqual([4]);
  });

  it('concurrent appends never fork the chain', async () => {
    const { s } = await seeded(0);
    await Promise.all(Array.from({ length: 20 }, (_, i) => auditAppend(s, clock, { actor: 'a', action: 'x', subject: `s${i}` })));
    expect(await verifyAudit(s)).toMatchObject({ ok: true, entries: 20 });
  });

  it('the server hook shape lands in the chain', async () => {
    const sink = auditSink((a) => fx.store().forAgency(a), clock);
    await sink({ agencyId: 'audit-sink', actor: 'admin', action: 'auth.login', subject: 'user:admin', details: { ip: '127.0.0.1' } });
    const rows = await fx.store().forAgency('audit-sink').audit.list();
    expect(rows).toMatchObject([{ actor: 'admin', action: 'auth.login', after: { ip: '127.0.0.1' } }]);
  });

  it('exports JSON lines that re-verify', async () => {
    const { s } = await seeded(3);
    const lines: string[] = [];
    expect(await exportAudit(s, (l) => void lines.push(l))).toBe(3);
    expect(JSON.parse(lines[2] ?? '{}')).toMatchObject({ seq: 3, actor: 'alice' });
  });

  it('detects an EDITED row and names it', async () => {
    const { agency, s } = await seeded(5);
    await raw(fx.store(), `UPDATE audit_log SET actor = 'mallory' WHERE agency_id = $1 AND seq = 3`, [agency]);
    expect(await verifyAudit(s)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
    await expect(assertAuditIntact(s)).rejects.toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', message: expect.stringContaining('#3') });
  });

  it('detects an edited before/after payload', async () => {
    const { agency, s } = await seeded(4);
    await raw(fx.store(), `UPDATE audit_log SET after_json = '{"n":99}' WHERE agency_id = $1 AND seq = 2`, [agency]);
    expect(await verifyAudit(s)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'hash_mismatch' });
  });

  it('detects an edit whose hash was recomputed, at the next entry', async () => {
    const { agency, s } = await seeded(4);
    const rows = await s.audit.list();
    const { chainEvent } = await import('@argus/core/audit');
    const forged = chainEvent(rows[0], {
      agencyId: agency,
      actor: 'mallory',
      action: 'case.note',
      subject: 'case:c1',
      time: rows[1]?.time ?? '',
    });
    await raw(
      fx.store(),
      `UPDATE audit_log SET actor = $1, before_json = NULL, after_json = NULL, hash = $2 WHERE agency_id = $3 AND seq = 2`,
      ['mallory', forged.hash, agency],
    );
    expect(await verifyAudit(s)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'prev_hash_mismatch' });
  });

  it('detects a DELETED row and names where the gap is', async () => {
    const { agency, s } = await seeded(5);
    await raw(fx.store(), 'DELETE FROM audit_log WHERE agency_id = $1 AND seq = 2', [agency]);
    const v = await verifyAudit(s);
    expect(v).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'seq_gap' });
    await expect(assertAuditIntact(s)).rejects.toBeInstanceOf(ArgusError);
  });

  it('detects a deletion with renumbered seqs, by the broken link', async () => {
    const { agency, s } = await seeded(5);
    await raw(fx.store(), 'DELETE FROM audit_log WHERE agency_id = $1 AND seq = 2', [agency]);
    for (const seq of [3, 4, 5])
      await raw(fx.store(), 'UPDATE audit_log SET seq = $1 WHERE agency_id = $2 AND seq = $3', [seq - 1, agency, seq]);
    expect(await verifyAudit(s)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'prev_hash_mismatch' });
  });

  it('detects REORDERED rows (seq numbers swapped)', async () => {
    const { agency, s } = await seeded(5);
    await raw(fx.store(), 'UPDATE audit_log SET seq = -1 WHERE agency_id = $1 AND seq = 2', [agency]);
    await raw(fx.store(), 'UPDATE audit_log SET seq = 2 WHERE agency_id = $1 AND seq = 4', [agency]);
    await raw(fx.store(), 'UPDATE audit_log SET seq = 4 WHERE agency_id = $1 AND seq = -1', [agency]);
    expect(await verifyAudit(s)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'prev_hash_mismatch' });
  });

  it('detects an INSERTED row', async () => {
    const { agency, s } = await seeded(3);
    await raw(
      fx.store(),
      `INSERT INTO audit_log (agency_id, seq, time, actor, action, subject, before_json, after_json, prev_hash, hash)
       VALUES ($1, 4, 't', 'mallory', 'x', 'y', NULL, NULL, $2, $2)`,
      [agency, 'f'.repeat(64)],
    );
    expect(await verifyAudit(s)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'prev_hash_mismatch' });
  });
});
