/** Maps one Senzing entity record (as OpenSanctions exports it) onto an Argus entity. */

import type { CountryRole, IdentifierType, NameKind, Schema } from '../../model/entity.js';
import { entityId } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { EntityBuilder, isoDate } from '../entity-builder.js';
import { ftmIdentifierType } from '../ftm/ftm-model.js';

/** Senzing RECORD_TYPE → schema. OpenSanctions writes null for FtM schemata with no Senzing type. */
const RECORD_TYPES: Readonly<Record<string, Schema>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  ORGANISATION: 'Organization',
  VESSEL: 'Vessel',
  AIRCRAFT: 'Aircraft',
};

const COUNTRY_ATTRS: Readonly<Record<string, CountryRole>> = {
  NATIONALITY: 'nationality',
  CITIZENSHIP: 'citizenship',
  COUNTRY_OF_ASSOCIATION: 'other',
  REGISTRATION_COUNTRY: 'jurisdiction',
};

/** Identifier attributes that stand alone (`{"IMO_NUMBER": "…"}`), with the type each holds. */
const PLAIN_IDS: Readonly<Record<string, { type: IdentifierType; label: string }>> = {
  SSN_NUMBER: { type: 'ssn', label: 'SSN' },
  DRIVERS_LICENSE_NUMBER: { type: 'driving_licence', label: 'Driver licence' },
  LEI_NUMBER: { type: 'other', label: 'LEI' },
  DUNS_NUMBER: { type: 'other', label: 'DUNS' },
  NPI_NUMBER: { type: 'other', label: 'NPI' },
  ISIN_NUMBER: { type: 'other', label: 'ISIN' },
  OFAC_ID: { type: 'other', label: 'OFAC ID' },
  IMO_NUMBER: { type: 'imo', label: 'IMO' },
  MMSI_NUMBER: { type: 'mmsi', label: 'MMSI' },
  CALL_SIGN: { type: 'call_sign', label: 'Call sign' },
  ACCOUNT_NUMBER: { type: 'other', label: 'Account' },
};

/** Identifier attributes with a companion country and type (`PASSPORT_NUMBER` + `PASSPORT_COUNTRY`). */
const TYPED_IDS: Readonly<Record<string, { prefix: string; type: IdentifierType }>> = {
  PASSPORT_NUMBER: { prefix: 'PASSPORT', type: 'passport' },
  NATIONAL_ID_NUMBER: { prefix: 'NATIONAL_ID', type: 'national_id' },
  TAX_ID_NUMBER: { prefix: 'TAX_ID', type: 'tax_id' },
  OTHER_ID_NUMBER: { prefix: 'OTHER_ID', type: 'other' },
  TRUSTED_ID_NUMBER: { prefix: 'TRUSTED_ID', type: 'other' },
};

const CONTACT_ATTRS: Readonly<Record<string, string>> = {
  WEBSITE_ADDRESS: 'website',
  EMAIL_ADDRESS: 'email',
  PHONE_NUMBER: 'phone',
  SOURCE_URL: 'sourceUrl',
  URL: 'url',
  LAST_CHANGE: 'lastChange',
  DATA_SOURCE: 'dataSource',
  TOPIC: 'topics',
  DATE_OF_DEATH: 'deathDate',
  REGISTRATION_DATE: 'incorporationDate',
};

/** Attributes consumed together with another one of their group, or bookkeeping with no meaning of its own. */
const COMPANIONS = new Set([
  'RECORD_ID',
  'RECORD_TYPE',
  'ENTITY_TYPE',
  'NAME_TYPE',
  'NAME_FIRST',
  'NAME_MIDDLE',
  'NAME_LAST',
  'NAME_PREFIX',
  'NAME_SUFFIX',
  'PASSPORT_COUNTRY',
  'NATIONAL_ID_COUNTRY',
  'NATIONAL_ID_TYPE',
  'TAX_ID_COUNTRY',
  'TAX_ID_TYPE',
  'OTHER_ID_TYPE',
  'OTHER_ID_COUNTRY',
  'TRUSTED_ID_TYPE',
  'DRIVERS_LICENSE_STATE',
  'ADDR_TYPE',
  'ADDR_LINE1',
  'ADDR_LINE2',
  'ADDR_LINE3',
  'ADDR_CITY',
  'ADDR_STATE',
  'ADDR_POSTAL_CODE',
  'ADDR_COUNTRY',
  'REL_POINTER_DOMAIN',
  'REL_POINTER_ROLE',
  'REL_ANCHOR_DOMAIN',
  'REL_ANCHOR_KEY',
]);

export type SenzingResult = { readonly draft: EntityBuilder } | { readonly skip: string };

type Group = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
};

/** Senzing dates: ISO (`1972`, `1972-05`, `1972-05-12`, with or without a time) or compact `19720512`. */
export function senzingDate(value: string): string | undefined {
  const v = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return isoDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : v);
}

/**
 * The entity of one record, or why the record is not one. A record's attributes may sit at the top
 * level or in lists of groups (`NAMES: [{…}]`); both are read, and an attribute Argus has no field for
 * is kept as a property under its Senzing name rather than dropped.
 */
export function senzingEntity(record: Group, list: string, warn: (field: string, message: string) => void): SenzingResult {
  const recordId = str(record.RECORD_ID);
  if (recordId === undefined) return { skip: 'the record has no RECORD_ID' };
  const rawType = record.RECORD_TYPE ?? record.ENTITY_TYPE;
  let schema: Schema;
  if (rawType === null || rawType === undefined) {
    // OpenSanctions writes null for FtM schemata with no Senzing type: LegalEntity (a listed party of
    // unknown kind) but also Position and the like, which are no party at all. Only a record that
    // carries risk topics (sanction, pep, crime…) is a listed party.
    if (!Array.isArray(record.RISKS) || record.RISKS.length === 0) {
      return { skip: `record ${recordId} has no RECORD_TYPE and no risk topics (an FtM Position or similar, not a party)` };
    }
    schema = 'LegalEntity';
  } else {
    const mapped = typeof rawType === 'string' ? RECORD_TYPES[rawType.toUpperCase()] : undefined;
    if (!mapped) return { skip: `record ${recordId} has RECORD_TYPE ${JSON.stringify(rawType)}, which is not a party Argus screens` };
    schema = mapped;
  }

  const draft = new EntityBuilder(list, recordId, schema);
  const top: Record<string, unknown> = {};
  const groups: [string, Group][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) groups.push([key, item as Group]);
        else if (str(item) !== undefined) groups.push([key, { [key]: item }]);
      }
    } else if (value !== null && typeof value === 'object') {
      groups.push([key, value as Group]);
    } else {
      top[key] = value;
    }
  }
  // Names first, so the primary name is the entity's first.
  groups.sort(([a], [b]) => Number(b === 'NAMES') - Number(a === 'NAMES'));
  readGroup(top, 'record', draft, recordId, warn);
  for (const [key, group] of groups) readGroup(group, key, draft, recordId, warn);
  if (draft.nameCount === 0) return { skip: `record ${recordId} has no name` };
  return { draft };
}

function readGroup(g: Group, where: string, draft: EntityBuilder, recordId: string, warn: (field: string, message: string) => void): void {
  readName(g, draft);
  readAddress(g, draft);
  for (const [key, raw] of Object.entries(g)) {
    if (COMPANIONS.has(key) || key.startsWith('NAME_') || key === 'ADDR_FULL' || key === 'PLACE_OF_BIRTH') continue;
    const value = str(raw);
    if (value === undefined) continue;
    if (key === 'DATE_OF_BIRTH') {
      const date = senzingDate(value);
      if (date) draft.birthDate({ kind: 'exact', date });
      else {
        warn(key, `date of birth "${value}" is not a date; kept as a property`);
        draft.property('DATE_OF_BIRTH', value);
      }
      continue;
    }
    if (key === 'GENDER') {
      const g0 = value.toUpperCase();
      if (g0 === 'M' || g0 === 'MALE') draft.gender = 'male';
      else if (g0 === 'F' || g0 === 'FEMALE') draft.gender = 'female';
      else draft.property('gender', value);
      continue;
    }
    const role = COUNTRY_ATTRS[key];
    if (role) {
      const code = countryCode(value);
      if (code) draft.country(code, role);
      else draft.property(key, value); // FtM's own codes (suhh, zz) have no ISO equivalent
      continue;
    }
    const plain = PLAIN_IDS[key];
    if (plain) {
      draft.identifier({ type: plain.type, value, label: plain.label });
      continue;
    }
    const typed = TYPED_IDS[key];
    if (typed) {
      readTypedId(g, typed, value, draft, recordId);
      continue;
    }
    if (key === 'REL_POINTER_KEY') {
      draft.property(`related.${str(g.REL_POINTER_ROLE) ?? 'link'}`, entityId(draft.list, value));
      continue;
    }
    draft.property(CONTACT_ATTRS[key] ?? (where === 'record' ? key : `${where}.${key}`), value);
  }
}

function readName(g: Group, draft: EntityBuilder): void {
  const given = str(g.NAME_FIRST);
  const middle = str(g.NAME_MIDDLE);
  const family = str(g.NAME_LAST);
  const full = str(g.NAME_FULL) ?? str(g.NAME_ORG) ?? [given, middle, family].filter(Boolean).join(' ');
  if (full === '') return;
  const type = str(g.NAME_TYPE)?.toUpperCase();
  const kind: NameKind = type === undefined || type === 'PRIMARY' ? 'primary' : 'alias_strong';
  draft.name(full, kind, {
    ...(given !== undefined ? { given } : {}),
    ...(middle !== undefined ? { middle } : {}),
    ...(family !== undefined ? { family } : {}),
  });
}

function readAddress(g: Group, draft: EntityBuilder): void {
  const pob = str(g.PLACE_OF_BIRTH);
  if (pob !== undefined) draft.birthPlace(pob);
  const street = [str(g.ADDR_LINE1), str(g.ADDR_LINE2), str(g.ADDR_LINE3)].filter(Boolean).join(', ');
  const city = str(g.ADDR_CITY);
  const region = str(g.ADDR_STATE);
  const postalCode = str(g.ADDR_POSTAL_CODE);
  const countryRaw = str(g.ADDR_COUNTRY);
  const country = countryRaw === undefined ? undefined : countryCode(countryRaw);
  const full = str(g.ADDR_FULL) ?? [street, city, region, postalCode, countryRaw].filter(Boolean).join(', ');
  if (full === '') return;
  draft.address({
    full,
    ...(street !== '' ? { street } : {}),
    ...(city !== undefined ? { city } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(postalCode !== undefined ? { postalCode } : {}),
    ...(country !== undefined ? { country } : {}),
  });
}

function readTypedId(
  g: Group,
  spec: { prefix: string; type: IdentifierType },
  value: string,
  draft: EntityBuilder,
  recordId: string,
): void {
  const idType = str(g[`${spec.prefix}_TYPE`]);
  const countryRaw = str(g[`${spec.prefix}_COUNTRY`]);
  const country = countryRaw === undefined ? undefined : countryCode(countryRaw);
  // The record's own key repeated as an identifier (OpenSanctions adds one to every record) is its source id, not evidence.
  if (value === recordId && (idType === 'OPEN_SANCTIONS' || idType === 'WIKIDATA')) return;
  if (idType === 'WIKIDATA') {
    draft.property('wikidataId', value);
    return;
  }
  // OpenSanctions keeps the FtM property (innCode, ogrnCode, registrationNumber…) as the *_TYPE.
  const type = (idType !== undefined ? ftmIdentifierType(idType, draft.schema) : undefined) ?? spec.type;
  draft.identifier({
    type,
    value,
    ...(country !== undefined ? { country } : {}),
    label: idType ?? spec.prefix.replace('_', ' ').toLowerCase(),
  });
}
