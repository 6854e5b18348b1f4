/** Audit use cases: append (used by every state-changing use case), verify the chain, export it. */

import { ArgusError } from '@argus/core';
import { type AuditEvent, type AuditVerification, createAuditVerifier } from '@argus/core/audit';
import type { AgencyStore } from '../ports/store.js';
import type { Clock } from '../ports/clock.js';

export interface AuditEntryInput {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends one entry at the clock's time. */
export async function auditAppend(store: AgencyStore, clock: Clock, entry: AuditEntryInput): Promise<AuditEvent> {
  return store.audit.append({ ...entry, time: clock.now().toISOString() });
}

/**
 * A sink in the shape the server's audit hook calls (`{ agencyId, actor, action, subject, details }`),
 * so logins and admin actions land in the same chain as case actions.
 */
export function auditSink(
  forAgency: (agencyId: string) => AgencyStore,
  clock: Clock,
): (note: {
  agencyId: string;
  actor: string;
  action: string;
  subject: string;
  details?: Readonly<Record<string, unknown>>;
}) => Promise<void> {
  return async (note) => {
    await auditAppend(forAgency(note.agencyId), clock, {
      actor: note.actor,
      action: note.action,
      subject: note.subject,
      ...(note.details !== undefined ? { after: note.details } : {}),
    });
  };
}

const PAGE = 1000;

/** Reads the agency's whole chain in pages and verifies it; names the first bad entry. */
export async function verifyAudit(store: AgencyStore): Promise<AuditVerification> {
  const v = createAuditVerifier();
  let after = 0;
  for (;;) {
    const page = await store.audit.list({ afterSeq: after, limit: PAGE });
    for (const e of page) {
      const bad = v.push(e);
      if (bad) return bad;
    }
    if (page.length < PAGE) break;
    after = (page.at(-1) as AuditEvent).seq;
  }
  return v.finish();
}

/** Like verifyAudit, but a broken chain is an AUDIT_CHAIN_BROKEN error naming the first bad entry. */
export async function assertAuditIntact(store: AgencyStore): Promise<{ entries: number; headHash: string }> {
  const r = await verifyAudit(store);
  if (!r.ok) {
    throw new ArgusError('AUDIT_CHAIN_BROKEN', `audit chain broken at ${r.message}`, {
      location: { record: String(r.firstBadSeq) },
      details: { firstBadSeq: r.firstBadSeq, reason: r.reason, verifiedEntries: r.entries },
    });
  }
  return { entries: r.entries, headHash: r.headHash };
}

/**
 * Streams the log as JSON lines (one entry each, with seq, prev_hash and hash) so an auditor can
 * re-verify it offline. The export itself is audited by the caller (it is an action too).
 */
export async function exportAudit(
  store: AgencyStore,
  write: (line: string) => void | Promise<void>,
  filter: { readonly actor?: string; readonly action?: string; readonly subject?: string } = {},
): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    const page = await store.audit.list({ ...filter, afterSeq: after, limit: PAGE });
    for (const e of page) {
      await write(`${JSON.stringify(e)}\n`);
      n++;
    }
    if (page.length < PAGE) return n;
    after = (page.at(-1) as AuditEvent).seq;
  }
}
