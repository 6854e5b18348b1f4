/**
 * The alert queue: alerts to work, filtered by type, severity, age and assignee and aged against the
 * SLA; bulk assignment; disposal as a false positive with a reason; escalation to a (new or existing) case.
 * Monitoring owns the alerts themselves (GET /api/alerts…); these routes own the work on them.
 */

import { ArgusError } from '@argus/core';
import { requirePermission } from '@argus/app/auth';
import { alertQueue, bulkAssignAlerts, disposeAlert, linkAlerts } from '@argus/app/cases';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { Alert, AlertStatus, CaseEnvelope, csv, IdParams, Severity } from '../cases/case-schemas.js';
import { actorOf, casesDepsFor, checkAssignee } from '../cases/cases-context.js';

const QueueQuery = z.object({
  type: z.string().trim().min(1).max(100).optional(),
  severity: csv(Severity).optional(),
  status: csv(AlertStatus).optional(),
  minAgeHours: z.coerce.number().min(0).optional(),
  maxAgeHours: z.coerce.number().min(0).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** A username, `me`, or `none` for unassigned alerts. */
  assignee: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const QueueItem = z.object({
  alert: Alert,
  ageHours: z.number(),
  slaRemainingHours: z.number(),
  overdue: z.boolean(),
  assignee: z.string().optional(),
});
const Queue = z.object({ items: z.array(QueueItem), total: z.number(), slaHours: z.number(), monitoring: z.boolean() });

const AssignBody = z.object({
  alertIds: z.array(z.string().min(1).max(200)).min(1).max(1000),
  assignee: z.string().trim().min(1).max(100),
});
const DisposeBody = z.object({ reason: z.string().trim().min(1).max(4000) });
const EscalateBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    /** Link the alert to this existing case instead of opening a new one. */
    caseId: z.string().min(1).max(200).optional(),
  })
  .default({});

export async function alertQueueRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get(
    '/api/alerts/queue',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts still to work, aged against the SLA',
        querystring: QueueQuery,
        response: { 200: Queue },
      },
    },
    async (request) => {
      const q = request.query as z.infer<typeof QueueQuery>;
      const cd = casesDepsFor(deps, request);
      const me = principalOf(request).user.username;
      const r = await alertQueue(cd, {
        ...(q.type !== undefined ? { type: q.type } : {}),
        ...(q.severity !== undefined ? { severity: q.severity } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.minAgeHours !== undefined ? { minAgeHours: q.minAgeHours } : {}),
        ...(q.maxAgeHours !== undefined ? { maxAgeHours: q.maxAgeHours } : {}),
        ...(q.overdue !== undefined ? { overdue: q.overdue === 'true' } : {}),
        ...(q.assignee !== undefined ? { assignee: q.assignee === 'none' ? null : q.assignee === 'me' ? me : q.assignee } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return { ...r, monitoring: cd.alerts !== undefined };
    },
  );

  app.post(
    '/api/alerts/assign',
    {
      config: { permission: 'alerts:write' },
      schema: {
        tags: ['alerts'],
        summary: 'Assign alerts to a user (bulk)',
        body: AssignBody,
        response: { 200: z.object({ assigned: z.array(z.string()), missing: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const body = request.body as z.infer<typeof AssignBody>;
      await checkAssignee(deps, p, body.assignee, 'assignee');
      return bulkAssignAlerts(casesDepsFor(deps, request), actorOf(p), [...new Set(body.alertIds)], body.assignee);
    },
  );

  app.post(
    '/api/alerts/:id/dispose',
    {
      config: { permission: 'alerts:write' },
      schema: {
        tags: ['alerts'],
        summary: 'Dismiss an alert as a false positive, with a reason',
        params: IdParams,
        body: DisposeBody,
        response: { 200: z.object({ alertId: z.string(), status: z.literal('dismissed') }) },
      },
    },
    async (request) => {
      const { id } = request.params as z.infer<typeof IdParams>;
      const { reason } = request.body as z.infer<typeof DisposeBody>;
      return disposeAlert(casesDepsFor(deps, request), actorOf(principalOf(request)), id, { kind: 'false_positive', reason });
    },
  );

  app.post(
    '/api/alerts/:id/escalate',
    {
      config: { permission: 'alerts:write' },
      schema: {
        tags: ['alerts'],
        summary: 'Escalate an alert to a new case, or link it to an existing one',
        params: IdParams,
        body: EscalateBody,
        response: { 201: CaseEnvelope.extend({ alertId: z.string(), status: z.literal('escalated') }) },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      // Escalating writes a case too: the role must be allowed both.
      requirePermission(p, 'cases:write');
      const { id } = request.params as z.infer<typeof IdParams>;
      const body = (request.body ?? {}) as z.infer<typeof EscalateBody>;
      const cd = casesDepsFor(deps, request);
      if (body.caseId !== undefined) {
        const alert = await cd.alerts?.getAlert(id);
        if (!alert) throw new ArgusError('ALERT_NOT_FOUND', `no alert ${id}`, { location: { record: id } });
        if (alert.status === 'dismissed') {
          throw new ArgusError('CONFLICT', `alert ${id} was dismissed; it cannot be linked to a case`, { location: { record: id } });
        }
        const c = await linkAlerts(cd, actorOf(p), body.caseId, [id]);
        return reply.code(201).send({ alertId: id, status: 'escalated', case: c });
      }
      const r = await disposeAlert(cd, actorOf(p), id, { kind: 'escalate', ...(body.title !== undefined ? { title: body.title } : {}) });
      if (r.status !== 'escalated') throw new ArgusError('INTERNAL', 'escalation did not open a case');
      return reply.code(201).send(r);
    },
  );
}
