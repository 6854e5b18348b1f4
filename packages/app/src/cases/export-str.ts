/** Builds a case's goAML STR/SAR, validates it against the FIU's schema, and audits the export. */

import { ArgusError } from '@argus/core';
import { buildGoamlReport, goamlReportForCase } from '@argus/core/goaml';
import { auditAppend } from '../audit/audit-log.js';
import { getCase } from './case-actions.js';
import type { Actor, CasesDeps } from './cases-deps.js';

export interface StrExport {
  readonly xml: string;
  readonly fileName: string;
  readonly reportCode: 'STR' | 'SAR';
  /** True when a second user approved the report (four eyes); otherwise the file is a draft for review. */
  readonly approved: boolean;
  readonly transactions: number;
  /** Transaction ids the case links but monitoring could not supply (left out of the report). */
  readonly missingTransactions: readonly string[];
  /** Whether the xml was checked against the xsd (false when no validator is configured). */
  readonly schemaValidated: boolean;
}

/**
 * Fails with REPORT_INVALID naming the problem (field path or schema message) rather than producing a
 * file the FIU would reject.
 */
export async function exportStr(deps: CasesDeps, actor: Actor, caseId: string): Promise<StrExport> {
  const c = await getCase(deps, caseId);
  const transactions = c.transactionIds.length > 0 && deps.alerts ? await deps.alerts.getTransactions(c.transactionIds) : [];
  const loaded = new Set(transactions.map((t) => t.id));
  const missing = c.transactionIds.filter((id) => !loaded.has(id));
  if (c.transactionIds.length > 0 && missing.length === c.transactionIds.length) {
    throw new ArgusError(
      'REPORT_INVALID',
      `case ${caseId}: none of its ${c.transactionIds.length} transactions could be loaded (first: ${missing[0]})`,
      {
        location: { record: caseId, field: 'transaction' },
      },
    );
  }
  const report = goamlReportForCase({ caseFile: c, transactions, config: deps.goaml, at: deps.clock.now().toISOString() });
  const built = buildGoamlReport(report);
  if (!built.ok) {
    const first = built.problems[0];
    throw new ArgusError('REPORT_INVALID', `case ${caseId}: ${built.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, {
      location: { record: caseId, ...(first ? { field: first.path } : {}) },
      details: { problems: built.problems },
    });
  }
  let schemaValidated = false;
  if (deps.validateReport) {
    const v = await deps.validateReport(built.xml);
    if (!v.valid) {
      throw new ArgusError(
        'REPORT_INVALID',
        `case ${caseId}: the report does not validate against the goAML schema: ${v.errors.slice(0, 5).join('; ')}`,
        {
          location: { record: caseId },
          details: { errors: v.errors },
        },
      );
    }
    schemaValidated = true;
  }
  const approved = c.report?.approvedBy !== undefined;
  await auditAppend(deps.store, deps.clock, {
    actor: actor.username,
    action: 'case.export_str',
    subject: `case:${caseId}`,
    after: { reportCode: report.reportCode, approved, transactions: transactions.length, missing: missing.length, schemaValidated },
  });
  return {
    xml: built.xml,
    fileName: `${report.reportCode.toLowerCase()}-${caseId}.xml`,
    reportCode: report.reportCode,
    approved,
    transactions: transactions.length,
    missingTransactions: missing,
    schemaValidated,
  };
}
