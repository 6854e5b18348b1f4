/**
 * Transaction monitoring over HTTP: JSON batches in (validated per record, evaluated by the agency's live
 * engine), alerts and rejected records out, the versioned configuration. The alert queue's actions
 * (assign, dispose, escalate) live in routes/alerts.
 */

import { systemClock } from '@argus/app';
import {
  getAlertDetail,
  getMonitoringConfig,
  ingestTransactionBatch,
  listAlerts,
  listRejections,
  type MonitoringDeps,
  MonitoringSession,
  saveMonitoringConfig,
} from '@argus/app/monitoring';
import { EntityIndexCache } from '@argus/app/screening';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../audit-hook.js';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';

/** Records per POST: large enough for a bank's micro-batch, small enough to answer within a second or two. */
export const MAX_BATCH = 20_000;

const Severity = z.enum(['low', 'medium', 'high', 'critical']);
const Status = z.enum(['new', 'assigned', 'dismissed', 'escalated']);
/** `high,critical` or a single value. */
const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

const Party = z.object({
  account: z.string(),
  name: z.string().optional(),
  country: z.string().optional(),
  institution: z.string().optional(),
});
const Transaction = z.object({
  id: z.string(),
  time: z.string(),
  amount: z.number(),
  currency: z.string(),
  baseAmount: z.number().optional(),
  originator: Party,
  beneficiary: Party,
  channel: z.string().optional(),
  purpose: z.string().optional(),
});
const Alert = z.object({
  id: z.string(),
  type: z.string(),
  kind: z.enum(['rule', 'typology', 'screening']),
  severity: Severity,
  score: z.number(),
  accounts: z.array(z.string()),
  transactions: z.array(z.string()),
  explanation: z.string(),
  detectedAt: z.string(),
  status: Status,
  assignee: z.string().optional(),
  subgraph: z.unknown().optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
});

/** Each record is checked on its own (a bad one is answered, not fatal): here only the envelope's shape. */
const Batch = z.union([
  z.array(z.unknown()).max(MAX_BATCH),
  z.object({ transactions: z.array(z.unknown()).max(MAX_BATCH), source: z.string().trim().min(1).max(200).optional() }),
]);
const BatchAnswer = z.object({
  read: z.number(),
  new: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  late: z.number(),
  alertsNew: z.number(),
  alertsUpdated: z.number(),
  alertsByType: z.record(z.string(), z.number()),
  rejections: z.array(z.object({ index: z.number(), id: z.string().optional(), field: z.string().optional(), reason: z.string() })),
  alerts: z.array(z.object({ id: z.string(), type: z.string(), severity: Severity, score: z.number(), explanation: z.string() })),
});

const AlertsQuery = z.object({
  type: csvOf(z.string().min(1).max(100)).optional(),
  severity: csvOf(Severity).optional(),
  status: csvOf(Status).optional(),
  account: z.string().trim().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const IdParams = z.object({ id: z.string().min(1).max(300) });
const ConfigView = z.object({ version: z.number(), config: z.unknown(), savedAt: z.string().optional(), savedBy: z.string().optional() });
const ConfigQuery = z.object({ version: z.coerce.number().int().min(0).optional() });
const RejectedQuery = z.object({
  file: z.string().trim().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const Rejection = z.object({
  seq: z.number(),
  at: z.string(),
  format: z.string().optional(),
  file: z.string(),
  line: z.number().optional(),
  field: z.string().optional(),
  reason: z.string(),
  record: z.string().optional(),
  raw: z.string().optional(),
});

export async function monitoringRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const screening = new EntityIndexCache();
  const monitoringDeps = (agencyId: string): MonitoringDeps => ({
    store: deps.store.forAgency(agencyId),
    clock: deps.clock ?? systemClock,
    screening,
  });
  const depsOf = (request: FastifyRequest) => monitoringDeps(principalOf(request).agency.id);

  // One live engine per agency (its window in memory), reopened when the agency saves a new configuration.
  const sessions = new Map<string, Promise<MonitoringSession>>();
  const sessionOf = async (agencyId: string): Promise<MonitoringSession> => {
    const d = monitoringDeps(agencyId);
    const latest = (await d.store.monitoring.getConfig())?.version ?? 0;
    const cached = sessions.get(agencyId);
    if (cached) {
      const s = await cached.catch(() => undefined);
      if (s && s.settings.version === latest) return s;
    }
    const opening = MonitoringSession.open(d);
    sessions.set(agencyId, opening);
    opening.catch(() => sessions.delete(agencyId));
    return opening;
  };

  app.post(
    '/api/transactions',
    {
      bodyLimit: 32 * 1024 * 1024,
      config: { permission: 'alerts:write' },
      schema: {
        tags: ['monitoring'],
        summary: 'Ingest a batch of transactions: each record validated on its own, the valid ones stored and evaluated',
        body: Batch,
        response: { 200: BatchAnswer },
      },
    },
    async (request) => {
      const body = request.body as z.infer<typeof Batch>;
      const values = Array.isArray(body) ? body : body.transactions;
      const source = Array.isArray(body) ? 'api' : (body.source ?? 'api');
      const p = principalOf(request);
      const agencyId = p.agency.id;
      const r = await ingestTransactionBatch(monitoringDeps(agencyId), values, { session: await sessionOf(agencyId), source });
      // Ingesting changes the agency's records (transactions, alerts, rejections): it is audited like any other write.
      await audit(deps, {
        agencyId,
        actor: p.user.username,
        action: 'transactions.ingest',
        subject: `transactions:${source}`,
        details: {
          read: r.read,
          new: r.new,
          duplicates: r.duplicates,
          rejected: r.rejected,
          alertsNew: r.alertsNew,
          alertsUpdated: r.alertsUpdated,
        },
      });
      return {
        ...r,
        alerts: r.alerts.map((a) => ({ id: a.id, type: a.type, severity: a.severity, score: a.score, explanation: a.explanation })),
      };
    },
  );

  app.get(
    '/api/alerts',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['monitoring'],
        summary: 'Monitoring alerts, newest first',
        querystring: AlertsQuery,
        response: { 200: z.object({ items: z.array(Alert), total: z.number() }) },
      },
    },
    async (request) => {
      const q = request.query as z.infer<typeof AlertsQuery>;
      return listAlerts(depsOf(request), {
        ...(q.type ? { type: q.type } : {}),
        ...(q.severity ? { severity: q.severity } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.account ? { account: q.account } : {}),
        ...(q.since ? { since: new Date(q.since).toISOString() } : {}),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/alerts/:id',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['monitoring'],
        summary: 'One alert with the transactions it cites',
        params: IdParams,
        response: { 200: z.object({ alert: Alert, transactions: z.array(Transaction) }) },
      },
    },
    async (request) => getAlertDetail(depsOf(request), (request.params as z.infer<typeof IdParams>).id),
  );

  app.get(
    '/api/monitoring/config',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['monitoring'],
        summary: "The agency's monitoring configuration (latest or a version)",
        querystring: ConfigQuery,
        response: { 200: ConfigView },
      },
    },
    async (request) => getMonitoringConfig(depsOf(request), (request.query as z.infer<typeof ConfigQuery>).version),
  );

  app.get(
    '/api/monitoring/config/versions',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['monitoring'],
        summary: 'Every saved configuration version, newest first',
        response: {
          200: z.object({ versions: z.array(z.object({ version: z.number(), savedAt: z.string(), savedBy: z.string().optional() })) }),
        },
      },
    },
    async (request) => ({ versions: await depsOf(request).store.monitoring.listConfigVersions() }),
  );

  app.put(
    '/api/monitoring/config',
    {
      config: { permission: 'admin' },
      schema: {
        tags: ['monitoring'],
        summary: 'Validate and save a new configuration version (every bad field is named)',
        body: z.record(z.string(), z.unknown()),
        response: { 200: ConfigView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const saved = await saveMonitoringConfig(depsOf(request), request.body, { actor: p.user.username });
      sessions.delete(p.agency.id);
      return saved;
    },
  );

  app.get(
    '/api/monitoring/rejected',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['monitoring'],
        summary: 'Records ingestion rejected, newest first, with file, line, field and reason',
        querystring: RejectedQuery,
        response: { 200: z.object({ items: z.array(Rejection), total: z.number() }) },
      },
    },
    async (request) => {
      const q = request.query as z.infer<typeof RejectedQuery>;
      return listRejections(depsOf(request), { ...(q.file ? { file: q.file } : {}), limit: q.limit, offset: q.offset });
    },
  );
}
