/** Non-name evidence: date of birth, country, gender, identifiers and schema, each as a signed score contribution. */

import type { BirthDate, CountryRef, Gender, Schema } from '../model/entity.js';
import { type PartialDateParts, parsePartialDate } from '../model/dates.js';

export interface FeatureContribution {
  readonly feature: 'dob' | 'country' | 'gender' | 'identifier' | 'schema' | 'legal_form';
  /** Added to the name score (negative for a conflict). */
  readonly contribution: number;
  readonly detail: string;
}

/** Compares a query date with one listed date. Day/month swaps are a weak conflict; year-only compares on the year. */
function compareDate(q: PartialDateParts, e: PartialDateParts, approximate: boolean): FeatureContribution {
  const dy = Math.abs(q.year - e.year);
  if (dy > 0) {
    if (approximate && dy <= 2) return { feature: 'dob', contribution: 0, detail: `year ${q.year} near approximate ${e.year}` };
    if (dy === 1) return { feature: 'dob', contribution: -0.08, detail: `year ${q.year} vs ${e.year}` };
    return { feature: 'dob', contribution: dy <= 3 ? -0.15 : -0.25, detail: `year ${q.year} vs ${e.year}` };
  }
  if (q.month === undefined || e.month === undefined) return { feature: 'dob', contribution: 0.03, detail: `same year ${q.year}` };
  if (q.month !== e.month) {
    if (q.day !== undefined && e.day !== undefined && q.day === e.month && q.month === e.day) {
      return { feature: 'dob', contribution: -0.03, detail: 'day and month swapped' };
    }
    return { feature: 'dob', contribution: approximate ? 0 : -0.1, detail: `same year, month ${q.month} vs ${e.month}` };
  }
  if (q.day === undefined || e.day === undefined) return { feature: 'dob', contribution: 0.04, detail: 'same year and month' };
  if (q.day !== e.day) return { feature: 'dob', contribution: approximate ? 0 : -0.08, detail: `same month, day ${q.day} vs ${e.day}` };
  return { feature: 'dob', contribution: 0.06, detail: 'same date of birth' };
}

/** The best agreement of the query's date of birth with any listed date (lists give several). */
export function compareBirthDates(query: PartialDateParts, dates: readonly BirthDate[]): FeatureContribution | undefined {
  let best: FeatureContribution | undefined;
  for (const d of dates) {
    let c: FeatureContribution | undefined;
    if (d.kind === 'between') {
      const from = parsePartialDate(d.from);
      const to = parsePartialDate(d.to);
      if (!from || !to) continue;
      c =
        query.year >= from.year && query.year <= to.year
          ? { feature: 'dob', contribution: 0.02, detail: `within ${d.from}–${d.to}` }
          : compareDate(query, Math.abs(query.year - from.year) < Math.abs(query.year - to.year) ? from : to, true);
    } else {
      const e = parsePartialDate(d.date);
      if (!e) continue;
      c = compareDate(query, e, d.kind === 'approximate');
    }
    if (!best || c.contribution > best.contribution) best = c;
  }
  return best;
}

const PERSONAL_ROLES = new Set(['nationality', 'citizenship', 'birth']);

/** Country agreement: a shared country supports, a conflicting nationality counts against. */
export function compareCountries(query: string, countries: readonly CountryRef[]): FeatureContribution | undefined {
  if (countries.length === 0) return undefined;
  if (countries.some((c) => c.code === query)) return { feature: 'country', contribution: 0.02, detail: `country ${query} listed` };
  if (countries.some((c) => PERSONAL_ROLES.has(c.role) || c.role === 'jurisdiction' || c.role === 'flag')) {
    const listed = [...new Set(countries.map((c) => c.code))].join(', ');
    return { feature: 'country', contribution: -0.06, detail: `country ${query} vs ${listed}` };
  }
  return undefined;
}

export function compareGender(query: Gender, gender: Gender | undefined): FeatureContribution | undefined {
  if (gender === undefined || gender === query) return undefined;
  return { feature: 'gender', contribution: -0.08, detail: `gender ${query} vs ${gender}` };
}

type SchemaGroup = 'person' | 'org' | 'vessel' | 'aircraft' | 'any';
function group(s: Schema): SchemaGroup {
  switch (s) {
    case 'Person':
      return 'person';
    case 'Organization':
    case 'Company':
      return 'org';
    case 'Vessel':
      return 'vessel';
    case 'Aircraft':
      return 'aircraft';
    default:
      return 'any';
  }
}

/** True when a query of one schema may be the listed entity (LegalEntity fits persons and organisations). */
export function schemasCompatible(query: Schema, entity: Schema): boolean {
  const a = group(query);
  const b = group(entity);
  return a === b || a === 'any' || b === 'any';
}
