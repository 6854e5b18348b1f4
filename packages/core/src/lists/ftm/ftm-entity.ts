/** Maps one FtM party record (Person, Company, Vessel…) and what other records say about it onto an Argus entity. */

import type { Address, CountryRole, Identifier, Sanction, Schema } from '../../model/entity.js';
import { EntityBuilder, isoDate } from '../entity-builder.js';
import { type FtmRecord, all, first } from './ftm-record.js';
import { ftmCountry, ftmIdentifierType } from './ftm-model.js';

/** Something another record says about an entity, collected in the first pass and applied in the second. */
export type FtmAttachment =
  | { readonly kind: 'sanction'; readonly sanction: Sanction }
  | { readonly kind: 'identifier'; readonly identifier: Identifier }
  | { readonly kind: 'note'; readonly note: string }
  | { readonly kind: 'property'; readonly key: string; readonly value: string };

const COUNTRY_PROPS: Readonly<Record<string, CountryRole>> = {
  nationality: 'nationality',
  citizenship: 'citizenship',
  jurisdiction: 'jurisdiction',
  birthCountry: 'birth',
  flag: 'flag',
  country: 'other',
  mainCountry: 'other',
  residency: 'residence',
};

const NAME_PROPS: Readonly<Record<string, 'alias_strong' | 'alias_weak'>> = {
  name: 'alias_strong',
  alias: 'alias_strong',
  previousName: 'alias_strong',
  weakAlias: 'alias_weak',
  abbreviation: 'alias_weak',
};

const NOTE_PROPS = new Set(['notes', 'summary', 'description']);
/** Properties read explicitly above the generic loop. */
const HANDLED = new Set(['birthDate', 'birthPlace', 'gender', 'address', 'addressEntity']);

export interface FtmEntityContext {
  readonly list: string;
  readonly addresses: ReadonlyMap<string, Address>;
  readonly attachments: readonly FtmAttachment[];
  readonly warn: (field: string, message: string) => void;
}

export function ftmEntity(record: FtmRecord, schema: Schema, ctx: FtmEntityContext): EntityBuilder {
  const draft = new EntityBuilder(ctx.list, record.id, schema);
  if (record.schema !== schema) draft.property('ftmSchema', record.schema);

  // The caption is the name OpenSanctions displays; plain FtM exports have none, so fall back to the first name.
  const composed = [first(record, 'firstName'), first(record, 'middleName'), first(record, 'lastName')].filter(Boolean).join(' ');
  const primary = record.caption ?? first(record, 'name') ?? composed;
  if (primary.trim() !== '') draft.name(primary, 'primary');
  for (const [prop, kind] of Object.entries(NAME_PROPS)) for (const v of all(record, prop)) draft.name(v, kind);
  if (draft.nameCount === 0) ctx.warn('name', `${record.schema} ${record.id} has no name; not imported`);

  for (const v of all(record, 'birthDate')) {
    const date = isoDate(v);
    if (date) {
      draft.birthDate({ kind: 'exact', date });
    } else {
      ctx.warn('birthDate', `birth date "${v}" is not an ISO date; kept as a property`);
      draft.property('birthDate', v);
    }
  }
  for (const v of all(record, 'birthPlace')) draft.birthPlace(v);
  const gender = first(record, 'gender')?.toLowerCase();
  if (gender === 'male' || gender === 'female' || gender === 'other') draft.gender = gender;
  for (const v of all(record, 'address')) draft.address({ full: v.trim() });
  for (const ref of all(record, 'addressEntity')) {
    const address = ctx.addresses.get(ref);
    if (address) draft.address(address);
    else draft.property('addressEntity', ref); // an Address outside this file: keep the reference
  }

  for (const [prop, values] of record.props) {
    if (HANDLED.has(prop) || prop in NAME_PROPS) continue;
    const role = COUNTRY_PROPS[prop];
    if (role) {
      for (const v of values) {
        const code = ftmCountry(v);
        if (code) draft.country(code, role);
        else draft.property(prop, v); // FtM's own codes (suhh, ge-ab, zz) have no ISO equivalent
      }
      continue;
    }
    const idType = ftmIdentifierType(prop, schema);
    if (idType) {
      for (const v of values) draft.identifier({ type: idType, value: v, label: prop });
      continue;
    }
    if (NOTE_PROPS.has(prop)) {
      for (const v of values) draft.note(v);
      continue;
    }
    for (const v of values) draft.property(prop, v);
  }
  if (record.props.has('gender') && draft.gender === undefined) for (const v of all(record, 'gender')) draft.property('gender', v);

  const { datasets, target, first_seen: firstSeen, last_change: lastChange } = record.raw;
  if (Array.isArray(datasets)) for (const d of datasets) if (typeof d === 'string') draft.property('datasets', d);
  if (typeof target === 'boolean') draft.property('target', String(target));
  if (typeof firstSeen === 'string') draft.property('firstSeen', firstSeen);
  if (typeof lastChange === 'string') draft.property('lastChange', lastChange);

  for (const a of ctx.attachments) {
    if (a.kind === 'sanction') draft.sanction(a.sanction);
    else if (a.kind === 'identifier') draft.identifier(a.identifier);
    else if (a.kind === 'note') draft.note(a.note);
    else draft.property(a.key, a.value);
  }
  return draft;
}

/** A Sanction record as the sanction it puts on its `entity`. */
export function ftmSanction(record: FtmRecord): Sanction {
  const country = first(record, 'country');
  const authority = first(record, 'authority') ?? (country ? `${ftmCountry(country) ?? country} authority` : 'unknown authority');
  const program = first(record, 'program') ?? first(record, 'programId');
  const listed = first(record, 'listingDate') ?? first(record, 'startDate');
  const listedOn = listed === undefined ? undefined : isoDate(listed);
  const reasons = all(record, 'reason');
  return {
    authority: authority.trim(),
    ...(program !== undefined ? { program: program.trim() } : {}),
    ...(listedOn !== undefined ? { listedOn } : {}),
    ...(reasons.length > 0 ? { reason: reasons.join('\n') } : {}),
  };
}

/** An Address record as an address; undefined when it has nothing to say. */
export function ftmAddress(record: FtmRecord): Address | undefined {
  const street = [first(record, 'street'), first(record, 'street2')].filter(Boolean).join(', ');
  const city = first(record, 'city');
  const region = first(record, 'region') ?? first(record, 'state');
  const postalCode = first(record, 'postalCode');
  const countryRaw = first(record, 'country');
  const country = countryRaw === undefined ? undefined : ftmCountry(countryRaw);
  const full =
    first(record, 'full') ??
    record.caption ??
    [street, first(record, 'postOfficeBox'), city, postalCode, region, countryRaw ? (country ?? countryRaw).toUpperCase() : undefined]
      .filter(Boolean)
      .join(', ');
  if (full.trim() === '') return undefined;
  return {
    full: full.trim(),
    ...(street !== '' ? { street } : {}),
    ...(city !== undefined ? { city } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(postalCode !== undefined ? { postalCode } : {}),
    ...(country !== undefined ? { country } : {}),
  };
}

/** A Passport or Identification record as an identifier of its holder; a reason when it has no number. */
export function ftmDocument(record: FtmRecord): Identifier | string {
  const number = first(record, 'number');
  if (number === undefined) return `${record.schema} ${record.id} has no number`;
  const type = first(record, 'type');
  const countryRaw = first(record, 'country');
  const country = countryRaw === undefined ? undefined : ftmCountry(countryRaw);
  const passport = record.schema === 'Passport' || /passport/i.test(type ?? '');
  return {
    type: passport ? 'passport' : 'national_id',
    value: number.trim(),
    ...(country !== undefined ? { country } : {}),
    label: type ?? record.schema,
  };
}
