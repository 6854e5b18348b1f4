/** One row of an agency's own list ('argus-csv'): its documented columns and how each becomes part of an entity. */

import { IDENTIFIER_TYPES, type BirthDate, type IdentifierType, SCHEMAS, type Schema } from '../../model/entity.js';
import { type EntityBuilder, clean, isoDate, listCountry } from '../entity-builder.js';

/** The documented columns, in the order docs/lists.md lists them. `id`, `schema` and `name` must be in the header. */
export const AGENCY_COLUMNS = [
  'id',
  'schema',
  'name',
  'aliases',
  'given_name',
  'family_name',
  'birth_date',
  'nationality',
  'id_type',
  'id_number',
  'country',
  'address',
  'programme',
  'notes',
] as const;
export type AgencyColumn = (typeof AGENCY_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly AgencyColumn[] = ['id', 'schema', 'name'];

export type AgencyRow = Readonly<Partial<Record<AgencyColumn, string>>>;

/** A problem with one cell: the row is still imported without that value. */
export interface CellProblem {
  readonly field: AgencyColumn;
  readonly message: string;
}

/** Splits a `;`-separated cell into its trimmed, non-empty values. */
export function listCell(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((v) => clean(v))
    .filter((v) => v !== '');
}

/**
 * "Person", "person", "COMPANY", "Organisation" → the schema; empty → LegalEntity (a party of unknown
 * kind); anything else → undefined.
 */
export function agencySchema(cell: string | undefined): Schema | undefined {
  const v = clean(cell).toLowerCase();
  if (v === '') return 'LegalEntity';
  if (v === 'organisation') return 'Organization';
  return SCHEMAS.find((s) => s.toLowerCase() === v);
}

/**
 * A birth date cell value: `1970`, `1970-05`, `1970-05-12`; `~1970` is approximate; `1970/1972` is a range.
 * Undefined when it is none of these (or an impossible date).
 */
export function agencyBirthDate(text: string): BirthDate | undefined {
  const v = text.trim();
  const range = /^(\S+)\s*\/\s*(\S+)$/.exec(v);
  if (range) {
    const from = exactIso(range[1] as string);
    const to = exactIso(range[2] as string);
    return from && to && from <= to ? { kind: 'between', from, to } : undefined;
  }
  if (v.startsWith('~')) {
    const date = exactIso(v.slice(1).trim());
    return date ? { kind: 'approximate', date } : undefined;
  }
  const date = exactIso(v);
  return date ? { kind: 'exact', date } : undefined;
}

/** Only a whole cell that is an ISO partial date (isoDate alone would accept "1970-05-12T…" and trailing text). */
function exactIso(text: string): string | undefined {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) ? isoDate(text) : undefined;
}

/** `passport`, `National ID`, `tax-id` → the identifier type; anything else is `other`, its wording kept as label. */
export function agencyIdType(cell: string | undefined): IdentifierType {
  const v = clean(cell)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (IDENTIFIER_TYPES as readonly string[]).includes(v) ? (v as IdentifierType) : 'other';
}

/**
 * Adds one row to an entity (a first row, or a following row of the same id). Returns the cell
 * problems found; the values that were fine are added regardless.
 */
export function addAgencyRow(entity: EntityBuilder, row: AgencyRow, list: string): CellProblem[] {
  const problems: CellProblem[] = [];
  const given = clean(row.given_name);
  const family = clean(row.family_name);
  const name = clean(row.name) || [given, family].filter(Boolean).join(' ');
  entity.name(name, 'primary', { ...(given ? { given } : {}), ...(family ? { family } : {}) });
  for (const alias of listCell(row.aliases)) entity.name(alias, 'alias_strong');

  for (const text of listCell(row.birth_date)) {
    const date = agencyBirthDate(text);
    if (date) entity.birthDate(date);
    else problems.push({ field: 'birth_date', message: `"${text}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY or YYYY/YYYY)` });
  }
  for (const text of listCell(row.nationality)) {
    const code = listCountry(text);
    if (code) entity.country(code, 'nationality');
    else problems.push({ field: 'nationality', message: `"${text}" is not a country (ISO alpha-2 code or English name)` });
  }
  const countryRole = entity.schema === 'Person' ? 'residence' : 'jurisdiction';
  for (const text of listCell(row.country)) {
    const code = listCountry(text);
    if (code) entity.country(code, countryRole);
    else problems.push({ field: 'country', message: `"${text}" is not a country (ISO alpha-2 code or English name)` });
  }

  const idNumber = clean(row.id_number);
  const idType = clean(row.id_type);
  if (idNumber !== '') {
    entity.identifier({ type: agencyIdType(idType), value: idNumber, ...(idType ? { label: idType } : {}) });
  } else if (idType !== '') {
    problems.push({ field: 'id_number', message: `id_type "${idType}" is given without an id_number` });
  }
  for (const address of listCell(row.address)) entity.address({ full: address });
  const programme = clean(row.programme);
  if (programme !== '') entity.sanction({ authority: list, program: programme });
  entity.note(row.notes);
  return problems;
}
