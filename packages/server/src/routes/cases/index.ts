/**
 * Cases: open (from alerts or by hand), read and filter, parties, notes, evidence (upload and safe
 * download), assignment, status transitions, four-eyes reporting, the network view and the goAML STR
 * download. Every change goes through the case use cases, which audit it.
 */

import { ArgusError } from '@argus/core';
import { CASE_TRANSITIONS, type CaseFile, DEFAULT_APPROVER_ROLES, DEFAULT_EVIDENCE_LIMIT } from '@argus/core/cases';
import type { Principal } from '@argus/core/sharing';
import { requirePermission } from '@argus/app/auth';
import {
  addNote,
  addParties,
  approveReport,
  assign,
  attachEvidence,
  bulkAssign,
  type CasesDeps,
  caseAlerts,
  caseNetwork,
  expandAccount,
  exportStr,
  getCase,
  getEvidence,
  linkAlerts,
  listCases,
  openCase,
  requestReport,
  transitionCaseStatus,
} from '@argus/app/cases';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { Alert, Case, CaseEnvelope, CaseParty, CaseStatus, csv, IdParams, Network, Transaction } from './case-schemas.js';
import { attachmentDisposition } from './content-disposition.js';
import { actorOf, casesDepsFor, checkAssignee } from './cases-context.js';

const ListQuery = z.object({
  status: csv(CaseStatus).optional(),
  /** A username, or `me`. */
  assignee: z.string().trim().min(1).max(100).optional(),
  alertId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const OpenBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  alertIds: z.array(z.string().min(1).max(200)).max(500).optional(),
  transactionIds: z.array(z.string().min(1).max(200)).max(5000).optional(),
  parties: z.array(CaseParty).max(500).optional(),
  assignee: z.string().trim().min(1).max(100).optional(),
});
const PartiesBody = z.object({ parties: z.array(CaseParty).min(1).max(500) });
const AlertsBody = z.object({ alertIds: z.array(z.string().min(1).max(200)).min(1).max(500) });
const NoteBody = z.object({ text: z.string().trim().min(1).max(20_000) });
const AssigneeBody = z.object({ assignee: z.string().trim().min(1).max(100).nullable() });
const BulkAssignBody = z.object({
  caseIds: z.array(z.string().min(1).max(200)).min(1).max(500),
  assignee: z.string().trim().min(1).max(100).nullable(),
});
const TransitionBody = z.object({ to: CaseStatus, reason: z.string().trim().min(1).max(4000).optional() });
const ReportBody = z.object({
  reportCode: z.enum(['STR', 'SAR']).default('STR'),
  reason: z.string().trim().min(1).max(8000),
  indicators: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
});
const EvidenceParams = IdParams.extend({ evidenceId: z.string().min(1).max(200) });
const ExpandQuery = z.object({
  account: z.string().trim().min(1).max(300),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const Actions = z.object({
  transitions: z.array(CaseStatus),
  canRequestReport: z.boolean(),
  canApprove: z.boolean(),
  approveRefusal: z.string().optional(),
});
const CaseDetail = z.object({
  case: Case,
  alerts: z.array(Alert),
  transactions: z.array(Transaction),
  missingTransactions: z.array(z.string()),
  actions: Actions,
});

/** What the principal may do next with a case — the UI's buttons; the use cases still decide. */
function actionsFor(c: CaseFile, p: Principal, cd: CasesDeps): z.infer<typeof Actions> {
  const roles = cd.approverRoles ?? DEFAULT_APPROVER_ROLES;
  let refusal: string | undefined;
  if (c.status !== 'escalated' || !c.report) refusal = 'no report is waiting for approval';
  else if (c.report.approvedBy) refusal = `already approved by ${c.report.approvedBy}`;
  else if (c.report.requestedBy === p.user.username) refusal = 'you requested this report; a second person must approve it';
  else if (!roles.includes(p.user.role)) refusal = `role ${p.user.role} may not approve reports`;
  return {
    // `reported` is reached only by approval.
    transitions: CASE_TRANSITIONS[c.status].filter((s) => s !== 'reported'),
    canRequestReport: c.status === 'escalated' && !c.report,
    canApprove: refusal === undefined,
    ...(refusal !== undefined ? { approveRefusal: refusal } : {}),
  };
}

export async function caseRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const idOf = (request: FastifyRequest) => (request.params as z.infer<typeof IdParams>).id;
  const ctx = (request: FastifyRequest) => {
    const p = principalOf(request);
    return { p, cd: casesDepsFor(deps, request), actor: actorOf(p) };
  };
  const write = { permission: 'cases:write' as const };
  const read = { permission: 'cases:read' as const };

  app.get(
    '/api/cases',
    {
      config: read,
      schema: {
        tags: ['cases'],
        summary: 'Cases, newest first',
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(Case), total: z.number() }) },
      },
    },
    async (request) => {
      const q = request.query as z.infer<typeof ListQuery>;
      const { p, cd } = ctx(request);
      return listCases(cd, {
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.assignee !== undefined ? { assignee: q.assignee === 'me' ? p.user.username : q.assignee } : {}),
        ...(q.alertId !== undefined ? { alertId: q.alertId } : {}),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/cases/assignees',
    {
      config: read,
      schema: {
        tags: ['cases'],
        summary: 'Users of the agency who can be given alerts and cases',
        response: { 200: z.object({ users: z.array(z.object({ username: z.string(), role: z.string() })) }) },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const users = await deps.store.auth().listUsers(p.agency.id);
      return {
        users: users
          .filter((u) => !u.disabled && u.role !== 'auditor')
          .map((u) => ({ username: u.username, role: u.role }))
          .sort((a, b) => a.username.localeCompare(b.username)),
      };
    },
  );

  app.post(
    '/api/cases',
    {
      config: write,
      schema: { tags: ['cases'], summary: 'Open a case from alerts or by hand', body: OpenBody, response: { 201: CaseEnvelope } },
    },
    async (request, reply) => {
      const { p, cd, actor } = ctx(request);
      const body = request.body as z.infer<typeof OpenBody>;
      if (body.assignee !== undefined) await checkAssignee(deps, p, body.assignee, 'assignee');
      if ((body.alertIds?.length ?? 0) > 0) requirePermission(p, 'alerts:write');
      const c = await openCase(cd, actor, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.alertIds !== undefined ? { alertIds: body.alertIds } : {}),
        ...(body.transactionIds !== undefined ? { transactionIds: body.transactionIds } : {}),
        ...(body.parties !== undefined ? { parties: body.parties.map(cleanParty) } : {}),
        ...(body.assignee !== undefined ? { assignee: body.assignee } : {}),
      });
      return reply.code(201).send({ case: c });
    },
  );

  app.post(
    '/api/cases/assign',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Assign (or unassign) many cases',
        body: BulkAssignBody,
        response: {
          200: z.object({
            assigned: z.array(z.string()),
            failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const { p, cd, actor } = ctx(request);
      const body = request.body as z.infer<typeof BulkAssignBody>;
      if (body.assignee !== null) await checkAssignee(deps, p, body.assignee, 'assignee');
      return bulkAssign(cd, actor, [...new Set(body.caseIds)], body.assignee ?? undefined);
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: read,
      schema: {
        tags: ['cases'],
        summary: 'A case with its alerts, transactions and the actions open to the caller',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => {
      const { p, cd } = ctx(request);
      const c = await getCase(cd, idOf(request));
      const [alerts, transactions] = await Promise.all([
        caseAlerts(cd, c.alertIds),
        c.transactionIds.length > 0 && cd.alerts ? cd.alerts.getTransactions(c.transactionIds) : Promise.resolve([]),
      ]);
      const loaded = new Set(transactions.map((t) => t.id));
      return {
        case: c,
        alerts,
        transactions: [...transactions].sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id)),
        missingTransactions: c.transactionIds.filter((id) => !loaded.has(id)),
        actions: actionsFor(c, p, cd),
      };
    },
  );

  app.post(
    '/api/cases/:id/parties',
    {
      config: write,
      schema: { tags: ['cases'], summary: 'Add parties', params: IdParams, body: PartiesBody, response: { 200: CaseEnvelope } },
    },
    async (request) => {
      const { cd, actor } = ctx(request);
      const { parties } = request.body as z.infer<typeof PartiesBody>;
      return { case: await addParties(cd, actor, idOf(request), parties.map(cleanParty)) };
    },
  );

  app.post(
    '/api/cases/:id/alerts',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Link alerts (and their transactions)',
        params: IdParams,
        body: AlertsBody,
        response: { 200: CaseEnvelope },
      },
    },
    async (request) => {
      const { p, cd, actor } = ctx(request);
      requirePermission(p, 'alerts:write');
      const { alertIds } = request.body as z.infer<typeof AlertsBody>;
      return { case: await linkAlerts(cd, actor, idOf(request), [...new Set(alertIds)]) };
    },
  );

  app.post(
    '/api/cases/:id/notes',
    {
      config: write,
      schema: { tags: ['cases'], summary: 'Add a note', params: IdParams, body: NoteBody, response: { 201: CaseEnvelope } },
    },
    async (request, reply) => {
      const { cd, actor } = ctx(request);
      const { text } = request.body as z.infer<typeof NoteBody>;
      return reply.code(201).send({ case: await addNote(cd, actor, idOf(request), text) });
    },
  );

  app.put(
    '/api/cases/:id/assignee',
    {
      config: write,
      schema: { tags: ['cases'], summary: 'Assign or unassign', params: IdParams, body: AssigneeBody, response: { 200: CaseEnvelope } },
    },
    async (request) => {
      const { p, cd, actor } = ctx(request);
      const { assignee } = request.body as z.infer<typeof AssigneeBody>;
      if (assignee !== null) await checkAssignee(deps, p, assignee, 'assignee');
      return { case: await assign(cd, actor, idOf(request), assignee ?? undefined) };
    },
  );

  app.post(
    '/api/cases/:id/transition',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Move the case to another status (closing needs a reason; reported only through approval)',
        params: IdParams,
        body: TransitionBody,
        response: { 200: CaseEnvelope },
      },
    },
    async (request) => {
      const { cd, actor } = ctx(request);
      const { to, reason } = request.body as z.infer<typeof TransitionBody>;
      return { case: await transitionCaseStatus(cd, actor, idOf(request), to, reason) };
    },
  );

  app.post(
    '/api/cases/:id/report',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Request an STR/SAR (an escalated case)',
        params: IdParams,
        body: ReportBody,
        response: { 200: CaseEnvelope },
      },
    },
    async (request) => {
      const { cd, actor } = ctx(request);
      const body = request.body as z.infer<typeof ReportBody>;
      return {
        case: await requestReport(cd, actor, idOf(request), {
          reportCode: body.reportCode,
          reason: body.reason,
          ...(body.indicators !== undefined ? { indicators: body.indicators } : {}),
        }),
      };
    },
  );

  app.post(
    '/api/cases/:id/report/approve',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Approve the requested report as a second person (four eyes); the case becomes reported',
        params: IdParams,
        response: { 200: CaseEnvelope },
      },
    },
    async (request) => {
      const { cd, actor } = ctx(request);
      return { case: await approveReport(cd, actor, idOf(request)) };
    },
  );

  app.post(
    '/api/cases/:id/evidence',
    {
      config: write,
      schema: {
        tags: ['cases'],
        summary: 'Upload an evidence file (multipart field "file"); stored with SHA-256, size and a sniffed content type',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: CaseEnvelope.extend({ evidence: Case.shape.evidence.element }) },
      },
    },
    async (request, reply) => {
      const { cd, actor } = ctx(request);
      const id = idOf(request);
      // The case is looked up first: another agency's case answers 404 before any bytes are read.
      await getCase(cd, id);
      if (!request.isMultipart()) {
        throw new ArgusError('INPUT_INVALID', 'upload the file as multipart/form-data field "file"', { location: { field: 'file' } });
      }
      const limit = cd.evidenceLimit ?? DEFAULT_EVIDENCE_LIMIT;
      const file = await request.file({ limits: { fileSize: limit, files: 1 } });
      if (file?.fieldname !== 'file')
        throw new ArgusError('INPUT_INVALID', 'no "file" field in the upload', { location: { field: 'file' } });
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new ArgusError('INPUT_INVALID', `${file.filename}: evidence files are limited to ${limit} bytes`, {
            location: { file: file.filename, field: 'file' },
          });
        }
        throw e;
      }
      const r = await attachEvidence(cd, actor, id, { fileName: file.filename || 'evidence', bytes: new Uint8Array(bytes) });
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/api/cases/:id/evidence/:evidenceId',
    {
      config: read,
      schema: { tags: ['cases'], summary: 'Download an evidence file (always as an attachment, never rendered)', params: EvidenceParams },
    },
    async (request, reply) => {
      const { cd } = ctx(request);
      const { id, evidenceId } = request.params as z.infer<typeof EvidenceParams>;
      const { meta, blob } = await getEvidence(cd, id, evidenceId);
      return reply
        .type(meta.contentType)
        .header('content-disposition', attachmentDisposition(meta.fileName))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-evidence-sha256', meta.sha256)
        .send(Buffer.from(blob.bytes));
    },
  );

  app.get(
    '/api/cases/:id/network',
    {
      config: read,
      schema: {
        tags: ['cases'],
        summary: "The case's accounts and transactions as a graph",
        params: IdParams,
        response: { 200: Network.extend({ missingTransactions: z.array(z.string()) }) },
      },
    },
    async (request) => caseNetwork(ctx(request).cd, idOf(request)),
  );

  app.get(
    '/api/cases/:id/network/expand',
    {
      config: read,
      schema: {
        tags: ['cases'],
        summary: 'One hop from an account: its transactions and counterparties from the store',
        params: IdParams,
        querystring: ExpandQuery,
        response: { 200: Network.extend({ truncated: z.boolean(), source: z.enum(['transactions', 'alerts', 'none']) }) },
      },
    },
    async (request) => {
      const { account, limit } = request.query as z.infer<typeof ExpandQuery>;
      return expandAccount(ctx(request).cd, idOf(request), account, limit);
    },
  );

  app.get(
    '/api/cases/:id/str',
    {
      config: read,
      schema: {
        tags: ['cases'],
        summary: 'Download the goAML STR/SAR (validated against the configured schema; a draft until approved)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { cd, actor } = ctx(request);
      if (!cd.validateReport) {
        throw new ArgusError('REPORT_INVALID', 'the goAML schema is not configured: set ARGUS_GOAML_SCHEMA to goAMLSchema.xsd', {
          location: { field: 'ARGUS_GOAML_SCHEMA' },
        });
      }
      const r = await exportStr(cd, actor, idOf(request));
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachmentDisposition(r.approved ? r.fileName : r.fileName.replace(/\.xml$/, '-draft.xml')))
        .header('x-argus-report-approved', String(r.approved))
        .header('x-argus-schema-validated', String(r.schemaValidated))
        .header('x-argus-report-transactions', String(r.transactions))
        .send(r.xml);
    },
  );
}

function cleanParty(p: z.infer<typeof CaseParty>) {
  return {
    kind: p.kind,
    ref: p.ref,
    ...(p.name ? { name: p.name } : {}),
    ...(p.country ? { country: p.country } : {}),
    ...(p.institution ? { institution: p.institution } : {}),
    ...(p.role ? { role: p.role } : {}),
  };
}
