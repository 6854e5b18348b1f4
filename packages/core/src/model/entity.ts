/** The entity model of sanctions data, following FollowTheMoney: what a list says about one person, company, vessel… */

export const SCHEMAS = ['Person', 'Organization', 'Company', 'Vessel', 'Aircraft', 'LegalEntity'] as const;
export type Schema = (typeof SCHEMAS)[number];

export function isSchema(value: string): value is Schema {
  return (SCHEMAS as readonly string[]).includes(value);
}

/** primary: the listed name; alias_strong: a good-quality a.k.a.; alias_weak: a low-quality a.k.a. / f.k.a. fragment. */
export type NameKind = 'primary' | 'alias_strong' | 'alias_weak';

export interface EntityName {
  /** The name as the list writes it, in its own script. */
  readonly full: string;
  readonly kind: NameKind;
  /** ISO 15924 code of the dominant script (Latn, Arab, Cyrl, Hans, Hang, Grek, …) where known. */
  readonly script?: string;
  /** Name parts where the list separates them (given = first names, family = last name). */
  readonly given?: string;
  readonly middle?: string;
  readonly family?: string;
}

/**
 * An ISO 8601 partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Lists often give only a year.
 * Validate and build with `parsePartialDate` in ./dates.ts.
 */
export type PartialDate = string;

export type BirthDate =
  | { readonly kind: 'exact'; readonly date: PartialDate }
  | { readonly kind: 'approximate'; readonly date: PartialDate }
  | { readonly kind: 'between'; readonly from: PartialDate; readonly to: PartialDate };

export type CountryRole = 'nationality' | 'citizenship' | 'residence' | 'jurisdiction' | 'birth' | 'flag' | 'address' | 'other';

export interface CountryRef {
  /** ISO 3166-1 alpha-2, upper case (XK for Kosovo). */
  readonly code: string;
  readonly role: CountryRole;
}

export const IDENTIFIER_TYPES = [
  'passport',
  'national_id',
  'tax_id',
  'registration',
  'imo',
  'mmsi',
  'call_sign',
  'swift_bic',
  'ssn',
  'driving_licence',
  'aircraft_tail',
  'other',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface Identifier {
  readonly type: IdentifierType;
  readonly value: string;
  /** ISO 3166-1 alpha-2 of the issuing country, where given. */
  readonly country?: string;
  /** The list's own wording of the type ("Cedula No.", "Registration ID"), kept for the reviewer. */
  readonly label?: string;
}

export interface Address {
  readonly full: string;
  readonly street?: string;
  readonly city?: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly country?: string;
}

export interface Sanction {
  /** OFAC, UN Security Council, EU, UK OFSI, … */
  readonly authority: string;
  readonly program?: string;
  readonly listedOn?: PartialDate;
  readonly reason?: string;
}

export interface SourceRef {
  /** The Argus list source id this entity was imported under (e.g. `ofac-sdn`, `un-sc`). */
  readonly list: string;
  /** The publisher's own identifier: OFAC ent_num, UN REFERENCE_NUMBER, EU logicalId, UK Group ID, FtM id… */
  readonly sourceId: string;
  /** The list version id, once stored. */
  readonly version?: string;
}

export type Gender = 'male' | 'female' | 'other';

export interface Entity {
  /** Stable across list versions: `${source.list}:${source.sourceId}`. */
  readonly id: string;
  readonly schema: Schema;
  readonly names: readonly EntityName[];
  readonly birthDates: readonly BirthDate[];
  readonly birthPlaces: readonly string[];
  readonly gender?: Gender;
  readonly countries: readonly CountryRef[];
  readonly identifiers: readonly Identifier[];
  readonly addresses: readonly Address[];
  readonly sanctions: readonly Sanction[];
  /** Free text the list attaches (remarks, comments, designation reasons). */
  readonly notes: readonly string[];
  /** Anything else the publisher says that has no field above (vessel tonnage, titles, positions…). */
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly source: SourceRef;
}

/** Builds an entity id from its list source and the publisher's id. */
export function entityId(list: string, sourceId: string): string {
  return `${list}:${sourceId}`;
}

/** An entity with every collection empty: parsers start here and fill what the list gives. */
export function emptyEntity(list: string, sourceId: string, schema: Schema): Entity {
  return {
    id: entityId(list, sourceId),
    schema,
    names: [],
    birthDates: [],
    birthPlaces: [],
    countries: [],
    identifiers: [],
    addresses: [],
    sanctions: [],
    notes: [],
    properties: {},
    source: { list, sourceId },
  };
}

/** The name a reviewer sees first: the first primary name, else the first name at all. */
export function primaryName(entity: Entity): string {
  return (entity.names.find((n) => n.kind === 'primary') ?? entity.names[0])?.full ?? '';
}
