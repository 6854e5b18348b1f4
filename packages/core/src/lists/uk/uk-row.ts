/** Reads the rows of the UK OFSI consolidated list (ConList CSV) into entities: one row per name, rows of a Group ID merged. */

import { formatPartialDate, parsePartialDate } from '../../model/dates.js';
import type { IdentifierType, NameKind, PartialDate, Schema } from '../../model/entity.js';
import { EntityBuilder, clean, listCountry } from '../entity-builder.js';

export const UK_AUTHORITY = 'UK HM Treasury (OFSI)';

export interface UkRowWarning {
  readonly message: string;
  readonly field?: string;
}

/** Group Type → schema. */
const SCHEMA_OF: Readonly<Record<string, Schema>> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };

/** A ConList header, folded so that "NI Details" / "National Identification Details" and case differences meet. */
export function ukColumnKey(header: string): string {
  const h = header.trim().toLowerCase().replace(/\s+/g, ' ');
  if (h === 'ni details') return 'national identification details';
  if (h === 'ni number') return 'national identification number';
  return h;
}

/** Columns read into fields; any other column with a value is kept as a property named after its header. */
const KNOWN = new Set([
  'name 1',
  'name 2',
  'name 3',
  'name 4',
  'name 5',
  'name 6',
  'title',
  'name non-latin script',
  'non-latin script type',
  'non-latin script language',
  'dob',
  'town of birth',
  'country of birth',
  'nationality',
  'passport number',
  'passport details',
  'national identification number',
  'national identification details',
  'position',
  'address 1',
  'address 2',
  'address 3',
  'address 4',
  'address 5',
  'address 6',
  'post/zip code',
  'country',
  'other information',
  'group type',
  'alias type',
  'alias quality',
  'regime',
  'listed on',
  'uk sanctions list date designated',
  'last updated',
  'group id',
]);

/**
 * A ConList date, dd/mm/yyyy with 00 for an unknown day or month: "00/00/1936" → 1936, "00/09/1962" →
 * 1962-09, "10/00/1983" → 1983 (a day without its month says nothing more). 'invalid' when impossible.
 */
export function ukDate(text: string): PartialDate | 'invalid' | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) {
    const year = /^\d{4}$/.test(t) ? parsePartialDate(t) : undefined;
    return year ? formatPartialDate(year) : 'invalid';
  }
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const text2 = month === 0 ? `${m[3]}` : day === 0 ? `${m[3]}-${String(month).padStart(2, '0')}` : formatPartialDate({ year, month, day });
  const parts = parsePartialDate(text2);
  return parts ? formatPartialDate(parts) : 'invalid';
}

/** "(1) A (2) B" → ["A", "B"]; anything else → [text]. */
export function numberedList(text: string): string[] {
  const t = clean(text);
  if (t === '') return [];
  if (!/^\(1\)/.test(t)) return [t];
  return t
    .split(/\(\d+\)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function nameKind(aliasType: string, quality: string): NameKind {
  const type = aliasType.toLowerCase();
  if (type === 'primary name' || type === 'prime alias' || type === 'primary') return 'primary';
  return /low|bad|weak/i.test(quality) ? 'alias_weak' : 'alias_strong';
}

/** camelCase of a header, for the property an unknown column is kept under ("UK Sanctions List Ref" → ukSanctionsListRef). */
function propertyKey(header: string): string {
  const words = header
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1).toLowerCase())).join('');
}

/** The entity of one Group ID, filled row by row. */
export class UkGroup {
  readonly builder: EntityBuilder;
  /** Line of the group's first row, for warnings raised when the group is finished. */
  readonly line: number;

  constructor(list: string, groupId: string, line: number) {
    this.builder = new EntityBuilder(list, groupId, 'LegalEntity');
    this.line = line;
  }

  /** Adds one row (keyed by ukColumnKey of the headers, original headers in `headers`); returns warnings about it. */
  addRow(row: ReadonlyMap<string, string>, headers: ReadonlyMap<string, string>, first: boolean): UkRowWarning[] {
    const warnings: UkRowWarning[] = [];
    const b = this.builder;
    const get = (key: string) => clean(row.get(key));

    const groupType = get('group type').toLowerCase();
    const schema = SCHEMA_OF[groupType];
    if (first) {
      if (schema) b.schema = schema;
      else warnings.push({ message: `unknown Group Type "${get('group type')}"; filed as LegalEntity`, field: 'Group Type' });
    } else if (schema && schema !== b.schema && b.schema !== 'LegalEntity') {
      warnings.push({
        message: `Group Type "${get('group type')}" differs from the group's first row; the first is kept`,
        field: 'Group Type',
      });
    }

    const parts = ['name 1', 'name 2', 'name 3', 'name 4', 'name 5'].map(get).filter((p) => p !== '');
    const family = get('name 6');
    const full = [...parts, family].filter(Boolean).join(' ');
    const aliasType = get('alias type');
    const kind = nameKind(aliasType, get('alias quality'));
    if (full) {
      const person = b.schema === 'Person';
      b.name(
        full,
        kind,
        person
          ? {
              ...(parts[0] ? { given: parts[0] } : {}),
              ...(parts.length > 1 ? { middle: parts.slice(1).join(' ') } : {}),
              ...(family ? { family } : {}),
            }
          : {},
      );
      if (/^(fka|f\.k\.a\.|formerly known as)$/i.test(aliasType)) b.property('previousName', full);
    } else {
      warnings.push({ message: 'row without a name (Name 1–6 empty)', field: 'Name 6' });
    }
    const original = get('name non-latin script');
    if (original) {
      b.name(original, 'alias_strong');
      const language = get('non-latin script language');
      if (language) b.property('nameLanguage', `${original}: ${language}`);
    }
    b.property('title', get('title'));

    const dob = get('dob');
    const date = ukDate(dob);
    if (date === 'invalid') warnings.push({ message: `impossible date of birth "${dob}" ignored`, field: 'DOB' });
    else if (date) b.birthDate({ kind: 'exact', date });

    const birthCountry = get('country of birth');
    const birthPlace = [get('town of birth'), birthCountry].filter(Boolean).join(', ');
    if (birthPlace) b.birthPlace(birthPlace);
    b.country(listCountry(birthCountry), 'birth');

    for (const n of numberedList(get('nationality'))) {
      const code = listCountry(n);
      if (code) b.country(code, 'nationality');
      else b.property('nationality', n);
    }

    this.#documents(get('passport number'), get('passport details'), 'passport', 'Passport');
    this.#documents(
      get('national identification number'),
      get('national identification details'),
      'national_id',
      'National identification number',
    );
    b.property('position', get('position'));

    const lines = ['address 1', 'address 2', 'address 3', 'address 4', 'address 5', 'address 6'].map(get).filter(Boolean);
    const postalCode = get('post/zip code');
    const countryText = get('country');
    const address = [...lines, postalCode, countryText].filter(Boolean).join(', ');
    if (address) {
      const country = listCountry(countryText);
      b.address({ full: address, ...(lines[0] ? { street: lines[0] } : {}), postalCode, ...(country ? { country } : {}) });
      b.country(country, 'address');
    }
    b.note(row.get('other information'));

    const listedText = get('listed on');
    const listedOn = ukDate(listedText);
    if (listedOn === 'invalid') warnings.push({ message: `impossible Listed On date "${listedText}" ignored`, field: 'Listed On' });
    const regime = get('regime');
    b.sanction({
      authority: UK_AUTHORITY,
      ...(regime ? { program: regime } : {}),
      ...(listedOn && listedOn !== 'invalid' ? { listedOn } : {}),
    });
    for (const key of ['uk sanctions list date designated', 'last updated'] as const) {
      const d = ukDate(get(key));
      if (d && d !== 'invalid') b.property(key === 'last updated' ? 'modifiedAt' : 'designatedOn', d);
    }

    for (const [key, header] of headers) {
      if (KNOWN.has(key)) continue;
      const value = get(key);
      if (!value) continue;
      if (/\bimo\b/.test(key)) b.identifier({ type: 'imo', value: value.replace(/^imo\s*/i, ''), label: header });
      else if (/flag/.test(key) && /current/.test(key)) {
        const flag = listCountry(value);
        if (flag) b.country(flag, 'flag');
        else b.property(propertyKey(header), value);
      } else b.property(propertyKey(header), value);
    }
    return warnings;
  }

  /** Numbers (possibly "(1) X (2) Y"), paired with their details where the counts agree. */
  #documents(numbers: string, details: string, type: IdentifierType, label: string): void {
    const values = numberedList(numbers);
    const notes = numberedList(details);
    values.forEach((raw, i) => {
      // "3520025509842-7 (Pakistani)": the bracket names the issuing country.
      const m = /^(.+?)\s*\(([^)]*)\)$/.exec(raw);
      const country = m ? listCountry(m[2] as string) : undefined;
      const value = m && country ? (m[1] as string) : raw;
      this.builder.identifier({ type, value, ...(country ? { country } : {}), label });
      const note = values.length === notes.length ? notes[i] : undefined;
      if (note) this.builder.note(`${label} ${value}: ${note}`);
    });
    if (values.length !== notes.length) for (const n of notes) this.builder.note(`${label}: ${n}`);
  }
}
