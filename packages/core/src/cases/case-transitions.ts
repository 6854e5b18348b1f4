/** The case status machine and four-eyes approval, as pure functions returning values (never throwing). */

import type { CaseFile, CaseNote, CaseParty, CaseStatus, EvidenceMeta, ReportCode } from './case-file.js';
import { dedupeParties } from './case-file.js';

/**
 * Allowed moves. `reported` is reached only through an approved report; `closed` from anywhere but
 * itself, always with a reason. A reported case may still be closed (filed and done).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_review', 'closed'],
  in_review: ['open', 'escalated', 'closed'],
  escalated: ['in_review', 'reported', 'closed'],
  reported: ['closed'],
  closed: [],
};

/** Roles that may approve a report by default; agencies configure their own. */
export const DEFAULT_APPROVER_ROLES: readonly string[] = ['admin', 'reviewer'];

export interface CaseError {
  readonly code: 'CASE_TRANSITION_INVALID';
  readonly reason:
    | 'not_allowed'
    | 'reason_required'
    | 'approval_missing'
    | 'not_escalated'
    | 'same_user'
    | 'role_not_allowed'
    | 'no_request'
    | 'already_approved'
    | 'case_closed';
  readonly message: string;
  readonly from: CaseStatus;
  readonly to?: CaseStatus;
}

export type CaseOutcome = { readonly ok: true; readonly value: CaseFile } | { readonly ok: false; readonly error: CaseError };

const fail = (c: CaseFile, reason: CaseError['reason'], message: string, to?: CaseStatus): CaseOutcome => ({
  ok: false,
  error: { code: 'CASE_TRANSITION_INVALID', reason, message, from: c.status, ...(to !== undefined ? { to } : {}) },
});
const done = (c: CaseFile, at: string, patch: Partial<CaseFile>): CaseOutcome => ({
  ok: true,
  value: { ...c, ...patch, updatedAt: at },
});

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export function transitionCase(c: CaseFile, to: CaseStatus, opts: { readonly at: string; readonly reason?: string }): CaseOutcome {
  if (!canTransition(c.status, to)) {
    const allowed = CASE_TRANSITIONS[c.status];
    return fail(
      c,
      'not_allowed',
      `case ${c.id}: ${c.status} → ${to} is not allowed (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`,
      to,
    );
  }
  if (to === 'closed') {
    const reason = opts.reason?.trim();
    if (!reason) return fail(c, 'reason_required', `case ${c.id}: closing needs a reason`, to);
    return done(c, opts.at, { status: 'closed', closeReason: reason });
  }
  if (to === 'reported' && !c.report?.approvedBy) {
    return fail(c, 'approval_missing', `case ${c.id}: reporting needs a second user's approval first (four eyes)`, to);
  }
  // Moving back below escalated withdraws a pending report request: what was approved is no longer what is sent.
  if ((to === 'in_review' || to === 'open') && c.report) {
    const { report: _dropped, ...rest } = c;
    return done(rest as CaseFile, opts.at, { status: to });
  }
  return done(c, opts.at, { status: to });
}

export function requestReport(
  c: CaseFile,
  req: {
    readonly actor: string;
    readonly at: string;
    readonly reportCode: ReportCode;
    readonly reason: string;
    readonly indicators?: readonly string[];
  },
): CaseOutcome {
  if (c.status !== 'escalated')
    return fail(c, 'not_escalated', `case ${c.id}: a report can be requested only for an escalated case (it is ${c.status})`);
  if (!req.reason.trim()) return fail(c, 'reason_required', `case ${c.id}: a report needs a reason`);
  return done(c, req.at, {
    report: {
      reportCode: req.reportCode,
      reason: req.reason.trim(),
      indicators: [...(req.indicators ?? [])],
      requestedBy: req.actor,
      requestedAt: req.at,
    },
  });
}

/** Four eyes: the approver is not the requester and holds an approving role. Approval moves the case to `reported`. */
export function approveReport(
  c: CaseFile,
  req: { readonly actor: string; readonly role: string; readonly at: string; readonly approverRoles?: readonly string[] },
): CaseOutcome {
  const r = c.report;
  if (c.status !== 'escalated')
    return fail(c, 'not_escalated', `case ${c.id}: only an escalated case's report can be approved (it is ${c.status})`);
  if (!r) return fail(c, 'no_request', `case ${c.id}: no report has been requested`);
  if (r.approvedBy) return fail(c, 'already_approved', `case ${c.id}: the report was already approved by ${r.approvedBy}`);
  if (r.requestedBy === req.actor) {
    return fail(c, 'same_user', `case ${c.id}: ${req.actor} requested this report and cannot also approve it (four eyes)`);
  }
  const roles = req.approverRoles ?? DEFAULT_APPROVER_ROLES;
  if (!roles.includes(req.role)) {
    return fail(c, 'role_not_allowed', `case ${c.id}: role ${req.role} may not approve reports (allowed: ${roles.join(', ')})`);
  }
  return done(c, req.at, { status: 'reported', report: { ...r, approvedBy: req.actor, approvedAt: req.at } });
}

const editable = (c: CaseFile): CaseOutcome | undefined =>
  c.status === 'closed' ? fail(c, 'case_closed', `case ${c.id} is closed`) : undefined;

export function addCaseNote(c: CaseFile, note: CaseNote): CaseOutcome {
  return editable(c) ?? done(c, note.at, { notes: [...c.notes, note] });
}

export function addCaseEvidence(c: CaseFile, e: EvidenceMeta): CaseOutcome {
  return editable(c) ?? done(c, e.uploadedAt, { evidence: [...c.evidence, e] });
}

export function assignCase(c: CaseFile, assignee: string | undefined, at: string): CaseOutcome {
  const blocked = editable(c);
  if (blocked) return blocked;
  if (assignee === undefined) {
    const { assignee: _gone, ...rest } = c;
    return done(rest as CaseFile, at, {});
  }
  return done(c, at, { assignee });
}

export function linkToCase(
  c: CaseFile,
  link: {
    readonly at: string;
    readonly alertIds?: readonly string[];
    readonly transactionIds?: readonly string[];
    readonly parties?: readonly CaseParty[];
  },
): CaseOutcome {
  return (
    editable(c) ??
    done(c, link.at, {
      alertIds: [...new Set([...c.alertIds, ...(link.alertIds ?? [])])],
      transactionIds: [...new Set([...c.transactionIds, ...(link.transactionIds ?? [])])],
      parties: dedupeParties([...c.parties, ...(link.parties ?? [])]),
    })
  );
}
