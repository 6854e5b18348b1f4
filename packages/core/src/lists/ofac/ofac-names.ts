/** OFAC name conventions: "LAST, First Middle" for people, the SDN_Type column, and program lists. */

import type { Schema } from '../../model/entity.js';
import type { NameParts } from '../entity-builder.js';

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * Splits an individual's name as OFAC writes it, family name first: "SAEED, Muhammad" → family
 * SAEED, given Muhammad. Generational suffixes ("Jr.") are not name parts; wherever they stand
 * ("KNOWLES, JR., Samuel", "DELOS REYES, Feliciano Semborio, Jr."). A name without a comma has no
 * parts: OFAC then gives a single name, which may be either.
 * @example splitPersonName('MARUF, Taha, Muhyi al-Din') // { family: 'MARUF', given: 'Taha Muhyi al-Din' }
 */
export function splitPersonName(full: string): NameParts {
  const parts = full
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !SUFFIX.test(p));
  if (parts.length < 2 || !full.includes(',')) return {};
  const [family, ...given] = parts as [string, ...string[]];
  return { family, given: given.join(' ') };
}

/** The schema for OFAC's SDN_Type / sdnType ("individual", "vessel", "aircraft"; blank or "Entity" is an organization). */
export function ofacSchema(sdnType: string | undefined): Schema {
  switch ((sdnType ?? '').trim().toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Aircraft';
    default:
      // OFAC says only "entity": no legal form is implied, so no Company.
      return 'Organization';
  }
}

/** The CSV Program column lists several programs as "SDGT] [IRGC" (the outer brackets are implied). */
export function splitPrograms(text: string): string[] {
  return text
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\s*\[|\]\s*$/g, '').trim())
    .filter((p) => p !== '');
}
