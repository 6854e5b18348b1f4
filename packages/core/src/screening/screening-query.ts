/** A screening query and its validation: bad input becomes a SCREEN_QUERY_INVALID error naming the field. */

import { ArgusError, type ErrorLocation } from '../model/errors.js';
import { type Gender, type Schema, isSchema } from '../model/entity.js';
import { type PartialDateParts, parsePartialDate } from '../model/dates.js';
import { normalizeIdentifier, type ParsedName, parseName } from '../names/index.js';

export interface ScreeningQuery {
  readonly name: string;
  readonly schema?: Schema;
  /** ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly birthDate?: string;
  /** ISO 3166-1 alpha-2 (resolve country names at the boundary). */
  readonly country?: string;
  readonly gender?: Gender;
  readonly identifiers?: readonly string[];
}

/** A query after validation: parsed name, parsed date, normalised identifiers. */
export interface PreparedQuery {
  readonly query: ScreeningQuery;
  readonly parsed: ParsedName;
  readonly birthDate?: PartialDateParts;
  readonly identifiers: readonly string[];
}

export const MAX_NAME_LENGTH = 500;

/**
 * Validates and prepares a query. Throws SCREEN_QUERY_INVALID for an empty name, a name of only
 * punctuation or stop words, an over-long name, an impossible date, an unknown schema or a country
 * that is not an ISO code — with `location` naming the field (and the row, when given).
 */
export function prepareQuery(query: ScreeningQuery, where: ErrorLocation = {}): PreparedQuery {
  const fail = (field: string, message: string): never => {
    throw new ArgusError('SCREEN_QUERY_INVALID', message, { location: { ...where, field } });
  };
  const ids = (query.identifiers ?? []).map(normalizeIdentifier).filter((s) => s.length > 0);
  const name = query.name ?? '';
  if (name.trim() === '' && ids.length === 0) fail('name', 'the name is empty');
  if (name.length > MAX_NAME_LENGTH) fail('name', `the name is ${name.length} characters long (at most ${MAX_NAME_LENGTH})`);
  if (query.schema !== undefined && !isSchema(query.schema)) fail('schema', `unknown schema "${String(query.schema)}"`);
  const style =
    query.schema === 'Person' ? 'person' : query.schema === undefined || query.schema === 'LegalEntity' ? 'any' : 'organization';
  const parsed = parseName(name, style);
  const meaningful = parsed.tokens.some((t) => !t.particle && !(t.generic && parsed.tokens.length === 1));
  if (!meaningful && ids.length === 0) fail('name', `the name "${name.slice(0, 60)}" has no searchable words`);
  let birthDate: PartialDateParts | undefined;
  if (query.birthDate !== undefined && query.birthDate.trim() !== '') {
    birthDate = parsePartialDate(query.birthDate);
    if (!birthDate) fail('date_of_birth', `"${query.birthDate}" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (query.country !== undefined && !/^[A-Z]{2}$/.test(query.country)) fail('country', `unknown country "${query.country}"`);
  const out: PreparedQuery = { query, parsed, identifiers: ids };
  return birthDate ? { ...out, birthDate } : out;
}
