/** `argus audit verify|export`: check the hash chain (naming the first bad entry) and export it as JSON lines. */

import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { ArgusError } from '@argus/core';
import { systemClock } from '@argus/app';
import { auditAppend, exportAudit, verifyAudit } from '@argus/app/audit';
import type { CliContext, CommandRegistrar } from '../program.js';
import { cliActor } from './case-deps.js';

export const registerAudit: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  const cmd = program.command('audit').description('the tamper-evident audit log');

  cmd
    .command('verify')
    .description('verify the hash chain of the agency (ARGUS_AGENCY); names the first edited, deleted or reordered entry')
    .action(async () => {
      const c = ctx();
      const store = (await c.store()).forAgency(c.agencyId);
      const r = await verifyAudit(store);
      if (!r.ok) {
        throw new ArgusError(
          'AUDIT_CHAIN_BROKEN',
          `first bad entry is #${r.firstBadSeq}: ${r.message} (${r.entries} entries before it verified)`,
          {
            location: { record: String(r.firstBadSeq) },
            details: { firstBadSeq: r.firstBadSeq, reason: r.reason },
          },
        );
      }
      if (c.global.json) c.stdout.write(`${JSON.stringify({ intact: true, entries: r.entries, headHash: r.headHash })}\n`);
      else c.stdout.write(`audit chain intact: ${r.entries} entries (head ${r.headHash.slice(0, 16)}…)\n`);
    });

  cmd
    .command('export')
    .description('export the log as JSON lines (each entry with seq, prev_hash and hash) to stdout or --output')
    .option('--output <file>', 'write to this file')
    .option('--actor <user>', 'only this actor')
    .option('--action <action>', 'only this action')
    .option('--subject <subject>', 'only this subject')
    .action(async (opts: { output?: string; actor?: string; action?: string; subject?: string }) => {
      const c = ctx();
      const store = (await c.store()).forAgency(c.agencyId);
      const filter = {
        ...(opts.actor !== undefined ? { actor: opts.actor } : {}),
        ...(opts.action !== undefined ? { action: opts.action } : {}),
        ...(opts.subject !== undefined ? { subject: opts.subject } : {}),
      };
      let n: number;
      if (opts.output) {
        const file = createWriteStream(opts.output);
        n = await exportAudit(store, (l) => void file.write(l), filter);
        await new Promise<void>((res, rej) => file.end((e?: Error | null) => (e ? rej(e) : res())));
        c.stderr.write(`${n} entries written to ${opts.output}\n`);
      } else {
        n = await exportAudit(store, (l) => void c.stdout.write(l), filter);
      }
      // Exporting is itself an auditable action (who took a copy of the log, and how much).
      await auditAppend(store, systemClock, {
        actor: (await cliActor(c)).username,
        action: 'audit.export',
        subject: `agency:${c.agencyId}`,
        after: { entries: n, ...filter },
      });
    });
};
