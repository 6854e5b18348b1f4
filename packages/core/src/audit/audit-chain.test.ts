import { describe, expect, it } from 'vitest';
import { type AuditEvent, chainEvent, GENESIS_HASH, verifyAuditChain } from './audit-chain.js';

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      chainEvent(out.at(-1), {
        actor: i % 2 ? 'bob' : 'alice',
        agencyId: 'a1',
        action: 'case.note',
        subject: `case:c${i}`,
        before: i === 0 ? undefined : { status: 'open' },
        after: { status: 'in_review', n: i },
        time: `2024-01-0${(i % 9) + 1}T00:00:00.000Z`,
      }),
    );
  }
  return out;
}

describe('audit chain', () => {
  it('links each entry to the previous hash and verifies intact', () => {
    const c = chain(5);
    expect(c[0]?.prevHash).toBe(GENESIS_HASH);
    expect(c[1]?.prevHash).toBe(c[0]?.hash);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyAuditChain(c)).toMatchObject({ ok: true, entries: 5, headHash: c[4]?.hash });
    expect(verifyAuditChain([])).toMatchObject({ ok: true, entries: 0 });
  });

  it('hash does not depend on key order of before/after', () => {
    const a = chainEvent(undefined, { actor: 'x', agencyId: 'a', action: 'y', subject: 's', after: { a: 1, b: 2 }, time: 't' });
    const b = chainEvent(undefined, { actor: 'x', agencyId: 'a', action: 'y', subject: 's', after: { b: 2, a: 1 }, time: 't' });
    expect(a.hash).toBe(b.hash);
  });

  it('names an edited entry', () => {
    const c = chain(5);
    c[2] = { ...(c[2] as AuditEvent), actor: 'mallory' };
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
  });

  it('names the entry after a deletion', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'seq_gap' });
  });

  it('names a reordered entry even when seq numbers are rewritten', () => {
    const c = chain(5);
    const [x, y] = [c[1] as AuditEvent, c[2] as AuditEvent];
    c[1] = { ...y, seq: 2 };
    c[2] = { ...x, seq: 3 };
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'prev_hash_mismatch' });
  });

  it('names an inserted entry even if its hash was recomputed', () => {
    const c = chain(3);
    const forged = chainEvent(c[0], { actor: 'm', agencyId: 'a1', action: 'x', subject: 's', time: 't' });
    const tampered = [c[0] as AuditEvent, forged, { ...(c[1] as AuditEvent), seq: 3 }, { ...(c[2] as AuditEvent), seq: 4 }];
    expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'prev_hash_mismatch' });
  });

  it('detects truncation of the head only through the stored head hash', () => {
    // Dropping the newest entries leaves a valid prefix: callers compare headHash with an anchor.
    const c = chain(4);
    const v = verifyAuditChain(c.slice(0, 3));
    expect(v.ok && v.headHash).toBe(c[2]?.hash);
  });
});
