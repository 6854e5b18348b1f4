/** Incident statistics: monthly / yearly tables by category, region, type, perpetrator and initiator, changes and alerts. */

import type { CasualtyCategory, Incident } from './incident.js';
import { CASUALTY_CATEGORIES } from './incident.js';

export type StatsView = 'best' | 'low';

export interface Period {
  readonly kind: 'month' | 'year';
  /** `2026-01` or `2026`. */
  readonly key: string;
  /** First day (inclusive) and the day after the last (exclusive), ISO dates. */
  readonly start: string;
  readonly end: string;
}

export function parsePeriod(text: string): Period | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { kind: 'year', key: `${y}`, start: `${y}-01-01`, end: `${y + 1}-01-01` };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  return { kind: 'month', key: `${y}-${String(mo).padStart(2, '0')}`, start: `${y}-${String(mo).padStart(2, '0')}-01`, end: next };
}

/** The period before (month-on-month) and the same period a year before (year-on-year). */
export function shiftPeriod(p: Period, by: 'previous' | 'year-before'): Period {
  const y = Number(p.key.slice(0, 4));
  if (p.kind === 'year') return parsePeriod(String(y - 1)) as Period;
  const m = Number(p.key.slice(5, 7));
  if (by === 'year-before') return parsePeriod(`${y - 1}-${String(m).padStart(2, '0')}`) as Period;
  return parsePeriod(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`) as Period;
}

export interface Figures {
  readonly incidents: number;
  readonly suicideAttacks: number;
  readonly killed: { readonly low: number; readonly best: number; readonly high: number };
  readonly injured: { readonly low: number; readonly best: number; readonly high: number };
  /** Killed per casualty category, best and low. */
  readonly killedBy: Readonly<Record<CasualtyCategory, { readonly low: number; readonly best: number }>>;
  /** The incidents behind these figures: every figure links back to its sources through them. */
  readonly incidentIds: readonly string[];
}

export interface BreakdownRow extends Figures {
  readonly key: string;
  readonly label: string;
}

export interface Change {
  readonly from: number;
  readonly to: number;
  /** Percent change; undefined when the earlier figure is 0. */
  readonly percent: number | undefined;
}

export interface ChangeAlert {
  readonly kind: 'fatalities-30d-12-month-high' | 'fatalities-up' | 'suicide-attacks-up';
  readonly message: string;
  readonly value: number;
  readonly threshold: number;
}

export interface IncidentStatistics {
  readonly period: Period;
  readonly figures: Figures;
  readonly previous: { readonly period: Period; readonly figures: Figures; readonly change: Changes };
  readonly yearBefore: { readonly period: Period; readonly figures: Figures; readonly change: Changes };
  readonly byRegion: readonly BreakdownRow[];
  readonly byType: readonly BreakdownRow[];
  readonly byPerpetrator: readonly BreakdownRow[];
  readonly byInitiator: readonly BreakdownRow[];
  /** The twelve months (of a month period: ending with it; of a year: its months) for stacked bars. */
  readonly monthly: readonly { readonly month: string; readonly figures: Figures }[];
  readonly alerts: readonly ChangeAlert[];
}

export interface Changes {
  readonly incidents: Change;
  readonly killedBest: Change;
  readonly killedLow: Change;
  readonly injuredBest: Change;
  readonly suicideAttacks: Change;
}

export interface StatisticsOptions {
  /** Labels for region ids and group ids. */
  readonly regionName?: (id: string | undefined) => string;
  readonly groupName?: (id: string | undefined) => string;
}

const inPeriod = (i: Incident, p: Period) => i.date.date >= p.start && i.date.date < p.end;

export function figuresOf(incidents: readonly Incident[]): Figures {
  const killedBy = Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, { low: 0, best: 0 }])) as Record<
    CasualtyCategory,
    { low: number; best: number }
  >;
  const killed = { low: 0, best: 0, high: 0 };
  const injured = { low: 0, best: 0, high: 0 };
  let suicide = 0;
  for (const i of incidents) {
    if (i.suicide) suicide++;
    for (const k of ['low', 'best', 'high'] as const) {
      killed[k] += i.totals.killed[k];
      injured[k] += i.totals.injured[k];
    }
    for (const c of CASUALTY_CATEGORIES) {
      const e = i.casualties.killed[c];
      if (e) {
        killedBy[c].low += e.low;
        killedBy[c].best += e.best;
      }
    }
  }
  return { incidents: incidents.length, suicideAttacks: suicide, killed, injured, killedBy, incidentIds: incidents.map((i) => i.id) };
}

function change(from: number, to: number): Change {
  return { from, to, percent: from === 0 ? undefined : Math.round(((to - from) / from) * 1000) / 10 };
}

function changes(a: Figures, b: Figures): Changes {
  return {
    incidents: change(a.incidents, b.incidents),
    killedBest: change(a.killed.best, b.killed.best),
    killedLow: change(a.killed.low, b.killed.low),
    injuredBest: change(a.injured.best, b.injured.best),
    suicideAttacks: change(a.suicideAttacks, b.suicideAttacks),
  };
}

function breakdown(incidents: readonly Incident[], keyOf: (i: Incident) => string, label: (k: string) => string): BreakdownRow[] {
  const groups = new Map<string, Incident[]>();
  for (const i of incidents) {
    const k = keyOf(i);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, label: label(key), ...figuresOf(list) }))
    .sort((a, b) => b.killed.best - a.killed.best || b.incidents - a.incidents || a.key.localeCompare(b.key));
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

/**
 * Statistics of one month or year. `asOf` (ISO date) is the day the 30-day alert window ends (the period's
 * last day by default); the 12-month high compares it with every 30-day window ending in the year before.
 */
export function incidentStatistics(incidents: readonly Incident[], period: Period, options: StatisticsOptions = {}): IncidentStatistics {
  const regionName = options.regionName ?? ((id) => id ?? 'unknown');
  const groupName = options.groupName ?? ((id) => id ?? 'unknown');
  const current = incidents.filter((i) => inPeriod(i, period));
  const figures = figuresOf(current);
  const prevP = shiftPeriod(period, 'previous');
  const yearP = shiftPeriod(period, 'year-before');
  const prev = figuresOf(incidents.filter((i) => inPeriod(i, prevP)));
  const yearBefore = figuresOf(incidents.filter((i) => inPeriod(i, yearP)));

  const monthly: { month: string; figures: Figures }[] = [];
  const endMonth = period.kind === 'month' ? period.key : `${period.key}-12`;
  let y = Number(endMonth.slice(0, 4));
  let m = Number(endMonth.slice(5, 7));
  for (let k = 0; k < 12; k++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const p = parsePeriod(key) as Period;
    monthly.unshift({ month: key, figures: figuresOf(incidents.filter((i) => inPeriod(i, p))) });
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }

  const alerts: ChangeAlert[] = [];
  // 30-day fatalities (best) ending on the period's last day, against every 30-day window of the 12 months before.
  const end = dayNumber(period.end) - 1;
  const perDay = new Map<number, number>();
  for (const i of incidents) {
    // A month- or week-precise incident counts at the middle of its period, not on its first day.
    const dn = dayNumber(i.date.date) + (i.date.precision === 'month' ? 14 : i.date.precision === 'week' ? 3 : 0);
    if (dn > end || dn < end - 365 - 30) continue;
    perDay.set(dn, (perDay.get(dn) ?? 0) + i.totals.killed.best);
  }
  const windowSum = (last: number) => {
    let s = 0;
    for (let dn = last - 29; dn <= last; dn++) s += perDay.get(dn) ?? 0;
    return s;
  };
  const now = windowSum(end);
  let max = 0;
  // Windows that end before this one starts: an overlapping window would share its days.
  for (let last = end - 365; last <= end - 30; last++) max = Math.max(max, windowSum(last));
  if (now > 0 && now > max) {
    alerts.push({
      kind: 'fatalities-30d-12-month-high',
      message: `${now} killed in the 30 days to ${new Date((end + 0) * DAY).toISOString().slice(0, 10)}: the highest in 12 months (previous high ${max})`,
      value: now,
      threshold: max,
    });
  }
  const mom = change(prev.killed.best, figures.killed.best);
  if (mom.percent !== undefined && mom.percent >= 25 && figures.killed.best - prev.killed.best >= 10) {
    alerts.push({
      kind: 'fatalities-up',
      message: `fatalities up ${mom.percent}% on the ${period.kind === 'month' ? 'previous month' : 'previous year'} (${prev.killed.best} → ${figures.killed.best})`,
      value: figures.killed.best,
      threshold: prev.killed.best,
    });
  }
  if (figures.suicideAttacks > prev.suicideAttacks && figures.suicideAttacks >= 3) {
    alerts.push({
      kind: 'suicide-attacks-up',
      message: `${figures.suicideAttacks} suicide attacks (${prev.suicideAttacks} the ${period.kind} before)`,
      value: figures.suicideAttacks,
      threshold: prev.suicideAttacks,
    });
  }

  return {
    period,
    figures,
    previous: { period: prevP, figures: prev, change: changes(prev, figures) },
    yearBefore: { period: yearP, figures: yearBefore, change: changes(yearBefore, figures) },
    byRegion: breakdown(
      current,
      (i) => i.place.province ?? 'unknown',
      (k) => (k === 'unknown' ? 'unknown' : regionName(k)),
    ),
    byType: breakdown(
      current,
      (i) => i.type,
      (k) => k,
    ),
    byPerpetrator: breakdown(
      current,
      (i) => i.perpetrator.group ?? 'unknown',
      (k) => (k === 'unknown' ? 'unknown' : groupName(k)),
    ),
    byInitiator: breakdown(
      current,
      (i) => i.initiator,
      (k) => k,
    ),
    monthly,
    alerts,
  };
}
