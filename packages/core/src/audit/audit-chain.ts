/** Hash-chained audit events: each entry's hash covers its content and the previous entry's hash. */

import { createHash } from 'node:crypto';
import { canonicalJson } from '../versions/canonical-json.js';

/** The hash the first entry of an agency's chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a use case says happened; the chain adds seq, prev_hash and hash. */
export interface AuditEventInput {
  /** Username (or API key id) of whoever acted. */
  readonly actor: string;
  readonly agencyId: string;
  /** `case.open`, `case.transition`, `list.import`, `auth.login` … */
  readonly action: string;
  /** What was acted on: `case:case_…`, `alert:…`, `user:…`. */
  readonly subject: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** ISO 8601 instant. */
  readonly time: string;
}

export interface AuditEvent extends AuditEventInput {
  /** 1, 2, 3 … within the agency, without gaps. */
  readonly seq: number;
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical serialisation of every other field, prevHash included. */
  readonly hash: string;
}

/** The exact text that is hashed: canonical JSON, so field order and whitespace never change a hash. */
export function canonicalAuditText(e: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson({
    v: 1,
    seq: e.seq,
    agencyId: e.agencyId,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    before: e.before ?? null,
    after: e.after ?? null,
    time: e.time,
    prevHash: e.prevHash,
  });
}

export function auditHash(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalAuditText(e), 'utf8').digest('hex');
}

/** The next entry after `previous` (undefined: the chain is empty). */
export function chainEvent(previous: Pick<AuditEvent, 'seq' | 'hash'> | undefined, input: AuditEventInput): AuditEvent {
  const unhashed = {
    ...input,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unhashed, hash: auditHash(unhashed) };
}

export type AuditBreak =
  /** The entry's content no longer matches its own hash: it was edited. */
  | 'hash_mismatch'
  /** The entry does not link to the one before it: something was deleted, inserted or reordered. */
  | 'prev_hash_mismatch'
  /** Sequence numbers skip or repeat: an entry was deleted or inserted. */
  | 'seq_gap';

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly headHash: string }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The seq of the first entry that fails (as stored, or the expected seq when the stored one is off). */
      readonly firstBadSeq: number;
      /** Position (0-based) in the order read. */
      readonly index: number;
      readonly reason: AuditBreak;
      readonly message: string;
    };

/**
 * Verifies a chain read in storage order. Names the first bad entry: the first whose seq is not the
 * expected one, whose prev_hash is not the previous entry's hash, or whose hash does not cover its content.
 * Streaming-friendly: call `createAuditVerifier` and feed entries one at a time for large logs.
 */
export function verifyAuditChain(events: Iterable<AuditEvent>): AuditVerification {
  const v = createAuditVerifier();
  for (const e of events) {
    const bad = v.push(e);
    if (bad) return bad;
  }
  return v.finish();
}

export interface AuditVerifier {
  /** Returns the failure at this entry, or undefined while the chain holds. */
  push(e: AuditEvent): Extract<AuditVerification, { ok: false }> | undefined;
  finish(): AuditVerification;
}

export function createAuditVerifier(): AuditVerifier {
  let count = 0;
  let prevHash = GENESIS_HASH;
  const fail = (e: AuditEvent, reason: AuditBreak, firstBadSeq: number, detail: string) => ({
    ok: false as const,
    entries: count,
    firstBadSeq,
    index: count,
    reason,
    message: `entry #${firstBadSeq} (${e.action} on ${e.subject} by ${e.actor} at ${e.time}): ${detail}`,
  });
  return {
    push(e) {
      const expected = count + 1;
      if (e.seq !== expected) {
        return fail(e, 'seq_gap', expected, `expected seq ${expected} but found ${e.seq} (an entry was deleted, inserted or moved)`);
      }
      if (e.prevHash !== prevHash) {
        return fail(e, 'prev_hash_mismatch', e.seq, 'prev_hash does not match the previous entry (reordered, deleted or inserted)');
      }
      const { hash: _stored, ...rest } = e;
      if (auditHash(rest) !== e.hash) return fail(e, 'hash_mismatch', e.seq, 'content does not match its hash (edited)');
      count++;
      prevHash = e.hash;
      return undefined;
    },
    finish() {
      return { ok: true, entries: count, headHash: prevHash };
    },
  };
}
