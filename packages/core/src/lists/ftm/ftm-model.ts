/** What the FollowTheMoney model means in Argus terms: schemata, identifier properties, dates, countries. Shared with the Senzing export, which is FtM underneath. */

import type { IdentifierType, Schema } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';

/** FtM schemata that become Argus entities. PublicBody is an Organization; Airplane is FtM's word for Aircraft. */
export const FTM_ENTITY_SCHEMAS: Readonly<Record<string, Schema>> = {
  Person: 'Person',
  Organization: 'Organization',
  PublicBody: 'Organization',
  Company: 'Company',
  LegalEntity: 'LegalEntity',
  Vessel: 'Vessel',
  Airplane: 'Aircraft',
  Aircraft: 'Aircraft',
};

/** FtM identifier properties and what kind of identifier each holds. */
export const FTM_IDENTIFIER_PROPS: Readonly<Record<string, IdentifierType>> = {
  passportNumber: 'passport',
  idNumber: 'national_id',
  nationalId: 'national_id',
  taxNumber: 'tax_id',
  innCode: 'tax_id',
  vatCode: 'tax_id',
  irsCode: 'tax_id',
  voenCode: 'tax_id',
  registrationNumber: 'registration',
  ogrnCode: 'registration',
  okpoCode: 'registration',
  kppCode: 'other',
  leiCode: 'other',
  dunsCode: 'other',
  uniqueEntityId: 'other',
  permId: 'other',
  npiCode: 'other',
  cageCode: 'other',
  bikCode: 'other',
  isin: 'other',
  isinCode: 'other',
  swiftBic: 'swift_bic',
  socialSecurityNumber: 'ssn',
  imoNumber: 'imo',
  mmsi: 'mmsi',
  callSign: 'call_sign',
  serialNumber: 'other',
};

/** The identifier type of an FtM property on a given schema (an Airplane's registrationNumber is its tail number). */
export function ftmIdentifierType(prop: string, schema: Schema): IdentifierType | undefined {
  if (prop === 'registrationNumber' && schema === 'Aircraft') return 'aircraft_tail';
  return FTM_IDENTIFIER_PROPS[prop];
}

/**
 * An FtM country value as ISO alpha-2. FtM writes lower-case ISO codes plus a few of its own
 * (`suhh` Soviet Union, `ge-ab` Abkhazia, `zz` global) that have no ISO code: those return undefined
 * and parsers keep them as properties.
 */
export function ftmCountry(value: string): string | undefined {
  const v = value.trim();
  return /^[A-Za-z]{2}$/.test(v) ? countryCode(v) : undefined;
}

/**
 * Relationship schemata (FtM "edges"): their source and target properties. Argus keeps a relationship
 * as a property on both ends, naming the other entity by its Argus id, so `argus entity` can follow it.
 */
export const FTM_EDGES: Readonly<Record<string, readonly [source: string, target: string]>> = {
  Ownership: ['owner', 'asset'],
  Directorship: ['director', 'organization'],
  Family: ['person', 'relative'],
  Associate: ['person', 'associate'],
  Employment: ['employee', 'employer'],
  Membership: ['member', 'organization'],
  Representation: ['agent', 'client'],
  Succession: ['predecessor', 'successor'],
  UnknownLink: ['subject', 'object'],
  Occupancy: ['holder', 'post'],
};
