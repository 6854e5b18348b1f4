/** The normalised form of a screening query that review decisions are keyed by. */

export interface ReviewQuery {
  readonly name: string;
  readonly dob?: string;
  readonly country?: string;
  readonly schema?: string;
  readonly id?: string;
}

/**
 * Case, accents, punctuation, spacing and token order do not make a different query: "Dr. José  SMITH"
 * and "smith jose" share a key. Date of birth, country, schema and identifier are part of it, because a
 * decision about "John Smith, born 1970" says nothing about another John Smith.
 */
export function reviewQueryKey(q: ReviewQuery): string {
  const name = fold(q.name)
    .split(' ')
    .filter((t) => t.length > 0)
    .sort()
    .join(' ');
  const parts = [
    name,
    q.dob?.trim() ?? '',
    q.country?.trim().toUpperCase() ?? '',
    q.schema?.trim() ?? '',
    fold(q.id ?? '').replace(/ /g, ''),
  ];
  return parts.join('|');
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
