/** Field-level differences between what two list versions say about one entity. */

import type { Address, BirthDate, CountryRef, Entity, EntityName, Identifier, Sanction } from '../model/entity.js';
import { canonicalJson } from './canonical-json.js';

/**
 * One changed field. Collections (names, dates of birth, countries, identifiers, addresses,
 * sanctions, notes, each property) change by items added and removed; single values by from → to.
 * Items are rendered as text a reviewer reads.
 */
export type FieldChange =
  | { readonly field: string; readonly kind: 'set'; readonly added: readonly string[]; readonly removed: readonly string[] }
  | { readonly field: string; readonly kind: 'value'; readonly from?: string; readonly to?: string };

export function nameText(n: EntityName): string {
  const tag = n.kind === 'primary' ? '' : n.kind === 'alias_strong' ? ' [a.k.a.]' : ' [weak a.k.a.]';
  return `${n.full}${tag}${n.script ? ` (${n.script})` : ''}`;
}

export function birthDateText(d: BirthDate): string {
  if (d.kind === 'between') return `${d.from}..${d.to}`;
  return d.kind === 'approximate' ? `~${d.date}` : d.date;
}

export function countryText(c: CountryRef): string {
  return `${c.code} (${c.role})`;
}

export function identifierText(i: Identifier): string {
  return `${i.label ?? i.type}: ${i.value}${i.country ? ` (${i.country})` : ''}`;
}

export function addressText(a: Address): string {
  return a.full || [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ');
}

export function sanctionText(s: Sanction): string {
  return [s.authority, s.program, s.listedOn ? `listed ${s.listedOn}` : undefined].filter(Boolean).join(' · ');
}

/** Compares items by their full canonical form, shows them by their text; a change in a detail shows as removed + added. */
function setChange<T>(field: string, from: readonly T[], to: readonly T[], text: (t: T) => string): FieldChange | undefined {
  const a = new Map(from.map((x) => [canonicalJson(x), x]));
  const b = new Map(to.map((x) => [canonicalJson(x), x]));
  const removed = [...a].filter(([k]) => !b.has(k)).map(([, x]) => text(x));
  const added = [...b].filter(([k]) => !a.has(k)).map(([, x]) => text(x));
  if (added.length === 0 && removed.length === 0) return undefined;
  return { field, kind: 'set', added, removed };
}

function valueChange(field: string, from: string | undefined, to: string | undefined): FieldChange | undefined {
  if (from === to) return undefined;
  const change: { field: string; kind: 'value'; from?: string; to?: string } = { field, kind: 'value' };
  if (from !== undefined) change.from = from;
  if (to !== undefined) change.to = to;
  return change;
}

/**
 * What changed between two editions of an entity, field by field; empty when the list says the same
 * thing (the version an entity was read from is ignored).
 *
 * @example diffEntity(old, cur) // [{ field: 'names', kind: 'set', added: ['ACME LLC [a.k.a.]'], removed: [] }]
 */
export function diffEntity(from: Entity, to: Entity): FieldChange[] {
  const out: (FieldChange | undefined)[] = [
    valueChange('schema', from.schema, to.schema),
    setChange('names', from.names, to.names, nameText),
    setChange('birthDates', from.birthDates, to.birthDates, birthDateText),
    setChange('birthPlaces', from.birthPlaces, to.birthPlaces, String),
    valueChange('gender', from.gender, to.gender),
    setChange('countries', from.countries, to.countries, countryText),
    setChange('identifiers', from.identifiers, to.identifiers, identifierText),
    setChange('addresses', from.addresses, to.addresses, addressText),
    setChange('sanctions', from.sanctions, to.sanctions, sanctionText),
    setChange('notes', from.notes, to.notes, String),
    valueChange('sourceId', from.source.sourceId, to.source.sourceId),
  ];
  const keys = [...new Set([...Object.keys(from.properties), ...Object.keys(to.properties)])].sort();
  for (const k of keys) out.push(setChange(`properties.${k}`, from.properties[k] ?? [], to.properties[k] ?? [], String));
  return out.filter((c): c is FieldChange => c !== undefined);
}
