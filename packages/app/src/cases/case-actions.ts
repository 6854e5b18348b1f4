/**
 * Case use cases: open (from alerts or by hand), transition, note, evidence, assign, four-eyes report
 * request and approval. Every state change is saved with optimistic concurrency and appended to the
 * audit log with its before and after.
 */

import { type Alert, ArgusError } from '@argus/core';
import {
  addCaseEvidence,
  addCaseNote,
  approveReport as approveReportCore,
  assignCase,
  type CaseFile,
  type CaseOutcome,
  type CaseParty,
  type CaseStatus,
  type EvidenceMeta,
  inspectEvidence,
  linkToCase,
  newCase,
  type ReportCode,
  requestReport as requestReportCore,
  transitionCase,
} from '@argus/core/cases';
import type { CaseFilter, StoredEvidence } from '../ports/case-repo.js';
import { auditAppend } from '../audit/audit-log.js';
import type { Actor, CasesDeps } from './cases-deps.js';

/** The audit's view of a case: the fields whose change matters, not the whole document. */
export function caseSummary(c: CaseFile): Record<string, unknown> {
  return {
    status: c.status,
    ...(c.assignee !== undefined ? { assignee: c.assignee } : {}),
    ...(c.closeReason !== undefined ? { closeReason: c.closeReason } : {}),
    alerts: c.alertIds.length,
    transactions: c.transactionIds.length,
    notes: c.notes.length,
    evidence: c.evidence.length,
    ...(c.report
      ? {
          report: {
            code: c.report.reportCode,
            requestedBy: c.report.requestedBy,
            ...(c.report.approvedBy ? { approvedBy: c.report.approvedBy } : {}),
          },
        }
      : {}),
    version: c.version,
  };
}

export async function getCase(deps: CasesDeps, id: string): Promise<CaseFile> {
  const c = await deps.store.cases.get(id);
  if (!c) throw new ArgusError('CASE_NOT_FOUND', `no case ${id}`, { location: { field: 'caseId', record: id } });
  return c;
}

export async function listCases(deps: CasesDeps, filter: CaseFilter = {}): Promise<{ items: CaseFile[]; total: number }> {
  const { limit: _l, offset: _o, ...countFilter } = filter;
  const [items, total] = await Promise.all([deps.store.cases.list(filter), deps.store.cases.count(countFilter)]);
  return { items, total };
}

function partiesOfAlert(a: Alert): CaseParty[] {
  return a.accounts.map((ref) => ({ kind: 'account' as const, ref, role: a.kind === 'screening' ? 'watchlist_hit' : 'subject' }));
}

export interface OpenCaseInput {
  readonly alertIds?: readonly string[];
  readonly title?: string;
  readonly parties?: readonly CaseParty[];
  readonly transactionIds?: readonly string[];
  readonly assignee?: string;
}

/** Opens a case from one or more alerts (their accounts and transactions become the case's) or by hand. */
export async function openCase(deps: CasesDeps, actor: Actor, input: OpenCaseInput): Promise<CaseFile> {
  const alertIds = [...new Set(input.alertIds ?? [])];
  const alerts: Alert[] = [];
  if (alertIds.length > 0) {
    if (!deps.alerts) throw new ArgusError('ALERT_NOT_FOUND', 'alerts are not available: monitoring is not configured for this store');
    for (const id of alertIds) {
      const a = await deps.alerts.getAlert(id);
      if (!a) throw new ArgusError('ALERT_NOT_FOUND', `no alert ${id}`, { location: { field: 'alert', record: id } });
      alerts.push(a);
    }
  }
  const title =
    input.title?.trim() ||
    (alerts.length > 0
      ? `${alerts
          .map((a) => a.type)
          .filter((t, i, all) => all.indexOf(t) === i)
          .join(', ')}: ${alerts[0]?.explanation ?? ''}`.slice(0, 200)
      : '');
  if (!title) throw new ArgusError('INPUT_INVALID', 'a case opened by hand needs a title', { location: { field: 'title' } });
  const at = deps.clock.now().toISOString();
  const c = newCase({
    id: deps.ids.next('case'),
    agencyId: deps.store.agencyId,
    title,
    createdBy: actor.username,
    at,
    parties: [...alerts.flatMap(partiesOfAlert), ...(input.parties ?? [])],
    alertIds,
    transactionIds: [...alerts.flatMap((a) => a.transactions), ...(input.transactionIds ?? [])],
    ...(input.assignee !== undefined ? { assignee: input.assignee } : {}),
  });
  await deps.store.cases.create(c);
  for (const a of alerts) {
    // An alert may feed several cases; it is escalated (and that audited) once.
    if (a.status === 'escalated') continue;
    await deps.alerts?.updateAlertStatus(a.id, 'escalated');
    await auditAppend(deps.store, deps.clock, {
      actor: actor.username,
      action: 'alert.escalate',
      subject: `alert:${a.id}`,
      before: { status: a.status },
      after: { status: 'escalated', caseId: c.id },
    });
  }
  await auditAppend(deps.store, deps.clock, { actor: actor.username, action: 'case.open', subject: `case:${c.id}`, after: caseSummary(c) });
  return c;
}

/** Applies a pure change, saves it (bumping the version), audits it. Refusals become CASE_TRANSITION_INVALID. */
async function change(
  deps: CasesDeps,
  actor: Actor,
  id: string,
  action: string,
  apply: (c: CaseFile, at: string) => CaseOutcome,
  extra?: Record<string, unknown>,
): Promise<CaseFile> {
  const before = await getCase(deps, id);
  const at = deps.clock.now().toISOString();
  const r = apply(before, at);
  if (!r.ok) {
    throw new ArgusError('CASE_TRANSITION_INVALID', r.error.message, {
      location: { record: id },
      details: { reason: r.error.reason, from: r.error.from, ...(r.error.to ? { to: r.error.to } : {}) },
    });
  }
  const after: CaseFile = { ...r.value, version: before.version + 1 };
  if (!(await deps.store.cases.update(after))) {
    throw new ArgusError('CONFLICT', `case ${id} was changed by someone else; reload and try again`, { location: { record: id } });
  }
  await auditAppend(deps.store, deps.clock, {
    actor: actor.username,
    action,
    subject: `case:${id}`,
    before: caseSummary(before),
    after: { ...caseSummary(after), ...extra },
  });
  return after;
}

export function transitionCaseStatus(deps: CasesDeps, actor: Actor, id: string, to: CaseStatus, reason?: string): Promise<CaseFile> {
  if (to === 'reported') {
    // Reporting goes through approveReport so the four-eyes rule cannot be bypassed by a plain transition.
    return getCase(deps, id).then((c) => {
      throw new ArgusError('CASE_TRANSITION_INVALID', `case ${id}: a case becomes reported only when a second user approves its report`, {
        location: { record: id },
        details: { reason: 'approval_missing', from: c.status, to },
      });
    });
  }
  return change(deps, actor, id, 'case.transition', (c, at) => transitionCase(c, to, { at, ...(reason !== undefined ? { reason } : {}) }));
}

export function addNote(deps: CasesDeps, actor: Actor, id: string, text: string): Promise<CaseFile> {
  const t = text.trim();
  if (!t) throw new ArgusError('INPUT_INVALID', 'a note needs text', { location: { field: 'text' } });
  if (t.length > 20_000) throw new ArgusError('INPUT_INVALID', 'a note is limited to 20,000 characters', { location: { field: 'text' } });
  const noteId = deps.ids.next('note');
  return change(deps, actor, id, 'case.note', (c, at) => addCaseNote(c, { id: noteId, author: actor.username, text: t, at }), { noteId });
}

/** Stores the bytes content-addressed (once per agency) and records their metadata on the case. */
export async function attachEvidence(
  deps: CasesDeps,
  actor: Actor,
  id: string,
  file: { readonly fileName: string; readonly bytes: Uint8Array },
): Promise<{ case: CaseFile; evidence: EvidenceMeta }> {
  const check = inspectEvidence(file.bytes, file.fileName, deps.evidenceLimit);
  if (!check.ok) throw new ArgusError('INPUT_INVALID', check.message, { location: { file: file.fileName, field: 'evidence' } });
  await getCase(deps, id);
  await deps.store.cases.putEvidence({ sha256: check.sha256, contentType: check.contentType, bytes: file.bytes });
  const meta: EvidenceMeta = {
    id: deps.ids.next('evidence'),
    fileName: check.fileName,
    sha256: check.sha256,
    size: check.size,
    contentType: check.contentType,
    uploadedBy: actor.username,
    uploadedAt: deps.clock.now().toISOString(),
  };
  const c = await change(deps, actor, id, 'case.evidence', (cf) => addCaseEvidence(cf, meta), {
    evidence: { fileName: meta.fileName, sha256: meta.sha256, size: meta.size, contentType: meta.contentType },
  });
  return { case: c, evidence: meta };
}

/** The bytes of one of the case's evidence files; only files the case lists are reachable through it. */
export async function getEvidence(deps: CasesDeps, id: string, evidenceId: string): Promise<{ meta: EvidenceMeta; blob: StoredEvidence }> {
  const c = await getCase(deps, id);
  const meta = c.evidence.find((e) => e.id === evidenceId || e.sha256 === evidenceId);
  if (!meta) throw new ArgusError('NOT_FOUND', `case ${id} has no evidence ${evidenceId}`, { location: { record: evidenceId } });
  const blob = await deps.store.cases.getEvidence(meta.sha256);
  if (!blob) throw new ArgusError('NOT_FOUND', `evidence ${meta.sha256} is missing from the store`);
  return { meta, blob };
}

export function assign(deps: CasesDeps, actor: Actor, id: string, assignee: string | undefined): Promise<CaseFile> {
  return change(deps, actor, id, 'case.assign', (c, at) => assignCase(c, assignee, at));
}

/** Assigns many cases; reports each failure by id instead of stopping at the first. */
export async function bulkAssign(
  deps: CasesDeps,
  actor: Actor,
  ids: readonly string[],
  assignee: string | undefined,
): Promise<{ assigned: string[]; failed: { id: string; code: string; message: string }[] }> {
  const assigned: string[] = [];
  const failed: { id: string; code: string; message: string }[] = [];
  for (const id of ids) {
    try {
      await assign(deps, actor, id, assignee);
      assigned.push(id);
    } catch (e) {
      if (!(e instanceof ArgusError)) throw e;
      failed.push({ id, code: e.code, message: e.message });
    }
  }
  return { assigned, failed };
}

export function linkAlerts(deps: CasesDeps, actor: Actor, id: string, alertIds: readonly string[]): Promise<CaseFile> {
  return (async () => {
    const alerts: Alert[] = [];
    for (const aid of alertIds) {
      const a = await deps.alerts?.getAlert(aid);
      if (!a) throw new ArgusError('ALERT_NOT_FOUND', `no alert ${aid}`, { location: { record: aid } });
      alerts.push(a);
    }
    const c = await change(deps, actor, id, 'case.link', (cf, at) =>
      linkToCase(cf, { at, alertIds, transactionIds: alerts.flatMap((a) => a.transactions), parties: alerts.flatMap(partiesOfAlert) }),
    );
    for (const a of alerts) await deps.alerts?.updateAlertStatus(a.id, 'escalated');
    return c;
  })();
}

/** Adds parties by hand (listed entities, accounts, persons, companies); one per kind and reference. */
export function addParties(deps: CasesDeps, actor: Actor, id: string, parties: readonly CaseParty[]): Promise<CaseFile> {
  if (parties.length === 0) throw new ArgusError('INPUT_INVALID', 'name at least one party', { location: { field: 'parties' } });
  for (const [i, p] of parties.entries()) {
    if (!p.ref.trim()) throw new ArgusError('INPUT_INVALID', 'a party needs a reference', { location: { field: `parties.${i}.ref` } });
  }
  return change(deps, actor, id, 'case.parties', (c, at) => linkToCase(c, { at, parties }), {
    added: parties.map((p) => `${p.kind}:${p.ref}`),
  });
}

export function requestReport(
  deps: CasesDeps,
  actor: Actor,
  id: string,
  req: { readonly reportCode?: ReportCode; readonly reason: string; readonly indicators?: readonly string[] },
): Promise<CaseFile> {
  return change(deps, actor, id, 'case.report.request', (c, at) =>
    requestReportCore(c, {
      actor: actor.username,
      at,
      reportCode: req.reportCode ?? 'STR',
      reason: req.reason,
      ...(req.indicators !== undefined ? { indicators: req.indicators } : {}),
    }),
  );
}

/** Four eyes: a second user, in an approving role, approves; the case becomes reported. */
export function approveReport(deps: CasesDeps, actor: Actor, id: string): Promise<CaseFile> {
  return change(deps, actor, id, 'case.report.approve', (c, at) =>
    approveReportCore(c, {
      actor: actor.username,
      role: actor.role,
      at,
      ...(deps.approverRoles !== undefined ? { approverRoles: deps.approverRoles } : {}),
    }),
  );
}
