/** The alert queue: filter, age against the SLA, dispose as false positive or escalate to a case. */

import { type Alert, ArgusError, type Severity } from '@argus/core';
import type { AuditEvent } from '@argus/core/audit';
import type { CaseFile } from '@argus/core/cases';
import type { AgencyStore } from '../ports/store.js';
import { auditAppend } from '../audit/audit-log.js';
import { openCase } from './case-actions.js';
import type { Actor, CasesDeps } from './cases-deps.js';

export interface QueueFilter {
  readonly type?: string;
  readonly severity?: Severity | readonly Severity[];
  /** Only alerts at least this old (hours since detection). */
  readonly minAgeHours?: number;
  /** Only alerts at most this old. */
  readonly maxAgeHours?: number;
  /** Only alerts past (true) or within (false) the SLA. */
  readonly overdue?: boolean;
  /** Only alerts assigned to this user; `null` for unassigned ones. */
  readonly assignee?: string | null;
  /** `new`/`assigned` by default: the work still to do. */
  readonly status?: Alert['status'] | readonly Alert['status'][];
  readonly limit?: number;
  readonly offset?: number;
}

export interface QueuedAlert {
  readonly alert: Alert;
  readonly ageHours: number;
  /** Hours left before the SLA is breached (negative: overdue). */
  readonly slaRemainingHours: number;
  readonly overdue: boolean;
  readonly assignee?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Pure: ages and orders alerts (overdue first, then severity, then oldest). */
export function ageAlerts(
  alerts: readonly Alert[],
  now: Date,
  slaHours: number,
  filter: QueueFilter = {},
  assignees: ReadonlyMap<string, string> = new Map(),
): QueuedAlert[] {
  const statuses = filter.status === undefined ? ['new', 'assigned'] : typeof filter.status === 'string' ? [filter.status] : filter.status;
  const severities = filter.severity === undefined ? undefined : typeof filter.severity === 'string' ? [filter.severity] : filter.severity;
  return alerts
    .filter((a) => statuses.includes(a.status))
    .filter((a) => filter.type === undefined || a.type === filter.type)
    .filter((a) => severities === undefined || severities.includes(a.severity))
    .map((alert) => {
      const ageHours = Math.max(0, (now.getTime() - Date.parse(alert.detectedAt)) / 3_600_000);
      const slaRemainingHours = slaHours - ageHours;
      const assignee = assignees.get(alert.id);
      return { alert, ageHours, slaRemainingHours, overdue: slaRemainingHours < 0, ...(assignee !== undefined ? { assignee } : {}) };
    })
    .filter((q) => filter.minAgeHours === undefined || q.ageHours >= filter.minAgeHours)
    .filter((q) => filter.maxAgeHours === undefined || q.ageHours <= filter.maxAgeHours)
    .filter((q) => filter.overdue === undefined || q.overdue === filter.overdue)
    .filter((q) => filter.assignee === undefined || (filter.assignee === null ? q.assignee === undefined : q.assignee === filter.assignee))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        SEVERITY_RANK[a.alert.severity] - SEVERITY_RANK[b.alert.severity] ||
        b.ageHours - a.ageHours ||
        a.alert.id.localeCompare(b.alert.id),
    );
}

export async function alertQueue(
  deps: CasesDeps,
  filter: QueueFilter = {},
): Promise<{ items: QueuedAlert[]; total: number; slaHours: number }> {
  if (!deps.alerts) return { items: [], total: 0, slaHours: deps.slaHours ?? 48 };
  const slaHours = deps.slaHours ?? 48;
  const alerts = await deps.alerts.listAlerts({
    status: filter.status ?? ['new', 'assigned'],
    ...(filter.type !== undefined ? { type: filter.type } : {}),
    ...(filter.severity !== undefined ? { severity: filter.severity } : {}),
  });
  // Where monitoring stores assignees they are the record; otherwise the audit log's assignments are.
  const assignees = deps.alerts.assignAlert ? ownAssignees(alerts) : await alertAssignees(deps.store, alerts);
  const all = ageAlerts(alerts, deps.clock.now(), slaHours, filter, assignees);
  const offset = filter.offset ?? 0;
  return { items: all.slice(offset, offset + (filter.limit ?? 100)), total: all.length, slaHours };
}

const PAGE = 1000;

/**
 * Who works each alert: the alert's own `assignee` where monitoring stores one, else the newest
 * `alert.assign` entry of the audit log (which records every assignment with its actor and time).
 */
export async function alertAssignees(store: AgencyStore, alerts: readonly Alert[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let after = 0;
  for (;;) {
    const page = await store.audit.list({ action: 'alert.assign', afterSeq: after, limit: PAGE });
    for (const e of page) {
      const id = e.subject.startsWith('alert:') ? e.subject.slice(6) : e.subject;
      const assignee = (e.after as { assignee?: unknown } | undefined)?.assignee;
      if (typeof assignee === 'string' && assignee) out.set(id, assignee);
      else out.delete(id);
    }
    if (page.length < PAGE) break;
    after = (page.at(-1) as AuditEvent).seq;
  }
  for (const [id, who] of ownAssignees(alerts)) out.set(id, who);
  return out;
}

function ownAssignees(alerts: readonly Alert[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of alerts) {
    const own = (a as { assignee?: unknown }).assignee;
    if (typeof own === 'string' && own) out.set(a.id, own);
  }
  return out;
}

export type Disposition =
  | { readonly kind: 'false_positive'; readonly reason: string }
  | { readonly kind: 'escalate'; readonly title?: string };

/** Dismisses an alert as a false positive (a reason is required) or escalates it into a new case. */
export async function disposeAlert(
  deps: CasesDeps,
  actor: Actor,
  alertId: string,
  d: Disposition,
): Promise<
  | { readonly alertId: string; readonly status: 'dismissed' }
  | { readonly alertId: string; readonly status: 'escalated'; readonly case: CaseFile }
> {
  const alert = await deps.alerts?.getAlert(alertId);
  if (!alert || !deps.alerts) throw new ArgusError('ALERT_NOT_FOUND', `no alert ${alertId}`, { location: { record: alertId } });
  if (alert.status === 'dismissed' || alert.status === 'escalated') {
    throw new ArgusError('CONFLICT', `alert ${alertId} was already ${alert.status}`, { location: { record: alertId } });
  }
  if (d.kind === 'escalate') {
    const c = await openCase(deps, actor, { alertIds: [alertId], ...(d.title !== undefined ? { title: d.title } : {}) });
    return { alertId, status: 'escalated', case: c };
  }
  const reason = d.reason.trim();
  if (!reason)
    throw new ArgusError('INPUT_INVALID', 'dismissing an alert as a false positive needs a reason', { location: { field: 'reason' } });
  await deps.alerts.updateAlertStatus(alertId, 'dismissed');
  await auditAppend(deps.store, deps.clock, {
    actor: actor.username,
    action: 'alert.dismiss',
    subject: `alert:${alertId}`,
    before: { status: alert.status },
    after: { status: 'dismissed', disposition: 'false_positive', reason },
  });
  return { alertId, status: 'dismissed' };
}

/** Marks alerts as assigned (the queue's bulk action); the assignee is recorded in the audit log. */
export async function bulkAssignAlerts(
  deps: CasesDeps,
  actor: Actor,
  alertIds: readonly string[],
  assignee: string,
): Promise<{ assigned: string[]; missing: string[] }> {
  const assigned: string[] = [];
  const missing: string[] = [];
  for (const id of alertIds) {
    const a = await deps.alerts?.getAlert(id);
    if (!a || !deps.alerts) {
      missing.push(id);
      continue;
    }
    // A dismissed or escalated alert keeps its status; only the work still open becomes `assigned`.
    if (a.status === 'new' || a.status === 'assigned') await deps.alerts.updateAlertStatus(id, 'assigned');
    await deps.alerts.assignAlert?.(id, assignee);
    await auditAppend(deps.store, deps.clock, {
      actor: actor.username,
      action: 'alert.assign',
      subject: `alert:${id}`,
      before: { status: a.status },
      after: { status: a.status === 'new' ? 'assigned' : a.status, assignee },
    });
    assigned.push(id);
  }
  return { assigned, missing };
}
