/** Builds the commander program: global options, every command, and one error path with stable codes. */

import { Command, CommanderError } from 'commander';
import { ArgusError, isArgusError } from '@argus/core';
import type { Store } from '@argus/app';
import { DEFAULT_DB, openStore } from '@argus/runtime';
import { COMMANDS } from './commands/index.js';

export interface GlobalOptions {
  readonly db: string;
  readonly json: boolean;
}

/** What every command gets: its options, output streams, and the store opened lazily and closed at the end. */
export interface CliContext {
  readonly global: GlobalOptions;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  store(): Promise<Store>;
  /** The agency the CLI acts for (ARGUS_AGENCY, default `default`). */
  readonly agencyId: string;
}

export type CommandRegistrar = (program: Command, ctx: () => CliContext) => void;

export interface RunOptions {
  readonly stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs the CLI with these argv (node, script, …args) and resolves to the exit code. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  let store: Store | undefined;
  let ctx: CliContext | undefined;

  const program = new Command('argus')
    .description('Argus: sanctions screening, transaction monitoring, cases and incident statistics')
    .option('--db <file-or-url>', 'SQLite file or postgres:// URL (env ARGUS_DB)', process.env.ARGUS_DB ?? DEFAULT_DB)
    .option('--json', 'print data as JSON', false)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => stderr.write(s),
    });

  const context = (): CliContext => {
    if (ctx) return ctx;
    const g = program.opts<{ db: string; json: boolean }>();
    ctx = {
      global: { db: g.db, json: Boolean(g.json) },
      stdout,
      stderr,
      agencyId: process.env.ARGUS_AGENCY ?? 'default',
      store: async () => {
        store ??= await openStore(g.db);
        return store;
      },
    };
    return ctx;
  };

  for (const register of COMMANDS) register(program, context);

  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    const json = program.opts<{ json?: boolean }>().json === true;
    if (isArgusError(e)) {
      if (json) stderr.write(`${JSON.stringify({ error: { code: e.code, message: e.message, location: e.location } })}\n`);
      else stderr.write(`argus: ${e.code}: ${e.message}\n`);
      return e.status >= 500 ? 3 : 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (json) stderr.write(`${JSON.stringify({ error: { code: 'INTERNAL', message } })}\n`);
    else stderr.write(`argus: INTERNAL: ${message}\n`);
    if (process.env.ARGUS_DEBUG && e instanceof Error) stderr.write(`${e.stack}\n`);
    return 3;
  } finally {
    await store?.close();
  }
}

/** Raises a usage error with the stable INPUT_INVALID code. */
export function usage(message: string): never {
  throw new ArgusError('INPUT_INVALID', message);
}
