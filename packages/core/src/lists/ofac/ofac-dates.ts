/** OFAC's date wording ("12 Mar 1964", "Mar 1964", "circa 1964", "1960 to 1965") as ISO partial dates and BirthDates. */

import { formatPartialDate, parsePartialDate } from '../../model/dates.js';
import type { BirthDate, PartialDate } from '../../model/entity.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const DAY_MONTH_YEAR = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.? (\d{4})$/;
const YEAR = /^(\d{4})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function month(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

function valid(year: number, m?: number, day?: number): PartialDate | undefined {
  const text = formatPartialDate({ year, ...(m !== undefined ? { month: m } : {}), ...(day !== undefined ? { day } : {}) });
  return parsePartialDate(text) ? text : undefined;
}

/**
 * One OFAC date: "12 Mar 1964", "Mar 1964", "1964", and the XML header's "04/22/2020" (US order).
 * Undefined when the text is not a date or names an impossible one ("31 Feb 1970").
 * @example ofacDate('05 Jun 1950') // '1950-06-05'
 */
export function ofacDate(text: string): PartialDate | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const mon = month(m[2] as string);
    return mon === undefined ? undefined : valid(Number(m[3]), mon, Number(m[1]));
  }
  m = MONTH_YEAR.exec(t);
  if (m) {
    const mon = month(m[1] as string);
    return mon === undefined ? undefined : valid(Number(m[2]), mon);
  }
  m = YEAR.exec(t);
  if (m) return valid(Number(m[1]));
  m = US_DATE.exec(t);
  if (m) return valid(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

/**
 * A date of birth as OFAC writes it after "DOB": exact ("12 Mar 1964", "Mar 1964", "1964"), approximate
 * ("circa 1964", "circa-1951"), or a range ("1960 to 1965", "01 Jan 1961 to 31 Dec 1962", "circa 1962-1964").
 * Undefined when the text is none of these.
 * @example ofacBirthDate('circa 1964') // { kind: 'approximate', date: '1964' }
 */
export function ofacBirthDate(text: string): BirthDate | undefined {
  let t = text.trim().replace(/\s+/g, ' ');
  let circa = false;
  const c = /^(?:circa|ca\.|approximately|approx\.)[\s-]*/i.exec(t);
  if (c) {
    circa = true;
    t = t.slice(c[0].length);
  }
  const range = /^(.+?) ?(?: to |-| - )(.+)$/.exec(t);
  if (range && !/^\d{4}$/.test(t)) {
    const from = ofacDate(range[1] as string);
    const to = ofacDate(range[2] as string);
    if (from !== undefined && to !== undefined) {
      if (from === to) return { kind: circa ? 'approximate' : 'exact', date: from };
      return from < to ? { kind: 'between', from, to } : { kind: 'between', from: to, to: from };
    }
  }
  const date = ofacDate(t);
  if (date === undefined) return undefined;
  return { kind: circa ? 'approximate' : 'exact', date };
}
