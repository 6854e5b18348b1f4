/**
 * The audit trail for auditors and admins: browse with filters, export as JSON lines or CSV (the export
 * is itself audited), and verify the hash chain (naming the first edited, deleted or reordered entry).
 */

import { Readable } from 'node:stream';
import type { AuditEvent } from '@argus/core/audit';
import type { AgencyStore, AuditQuery } from '@argus/app';
import { auditAppend, verifyAudit } from '@argus/app/audit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { attachmentDisposition } from '../cases/content-disposition.js';

const isoInstant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date or instant');

const Filter = z.object({
  actor: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().min(1).max(200).optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  /** Entries at or after this instant. */
  from: isoInstant.optional(),
  /** Entries before this instant. */
  to: isoInstant.optional(),
});
const BrowseQuery = Filter.extend({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const ExportQuery = Filter.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') });

const Entry = z.object({
  seq: z.number(),
  agencyId: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  time: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
const Page = z.object({
  items: z.array(Entry),
  /** Pass as afterSeq for the next page; absent at the end of the log. */
  nextAfterSeq: z.number().optional(),
  /** Entries in the whole log, and the newest seq. */
  total: z.number(),
  headSeq: z.number(),
});
const Verification = z.object({
  intact: z.boolean(),
  entries: z.number(),
  headHash: z.string().optional(),
  firstBadSeq: z.number().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  verifiedAt: z.string(),
});

const SCAN = 1000;
type F = z.infer<typeof Filter>;

function storeQuery(f: F): Pick<AuditQuery, 'actor' | 'action' | 'subject'> {
  return {
    ...(f.actor !== undefined ? { actor: f.actor } : {}),
    ...(f.action !== undefined ? { action: f.action } : {}),
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
  };
}

/** Entries after `afterSeq` matching the filter, in seq order; time bounds are applied here (the store filters the rest). */
async function* entries(store: AgencyStore, f: F, afterSeq: number, uptoSeq = Number.POSITIVE_INFINITY): AsyncGenerator<AuditEvent> {
  const from = f.from !== undefined ? Date.parse(f.from) : undefined;
  const to = f.to !== undefined ? Date.parse(f.to) : undefined;
  let after = afterSeq;
  for (;;) {
    const page = await store.audit.list({ ...storeQuery(f), afterSeq: after, limit: SCAN });
    for (const e of page) {
      if (e.seq > uptoSeq) return;
      const t = Date.parse(e.time);
      if (from !== undefined && t < from) continue;
      if (to !== undefined && t >= to) continue;
      yield e;
    }
    if (page.length < SCAN) return;
    after = (page.at(-1) as AuditEvent).seq;
  }
}

const CSV_COLUMNS = ['seq', 'time', 'agencyId', 'actor', 'action', 'subject', 'before', 'after', 'prevHash', 'hash'] as const;

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  // Cells starting with = + - @ are neutralised: a spreadsheet would run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsvLine(e: AuditEvent): string {
  return `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\n`;
}

export async function auditRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const storeOf = (agencyId: string) => deps.store.forAgency(agencyId);

  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['audit'], summary: 'Browse the audit log (seq order)', querystring: BrowseQuery, response: { 200: Page } },
    },
    async (request) => {
      const q = request.query as z.infer<typeof BrowseQuery>;
      const store = storeOf(principalOf(request).agency.id);
      const items: AuditEvent[] = [];
      let more = false;
      for await (const e of entries(store, q, q.afterSeq)) {
        if (items.length === q.limit) {
          more = true;
          break;
        }
        items.push(e);
      }
      const [total, head] = await Promise.all([store.audit.count(), store.audit.head()]);
      return {
        items,
        ...(more ? { nextAfterSeq: (items.at(-1) as AuditEvent).seq } : {}),
        total,
        headSeq: head?.seq ?? 0,
      };
    },
  );

  app.get(
    '/api/audit/export',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Export the log (JSON lines keep seq, prevHash and hash so the copy re-verifies offline); the export is audited',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as z.infer<typeof ExportQuery>;
      const p = principalOf(request);
      const store = storeOf(p.agency.id);
      const head = await store.audit.head();
      const upto = head?.seq ?? 0;
      // Recorded first, so a copy can never leave unrecorded; the copy covers the log as it was before this entry.
      await auditAppend(store, deps.clock, {
        actor: p.user.username,
        action: 'audit.export',
        subject: `agency:${p.agency.id}`,
        after: { format: q.format, uptoSeq: upto, ...storeQuery(q), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) },
      });
      const stamp = deps.clock.now().toISOString().slice(0, 10);
      async function* body(): AsyncGenerator<string> {
        if (q.format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
        for await (const e of entries(store, q, 0, upto)) yield q.format === 'csv' ? auditCsvLine(e) : `${JSON.stringify(e)}\n`;
      }
      return reply
        .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`audit-${p.agency.id}-${stamp}.${q.format}`))
        .send(Readable.from(body()));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain; a broken chain names the first bad entry',
        response: { 200: Verification },
      },
    },
    async (request) => {
      const r = await verifyAudit(storeOf(principalOf(request).agency.id));
      const verifiedAt = deps.clock.now().toISOString();
      return r.ok
        ? { intact: true, entries: r.entries, headHash: r.headHash, verifiedAt }
        : { intact: false, entries: r.entries, firstBadSeq: r.firstBadSeq, reason: r.reason, message: r.message, verifiedAt };
    },
  );
}
