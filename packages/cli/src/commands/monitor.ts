/** `argus monitor …`: ingest transactions (every format) and evaluate them; show and set the configuration; list rejected records. */

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { ArgusError } from '@argus/core';
import { isTransactionFormat, TRANSACTION_FORMATS, type TransactionFormatId } from '@argus/core/transactions';
import { systemClock } from '@argus/app';
import {
  getMonitoringConfig,
  type IngestSummary,
  ingestTransactions,
  listRejections,
  type MonitoringDeps,
  saveMonitoringConfig,
} from '@argus/app/monitoring';
import { auditAppend } from '@argus/app/audit';
import { EntityIndexCache } from '@argus/app/screening';
import { readListPath } from '@argus/runtime';
import { type CliContext, type CommandRegistrar, usage } from '../program.js';
import { progressBar } from '../progress.js';
import { cliActor } from './case-deps.js';

const out = (c: CliContext, s = ''): void => void c.stdout.write(`${s}\n`);
const n = (x: number): string => x.toLocaleString('en');

export async function cliMonitoringDeps(c: CliContext): Promise<MonitoringDeps> {
  return { store: (await c.store()).forAgency(c.agencyId), clock: systemClock, screening: new EntityIndexCache() };
}

function summaryText(path: string, s: IngestSummary, seconds: number): string {
  const types = Object.entries(s.alertsByType)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, k]) => `${t} ${n(k)}`)
    .join(', ');
  const rate = s.read / Math.max(seconds, 0.001);
  return [
    `${s.aborted ? 'stopped' : 'ingested'} ${path} (${s.format}) in ${seconds.toFixed(1)} s, ${n(Math.round(rate))} records/s`,
    `  transactions  ${n(s.read)} read, ${n(s.new)} new, ${n(s.duplicates)} already stored, ${n(s.rejected)} rejected${s.rejected > 0 ? ' (argus monitor rejected)' : ''}`,
    ...(s.late > 0 ? [`                ${n(s.late)} arrived later than the lateness window allows (evaluated all the same)`] : []),
    `  alerts        ${n(s.alertsNew)} new, ${n(s.alertsUpdated)} updated${types ? ` — ${types}` : ''}`,
    `  evaluated with monitoring configuration ${s.configVersion === 0 ? 'defaults' : `v${s.configVersion}`}${s.warmedUp > 0 ? `, window warmed with ${n(s.warmedUp)} stored transactions` : ''}`,
  ].join('\n');
}

/** JSON text → value, or MONITOR_CONFIG_INVALID naming the file and the line of the syntax error. */
function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new ArgusError('MONITOR_CONFIG_INVALID', `${file}${line ? `: line ${line}` : ''}: not valid JSON: ${(e as Error).message}`, {
      location: { file, ...(line ? { line } : {}) },
    });
  }
}

export const registerMonitor: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  const cmd = program
    .command('monitor')
    .description('transaction monitoring: ingest and evaluate transactions, configuration, rejected records');

  cmd
    .command('ingest <path>')
    .description(
      'ingest a transaction file (or an AMLSim folder), evaluate it with the rules and typologies, store transactions and alerts',
    )
    .option(
      '--format <format>',
      `input format: ${TRANSACTION_FORMATS.filter((f) => f !== 'json').join('|')} (also json); detected when omitted`,
    )
    .option('--id-prefix <prefix>', 'prefix of ids generated from row numbers (AMLSim, PaySim, AMLworld); default: the file or folder name')
    .option('--epoch <iso>', 'the instant simulation step 0 maps to (AMLSim, PaySim)', '2020-01-01T00:00:00Z')
    .option('--currency <code>', 'currency of formats that carry none (AMLSim, PaySim)', 'USD')
    .option('--json', 'print the summary as JSON')
    .action(async (path: string, opts: { format?: string; idPrefix?: string; epoch: string; currency: string; json?: boolean }) => {
      const c = ctx();
      let format: TransactionFormatId | undefined;
      if (opts.format !== undefined) {
        if (!isTransactionFormat(opts.format)) usage(`unknown format "${opts.format}" (one of ${TRANSACTION_FORMATS.join(', ')})`);
        format = opts.format;
      }
      const input = readListPath(path);
      const deps = await cliMonitoringDeps(c);
      const bar = progressBar(c.stderr, `Ingesting ${basename(path)}`);
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      const t0 = performance.now();
      let summary: IngestSummary;
      try {
        summary = await ingestTransactions(deps, {
          files: input.files,
          ...(format ? { format } : {}),
          idPrefix: opts.idPrefix ?? basename(path, extname(path)),
          epoch: opts.epoch,
          currency: opts.currency,
          signal: abort.signal,
          onProgress: (p) =>
            bar.update(p.bytes, p.totalBytes, `bytes; ${n(p.read)} records read, ${n(p.new)} new, ${n(p.alertsNew)} alerts`),
        });
      } finally {
        process.removeListener('SIGINT', onSigint);
        bar.finish();
      }
      const seconds = (performance.now() - t0) / 1000;
      // Ingesting changes the agency's records (transactions, alerts, rejections): audited like the server's ingest.
      await auditAppend(deps.store, systemClock, {
        actor: (await cliActor(c)).username,
        action: 'transactions.ingest',
        subject: `transactions:${path}`,
        after: {
          format: summary.format,
          read: summary.read,
          new: summary.new,
          duplicates: summary.duplicates,
          rejected: summary.rejected,
          alertsNew: summary.alertsNew,
          alertsUpdated: summary.alertsUpdated,
          ...(summary.aborted ? { aborted: true } : {}),
        },
      });
      if (opts.json || c.global.json) out(c, JSON.stringify({ path, ...summary, seconds: Math.round(seconds * 1000) / 1000 }));
      else out(c, summaryText(path, summary, seconds));
      if (summary.aborted) process.exitCode = 130;
    });

  const config = cmd.command('config').description("the agency's monitoring configuration (versioned)");
  config
    .command('show')
    .description('print the current configuration as JSON (edit it and `set` it back); the defaults while none is saved')
    .option('--version <n>', 'an earlier version')
    .action(async (opts: { version?: string }) => {
      const c = ctx();
      const version = opts.version === undefined ? undefined : Number(opts.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 0))
        usage(`--version must be a version number, got "${opts.version}"`);
      const view = await getMonitoringConfig(await cliMonitoringDeps(c), version);
      c.stderr.write(
        view.version === 0
          ? '# monitoring configuration: defaults (none saved)\n'
          : `# monitoring configuration v${view.version}, saved ${view.savedAt}${view.savedBy ? ` by ${view.savedBy}` : ''}\n`,
      );
      out(c, JSON.stringify(view.config, null, 2));
    });
  config
    .command('set <file>')
    .description('validate a configuration file (JSON) and save it as the next version')
    .action(async (file: string) => {
      const c = ctx();
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new ArgusError('INPUT_INVALID', `${file}: cannot read: ${(e as Error).message}`, { location: { file } });
      }
      const saved = await saveMonitoringConfig(await cliMonitoringDeps(c), parseJsonFile(text, file), {
        actor: process.env.ARGUS_USER ?? 'cli',
        file,
      });
      if (c.global.json) out(c, JSON.stringify({ version: saved.version, savedAt: saved.savedAt, savedBy: saved.savedBy }));
      else out(c, `saved monitoring configuration v${saved.version}`);
    });

  cmd
    .command('rejected')
    .description('records rejected by ingestion, newest first: file, line, field and reason')
    .option('--limit <n>', 'how many', '50')
    .option('--file <name>', 'only this input file')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { limit: string; file?: string; json?: boolean }) => {
      const c = ctx();
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) usage(`--limit must be a positive whole number, got "${opts.limit}"`);
      const { items, total } = await listRejections(await cliMonitoringDeps(c), { limit, ...(opts.file ? { file: opts.file } : {}) });
      if (opts.json || c.global.json) {
        for (const r of items) out(c, JSON.stringify(r));
        return;
      }
      if (items.length === 0) {
        out(c, 'no rejected records');
        return;
      }
      for (const r of items) {
        const where = `${r.file}${r.line !== undefined ? `:${r.line}` : ''}${r.field ? ` [${r.field}]` : ''}`;
        out(c, `${where}  ${r.reason}${r.record ? `  (record ${r.record})` : ''}`);
      }
      if (total > items.length) out(c, `… ${n(total - items.length)} more (--limit)`);
    });
};
