/** Which file of an OFAC CSV set is which: the primary (sdn.csv, cons_prim.csv), addresses, aliases, Remarks overflow. */

import { ArgusError } from '../../model/errors.js';

export type OfacCsvRole = 'primary' | 'addresses' | 'aliases' | 'comments';

/** Fields per record in each file of the set. */
export const OFAC_FIELDS: Readonly<Record<OfacCsvRole, number>> = { primary: 12, addresses: 6, aliases: 5, comments: 2 };

/** What each role is called in messages. */
const ROLE_FILE: Readonly<Record<OfacCsvRole, string>> = {
  primary: 'primary file (sdn.csv / cons_prim.csv)',
  addresses: 'address file (add.csv / cons_add.csv)',
  aliases: 'alias file (alt.csv / cons_alt.csv)',
  comments: 'comments file (sdn_comments.csv / cons_comments.csv)',
};

const baseName = (name: string): string => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

/**
 * The role of a file from its name. OFAC's names are sdn / add / alt / sdn_comments and, for the
 * consolidated non-SDN lists, cons_prim / cons_add / cons_alt / cons_comments; dated copies
 * ("sdn-2024-05-03.csv", "add_2021.csv") keep their stem. Anything else is a primary file.
 * @example ofacCsvRole('cons_alt.csv') // 'aliases'
 */
export function ofacCsvRole(name: string): OfacCsvRole {
  const stem = baseName(name)
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/^(?:sdn|cons)[_-]/, '');
  if (/^add(?:$|[^a-z])/.test(stem)) return 'addresses';
  if (/^alt(?:$|[^a-z])/.test(stem)) return 'aliases';
  if (/^comments?(?:$|[^a-z])/.test(stem)) return 'comments';
  return 'primary';
}

export type OfacCsvSet<T> = { readonly primary: T } & { readonly [R in Exclude<OfacCsvRole, 'primary'>]?: T };

/**
 * Assigns each file its role. A set has exactly one primary file and at most one file of each other
 * role; anything else (two primaries, say, when a folder holds several dated editions) is an error
 * naming the files, because joining them would mix lists.
 */
export function assignOfacRoles<T extends { readonly name: string }>(files: readonly T[]): OfacCsvSet<T> {
  const byRole = new Map<OfacCsvRole, T[]>();
  for (const f of files) {
    const role = ofacCsvRole(f.name);
    const list = byRole.get(role) ?? [];
    list.push(f);
    byRole.set(role, list);
  }
  for (const [role, list] of byRole) {
    if (list.length > 1) {
      throw new ArgusError('LIST_PARSE_FAILED', `an OFAC CSV set has one ${ROLE_FILE[role]}; got ${list.map((f) => f.name).join(', ')}`, {
        location: { file: (list[1] as T).name },
      });
    }
  }
  const primary = byRole.get('primary')?.[0];
  if (!primary) {
    const names = files.map((f) => f.name).join(', ');
    throw new ArgusError('LIST_PARSE_FAILED', `no ${ROLE_FILE.primary} among ${names || 'the files given'}`, {
      location: { file: files[0]?.name ?? '' },
    });
  }
  const set: { primary: T; addresses?: T; aliases?: T; comments?: T } = { primary };
  for (const role of ['addresses', 'aliases', 'comments'] as const) {
    const f = byRole.get(role)?.[0];
    if (f) set[role] = f;
  }
  return set;
}
