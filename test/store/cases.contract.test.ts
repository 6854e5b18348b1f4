/** The CaseRepo contract and the case use cases (alert → case → four eyes → goAML STR → audit), on every store. */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { Alert, Transaction } from '@argus/core';
import { newCase } from '@argus/core/cases';
import { DEFAULT_GOAML_LOOKUPS, type GoamlConfig } from '@argus/core/goaml';
import { verifyAudit } from '@argus/app/audit';
import {
  type Actor,
  type CasesDeps,
  addNote,
  alertQueue,
  approveReport,
  assign,
  attachEvidence,
  bulkAssign,
  disposeAlert,
  exportStr,
  getCase,
  getEvidence,
  listCases,
  memoryAlertSource,
  openCase,
  type ReportValidator,
  requestReport,
  transitionCaseStatus,
} from '@argus/app/cases';
import { describeEachStore } from './harness.js';

const schemaPath =
  process.env.ARGUS_GOAML_SCHEMA ??
  join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'data', 'goaml', 'goAMLSchema.xsd');
const canValidate = existsSync(schemaPath) && existsSync('/usr/bin/xmllint');
if (!canValidate)
  console.warn(`\n*** goAML schema or xmllint missing (${schemaPath}): STR exports are NOT schema-validated in this run ***\n`);
const tmp = mkdtempSync(join(tmpdir(), 'argus-str-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const xmllint: ReportValidator = async (xml) => {
  const f = join(tmp, `${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(f, xml);
  try {
    execFileSync('/usr/bin/xmllint', ['--noout', '--schema', schemaPath, f], { stdio: 'pipe' });
    return { valid: true };
  } catch (e) {
    return {
      valid: false,
      errors: String((e as { stderr?: Buffer }).stderr ?? e)
        .split('\n')
        .filter(Boolean),
    };
  }
};

const goaml: GoamlConfig = {
  rentityId: 42,
  rentityBranch: 'HQ',
  submissionCode: 'E',
  currencyCodeLocal: 'USD',
  reportingPerson: { firstName: 'Mia', lastName: 'Reporter' },
  location: { addressType: '-', address: '1 Bank St', city: 'Karachi', countryCode: 'PK' },
  transactionLocation: 'online',
  lookups: DEFAULT_GOAML_LOOKUPS,
};

const txs: Transaction[] = [
  {
    id: 't1',
    time: '2026-01-01T10:00:00Z',
    amount: 9900,
    currency: 'USD',
    originator: { account: 'A1', name: 'Ali <&> Co' },
    beneficiary: { account: 'B1', country: 'AE' },
    channel: 'cash',
  },
  { id: 't2', time: '2026-01-01T11:00:00Z', amount: 9800, currency: 'USD', originator: { account: 'A1' }, beneficiary: { account: 'B2' } },
];
const alert = (id: string, more: Partial<Alert> = {}): Alert => ({
  id,
  type: 'structuring',
  kind: 'rule',
  severity: 'high',
  score: 0.9,
  accounts: ['A1'],
  transactions: ['t1', 't2'],
  explanation: 'two cash deposits just under 10,000',
  detectedAt: '2026-01-01T11:00:00Z',
  status: 'new',
  ...more,
});

const alice: Actor = { username: 'alice', role: 'analyst' };
const bob: Actor = { username: 'bob', role: 'reviewer' };
const carol: Actor = { username: 'carol', role: 'analyst' };

describeEachStore('cases', (fx) => {
  let n = 0;
  function deps(extra: Partial<CasesDeps> = {}) {
    let id = 0;
    let t = 0;
    const agency = `cases-${++n}`;
    const alerts = memoryAlertSource(
      [alert('al1'), alert('al2', { severity: 'low', detectedAt: '2025-12-01T00:00:00Z' }), alert('al3', { type: 'fan_in' })],
      txs,
    );
    const d: CasesDeps = {
      store: fx.store().forAgency(agency),
      clock: { now: () => new Date(Date.UTC(2026, 0, 3, 0, 0, t++)) },
      ids: { next: (p) => `${p}_${agency}_${++id}` },
      alerts,
      goaml,
      ...(canValidate ? { validateReport: xmllint } : {}),
      ...extra,
    };
    return { d, alerts };
  }

  it('repo: create, get, optimistic update, filters, tenancy', async () => {
    const repo = fx.store().forAgency('cases-repo').cases;
    const c = newCase({ id: 'c1', agencyId: 'cases-repo', title: 'x', createdBy: 'a', at: '2026-01-01T00:00:00Z', alertIds: ['a1'] });
    await repo.create(c);
    await expect(repo.create(c)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await repo.get('c1')).toEqual(c);
    expect(await fx.store().forAgency('someone-else').cases.get('c1')).toBeUndefined();
    expect(await repo.update({ ...c, status: 'in_review', version: 2 })).toBe(true);
    expect(await repo.update({ ...c, status: 'closed', version: 2 })).toBe(false);
    expect((await repo.list({ status: 'in_review' })).map((x) => x.id)).toEqual(['c1']);
    expect(await repo.count({ status: ['open', 'closed'] })).toBe(0);
    expect((await repo.list({ alertId: 'a1' })).map((x) => x.id)).toEqual(['c1']);
    expect(await repo.list({ alertId: 'nope' })).toEqual([]);
    const bytes = new TextEncoder().encode('hello');
    await repo.putEvidence({ sha256: 'h1', contentType: 'text/plain', bytes });
    await repo.putEvidence({ sha256: 'h1', contentType: 'text/plain', bytes });
    expect(await repo.getEvidence('h1')).toMatchObject({ size: 5, contentType: 'text/plain', bytes });
  });

  it('alert → case → escalate → evidence → four eyes → STR → audit chain', async () => {
    const { d, alerts } = deps();
    const c = await openCase(d, alice, { alertIds: ['al1'] });
    expect(c).toMatchObject({ status: 'open', alertIds: ['al1'], transactionIds: ['t1', 't2'], parties: [{ kind: 'account', ref: 'A1' }] });
    expect(alerts.alerts.get('al1')?.status).toBe('escalated');
    await transitionCaseStatus(d, alice, c.id, 'in_review');
    await transitionCaseStatus(d, alice, c.id, 'escalated');
    await addNote(d, alice, c.id, 'deposits split to avoid CTR');
    const pdf = new TextEncoder().encode('%PDF-1.4 statement');
    const { evidence } = await attachEvidence(d, alice, c.id, { fileName: 'C:\\docs\\statement.pdf', bytes: pdf });
    expect(evidence).toMatchObject({ fileName: 'statement.pdf', contentType: 'application/pdf', size: pdf.length });
    expect((await getEvidence(d, c.id, evidence.id)).blob.bytes).toEqual(pdf);

    await expect(transitionCaseStatus(d, alice, c.id, 'reported')).rejects.toMatchObject({ code: 'CASE_TRANSITION_INVALID' });
    await requestReport(d, alice, c.id, { reason: 'Structuring below the CTR threshold' });
    await expect(approveReport(d, alice, c.id)).rejects.toMatchObject({
      code: 'CASE_TRANSITION_INVALID',
      details: { reason: 'same_user' },
    });
    await expect(approveReport(d, carol, c.id)).rejects.toMatchObject({ details: { reason: 'role_not_allowed' } });
    const reported = await approveReport(d, bob, c.id);
    expect(reported).toMatchObject({ status: 'reported', report: { requestedBy: 'alice', approvedBy: 'bob' } });

    const str = await exportStr(d, bob, c.id);
    expect(str).toMatchObject({ approved: true, transactions: 2, reportCode: 'STR', schemaValidated: canValidate });
    expect(str.xml).toContain('<rentity_id>42</rentity_id>');
    expect(str.xml).toContain('Ali &lt;&amp;&gt; Co');

    const log = await d.store.audit.list();
    expect(log.map((e) => e.action)).toEqual([
      'alert.escalate',
      'case.open',
      'case.transition',
      'case.transition',
      'case.note',
      'case.evidence',
      'case.report.request',
      'case.report.approve',
      'case.export_str',
    ]);
    expect(log.find((e) => e.action === 'case.report.approve')).toMatchObject({
      actor: 'bob',
      before: { status: 'escalated' },
      after: { status: 'reported' },
    });
    expect(await verifyAudit(d.store)).toMatchObject({ ok: true, entries: 9 });
  });

  it('refuses invalid transitions, closes with a reason, keeps closed cases closed', async () => {
    const { d } = deps();
    const c = await openCase(d, alice, { title: 'by hand', parties: [{ kind: 'person', ref: 'p1', name: 'Someone' }] });
    await expect(transitionCaseStatus(d, alice, c.id, 'escalated')).rejects.toMatchObject({
      code: 'CASE_TRANSITION_INVALID',
      details: { from: 'open', to: 'escalated' },
    });
    await expect(transitionCaseStatus(d, alice, c.id, 'closed')).rejects.toMatchObject({ details: { reason: 'reason_required' } });
    const closed = await transitionCaseStatus(d, alice, c.id, 'closed', 'no further action');
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'no further action', version: 2 });
    await expect(addNote(d, alice, c.id, 'x')).rejects.toMatchObject({ code: 'CASE_TRANSITION_INVALID' });
    await expect(getCase(d, 'nope')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(openCase(d, alice, { alertIds: ['missing'] })).rejects.toMatchObject({ code: 'ALERT_NOT_FOUND' });
  });

  it('export of a case without transactions fails with REPORT_INVALID naming the field', async () => {
    const { d } = deps();
    const c = await openCase(d, alice, { title: 'no money moved' });
    await expect(exportStr(d, alice, c.id)).rejects.toMatchObject({ code: 'REPORT_INVALID', location: { field: 'transaction' } });
  });

  it('export before approval is a draft; bad configuration is REPORT_INVALID', async () => {
    const { d } = deps();
    const c = await openCase(d, alice, { alertIds: ['al1'] });
    expect(await exportStr(d, alice, c.id)).toMatchObject({ approved: false });
    const bad = { ...d, goaml: { ...goaml, rentityId: 0 } };
    await expect(exportStr(bad, alice, c.id)).rejects.toMatchObject({
      code: 'REPORT_INVALID',
      message: expect.stringContaining('rentity_id'),
    });
  });

  it.skipIf(!canValidate)('schema validation failures are REPORT_INVALID with the schema message', async () => {
    const { d } = deps();
    const c = await openCase(d, alice, { alertIds: ['al1'] });
    const bad = { ...d, goaml: { ...goaml, lookups: { ...DEFAULT_GOAML_LOOKUPS, fundsFrom: 'NOT-A-CODE' } } };
    await expect(exportStr(bad, alice, c.id)).rejects.toMatchObject({
      code: 'REPORT_INVALID',
      message: expect.stringContaining('from_funds_code'),
    });
  });

  it('alert queue: SLA ageing, filters, dispose and bulk assign', async () => {
    const { d, alerts } = deps({ slaHours: 24 });
    const q = await alertQueue(d);
    // All overdue (SLA 24 h): higher severity first, then oldest.
    expect(q.items.map((x) => x.alert.id)).toEqual(['al1', 'al3', 'al2']);
    expect(q.items.every((x) => x.overdue)).toBe(true);
    expect(q.items[2]?.ageHours).toBeGreaterThan(q.items[0]?.ageHours ?? 0);
    expect((await alertQueue({ ...d, slaHours: 1000 })).items.map((x) => x.alert.id)).toEqual(['al1', 'al3', 'al2']);
    expect((await alertQueue({ ...d, slaHours: 40 })).items.map((x) => x.alert.id)).toEqual(['al2', 'al1', 'al3']);
    expect((await alertQueue(d, { type: 'fan_in' })).items.map((x) => x.alert.id)).toEqual(['al3']);
    expect((await alertQueue(d, { severity: 'low' })).total).toBe(1);
    await expect(disposeAlert(d, alice, 'al2', { kind: 'false_positive', reason: ' ' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await disposeAlert(d, alice, 'al2', { kind: 'false_positive', reason: 'known payroll pattern' });
    expect(alerts.alerts.get('al2')?.status).toBe('dismissed');
    const esc = await disposeAlert(d, alice, 'al3', { kind: 'escalate' });
    expect(esc.status).toBe('escalated');
    await expect(disposeAlert(d, alice, 'al3', { kind: 'escalate' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await alertQueue(d)).items.map((x) => x.alert.id)).toEqual(['al1']);

    const c1 = await openCase(d, alice, { title: 'one' });
    const r = await bulkAssign(d, alice, [c1.id, 'missing'], 'carol');
    expect(r.assigned).toEqual([c1.id]);
    expect(r.failed).toMatchObject([{ id: 'missing', code: 'CASE_NOT_FOUND' }]);
    expect((await listCases(d, { assignee: 'carol' })).total).toBe(1);
    expect((await assign(d, alice, c1.id, undefined)).assignee).toBeUndefined();
    expect(await verifyAudit(d.store)).toMatchObject({ ok: true });
  });
});
