/** `argus entity <id>`: one entity with everything its list says, and the source and version it comes from. */

import type { Command } from 'commander';
import { getEntity } from '@argus/app/lists';
import { addressText, birthDateText, countryText, identifierText, nameText, sanctionText } from '@argus/core/versions';
import { createListsApp } from '@argus/runtime';
import type { CliContext, CommandRegistrar } from '../program.js';

export const registerEntity: CommandRegistrar = (program: Command, ctx: () => CliContext) => {
  program
    .command('entity <id>')
    .description('show one listed entity (id: <source>:<list id>, e.g. ofac-sdn:306) with its source and version')
    .option('--version <version>', 'version number or id of the source (default: current)')
    .configureHelp({ showGlobalOptions: true })
    .action(async (id: string, opts: { version?: string }) => {
      const c = ctx();
      const deps = await createListsApp({ store: await c.store(), agencyId: c.agencyId });
      const view = await getEntity(deps, { id, ...(opts.version !== undefined ? { version: opts.version } : {}) });
      if (c.global.json) {
        c.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        return;
      }
      const { entity: e, source, version: v } = view;
      const out: string[] = [];
      const field = (label: string, values: readonly string[]) => {
        if (values.length === 0) return;
        out.push(`  ${label.padEnd(13)} ${values[0]}`);
        for (const x of values.slice(1)) out.push(`  ${''.padEnd(13)} ${x}`);
      };
      out.push(`${e.id}  ${e.schema}`);
      field('source', [`${source.id} — ${source.name}${source.agencyId === 'public' ? '' : ` (list of ${source.agencyId})`}`]);
      field('version', [
        `${v.id} (${v.status}${v.publishedAt ? `, published ${v.publishedAt}` : ''}, imported ${v.importedAt.slice(0, 16).replace('T', ' ')} UTC)`,
      ]);
      field('list id', [e.source.sourceId]);
      field('names', e.names.map(nameText));
      field('born', e.birthDates.map(birthDateText));
      field('birthplace', e.birthPlaces);
      if (e.gender) field('gender', [e.gender]);
      field('countries', e.countries.map(countryText));
      field('identifiers', e.identifiers.map(identifierText));
      field('addresses', e.addresses.map(addressText));
      field(
        'sanctions',
        e.sanctions.map((s) => `${sanctionText(s)}${s.reason ? ` — ${s.reason}` : ''}`),
      );
      for (const [k, vals] of Object.entries(e.properties)) field(k, vals);
      field('notes', e.notes);
      c.stdout.write(`${out.join('\n')}\n`);
    });
};
