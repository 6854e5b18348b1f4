import { describe, expect, it } from 'vitest';
import { type CaseFile, newCase } from './case-file.js';
import { addCaseNote, approveReport, assignCase, requestReport, transitionCase } from './case-transitions.js';

const at = '2024-05-01T10:00:00.000Z';
const base = () =>
  newCase({
    id: 'case_1',
    agencyId: 'a',
    title: 't',
    createdBy: 'alice',
    at,
    parties: [
      { kind: 'account', ref: 'A1' },
      { kind: 'account', ref: 'A1', name: 'Acme' },
    ],
    alertIds: ['al1', 'al1'],
  });
const must = (o: { ok: boolean; value?: CaseFile; error?: unknown }): CaseFile => {
  if (!o.ok || !o.value) throw new Error(JSON.stringify(o.error));
  return o.value;
};
const escalated = () => must(transitionCase(must(transitionCase(base(), 'in_review', { at })), 'escalated', { at }));

describe('case status machine', () => {
  it('starts open with de-duplicated links', () => {
    const c = base();
    expect(c.status).toBe('open');
    expect(c.alertIds).toEqual(['al1']);
    expect(c.parties).toEqual([{ kind: 'account', ref: 'A1', name: 'Acme' }]);
  });

  it('walks open → in_review → escalated', () => {
    expect(escalated().status).toBe('escalated');
  });

  it('refuses skipping steps with a typed error', () => {
    const r = transitionCase(base(), 'escalated', { at });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CASE_TRANSITION_INVALID', reason: 'not_allowed', from: 'open', to: 'escalated' },
    });
  });

  it('needs a reason to close, and a closed case stays closed', () => {
    expect(transitionCase(base(), 'closed', { at, reason: '  ' })).toMatchObject({ ok: false, error: { reason: 'reason_required' } });
    const closed = must(transitionCase(base(), 'closed', { at, reason: 'false positive' }));
    expect(closed.closeReason).toBe('false positive');
    expect(transitionCase(closed, 'open', { at })).toMatchObject({ ok: false, error: { reason: 'not_allowed' } });
    expect(addCaseNote(closed, { id: 'n', author: 'x', text: 'y', at })).toMatchObject({ ok: false, error: { reason: 'case_closed' } });
  });

  it('cannot reach reported without approval', () => {
    expect(transitionCase(escalated(), 'reported', { at })).toMatchObject({ ok: false, error: { reason: 'approval_missing' } });
  });
});

describe('four eyes', () => {
  const requested = () =>
    must(requestReport(escalated(), { actor: 'alice', at, reportCode: 'STR', reason: 'structuring', indicators: ['I1'] }));

  it('only for escalated cases', () => {
    expect(requestReport(base(), { actor: 'alice', at, reportCode: 'STR', reason: 'x' })).toMatchObject({
      ok: false,
      error: { reason: 'not_escalated' },
    });
  });

  it('refuses approval by the requester', () => {
    expect(approveReport(requested(), { actor: 'alice', role: 'admin', at })).toMatchObject({ ok: false, error: { reason: 'same_user' } });
  });

  it('refuses approval by a role not allowed to approve', () => {
    expect(approveReport(requested(), { actor: 'bob', role: 'analyst', at })).toMatchObject({
      ok: false,
      error: { reason: 'role_not_allowed' },
    });
    expect(approveReport(requested(), { actor: 'bob', role: 'analyst', at, approverRoles: ['analyst'] }).ok).toBe(true);
  });

  it('refuses approval with nothing requested', () => {
    expect(approveReport(escalated(), { actor: 'bob', role: 'reviewer', at })).toMatchObject({
      ok: false,
      error: { reason: 'no_request' },
    });
  });

  it('a second user with an approving role reports the case', () => {
    const c = must(approveReport(requested(), { actor: 'bob', role: 'reviewer', at }));
    expect(c.status).toBe('reported');
    expect(c.report).toMatchObject({ requestedBy: 'alice', approvedBy: 'bob', reportCode: 'STR', indicators: ['I1'] });
  });

  it('moving back to review withdraws the request', () => {
    const back = must(transitionCase(requested(), 'in_review', { at }));
    expect(back.report).toBeUndefined();
  });
});

it('assigns and unassigns', () => {
  const c = must(assignCase(base(), 'carol', at));
  expect(c.assignee).toBe('carol');
  expect(must(assignCase(c, undefined, at)).assignee).toBeUndefined();
});
