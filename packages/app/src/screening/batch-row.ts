/** Turns one row of a screening batch (CSV columns id, schema, full_name, first/middle/last name, …) into a query. */

import { ArgusError, type ErrorLocation, type Gender, isSchema } from '@argus/core';
import { resolveCountry, type ScreeningQuery } from '@argus/core/screening';

/** The columns `argus screen batch` understands; any may be missing. */
export interface BatchRow {
  readonly id?: string;
  readonly schema?: string;
  readonly full_name?: string;
  readonly first_name?: string;
  readonly middle_name?: string;
  readonly last_name?: string;
  readonly gender?: string;
  readonly date_of_birth?: string;
  readonly place_of_birth?: string;
  readonly nationality?: string;
  readonly id_number?: string;
  /** Set by the reader when the row itself is broken (more fields than the header): the row fails, the batch goes on. */
  readonly malformed?: string;
}

const GENDERS: Record<string, Gender> = { m: 'male', male: 'male', f: 'female', female: 'female', other: 'other', x: 'other' };

/**
 * Maps a row to a query; throws SCREEN_QUERY_INVALID naming the field for an unknown schema, gender
 * or country. A row with first/last name or a gender is a person unless it says otherwise.
 */
export function batchRowQuery(row: BatchRow, where: ErrorLocation = {}): ScreeningQuery {
  const fail = (field: string, message: string): never => {
    throw new ArgusError('SCREEN_QUERY_INVALID', message, { location: { ...where, field } });
  };
  if (row.malformed !== undefined) fail('row', `malformed row: ${row.malformed}`);
  const v = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());
  const parts = [v(row.first_name), v(row.middle_name), v(row.last_name)].filter((s): s is string => s !== undefined);
  const name = v(row.full_name) ?? parts.join(' ');
  let schema = v(row.schema);
  if (schema !== undefined) {
    const canonical = schema.charAt(0).toUpperCase() + schema.slice(1).toLowerCase();
    const fixed = canonical === 'Legalentity' ? 'LegalEntity' : canonical;
    if (!isSchema(fixed)) fail('schema', `unknown schema "${schema}"`);
    schema = fixed;
  } else if (parts.length > 0 || v(row.gender) !== undefined) schema = 'Person';
  const q: { -readonly [K in keyof ScreeningQuery]: ScreeningQuery[K] } = { name };
  if (schema !== undefined && isSchema(schema)) q.schema = schema;
  const dob = v(row.date_of_birth);
  if (dob !== undefined) q.birthDate = dob;
  const g = v(row.gender);
  if (g !== undefined) {
    const gender = GENDERS[g.toLowerCase()];
    if (!gender) fail('gender', `unknown gender "${g}"`);
    else q.gender = gender;
  }
  const nat = v(row.nationality);
  if (nat !== undefined) {
    const code = resolveCountry(nat);
    if (!code) fail('nationality', `unknown country "${nat}"`);
    else q.country = code;
  }
  const idn = v(row.id_number);
  if (idn !== undefined) q.identifiers = [idn];
  return q;
}
