/** `argus case …`: open, show, list, transition, note, attach, request-report, approve, assign, export-str. */

import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CASE_STATUSES, type CaseFile, type CaseStatus } from '@argus/core/cases';
import {
  addNote,
  approveReport,
  assign,
  attachEvidence,
  exportStr,
  getCase,
  listCases,
  openCase,
  requestReport,
  transitionCaseStatus,
} from '@argus/app/cases';
import { type CliContext, type CommandRegistrar, usage } from '../program.js';
import { cliActor, cliCasesDeps } from './case-deps.js';

const out = (c: CliContext, s: string): void => void c.stdout.write(`${s}\n`);
const json = (c: CliContext, v: unknown): void => out(c, JSON.stringify(v, null, 2));

function summary(k: CaseFile): string {
  return `${k.id}  ${k.status.padEnd(9)}  ${(k.assignee ?? '-').padEnd(10)}  ${k.updatedAt.slice(0, 16).replace('T', ' ')}  ${k.title}`;
}

function detail(k: CaseFile): string {
  const lines = [
    `${k.id}  ${k.status}${k.closeReason ? ` (${k.closeReason})` : ''}`,
    `  title       ${k.title}`,
    `  assignee    ${k.assignee ?? '-'}`,
    `  created     ${k.createdAt} by ${k.createdBy}`,
    `  alerts      ${k.alertIds.join(', ') || '-'}`,
    `  txs         ${k.transactionIds.length ? `${k.transactionIds.length}: ${k.transactionIds.slice(0, 10).join(', ')}${k.transactionIds.length > 10 ? ' …' : ''}` : '-'}`,
  ];
  for (const p of k.parties) lines.push(`  party       ${p.kind} ${p.ref}${p.name ? ` (${p.name})` : ''}${p.role ? ` — ${p.role}` : ''}`);
  for (const e of k.evidence) lines.push(`  evidence    ${e.id} ${e.fileName} ${e.contentType} ${e.size} B sha256:${e.sha256}`);
  if (k.report) {
    lines.push(
      `  report      ${k.report.reportCode} requested by ${k.report.requestedBy}${k.report.approvedBy ? `, approved by ${k.report.approvedBy}` : ', awaiting approval'}`,
    );
  }
  for (const n of k.notes) lines.push(`  note        ${n.at.slice(0, 16).replace('T', ' ')} ${n.author}: ${n.text}`);
  return lines.join('\n');
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function status(s: string): CaseStatus {
  if (!(CASE_STATUSES as readonly string[]).includes(s)) usage(`unknown case status "${s}" (one of ${CASE_STATUSES.join(', ')})`);
  return s as CaseStatus;
}

export const registerCase: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  const cmd = program.command('case').description('case files: open from alerts, work them, report to the FIU (goAML)');

  cmd
    .command('open')
    .description('open a case from one or more alerts (--alert, repeatable) or by hand (--title); prints the case id')
    .option('--alert <alert-id>', 'alert to escalate into the case (repeatable)', collect, [])
    .option('--title <title>', 'title (default: from the alerts)')
    .option('--assignee <user>', 'assign to this user')
    .option('--json', 'print the case as JSON')
    .action(async (opts: { alert: string[]; title?: string; assignee?: string; json?: boolean }) => {
      const c = ctx();
      if (opts.alert.length === 0 && !opts.title) usage('give --alert <alert-id> or --title <title>');
      const deps = await cliCasesDeps(c);
      const k = await openCase(deps, await cliActor(c), {
        alertIds: opts.alert,
        ...(opts.title !== undefined ? { title: opts.title } : {}),
        ...(opts.assignee !== undefined ? { assignee: opts.assignee } : {}),
      });
      if (opts.json || c.global.json) json(c, k);
      else out(c, k.id);
    });

  cmd
    .command('show <case-id>')
    .description('show a case with its parties, alerts, evidence, notes and report state')
    .option('--json', 'as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const c = ctx();
      const k = await getCase(await cliCasesDeps(c), id);
      if (opts.json || c.global.json) json(c, k);
      else out(c, detail(k));
    });

  cmd
    .command('list')
    .description('list cases, newest first')
    .option('--status <status>', 'only this status (repeatable)', collect, [])
    .option('--assignee <user>', 'only cases assigned to this user')
    .option('--limit <n>', 'at most n', '50')
    .option('--json', 'as JSON')
    .action(async (opts: { status: string[]; assignee?: string; limit: string; json?: boolean }) => {
      const c = ctx();
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0) usage('--limit must be a whole number');
      const r = await listCases(await cliCasesDeps(c), {
        ...(opts.status.length ? { status: opts.status.map(status) } : {}),
        ...(opts.assignee !== undefined ? { assignee: opts.assignee } : {}),
        limit,
      });
      if (opts.json || c.global.json) {
        json(c, r);
        return;
      }
      for (const k of r.items) out(c, summary(k));
      out(c, `${r.total} case${r.total === 1 ? '' : 's'}`);
    });

  cmd
    .command('transition <case-id> <status>')
    .description(`move a case: ${CASE_STATUSES.join(', ')} (closing needs --reason; reporting needs approve)`)
    .option('--reason <text>', 'why (required to close)')
    .action(async (id: string, to: string, opts: { reason?: string }) => {
      const c = ctx();
      const k = await transitionCaseStatus(await cliCasesDeps(c), await cliActor(c), id, status(to), opts.reason);
      if (c.global.json) json(c, k);
      else out(c, `${k.id} ${k.status}`);
    });

  cmd
    .command('note <case-id> <text>')
    .description('add a note')
    .action(async (id: string, text: string) => {
      const c = ctx();
      const k = await addNote(await cliCasesDeps(c), await cliActor(c), id, text);
      out(c, c.global.json ? JSON.stringify(k.notes.at(-1)) : `${k.id}: note added (${k.notes.length})`);
    });

  cmd
    .command('attach <case-id> <file>')
    .description('attach an evidence file (stored by SHA-256; content type sniffed; size-limited)')
    .action(async (id: string, file: string) => {
      const c = ctx();
      const bytes = new Uint8Array(await readFile(file));
      const { evidence } = await attachEvidence(await cliCasesDeps(c), await cliActor(c), id, { fileName: file, bytes });
      if (c.global.json) json(c, evidence);
      else out(c, `${evidence.id} ${evidence.fileName} ${evidence.contentType} ${evidence.size} B sha256:${evidence.sha256}`);
    });

  cmd
    .command('request-report <case-id>')
    .description('request an STR/SAR for an escalated case; a second user approves it (four eyes)')
    .requiredOption('--reason <text>', 'the reason sent to the FIU')
    .option('--code <code>', 'STR or SAR', 'STR')
    .option('--indicator <code>', "FIU indicator code (repeatable; default: the configuration's)", collect, [])
    .action(async (id: string, opts: { reason: string; code: string; indicator: string[] }) => {
      const c = ctx();
      if (opts.code !== 'STR' && opts.code !== 'SAR') usage('--code must be STR or SAR');
      const k = await requestReport(await cliCasesDeps(c), await cliActor(c), id, {
        reason: opts.reason,
        reportCode: opts.code,
        indicators: opts.indicator,
      });
      out(c, c.global.json ? JSON.stringify(k.report) : `${k.id}: ${opts.code} requested by ${k.report?.requestedBy}; awaiting approval`);
    });

  cmd
    .command('approve <case-id>')
    .description('approve the requested report as a second user (four eyes); the case becomes reported')
    .action(async (id: string) => {
      const c = ctx();
      const k = await approveReport(await cliCasesDeps(c), await cliActor(c), id);
      out(
        c,
        c.global.json
          ? JSON.stringify(k.report)
          : `${k.id}: ${k.report?.reportCode} approved by ${k.report?.approvedBy}; status ${k.status}`,
      );
    });

  cmd
    .command('assign <case-id> [user]')
    .description('assign a case (no user: unassign)')
    .action(async (id: string, user: string | undefined) => {
      const c = ctx();
      const k = await assign(await cliCasesDeps(c), await cliActor(c), id, user);
      out(c, `${k.id} ${k.assignee ?? 'unassigned'}`);
    });

  cmd
    .command('export-str <case-id>')
    .description('write the case as a goAML STR/SAR XML, validated against the goAML xsd (ARGUS_GOAML_SCHEMA)')
    .requiredOption('--output <file.xml>', 'where to write the report')
    .action(async (id: string, opts: { output: string }) => {
      const c = ctx();
      const r = await exportStr(await cliCasesDeps(c, { validate: true }), await cliActor(c), id);
      await writeFile(opts.output, r.xml);
      if (r.missingTransactions.length > 0) {
        c.stderr.write(
          `argus: note: ${r.missingTransactions.length} linked transaction(s) could not be loaded and were left out (first: ${r.missingTransactions[0]})\n`,
        );
      }
      if (!r.approved) c.stderr.write(`argus: note: ${id} has no approved report yet (four eyes); ${opts.output} is a draft\n`);
      if (c.global.json)
        json(c, {
          file: opts.output,
          reportCode: r.reportCode,
          approved: r.approved,
          transactions: r.transactions,
          schemaValidated: r.schemaValidated,
        });
      else
        out(
          c,
          `${opts.output}: goAML ${r.reportCode}, ${r.transactions} transaction${r.transactions === 1 ? '' : 's'}, valid against the xsd`,
        );
    });
};
