/** ISO partial dates (YYYY, YYYY-MM, YYYY-MM-DD): parsing, validation and comparison. */

import type { PartialDate } from './entity.js';

export interface PartialDateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO partial date, rejecting impossible ones ("1990-13-45"). Returns undefined when invalid. */
export function parsePartialDate(text: string): PartialDateParts | undefined {
  const m = PARTIAL.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) return undefined;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return undefined;
  return { year, month, day };
}

export function formatPartialDate(parts: PartialDateParts): PartialDate {
  const y = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return y;
  const m = String(parts.month).padStart(2, '0');
  if (parts.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(parts.day).padStart(2, '0')}`;
}

export function isPartialDate(text: string): text is PartialDate {
  return parsePartialDate(text) !== undefined;
}
