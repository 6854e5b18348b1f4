/** `argus lists`: sources and current versions; `import`, `update` and `diff` of list versions. */

import type { Command } from 'commander';
import { ArgusError } from '@argus/core';
import type { ListVersionRecord, ListWarningRecord } from '@argus/app';
import {
  type DiffVersionsResult,
  type ImportListResult,
  type SourceOverview,
  type UpdateOutcome,
  LIST_FORMATS,
  diffVersions,
  importList,
  isListFormat,
  listSources,
  sourceVersions,
  updateLists,
} from '@argus/app/lists';
import { createListsApp, readListPath } from '@argus/runtime';
import type { CliContext, CommandRegistrar } from '../program.js';
import { progressBar } from '../progress.js';
import { auditAppend } from '@argus/app/audit';
import { systemClock } from '@argus/app';
import { cliActor } from './case-deps.js';

const n = (x: number | undefined) => (x === undefined ? '—' : x.toLocaleString('en'));

function write(ctx: CliContext, text = ''): void {
  ctx.stdout.write(`${text}\n`);
}

function json(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function app(ctx: CliContext) {
  return createListsApp({ store: await ctx.store(), agencyId: ctx.agencyId });
}

/** A plain text table: columns padded to their widest cell. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...c].length);
    });
  }
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length))).join('  '))
    .join('\n');
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '—');
const minute = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

function renderSources(ctx: CliContext, sources: readonly SourceOverview[]): void {
  const rows = [['SOURCE', 'VERSION', 'ENTITIES', 'PUBLISHED', 'IMPORTED (UTC)', 'OWNER', 'NAME']];
  for (const s of sources) {
    rows.push([
      s.id,
      s.current ? `@${s.current.seq}` : '—',
      n(s.current?.counts?.entities),
      day(s.current?.publishedAt),
      s.current ? minute(s.current.completedAt ?? s.current.importedAt) : 'never',
      s.agencyId,
      s.name,
    ]);
  }
  write(ctx, table(rows));
}

function joinCounts(record: Readonly<Record<string, number>>): string {
  const parts = Object.entries(record).map(([k, v]) => `${k} ${n(v)}`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export function renderVersionSummary(ctx: CliContext, v: ListVersionRecord, warnings: readonly ListWarningRecord[]): void {
  const c = v.counts;
  write(ctx, `  checksum        sha256:${v.checksum}`);
  write(ctx, `  published       ${v.publishedAt ?? '— (the file does not say)'}`);
  write(ctx, `  entities        ${n(c?.entities)}${v.declaredCount !== undefined ? ` (the file declares ${n(v.declaredCount)})` : ''}`);
  if (c) {
    write(ctx, `    by schema     ${joinCounts(c.bySchema)}`);
    write(ctx, `  names           ${n(c.names)} (${n(c.aliases)} aliases)`);
    write(ctx, `  scripts         ${joinCounts(c.scripts)}`);
    write(ctx, `  dates of birth  ${n(c.birthDates)}`);
    write(ctx, `  identifiers     ${n(c.identifiers)}`);
    write(ctx, `  warnings        ${n(c.warnings)}`);
    for (const w of warnings) write(ctx, `    ${w.location}: ${w.message}`);
    if (c.warnings > warnings.length) write(ctx, `    … and ${n(c.warnings - warnings.length)} more`);
  }
  if (v.changes) {
    const ch = v.changes;
    write(
      ctx,
      `  against ${ch.fromVersionId}  +${n(ch.added)} added · −${n(ch.removed)} removed · ~${n(ch.changed)} changed · ${n(ch.unchanged)} unchanged`,
    );
  }
}

function renderImport(ctx: CliContext, r: ImportListResult): void {
  if (r.status === 'unchanged') {
    write(
      ctx,
      `${r.source.id}: unchanged — these bytes are the current version ${r.version.id} (sha256:${r.version.checksum.slice(0, 16)}…); no new version`,
    );
    return;
  }
  write(
    ctx,
    `Imported ${r.version.id} from ${r.version.fileName} (${r.version.format}), now the current version of ${r.source.id}${r.source.agencyId === 'public' ? ' (public list)' : ` (list of ${r.source.agencyId})`}`,
  );
  renderVersionSummary(ctx, r.version, r.warnings);
}

function renderUpdate(ctx: CliContext, outcomes: readonly UpdateOutcome[]): void {
  const rows: string[][] = [];
  for (const o of outcomes) {
    if (o.status === 'not-modified')
      rows.push([o.source, 'not modified', o.version ? `${o.version.id} stays current` : 'nothing imported yet']);
    else if (o.status === 'unchanged') rows.push([o.source, 'unchanged', `same bytes as ${o.version.id}; no new version`]);
    else if (o.status === 'imported') {
      const v = o.result.version;
      const ch = v.changes ? ` (+${n(v.changes.added)} −${n(v.changes.removed)} ~${n(v.changes.changed)})` : '';
      rows.push([o.source, 'imported', `${v.id}: ${n(v.counts?.entities)} entities${ch}, ${n(v.counts?.warnings)} warnings`]);
    } else rows.push([o.source, 'FAILED', `${o.error.code}: ${o.error.message} — the current version is untouched`]);
  }
  write(ctx, table(rows));
}

export function renderDiff(ctx: CliContext, r: DiffVersionsResult, limit: number): void {
  const { diff, from, to } = r;
  const label = (v: ListVersionRecord) => `${v.id}${v.publishedAt ? ` (${day(v.publishedAt)})` : ''}`;
  write(ctx, `${r.source.id}: ${label(from)} → ${label(to)}`);
  write(
    ctx,
    `  added ${n(diff.added.length)} · removed ${n(diff.removed.length)} · changed ${n(diff.changed.length)} · unchanged ${n(diff.unchanged)}`,
  );
  if (Object.keys(diff.fields).length > 0) write(ctx, `  changed fields: ${joinCounts(diff.fields)}`);
  const cap = <T>(xs: readonly T[]) => (limit > 0 ? xs.slice(0, limit) : xs);
  const more = (total: number) => {
    if (limit > 0 && total > limit) write(ctx, `  … ${n(total - limit)} more (--limit 0 shows all, --json gives everything)`);
  };
  if (diff.added.length > 0) {
    write(ctx, `\nAdded (${n(diff.added.length)})`);
    for (const e of cap(diff.added)) write(ctx, `  + ${e.id}  ${e.schema}  ${e.name}`);
    more(diff.added.length);
  }
  if (diff.removed.length > 0) {
    write(ctx, `\nRemoved (${n(diff.removed.length)})`);
    for (const e of cap(diff.removed)) write(ctx, `  - ${e.id}  ${e.schema}  ${e.name}`);
    more(diff.removed.length);
  }
  if (diff.changed.length > 0) {
    write(ctx, `\nChanged (${n(diff.changed.length)})`);
    for (const e of cap(diff.changed)) {
      write(ctx, `  ~ ${e.id}  ${e.schema}  ${e.name}`);
      for (const c of e.changes) {
        if (c.kind === 'value') write(ctx, `      ${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`);
        else {
          for (const x of c.removed) write(ctx, `      ${c.field} − ${x}`);
          for (const x of c.added) write(ctx, `      ${c.field} + ${x}`);
        }
      }
    }
    more(diff.changed.length);
  }
}

export const registerLists: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  const lists = program
    .command('lists')
    .description('list sources and their current versions (with --json: as data)')
    .configureHelp({ showGlobalOptions: true })
    .action(async () => {
      const c = ctx();
      const sources = await listSources(await app(c));
      if (c.global.json) json(c, sources);
      else renderSources(c, sources);
    });

  lists
    .command('import <path>')
    .description('import one edition of a list from a file, or a directory holding a CSV set, as a new version')
    .requiredOption('--source <id>', 'the list source id (official ids: ofac-sdn, ofac-sdn-xml, ofac-cons, un-sc, eu-fsf, uk-ofsi)')
    .option('--format <fmt>', `the list format, detected when absent: ${LIST_FORMATS.join(', ')}`)
    .option('--name <name>', 'display name of a new source')
    .option('--public', 'import a non-official list as public reference data every agency reads')
    .action(async (path: string, opts: { source: string; format?: string; name?: string; public?: boolean }) => {
      const c = ctx();
      if (opts.format !== undefined && !isListFormat(opts.format)) {
        throw new ArgusError('LIST_FORMAT_UNKNOWN', `unknown list format "${opts.format}" (known: ${LIST_FORMATS.join(', ')})`, {
          location: { field: 'format' },
        });
      }
      const input = readListPath(path);
      const deps = await app(c);
      const bar = progressBar(c.stderr, `Importing ${opts.source}`);
      let result: ImportListResult;
      // A list import changes what every screening sees: audited whether it lands or fails.
      const record = async (after: Record<string, unknown>) =>
        auditAppend((await c.store()).forAgency(c.agencyId), systemClock, {
          actor: (await cliActor(c)).username,
          action: 'lists.import',
          subject: opts.source,
          after: { file: path, ...after },
        });
      try {
        result = await importList(deps, {
          source: opts.source,
          files: input.files,
          fileName: input.fileName,
          ...(opts.format !== undefined ? { format: opts.format } : {}),
          ...(opts.name !== undefined ? { name: opts.name } : {}),
          ...(opts.public ? { visibility: 'public' as const } : {}),
          onProgress: (p) => bar.update(p.bytes, p.totalBytes, `${n(p.entities)} entities`),
        });
      } catch (e) {
        bar.finish();
        await record({ status: 'failed', error: e instanceof ArgusError ? e.code : 'INTERNAL' });
        throw e;
      }
      bar.finish();
      await record({ status: result.status, version: result.version.id, counts: result.version.counts });
      if (c.global.json) json(c, result);
      else renderImport(c, result);
    });

  lists
    .command('update [sources...]')
    .description('download the official lists (all, or the named sources) with conditional requests and import what changed')
    .action(async (sources: string[]) => {
      const c = ctx();
      const deps = await app(c);
      let bar: ReturnType<typeof progressBar> | undefined;
      const outcomes = await updateLists(deps, {
        sources,
        onStart: (id) => {
          bar?.finish();
          bar = progressBar(c.stderr, `Updating ${id}`);
        },
        onProgress: (_id, p) => bar?.update(p.bytes, p.totalBytes, `${n(p.entities)} entities`),
      });
      bar?.finish();
      await auditAppend((await c.store()).forAgency(c.agencyId), systemClock, {
        actor: (await cliActor(c)).username,
        action: 'lists.update',
        subject: sources.length > 0 ? sources.join(',') : 'all',
        after: { outcomes: outcomes.map((o) => ({ source: o.source, status: o.status })) },
      });
      if (c.global.json) json(c, outcomes);
      else renderUpdate(c, outcomes);
      const failed = outcomes.filter((o): o is Extract<UpdateOutcome, { status: 'failed' }> => o.status === 'failed');
      const first = failed[0];
      if (first) {
        const code = failed.every((f) => f.error.code === first.error.code) ? first.error.code : 'LIST_FETCH_FAILED';
        throw new ArgusError(
          code as ArgusError['code'],
          `${failed.length} of ${outcomes.length} sources failed to update: ${failed.map((f) => f.source).join(', ')}`,
        );
      }
    });

  lists
    .command('versions <source>')
    .description('every version of one source, newest first, with status, checksum and counts')
    .action(async (sourceId: string) => {
      const c = ctx();
      const { source, versions } = await sourceVersions(await app(c), sourceId);
      if (c.global.json) return json(c, versions);
      write(c, `${source.id} — ${source.name}`);
      const rows = [['VERSION', 'STATUS', 'ENTITIES', 'PUBLISHED', 'IMPORTED (UTC)', 'CHECKSUM', 'FROM / ERROR']];
      for (const v of versions) {
        rows.push([
          v.id,
          v.status,
          n(v.counts?.entities),
          day(v.publishedAt),
          minute(v.importedAt),
          v.checksum.slice(0, 12),
          v.error ?? v.fileName,
        ]);
      }
      write(c, table(rows));
    });

  lists
    .command('diff <source>')
    .description('added, removed and changed entities between two versions, field by field (default: previous → current)')
    .option('--from <version>', 'version number or id to compare from (default: the one before --to)')
    .option('--to <version>', 'version number or id to compare to (default: the current version)')
    .option('--limit <n>', 'entities shown per section in text output (0: all)', '50')
    .action(async (source: string, opts: { from?: string; to?: string; limit: string }) => {
      const c = ctx();
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0)
        throw new ArgusError('INPUT_INVALID', `--limit must be a whole number ≥ 0, not "${opts.limit}"`);
      const result = await diffVersions(await app(c), {
        source,
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.to !== undefined ? { to: opts.to } : {}),
      });
      if (c.global.json) json(c, result);
      else renderDiff(c, result, limit);
    });
};
