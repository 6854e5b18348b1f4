/** OFAC Remarks: the "; "-separated facts OFAC writes in free text (DOB, POB, passports, weak a.k.a.s…), read into an entity. */

import { countryCode } from '../../model/countries.js';
import type { IdentifierType } from '../../model/entity.js';
import type { EntityBuilder } from '../entity-builder.js';
import { ofacBirthDate, ofacDate } from './ofac-dates.js';
import { splitPersonName } from './ofac-names.js';

/** What a labelled fragment ("Passport X (Iran)", "Website Y") becomes. */
type Rule =
  | { readonly id: IdentifierType }
  /** `whole`: the property keeps the whole fragment (its label is part of the meaning). `date`: ISO when the value is a date. */
  | { readonly prop: string; readonly whole?: boolean; readonly date?: boolean }
  | { readonly flag: 'current' | 'past' };

const ID = (type: IdentifierType, ...labels: string[]) => labels.map((l) => [l, { id: type }] as const);
const PROP = (prop: string, opts: { whole?: boolean; date?: boolean }, ...labels: string[]) =>
  labels.map((l) => [l, { prop, ...opts }] as const);

/** Every label OFAC uses for a fact it writes as "<label> <value> (<country>)", as seen in the SDN and non-SDN lists. */
const RULES: readonly (readonly [string, Rule])[] = [
  ...ID(
    'passport',
    'Passport',
    'Passport No.',
    'Diplomatic Passport',
    'Stateless Person Passport',
    'Official Passport',
    'Service Passport',
  ),
  ...ID(
    'national_id',
    'National ID No.',
    'National ID',
    'National ID Number',
    'Cedula No.',
    'Cedula',
    'Identification Number',
    'D.N.I.',
    'DNI',
    'Personal ID Card',
    "Citizen's Card Number",
    'Kenyan ID No.',
    'Turkish Identification Number',
    'Tazkira National ID Card',
    'Numero de Identidad',
    'C.U.R.P.',
    'C.U.R.P. #',
    'CURP #',
    'CURP',
    'C.U.I.',
    'Credencial electoral',
    'I.F.E.',
    'Electoral Registry No.',
    'Identity Card',
    'Identity Card No.',
    'ID Card',
    'National Foreign ID Number',
    'Personal Number',
  ),
  ...ID(
    'tax_id',
    'Tax ID No.',
    'Tax ID',
    'Tax Number',
    'Taxpayer Identification Number',
    'R.F.C.',
    'R.F.C. #',
    'RFC',
    'NIT #',
    'RUC #',
    'RIF #',
    'C.U.I.T.',
    'CUIT',
    'C.U.I.L.',
    'C.I.F.',
    'CIF',
    'NIF',
    'NIF #',
    'V.A.T. Number',
    'VAT Number',
    'Italian Fiscal Code',
    'Fiscal Code',
    'US FEIN',
    'RTN',
    'Paraguayan tax identification number',
    'Numero Unico de Identificacao Tributaria (NUIT)',
  ),
  ...ID(
    'registration',
    'Registration ID',
    'Registration Number',
    'Registration No.',
    'Business Registration Document #',
    'Business Registration Number',
    'Business Number',
    'Company Number',
    'UK Company Number',
    'Company ID',
    'Commercial Registry Number',
    'Commercial Registry',
    'Chamber of Commerce Number',
    'Certificate of Incorporation Number',
    'Enterprise Number',
    'Government Gazette Number',
    'Legal Entity Number',
    'Unified Social Credit Code (USCC)',
    'United Social Credit Code Certificate (USCCC)',
    'Matricula Mercantil No',
    'Matricula Mercantil No.',
    'Folio Mercantil No.',
    'C.R. No.',
    'Trade License No.',
    'Economic Register Number (CBLS)',
    'Central Registration System Number',
    'Istanbul Chamber of Comm. No.',
    'Dubai Chamber of Commerce Membership No.',
    'Registered Charity No.',
    'Branch Unit Number',
    'D-U-N-S Number',
    'LE Number',
    'Public Registration Number',
  ),
  ...ID('swift_bic', 'SWIFT/BIC', 'SWIFT', 'BIC'),
  ...ID('ssn', 'SSN'),
  ...ID('driving_licence', "Driver's License No.", "Driver's License", 'Driving License'),
  ...ID('imo', 'Vessel Registration Identification', 'International Maritime Organization No.', 'IMO'),
  ...ID('mmsi', 'MMSI'),
  ...ID('aircraft_tail', 'Aircraft Tail Number', 'Previous Aircraft Tail Number'),
  ...ID('call_sign', 'Other Vessel Call Sign', 'Call Sign', 'Vessel Call Sign'),
  ...ID(
    'other',
    'Birth Certificate Number',
    'Residency Number',
    'Refugee ID Card',
    'Travel Document Number',
    'Public Security and Immigration No.',
    'Immigration No.',
    'VisaNumberID',
    'Romanian Permanent Resident CAN',
    'Cartilla de Servicio Militar Nacional',
    'C.U.I.P.',
    'Pilot License Number',
    'Permit Number',
    'SRE Permit No.',
    'License',
    'ISIN',
    'Equity Ticker',
    'BIK (RU)',
    'Chinese Commercial Code',
    "Aircraft Manufacturer's Serial Number (MSN)",
    'Aircraft Construction Number (also called L/N or S/N or F/N)',
    'Aircraft Mode S Transponder Code',
  ),
  ...PROP('email', {}, 'Email Address', 'Email', 'E-mail'),
  ...PROP('website', {}, 'Website', 'Web site'),
  ...PROP('phone', {}, 'Phone Number', 'Phone No.', 'Phone', 'Telephone Number', 'Telephone No.', 'Telephone', 'Tel.'),
  ...PROP('fax', {}, 'Fax', 'Fax No.', 'Fax Number'),
  ...PROP('linkedTo', {}, 'Linked To'),
  ...PROP('position', {}, 'Title', 'Position', 'Alternate Title'),
  ...PROP('legalForm', {}, 'Organization Type'),
  ...PROP('incorporationDate', { date: true }, 'Organization Established Date'),
  ...PROP('buildDate', { date: true }, 'Vessel Year of Build', 'Aircraft Manufacture Date'),
  ...PROP('model', {}, 'Aircraft Model'),
  ...PROP('operator', {}, 'Aircraft Operator'),
  ...PROP('type', {}, 'Other Vessel Type', 'Vessel Type'),
  ...PROP('issuerName', {}, 'Issuer Name'),
  ...PROP('targetType', {}, 'Target Type'),
  ...PROP(
    'sanctionsInfo',
    { whole: true },
    'Additional Sanctions Information -',
    'Secondary sanctions risk:',
    'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:',
    'Executive Order 13662 Directive Determination -',
    'Executive Order 13846 information:',
    'Executive Order 14024 Directive Information',
    'Listing Date',
    'Effective Date',
    'IFCA Determination -',
    'CAATSA Section 235 Information:',
    'Purchase/Sales For Divestment Date',
    'For more information on directives',
  ),
  ['Other Vessel Flag', { flag: 'current' }],
  ['Nationality of Registration', { flag: 'current' }],
  ['Former Vessel Flag', { flag: 'past' }],
];

/** Longest label first, so "Passport No." wins over "Passport" and "Tax ID No." over "Tax ID". */
const SORTED: readonly (readonly [string, Rule])[] = [...RULES]
  .map(([label, rule]) => [label.toLowerCase(), rule] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Rules by the first letter of their label: every fragment is looked up against only a few. */
const BY_INITIAL: ReadonlyMap<string, readonly (readonly [string, Rule])[]> = (() => {
  const m = new Map<string, (readonly [string, Rule])[]>();
  for (const r of SORTED) {
    const k = r[0].charAt(0);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return m;
})();

const ALT = /^alt\.\s*/i;
const DOB = /^(?:DOB|Date of Birth):?\s+(.+)$/i;
const POB = /^(?:POB|Place of Birth):?\s+(.+)$/i;
const NATIONALITY = /^nationality:?\s+(?!of\s)(?:possibly\s+)?(.+)$/i;
const CITIZEN = /^citizen(?:ship)?:?\s+(.+)$/i;
const ALIAS = /^([afn])\.k\.a\.?,?\s+(.+)$/i;
const GENDER = /^(?:Gender|Sex):?\s+(Male|Female)\b/i;
const CURRENCY_ADDRESS = /^Digital Currency Address\s*-\s*(\S+)\s+(\S+)/i;
const DATES_AFTER = /\s+(?:issued|expires|issue date|expiration date|expiry)\b.*$/i;
const PARENS_AT_END = /\s*\(([^()]*)\)\s*$/;

/** Ends a value with its abbreviation dot ("S.A.", "C.V."); any other final "." is OFAC's sentence end. */
const ABBREVIATION_END = /(?:^|[\s.])[A-Za-z]\.$/;

/**
 * Reads OFAC Remarks into the entity: each "; "-separated fragment that says something known becomes
 * a date of birth, place of birth, country, identifier, weak alias, gender or property. A fragment
 * nothing recognises is left alone (the whole text is kept as a note either way). `truncated`: the text
 * was cut by the publisher (the CSV caps Remarks at 1000 characters), so its last fragment is not read.
 * Returns how many fragments were understood.
 */
export function applyRemarks(b: EntityBuilder, remarks: string, truncated = false): number {
  const text = remarks.trim();
  if (text === '') return 0;
  b.note(text);
  let understood = 0;
  for (const f of remarkFragments(text, truncated)) if (applyFragment(b, f)) understood++;
  return understood;
}

/** The fragments of a Remarks text, without OFAC's closing "." (and without a cut last fragment when `truncated`). */
export function remarkFragments(remarks: string, truncated = false): string[] {
  let text = remarks.trim();
  if (text === '') return [];
  if (text.endsWith('.') && !ABBREVIATION_END.test(text)) text = text.slice(0, -1);
  const fragments = text.split(/;\s*/);
  if (truncated) fragments.pop();
  return fragments;
}

/**
 * One fact as OFAC writes it ("alt. DOB circa 1964", "Passport A123 (Iran) expires 2020",
 * "a.k.a. 'X'", "Linked To: Y"). Returns false when the fragment says nothing this parser knows.
 */
export function applyFragment(b: EntityBuilder, fragment: string): boolean {
  const f = fragment.trim().replace(ALT, '');
  if (f === '') return false;
  let m = DOB.exec(f);
  if (m) {
    const date = ofacBirthDate(m[1] as string);
    if (date) b.birthDate(date);
    return date !== undefined;
  }
  m = POB.exec(f);
  if (m) {
    const place = (m[1] as string).trim();
    b.birthPlace(place);
    b.country(placeCountry(place), 'birth');
    return true;
  }
  m = NATIONALITY.exec(f);
  if (m) {
    const code = countryCode(m[1] as string);
    b.country(code, 'nationality');
    return code !== undefined;
  }
  m = CITIZEN.exec(f);
  if (m) {
    const code = countryCode(m[1] as string);
    b.country(code, 'citizenship');
    return code !== undefined;
  }
  m = ALIAS.exec(f);
  if (m) return weakAlias(b, m[2] as string);
  m = GENDER.exec(f);
  if (m) {
    b.gender = (m[1] as string).toLowerCase() === 'male' ? 'male' : 'female';
    return true;
  }
  m = CURRENCY_ADDRESS.exec(f);
  if (m) {
    b.identifier({ type: 'other', value: m[2] as string, label: `Digital Currency Address - ${m[1] as string}` });
    return true;
  }
  return labelled(b, f);
}

/** OFAC writes remark aliases in single quotes, which a name may contain too ("SA'ID"): take the outermost pair. */
function weakAlias(b: EntityBuilder, text: string): boolean {
  const t = text.trim();
  let name = t;
  if (t.startsWith("'") || t.startsWith('"')) {
    const close = t.lastIndexOf(t.charAt(0));
    // An unclosed quote is a name cut off by the publisher's field limit: not a name.
    if (close <= 0) return false;
    name = t.slice(1, close);
  }
  name = name.trim();
  if (name === '') return false;
  b.name(name, 'alias_weak', b.schema === 'Person' ? splitPersonName(name) : {});
  return true;
}

/** The country of a place of birth, from its last comma-separated part ("Sargodha, Punjab, Pakistan") or the whole. */
function placeCountry(place: string): string | undefined {
  const comma = place.lastIndexOf(',');
  return countryCode(comma >= 0 ? place.slice(comma + 1) : place);
}

function labelled(b: EntityBuilder, f: string): boolean {
  const lower = f.toLowerCase();
  const candidates = BY_INITIAL.get(lower.charAt(0));
  if (!candidates) return false;
  for (const [label, rule] of candidates) {
    if (!lower.startsWith(label)) continue;
    const next = f.charAt(label.length);
    if (next !== '' && next !== ' ' && next !== ':' && next !== '#' && !/[-.:#)]$/.test(label)) continue;
    const value = f
      .slice(label.length)
      .replace(/^[\s:#]+/, '')
      .trim();
    if ('id' in rule) return identifier(b, rule.id, f.slice(0, label.length), value);
    if ('flag' in rule) {
      if (value === '') return false;
      if (rule.flag === 'current') b.country(countryCode(value), 'flag');
      else b.property('pastFlags', value);
      return true;
    }
    if (rule.whole) {
      b.property(rule.prop, f);
      return true;
    }
    if (value === '') return false;
    b.property(rule.prop, rule.date ? (ofacDate(value) ?? value) : value);
    return true;
  }
  return false;
}

function identifier(b: EntityBuilder, type: IdentifierType, label: string, rest: string): boolean {
  let value = rest.replace(DATES_AFTER, '');
  let country: string | undefined;
  const p = PARENS_AT_END.exec(value);
  if (p) {
    const code = countryCode(p[1] as string);
    if (code) {
      country = code;
      value = value.slice(0, p.index);
    } else if (value.slice(0, p.index).trim() === '') {
      // "International Maritime Organization No. (5777731)": the parentheses hold the value itself.
      value = p[1] as string;
    }
  }
  value = value.trim();
  if (type === 'imo') value = /\b(\d{7})\b/.exec(value)?.[1] ?? value.replace(/^IMO\s*/i, '');
  else if (type === 'mmsi') value = /\b(\d{9})\b/.exec(value)?.[1] ?? value;
  if (value === '') return false;
  b.identifier({ type, value, ...(country ? { country } : {}), label });
  return true;
}
