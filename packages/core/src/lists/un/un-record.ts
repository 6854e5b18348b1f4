/** Maps one UN Security Council INDIVIDUAL or ENTITY element to an Entity, with warnings for what cannot be read. */

import type { BirthDate, Entity, IdentifierType, NameKind } from '../../model/entity.js';
import { type XmlNode, childOf, childText, childrenOf } from '../../text/xml-records.js';
import { EntityBuilder, clean, isoDate, listCountry } from '../entity-builder.js';

export const UN_AUTHORITY = 'UN Security Council';

export interface RecordWarning {
  readonly message: string;
  readonly line: number;
  readonly field?: string;
}

export interface UnRecordResult {
  /** Absent when the record cannot be an entity (no REFERENCE_NUMBER, no name). */
  readonly entity?: Entity;
  /** REFERENCE_NUMBER, else DATAID: how warnings name the record. */
  readonly record: string;
  readonly warnings: RecordWarning[];
}

const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;

/** a.k.a. and Good are strong; Low (and Bad in older files) are weak fragments; f.k.a. is a former name, as strong as any. */
function aliasKind(quality: string): NameKind {
  const q = quality.toLowerCase();
  return q === 'low' || q === 'bad' || q === 'weak' ? 'alias_weak' : 'alias_strong';
}

const values = (node: XmlNode, local: string): string[] =>
  childrenOf(node, local).flatMap((c) =>
    childrenOf(c, 'VALUE')
      .map((v) => clean(v.text))
      .filter((v) => v !== ''),
  );

/** Maps one INDIVIDUAL (a Person) or ENTITY (an Organization) element. */
export function mapUnRecord(node: XmlNode, list: string): UnRecordResult {
  const isPerson = node.local === 'INDIVIDUAL';
  const prefix = isPerson ? 'INDIVIDUAL' : 'ENTITY';
  const ref = childText(node, 'REFERENCE_NUMBER');
  const record = ref || `DATAID ${childText(node, 'DATAID') || '?'}`;
  const warnings: RecordWarning[] = [];
  const warn = (message: string, at: XmlNode, field?: string) => warnings.push({ message, line: at.line, ...(field ? { field } : {}) });

  if (ref === '') {
    warn(`${prefix} without REFERENCE_NUMBER skipped`, node, 'REFERENCE_NUMBER');
    return { record, warnings };
  }
  const b = new EntityBuilder(list, ref, isPerson ? 'Person' : 'Organization');

  const parts = NAME_PARTS.map((p) => clean(childText(node, p))).filter((p) => p !== '');
  if (isPerson && parts.length > 1) {
    b.name(parts.join(' '), 'primary', {
      given: parts[0] as string,
      family: parts[parts.length - 1] as string,
      ...(parts.length > 2 ? { middle: parts.slice(1, -1).join(' ') } : {}),
    });
  } else {
    b.name(parts.join(' '), 'primary');
  }
  // The name in its own script (Arabic, Cyrillic, Chinese…): the same name, so a strong alias.
  for (const original of childrenOf(node, 'NAME_ORIGINAL_SCRIPT')) b.name(original.text, 'alias_strong');

  for (const alias of childrenOf(node, `${prefix}_ALIAS`)) {
    const name = childText(alias, 'ALIAS_NAME');
    if (!name) continue;
    const quality = childText(alias, 'QUALITY');
    b.name(name, aliasKind(quality));
    if (quality.toLowerCase() === 'f.k.a.') b.property('previousName', name);
    const dob = childText(alias, 'DATE_OF_BIRTH');
    if (dob) {
      const date = isoDate(dob);
      if (date) b.birthDate({ kind: 'exact', date });
      else
        warn(
          `impossible date of birth "${dob}" of alias "${clean(name)}" ignored`,
          childOf(alias, 'DATE_OF_BIRTH') ?? alias,
          'DATE_OF_BIRTH',
        );
    }
    const city = childText(alias, 'CITY_OF_BIRTH');
    const country = childText(alias, 'COUNTRY_OF_BIRTH');
    if (city || country) b.birthPlace([city, country].filter(Boolean).join(', '));
    b.country(listCountry(country), 'birth');
    const note = childText(alias, 'NOTE');
    if (note) b.note(`${clean(name)}: ${note}`);
  }
  if (b.nameCount === 0) {
    warn(`${prefix} ${ref} has no name; skipped`, node, 'FIRST_NAME');
    return { record, warnings };
  }
  b.ensurePrimaryName();

  const program = childText(node, 'UN_LIST_TYPE');
  const listedText = childText(node, 'LISTED_ON');
  const listedOn = listedText ? isoDate(listedText) : undefined;
  if (listedText && !listedOn) warn(`impossible LISTED_ON date "${listedText}" ignored`, childOf(node, 'LISTED_ON') ?? node, 'LISTED_ON');
  b.sanction({ authority: UN_AUTHORITY, ...(program ? { program } : {}), ...(listedOn ? { listedOn } : {}) });

  b.note(childText(node, 'COMMENTS1'));
  for (const t of values(node, 'TITLE')) b.property('title', t);
  for (const d of values(node, 'DESIGNATION')) b.property('position', d);
  for (const u of values(node, 'LAST_DAY_UPDATED')) b.property('modifiedAt', isoDate(u) ?? u);
  b.property('submittedBy', childText(node, 'SUBMITTED_BY'));

  for (const n of values(node, 'NATIONALITY')) {
    const code = listCountry(n);
    if (code) b.country(code, 'nationality');
    else if (!/^n\/?a$/i.test(n)) b.property('nationality', n);
  }

  const gender = childText(node, 'GENDER').toLowerCase();
  if (gender === 'male' || gender === 'female') b.gender = gender;

  for (const a of childrenOf(node, `${prefix}_ADDRESS`)) addAddress(b, a);
  for (const d of childrenOf(node, 'INDIVIDUAL_DATE_OF_BIRTH')) addBirthDate(b, d, warn);
  for (const p of childrenOf(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const country = childText(p, 'COUNTRY');
    const place = [childText(p, 'CITY'), childText(p, 'STATE_PROVINCE'), country].filter(Boolean).join(', ');
    if (place) b.birthPlace(place);
    b.country(listCountry(country), 'birth');
    const note = childText(p, 'NOTE');
    if (note) b.note(`Place of birth: ${note}`);
  }
  for (const d of childrenOf(node, 'INDIVIDUAL_DOCUMENT')) addDocument(b, d);

  return { entity: b.build(), record, warnings };
}

function addAddress(b: EntityBuilder, a: XmlNode): void {
  const street = childText(a, 'STREET');
  const city = childText(a, 'CITY');
  const region = childText(a, 'STATE_PROVINCE');
  const postalCode = childText(a, 'ZIP_CODE');
  const countryText = childText(a, 'COUNTRY');
  const full = [street, city, region, postalCode, countryText].filter(Boolean).join(', ');
  const note = childText(a, 'NOTE');
  if (!full) {
    if (note) b.note(`Address: ${note}`);
    return;
  }
  const country = listCountry(countryText);
  b.address({ full, street, city, region, postalCode, ...(country ? { country } : {}) });
  b.country(country, 'address');
  if (note) b.property('addressNote', `${clean(full)}: ${note}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string): number | undefined => {
  const i = MONTHS.indexOf(word.toLowerCase().slice(0, 3));
  return i < 0 ? undefined : i + 1;
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * UN dates of birth: TYPE_OF_DATE EXACT / APPROXIMATELY with DATE or YEAR, BETWEEN with FROM_YEAR and
 * TO_YEAR. Some give the date only in NOTE ("Nov. 1973", "Between Aug. and Sep. 1977"), or a month
 * there beside YEAR ("Sep."); those are read too, anything else in NOTE is kept as a property.
 */
function addBirthDate(b: EntityBuilder, d: XmlNode, warn: (message: string, at: XmlNode, field?: string) => void): void {
  const type = childText(d, 'TYPE_OF_DATE').toUpperCase();
  const date = childText(d, 'DATE');
  const year = childText(d, 'YEAR');
  const fromYear = childText(d, 'FROM_YEAR');
  const toYear = childText(d, 'TO_YEAR');
  const note = clean(childText(d, 'NOTE'));
  const approx = type === 'APPROXIMATELY' || /^approximately$/i.test(note);
  const kind = approx ? 'approximate' : 'exact';
  const push = (bd: BirthDate) => b.birthDate(bd);

  if (type === 'BETWEEN' || (fromYear && toYear)) {
    const from = isoDate(fromYear);
    const to = isoDate(toYear);
    if (!from || !to || from > to)
      warn(`impossible date-of-birth range "${fromYear}"–"${toYear}" ignored`, childOf(d, 'FROM_YEAR') ?? d, 'FROM_YEAR');
    else push({ kind: 'between', from, to });
    if (note && !/^approximately$/i.test(note)) b.property('birthDateNote', note);
    return;
  }
  const value = date || year;
  if (value) {
    let parsed = isoDate(value);
    if (!parsed) {
      const field = date ? 'DATE' : 'YEAR';
      warn(`impossible date of birth "${value}" ignored`, childOf(d, field) ?? d, field);
      return;
    }
    // YEAR 1958 with NOTE "Sep." means September 1958.
    const month = note && /^[A-Za-z]+\.?$/.test(note) ? monthOf(note) : undefined;
    if (month && parsed.length === 4) parsed = `${parsed}-${pad(month)}`;
    else if (note && !/^approximately$/i.test(note)) b.property('birthDateNote', note);
    push({ kind, date: parsed });
    return;
  }
  if (!note) return;
  const monthYear = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(note);
  const range = /^between\s+([A-Za-z]+)\.?\s+and\s+([A-Za-z]+)\.?\s+(\d{4})$/i.exec(note);
  if (monthYear && monthOf(monthYear[1] as string)) {
    push({ kind, date: `${monthYear[2]}-${pad(monthOf(monthYear[1] as string) as number)}` });
  } else if (range && monthOf(range[1] as string) && monthOf(range[2] as string)) {
    const y = range[3] as string;
    push({
      kind: 'between',
      from: `${y}-${pad(monthOf(range[1] as string) as number)}`,
      to: `${y}-${pad(monthOf(range[2] as string) as number)}`,
    });
  } else {
    b.property('birthDateNote', note);
  }
}

/** The identifier type of a UN document: TYPE_OF_DOCUMENT is Passport or National Identification Number; TYPE_OF_DOCUMENT2 refines it. */
export function unDocumentType(type: string, type2: string): IdentifierType {
  const detail = type2.toLowerCase();
  if (/social security/.test(detail)) return 'ssn';
  if (/fiscal|tax/.test(detail)) return 'tax_id';
  if (/driv/.test(detail)) return 'driving_licence';
  const t = `${type} ${type2}`.toLowerCase();
  if (/passport|pasaporte|passeport/.test(t)) return 'passport';
  if (/national|identi|tazkira|civil/.test(t)) return 'national_id';
  return 'other';
}

function addDocument(b: EntityBuilder, d: XmlNode): void {
  const type = childText(d, 'TYPE_OF_DOCUMENT');
  const type2 = childText(d, 'TYPE_OF_DOCUMENT2');
  const number = childText(d, 'NUMBER');
  const issuing = childText(d, 'ISSUING_COUNTRY') || childText(d, 'COUNTRY_OF_ISSUE');
  const note = childText(d, 'NOTE');
  const label = clean(type2 || type).replace(/[:\s]+$/, '');
  if (number) {
    const country = listCountry(issuing);
    b.identifier({ type: unDocumentType(type, type2), value: number, ...(country ? { country } : {}), ...(label ? { label } : {}) });
  }
  // Issue dates, places and notes have no field of their own; keep them readable beside the number.
  const issued = [childText(d, 'DATE_OF_ISSUE') && `issued ${childText(d, 'DATE_OF_ISSUE')}`, childText(d, 'CITY_OF_ISSUE')]
    .filter(Boolean)
    .join(', ');
  const details = [issued, note].filter(Boolean).join('; ');
  if (details) b.note(`${label || 'Document'}${number ? ` ${clean(number)}` : ''}${issuing ? ` (${clean(issuing)})` : ''}: ${details}`);
}
