/**
 * `argus alerts`: the agency's monitoring alerts, newest first. With --json, one object per line in the
 * contract's shape and key order: {"id","type","severity","score","accounts","transactions","explanation"}.
 */

import type { Command } from 'commander';
import type { Severity } from '@argus/core';
import type { StoredAlert } from '@argus/app';
import { listAlerts } from '@argus/app/monitoring';
import { type CliContext, type CommandRegistrar, usage } from '../program.js';
import { cliMonitoringDeps } from './monitor.js';

const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const STATUSES = ['new', 'assigned', 'dismissed', 'escalated'] as const;
const TEXT_LIMIT = 100;

const out = (c: CliContext, s = ''): void => void c.stdout.write(`${s}\n`);

/** The contract line: exactly these keys, in this order. */
export function alertLine(a: StoredAlert): string {
  return JSON.stringify({
    id: a.id,
    type: a.type,
    severity: a.severity,
    score: a.score,
    accounts: a.accounts,
    transactions: a.transactions,
    explanation: a.explanation,
  });
}

export const registerAlerts: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  program
    .command('alerts')
    .description('monitoring alerts, newest first, with their explanations')
    .option('--json', 'one JSON object per line: id, type, severity, score, accounts, transactions, explanation')
    .option('--type <type>', 'only this rule or typology (fan_in, cycle, structuring, …)')
    .option('--severity <severity>', `only this severity (${SEVERITIES.join(', ')})`)
    .option('--status <status>', `only this status (${STATUSES.join(', ')})`)
    .option('--account <account>', 'only alerts involving this account')
    .option('--since <iso>', 'only alerts detected at or after this instant')
    .option('--limit <n>', `how many (default: all with --json, ${TEXT_LIMIT} as text)`)
    .action(
      async (opts: {
        json?: boolean;
        type?: string;
        severity?: string;
        status?: string;
        account?: string;
        since?: string;
        limit?: string;
      }) => {
        const c = ctx();
        const json = opts.json === true || c.global.json;
        if (opts.severity !== undefined && !(SEVERITIES as readonly string[]).includes(opts.severity)) {
          usage(`unknown severity "${opts.severity}" (one of ${SEVERITIES.join(', ')})`);
        }
        if (opts.status !== undefined && !(STATUSES as readonly string[]).includes(opts.status)) {
          usage(`unknown status "${opts.status}" (one of ${STATUSES.join(', ')})`);
        }
        let limit: number | undefined = json ? undefined : TEXT_LIMIT;
        if (opts.limit !== undefined) {
          limit = Number(opts.limit);
          if (!Number.isInteger(limit) || limit < 1) usage(`--limit must be a positive whole number, got "${opts.limit}"`);
        }
        if (opts.since !== undefined && Number.isNaN(Date.parse(opts.since)))
          usage(`--since must be an ISO 8601 instant, got "${opts.since}"`);
        const { items, total } = await listAlerts(await cliMonitoringDeps(c), {
          ...(opts.type ? { type: opts.type } : {}),
          ...(opts.severity ? { severity: opts.severity as Severity } : {}),
          ...(opts.status ? { status: opts.status as (typeof STATUSES)[number] } : {}),
          ...(opts.account ? { account: opts.account } : {}),
          ...(opts.since ? { since: new Date(opts.since).toISOString() } : {}),
          ...(limit !== undefined ? { limit } : {}),
        });
        if (json) {
          for (const a of items) out(c, alertLine(a));
          return;
        }
        if (items.length === 0) {
          out(c, 'no alerts');
          return;
        }
        for (const a of items) {
          const accounts =
            a.accounts.length <= 3 ? a.accounts.join(', ') : `${a.accounts.slice(0, 3).join(', ')} +${a.accounts.length - 3}`;
          out(
            c,
            `${a.id}  ${a.severity.padEnd(8)} ${a.score.toFixed(2)}  ${a.type.padEnd(22)} ${a.status.padEnd(9)} ${a.detectedAt.slice(0, 16).replace('T', ' ')}  [${accounts}]`,
          );
          out(c, `    ${a.explanation}`);
        }
        if (total > items.length) out(c, `… ${(total - items.length).toLocaleString('en')} more (--limit, --json)`);
      },
    );
};
