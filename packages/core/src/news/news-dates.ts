/** Dates in news text: the report's own date, explicit dates, and relative ones ("on Thursday", "late last month") resolved against it. */

import type { DatePrecision, IncidentDate } from '../incidents/incident.js';

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH_RE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export function monthOf(name: string): number | undefined {
  const k = name.toLowerCase().replace('.', '').slice(0, 3);
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(k));
  return i >= 0 ? i + 1 : undefined;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay();
}

/** The day an interval starts and the day after it ends. */
export function dateRange(d: IncidentDate): { start: string; end: string } {
  const y = Number(d.date.slice(0, 4));
  const m = Number(d.date.slice(5, 7));
  switch (d.precision) {
    case 'day':
      return { start: d.date, end: addDays(d.date, 1) };
    case 'week':
      return { start: d.date, end: addDays(d.date, 7) };
    case 'month':
      return { start: iso(y, m, 1), end: m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1) };
    case 'year':
      return { start: iso(y, 1, 1), end: iso(y + 1, 1, 1) };
  }
}

export function datesOverlap(a: IncidentDate, b: IncidentDate): boolean {
  const x = dateRange(a);
  const y = dateRange(b);
  return x.start < y.end && y.start < x.end;
}

/** An explicit date anywhere in a string: "Thursday, 12 February 2026", "February 12, 2026", "2026-02-12". */
export function findExplicitDate(text: string): { date: string; index: number; length: number } | undefined {
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
    [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE}),?\\s+(\\d{4})\\b`, 'i'),
      (m) => [Number(m[3]), monthOf(m[2] ?? '') ?? 0, Number(m[1])],
    ],
    [
      new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
      (m) => [Number(m[3]), monthOf(m[1] ?? '') ?? 0, Number(m[2])],
    ],
  ];
  for (const [re, parts] of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    if (validDay(y, mo, d)) return { date: iso(y, mo, d), index: m.index, length: m[0].length };
  }
  return undefined;
}

/** A time expression found in a sentence, resolved when the reference date is known. */
export interface TimeMention {
  readonly text: string;
  readonly index: number;
  /** 0 = Sunday … 6 = Saturday, when the words name a weekday. */
  readonly weekday?: number;
  readonly resolved?: IncidentDate;
  /** Part of a month ("late last month"), kept for display. */
  readonly part?: 'early' | 'mid' | 'late';
  /** The expression names a period to attach to a statistic rather than a day ("last month", "in January"). */
  readonly kind: 'day' | 'week' | 'month' | 'year';
}

function previousMonth(ref: string, back: number): IncidentDate {
  let y = Number(ref.slice(0, 4));
  let m = Number(ref.slice(5, 7)) - back;
  while (m < 1) {
    m += 12;
    y--;
  }
  return { date: iso(y, m, 1), precision: 'month' };
}

/** The Monday that starts the week of `date`. */
function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The most recent `weekday` on or before `ref`. */
function lastWeekday(ref: string, weekday: number): string {
  return addDays(ref, -((weekdayOf(ref) - weekday + 7) % 7));
}

const dated = (date: string, precision: DatePrecision): IncidentDate => ({ date, precision });

/**
 * Every time expression of a sentence, in order. `ref` is the report's date: without it only
 * explicit dates resolve, and weekdays are kept unresolved (they still tell events apart).
 */
export function findTimeMentions(sentence: string, ref: string | undefined): TimeMention[] {
  const out: TimeMention[] = [];
  const taken: [number, number][] = [];
  const free = (i: number, n: number) => taken.every(([a, b]) => i + n <= a || i >= b);
  const push = (m: RegExpExecArray, t: Omit<TimeMention, 'text' | 'index'>) => {
    if (!free(m.index, m[0].length)) return;
    taken.push([m.index, m.index + m[0].length]);
    out.push({ text: m[0], index: m.index, ...t });
  };
  const all = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (const m of sentence.matchAll(re)) f(m as RegExpExecArray);
  };
  const refY = ref ? Number(ref.slice(0, 4)) : undefined;
  const refM = ref ? Number(ref.slice(5, 7)) : undefined;

  // Explicit full dates first.
  all(new RegExp(`\\b(?:(${WEEKDAY_RE}),?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE}),?\\s+(\\d{4})\\b`, 'gi'), (m) => {
    const mo = monthOf(m[3] ?? '') ?? 0;
    if (validDay(Number(m[4]), mo, Number(m[2]))) push(m, { kind: 'day', resolved: dated(iso(Number(m[4]), mo, Number(m[2])), 'day') });
  });
  all(new RegExp(`\\b(?:(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), (m) => {
    const mo = monthOf(m[2] ?? '') ?? 0;
    if (validDay(Number(m[4]), mo, Number(m[3]))) push(m, { kind: 'day', resolved: dated(iso(Number(m[4]), mo, Number(m[3])), 'day') });
  });
  all(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => {
    if (validDay(Number(m[1]), Number(m[2]), Number(m[3]))) push(m, { kind: 'day', resolved: dated(m[0], 'day') });
  });
  // "December last year", "January this year", "in January 2025", "last month" and friends.
  all(new RegExp(`\\b(${MONTH_RE})\\s+(last|this|next)\\s+year\\b`, 'gi'), (m) => {
    const mo = monthOf(m[1] ?? '') ?? 1;
    const w = (m[2] ?? '').toLowerCase();
    push(m, {
      kind: 'month',
      ...(refY ? { resolved: dated(iso(refY + (w === 'last' ? -1 : w === 'next' ? 1 : 0), mo, 1), 'month') } : {}),
    });
  });
  all(new RegExp(`\\b(${MONTH_RE})\\s+(\\d{4})\\b`, 'gi'), (m) => {
    const mo = monthOf(m[1] ?? '') ?? 1;
    push(m, { kind: 'month', resolved: dated(iso(Number(m[2]), mo, 1), 'month') });
  });
  all(/\b(earlier|later)\s+this\s+(month|week|year)\b/gi, (m) => {
    const unit = (m[2] ?? '').toLowerCase() as 'month' | 'week' | 'year';
    let resolved: IncidentDate | undefined;
    if (ref)
      resolved =
        unit === 'month'
          ? previousMonth(ref, 0)
          : unit === 'week'
            ? dated(mondayOf(ref), 'week')
            : dated(iso(refY as number, 1, 1), 'year');
    push(m, { kind: unit, ...(resolved ? { resolved } : {}) });
  });
  all(
    /\b(?:(early|mid|late|the end of|the beginning of|the start of)[\s-]+)?(last|this|previous|past|next)\s+(month|week|year)\b/gi,
    (m) => {
      const partWord = (m[1] ?? '').toLowerCase();
      const part =
        partWord === 'early' || partWord.includes('beginning') || partWord.includes('start')
          ? 'early'
          : partWord === 'mid'
            ? 'mid'
            : partWord
              ? 'late'
              : undefined;
      const which = (m[2] ?? '').toLowerCase();
      const unit = (m[3] ?? '').toLowerCase() as 'month' | 'week' | 'year';
      const back = which === 'this' ? 0 : which === 'next' ? -1 : 1;
      let resolved: IncidentDate | undefined;
      if (ref) {
        if (unit === 'month') resolved = previousMonth(ref, back);
        else if (unit === 'week') resolved = dated(addDays(mondayOf(ref), -7 * back), 'week');
        else resolved = dated(iso((refY as number) - back, 1, 1), 'year');
      }
      push(m, { kind: unit, ...(part ? { part } : {}), ...(resolved ? { resolved } : {}) });
    },
  );
  all(/\b(during|in|over|throughout)\s+the\s+(month|year)\b/gi, (m) =>
    push(m, { kind: (m[2] ?? 'month').toLowerCase() as 'month' | 'year' }),
  );
  // A month name alone ("in January"): the most recent such month, this year's if not later than the report.
  // Also the month a change is measured against ("a 25 percent increase over December", "compared to March").
  all(new RegExp(`\\b(?:in|during|since|for|of|over|from|to|than|versus|vs\\.?)\\s+(${MONTH_RE})(?![\\w-]|\\s+\\d)`, 'g'), (m) => {
    const mo = monthOf(m[1] ?? '') ?? 1;
    let resolved: IncidentDate | undefined;
    if (refY !== undefined && refM !== undefined) resolved = dated(iso(mo <= refM ? refY : refY - 1, mo, 1), 'month');
    push(m, { kind: 'month', ...(resolved ? { resolved } : {}) });
  });
  // "April 5", "5 April" without a year: this year's unless that lies more than a month after the report.
  all(
    new RegExp(`\\b(?:(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE}))\\b(?!,?\\s+\\d{4})`, 'g'),
    (m) => {
      const mo = monthOf(m[1] ?? m[4] ?? '') ?? 0;
      const d = Number(m[2] ?? m[3]);
      let resolved: IncidentDate | undefined;
      if (ref && refY !== undefined) {
        let y = refY;
        if (validDay(y, mo, d) && iso(y, mo, d) > addDays(ref, 31)) y--;
        if (validDay(y, mo, d)) resolved = dated(iso(y, mo, d), 'day');
      }
      push(m, { kind: 'day', ...(resolved ? { resolved } : {}) });
    },
  );
  all(/\b(today|yesterday|tonight|this morning|last night)\b/gi, (m) => {
    const back = /yesterday|last night/i.test(m[0]) ? 1 : 0;
    push(m, { kind: 'day', ...(ref ? { resolved: dated(addDays(ref, -back), 'day') } : {}) });
  });
  all(/\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\s+ago\b/gi, (m) => {
    const n = Number.isNaN(Number(m[1]))
      ? ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].indexOf((m[1] ?? '').toLowerCase()) + 2
      : Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    push(m, {
      kind: 'day',
      ...(ref ? { resolved: dated(addDays(ref, -n * (unit === 'week' ? 7 : 1)), unit === 'week' ? 'week' : 'day') } : {}),
    });
  });
  // Weekdays: "on Thursday", "Friday prayers … last week".
  all(new RegExp(`\\b(?:(?:on|last|this|since)\\s+)?(${WEEKDAY_RE})(?:'s)?\\b`, 'g'), (m) => {
    const wd = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
    push(m, { kind: 'day', weekday: wd, ...(ref ? { resolved: dated(lastWeekday(ref, wd), 'day') } : {}) });
  });
  out.sort((a, b) => a.index - b.index);
  // "Friday … last week": the weekday of last week, a day.
  const week = out.find((t) => t.kind === 'week' && t.resolved);
  const wd = out.find((t) => t.weekday !== undefined);
  if (week?.resolved && wd?.weekday !== undefined) {
    const day = addDays(week.resolved.date, (wd.weekday + 6) % 7);
    return out.map((t) => (t === wd ? { ...t, resolved: dated(day, 'day') } : t)).filter((t) => t !== week);
  }
  return out;
}
