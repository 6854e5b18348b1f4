/** Maps one EU financial sanctions (FSF) sanctionEntity element to an Entity, with warnings for what cannot be read. */

import { formatPartialDate, parsePartialDate } from '../../model/dates.js';
import type { BirthDate, Entity, IdentifierType, Schema } from '../../model/entity.js';
import { type XmlNode, childrenOf } from '../../text/xml-records.js';
import { EntityBuilder, clean, isoDate, listCountry } from '../entity-builder.js';

export const EU_AUTHORITY = 'European Union';

export interface EuRecordWarning {
  readonly message: string;
  readonly line: number;
  readonly field?: string;
}

export interface EuRecordResult {
  readonly entity?: Entity;
  /** The logicalId (or the EU reference number): how warnings name the record. */
  readonly record: string;
  readonly warnings: EuRecordWarning[];
}

/** subjectType codes of the FSF export. */
const SCHEMA_OF: Readonly<Record<string, Schema>> = { person: 'Person', enterprise: 'Organization' };

const attr = (node: XmlNode, name: string): string => clean(node.attrs[name]);
const remarks = (node: XmlNode): string[] =>
  childrenOf(node, 'remark')
    .map((r) => r.text.trim())
    .filter((r) => r !== '');

/** An ISO country from the export's countryIso2Code ("00" = unknown), else from its description. */
function countryOf(node: XmlNode): string | undefined {
  const code = attr(node, 'countryIso2Code');
  return (/^[A-Za-z]{2}$/.test(code) ? listCountry(code) : undefined) ?? listCountry(attr(node, 'countryDescription'));
}

export function mapEuRecord(node: XmlNode, list: string): EuRecordResult {
  const logicalId = attr(node, 'logicalId');
  const record = logicalId || attr(node, 'euReferenceNumber') || `line ${node.line}`;
  const warnings: EuRecordWarning[] = [];
  const warn = (message: string, at: XmlNode, field?: string) => warnings.push({ message, line: at.line, ...(field ? { field } : {}) });
  if (logicalId === '') {
    warn('sanctionEntity without logicalId skipped', node, 'logicalId');
    return { record, warnings };
  }

  const subject = childrenOf(node, 'subjectType')[0];
  const code = subject ? attr(subject, 'code').toLowerCase() : '';
  let schema = SCHEMA_OF[code];
  if (!schema) {
    warn(`unknown subjectType "${code}"; filed as LegalEntity`, subject ?? node, 'subjectType');
    schema = 'LegalEntity';
  }
  const b = new EntityBuilder(list, logicalId, schema);

  for (const alias of childrenOf(node, 'nameAlias')) {
    const first = attr(alias, 'firstName');
    const middle = attr(alias, 'middleName');
    const last = attr(alias, 'lastName');
    const whole = attr(alias, 'wholeName') || [first, middle, last].filter(Boolean).join(' ');
    const strong = attr(alias, 'strong').toLowerCase() !== 'false';
    // The export marks no primary name: the first strong one is the name the EU lists the subject under.
    const kind = strong ? (b.hasPrimaryName() ? 'alias_strong' : 'primary') : 'alias_weak';
    const parts = schema === 'Person' ? { given: first, middle, family: last } : {};
    b.name(whole, kind, parts);
    b.property('title', attr(alias, 'title'));
    b.property('position', attr(alias, 'function'));
    const language = attr(alias, 'nameLanguage');
    if (language && whole) b.property('nameLanguage', `${whole}: ${language}`);
    const gender = attr(alias, 'gender').toUpperCase();
    if (gender === 'M') b.gender = 'male';
    else if (gender === 'F') b.gender = 'female';
    for (const r of remarks(alias)) b.note(r);
  }
  if (b.nameCount === 0) {
    warn(`sanctionEntity ${logicalId} has no name; skipped`, node, 'nameAlias');
    return { record, warnings };
  }
  b.ensurePrimaryName();

  // One sanction per programme. Only designationDate says when the subject was listed: a regulation's
  // publication date may be a later amendment, so it is kept beside its number instead.
  const listedOn = isoDate(attr(node, 'designationDate'));
  const programmes = new Set<string>();
  for (const reg of childrenOf(node, 'regulation')) {
    programmes.add(attr(reg, 'programme'));
    const published = isoDate(attr(reg, 'publicationDate'));
    b.property('regulation', [attr(reg, 'numberTitle'), published && `published ${published}`].filter(Boolean).join(', '));
  }
  if (programmes.size === 0) programmes.add('');
  for (const program of programmes) {
    b.sanction({ authority: EU_AUTHORITY, ...(program ? { program } : {}), ...(listedOn ? { listedOn } : {}) });
  }
  b.note(attr(node, 'designationDetails'));
  for (const r of remarks(node)) b.note(r);
  b.property('euReferenceNumber', attr(node, 'euReferenceNumber'));
  b.property('unReference', attr(node, 'unitedNationId'));

  for (const c of childrenOf(node, 'citizenship')) {
    const country = countryOf(c);
    if (country) b.country(country, 'citizenship');
    else if (attr(c, 'countryDescription') && attr(c, 'countryDescription').toUpperCase() !== 'UNKNOWN') {
      b.property('nationality', attr(c, 'countryDescription'));
    }
    for (const r of remarks(c)) b.note(r);
  }
  for (const d of childrenOf(node, 'birthdate')) addBirth(b, d, warn);
  for (const i of childrenOf(node, 'identification')) addIdentification(b, i);
  for (const a of childrenOf(node, 'address')) {
    const country = countryOf(a);
    const description = attr(a, 'countryDescription');
    const street = [attr(a, 'street'), attr(a, 'poBox') && `PO Box ${attr(a, 'poBox')}`].filter(Boolean).join(', ');
    const full = [
      street,
      attr(a, 'place'),
      attr(a, 'city'),
      attr(a, 'region'),
      attr(a, 'zipCode'),
      description.toUpperCase() === 'UNKNOWN' ? '' : description,
    ]
      .filter(Boolean)
      .join(', ');
    if (full) {
      b.address({
        full,
        street,
        city: attr(a, 'city'),
        region: attr(a, 'region'),
        postalCode: attr(a, 'zipCode'),
        ...(country ? { country } : {}),
      });
      b.country(country, 'address');
    }
    for (const r of remarks(a)) b.note(r);
  }
  return { entity: b.build(), record, warnings };
}

function addBirth(b: EntityBuilder, d: XmlNode, warn: (message: string, at: XmlNode, field?: string) => void): void {
  const country = countryOf(d);
  const description = attr(d, 'countryDescription');
  const place = [attr(d, 'place'), attr(d, 'city'), attr(d, 'region'), description.toUpperCase() === 'UNKNOWN' ? '' : description]
    .filter((p) => p !== '' && p !== '-')
    .join(', ');
  if (place) b.birthPlace(place);
  b.country(country, 'birth');
  for (const r of remarks(d)) b.note(r);

  const circa = attr(d, 'circa').toLowerCase() === 'true';
  const from = attr(d, 'yearRangeFrom');
  const to = attr(d, 'yearRangeTo');
  if (from || to) {
    const f = isoDate(from);
    const t = isoDate(to);
    if (f && t && f <= t) b.birthDate({ kind: 'between', from: f, to: t });
    else warn(`impossible date-of-birth range "${from}"–"${to}" ignored`, d, 'yearRangeFrom');
    return;
  }
  const full = attr(d, 'birthdate');
  const year = attr(d, 'year');
  const month = attr(d, 'monthOfYear');
  const day = attr(d, 'dayOfMonth');
  let date: string | undefined;
  if (full) {
    date = isoDate(full);
    if (!date) {
      warn(`impossible date of birth "${full}" ignored`, d, 'birthdate');
      return;
    }
  } else if (year) {
    // A partial date: year, year and month, or (rarely) a day without a month, which says nothing more than the year.
    const parts = parsePartialDate(year);
    const m = month ? Number(month) : undefined;
    const dd = day ? Number(day) : undefined;
    const candidate =
      parts && m !== undefined
        ? parsePartialDate(formatPartialDate({ year: parts.year, month: m, ...(dd !== undefined ? { day: dd } : {}) }))
        : parts;
    if (!candidate || (m !== undefined && !Number.isInteger(m))) {
      warn(`impossible date of birth (year "${year}", month "${month}", day "${day}") ignored`, d, 'year');
      return;
    }
    date = formatPartialDate(candidate);
  } else {
    return;
  }
  const bd: BirthDate = { kind: circa ? 'approximate' : 'exact', date };
  b.birthDate(bd);
  const calendar = attr(d, 'calendarType');
  if (calendar && calendar.toUpperCase() !== 'GREGORIAN') b.property('birthDateNote', `${date}: ${calendar} calendar`);
}

/** The identifier type of an FSF identificationTypeCode (passport, id, fiscalcode, regnumber, swiftbic, ssn, …). */
export function euIdentifierType(code: string, description: string): IdentifierType {
  const c = code.toLowerCase();
  const d = description.toLowerCase();
  if (c === 'passport' || /passport/.test(d)) return 'passport';
  if (c === 'id' || /identi(ty|fication) card|national id/.test(d)) return 'national_id';
  if (c === 'fiscalcode' || c === 'tin' || /fiscal|tax/.test(d)) return 'tax_id';
  if (c === 'regnumber' || /registration/.test(d)) return 'registration';
  if (c === 'swiftbic' || /swift|bic/.test(d)) return 'swift_bic';
  if (c === 'ssn' || /social security/.test(d)) return 'ssn';
  if (c === 'imo' || /\bimo\b/.test(d)) return 'imo';
  if (/driv/.test(c) || /driv/.test(d)) return 'driving_licence';
  return 'other';
}

const FLAGS = [
  ['diplomatic', 'diplomatic'],
  ['knownExpired', 'expired'],
  ['knownFalse', 'false'],
  ['reportedLost', 'reported lost'],
  ['revokedByIssuer', 'revoked'],
] as const;

function addIdentification(b: EntityBuilder, i: XmlNode): void {
  const code = attr(i, 'identificationTypeCode');
  const description = attr(i, 'identificationTypeDescription');
  const country = countryOf(i);
  const flags = FLAGS.filter(([a]) => attr(i, a).toLowerCase() === 'true').map(([, w]) => w);
  const label = [description || code, flags.length > 0 ? `(${flags.join(', ')})` : ''].filter(Boolean).join(' ');
  const type = euIdentifierType(code, description);
  for (const value of new Set([attr(i, 'number'), attr(i, 'latinNumber')])) {
    if (value) b.identifier({ type, value, ...(country ? { country } : {}), ...(label ? { label } : {}) });
  }
  const issuedBy = attr(i, 'issuedBy');
  const onDocument = attr(i, 'nameOnDocument');
  const extra = [issuedBy && `issued by ${issuedBy}`, onDocument && `name on document: ${onDocument}`, ...remarks(i)].filter(Boolean);
  if (extra.length > 0) b.note(`${label || 'Identification'} ${attr(i, 'number')}: ${extra.join('; ')}`);
}
