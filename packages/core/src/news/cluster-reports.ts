/**
 * Reports → events: near-duplicate detection (word shingles) plus event matching (TF-IDF cosine,
 * shared people and organisations, the event's date and weekday), then the incidents and statistics
 * the reports mention, matched across reports and reconciled.
 */

import { assembleIncident, shortHash } from '../incidents/assemble-incident.js';
import type { Claim, Incident, IncidentDate, IncidentSource } from '../incidents/incident.js';
import { compatible, estimateOf } from '../incidents/reconcile.js';
import type { CasualtyFigure } from './casualty-figures.js';
import type { ExtractOptions, IncidentMention, ReportExtraction, StatisticMention } from './extract-report.js';
import { extractReport, weekBefore } from './extract-report.js';
import { surnameKey } from './name-mentions.js';
import { datesOverlap, weekdayOf } from './news-dates.js';

export interface NewsInput {
  /** The path or URL as given: the report's identity in every output. */
  readonly ref: string;
  readonly text: string;
}

export interface ClusteredReport {
  readonly ref: string;
  readonly extraction: ReportExtraction;
  /** How the report's reference date was found. */
  readonly dateSource: 'stated' | 'event' | 'none';
}

export interface ReportedStatistic {
  readonly id: string;
  /** `2026-01` or `2026`, when the reports say which period. */
  readonly period?: string;
  readonly measure: 'killed' | 'injured' | 'attacks';
  readonly source?: string;
  /** Reconciled total and breakdown (low / best / high) with the claims behind them. */
  readonly total?: { readonly low: number; readonly best: number; readonly high: number };
  readonly breakdown: Readonly<Record<string, { readonly low: number; readonly best: number; readonly high: number }>>;
  readonly change?: { readonly percent: number; readonly direction: 'up' | 'down'; readonly comparedTo?: string };
  readonly reports: readonly string[];
  readonly claims: readonly Claim[];
  readonly quotes: readonly { readonly report: string; readonly text: string }[];
  readonly conflicts: readonly string[];
}

export interface NewsEvent {
  readonly id: string;
  readonly title: string;
  /** ISO day of the event, when any report dates it. */
  readonly date: string | null;
  readonly reports: readonly string[];
  readonly incidents: readonly Incident[];
  readonly statistics: readonly ReportedStatistic[];
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly places: readonly string[];
  /** Pairwise similarity that joined the reports (for explanation). */
  readonly links: readonly { readonly a: string; readonly b: string; readonly score: number; readonly nearDuplicate: boolean }[];
}

export interface ClusterResult {
  readonly events: readonly NewsEvent[];
  readonly reports: readonly ClusteredReport[];
  /** Every incident the reports mention, matched across reports. */
  readonly incidents: readonly Incident[];
  readonly statistics: readonly ReportedStatistic[];
}

export interface ClusterOptions extends ExtractOptions {
  /** Pair score at or above which two reports are one event (default 0.35). */
  readonly threshold?: number;
  /** Shingle Jaccard at or above which two reports are near-duplicates (default 0.5). */
  readonly duplicateThreshold?: number;
}

const STOP = new Set(
  'a an the and or of to in on at for with by from as is are was were be been has have had it its this that these those he she they his her their which who whom also but not than then there into over after before during while about against between both other such more most some any all each said says would will could can may might should including according'.split(
    ' ',
  ),
);

function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .match(/[a-z][a-z'-]+/g) ?? []
  )
    .map((t) => t.replace(/['’]s$/, ''))
    .filter((t) => !STOP.has(t) && t.length > 2);
}

function shingles(text: string, k = 4): Set<string> {
  const ws = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + k <= ws.length; i++) out.add(ws.slice(i, i + k).join(' '));
  return out;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** TF-IDF vectors (log tf, smoothed idf) over the batch, L2-normalised. */
function tfidf(docs: readonly string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * Math.log((1 + n) / (1 + (df.get(t) ?? 0)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) s += w * (big.get(t) ?? 0);
  return s;
}

interface Features {
  readonly date?: IncidentDate;
  readonly weekday?: number;
}

/** Two reports can describe one event only if their event dates (or weekdays) agree. */
function datesAgree(a: Features, b: Features): boolean {
  if (a.date && b.date && a.date.precision === 'day' && b.date.precision === 'day') return a.date.date === b.date.date;
  if (a.date && b.date) return datesOverlap(a.date, b.date);
  if (a.weekday !== undefined && b.weekday !== undefined) return a.weekday === b.weekday;
  if (a.weekday !== undefined && b.date?.precision === 'day') return weekdayOf(b.date.date) === a.weekday;
  if (b.weekday !== undefined && a.date?.precision === 'day') return weekdayOf(a.date.date) === b.weekday;
  return true;
}

/**
 * Clusters reports into events and merges what they mention. Deterministic: the same inputs give
 * the same events, ids and order (events by date, then by first report).
 */
export function clusterReports(inputs: readonly NewsInput[], options: ClusterOptions): ClusterResult {
  const threshold = options.threshold ?? 0.35;
  const dupThreshold = options.duplicateThreshold ?? 0.5;
  let extractions = inputs.map((i) => extractReport(i.text, options));
  const docs = extractions.map((x) => tokens(`${x.title ?? ''} ${x.text}`));
  const vectors = tfidf(docs);
  const sh = extractions.map((x) => shingles(x.text));
  const people = extractions.map((x) => new Set(x.people.map(surnameKey)));
  const orgs = extractions.map((x) => new Set([...x.organisations.map((o) => o.toLowerCase()), ...x.groups]));
  const n = inputs.length;
  // Event matching beyond words: two reports describing the same incident (type, place, date) are likely one event.
  const sharesIncident = (a: ReportExtraction, b: ReportExtraction) =>
    a.incidents.some((x) =>
      b.incidents.some(
        (y) =>
          x.type === y.type &&
          x.place?.province !== undefined &&
          x.place.province === y.place?.province &&
          (x.place.district ?? '') === (y.place?.district ?? '') &&
          (!x.date || !y.date || datesOverlap(x.date, y.date)),
      ),
    );
  // Two reports whose leads describe the same incident are one story however different their words (a first report
  // and the next day's "toll rises" follow-up); an incident mentioned in passing only adds the smaller bonus above.
  const leadOf = (x: ReportExtraction) => {
    const lead = new Set(x.sentences.slice(0, 2));
    return x.incidents.filter((m) => lead.has(m.sentence));
  };
  const sharesLead = (a: ReportExtraction, b: ReportExtraction) =>
    leadOf(a).some((x) =>
      leadOf(b).some(
        (y) =>
          x.type === y.type &&
          x.place?.district !== undefined &&
          x.place.district === y.place?.district &&
          x.date !== undefined &&
          y.date !== undefined &&
          datesOverlap(x.date, y.date),
      ),
    );
  const pairs: { a: number; b: number; score: number; dup: boolean }[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const fa = extractions[a] as ReportExtraction;
      const fb = extractions[b] as ReportExtraction;
      const dupScore = jaccard(sh[a] as Set<string>, sh[b] as Set<string>);
      const dup = dupScore >= dupThreshold;
      const score = dup
        ? 1
        : 0.5 * cosine(vectors[a] as Map<string, number>, vectors[b] as Map<string, number>) +
          0.35 * jaccard(people[a] as Set<string>, people[b] as Set<string>) +
          0.15 * jaccard(orgs[a] as Set<string>, orgs[b] as Set<string>) +
          (sharesIncident(fa, fb) ? 0.15 : 0) +
          (sharesLead(fa, fb) ? 0.3 : 0);
      if (
        !datesAgree(
          { ...opt('date', fa.eventDate), ...opt('weekday', fa.eventWeekday) },
          { ...opt('date', fb.eventDate), ...opt('weekday', fb.eventWeekday) },
        )
      )
        continue;
      pairs.push({ a, b, score, dup });
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  // Greedy merging, strongest pair first; a merge must keep every date in the cluster compatible.
  const cluster = inputs.map((_, k) => k);
  const members = new Map<number, number[]>(inputs.map((_, k) => [k, [k]]));
  const links: { a: number; b: number; score: number; dup: boolean }[] = [];
  const allowed = new Set(pairs.map((p) => `${p.a}:${p.b}`));
  for (const p of pairs) {
    if (p.score < threshold) break;
    const ca = cluster[p.a] as number;
    const cb = cluster[p.b] as number;
    if (ca === cb) continue;
    const ma = members.get(ca) as number[];
    const mb = members.get(cb) as number[];
    if (!ma.every((x) => mb.every((y) => allowed.has(`${Math.min(x, y)}:${Math.max(x, y)}`)))) continue;
    for (const y of mb) cluster[y] = ca;
    members.set(ca, [...ma, ...mb]);
    members.delete(cb);
    links.push(p);
  }

  // Reports without a date of their own take their event's date; relative dates are then resolved again.
  const groups = [...members.values()].map((m) => [...m].sort((x, y) => x - y));
  const dateSource: ClusteredReport['dateSource'][] = extractions.map((x) => (x.publishedAt ? 'stated' : 'none'));
  const eventDates = new Map<number, string | null>();
  for (const g of groups) {
    const days = g.map((k) => extractions[k]?.eventDate).filter((d): d is IncidentDate => d?.precision === 'day');
    const counts = new Map<string, number>();
    for (const d of days) counts.set(d.date, (counts.get(d.date) ?? 0) + 1);
    const date = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
    eventDates.set(g[0] as number, date);
    if (!date) continue;
    for (const k of g) {
      if (dateSource[k] === 'stated' || extractions[k]?.referenceDate) continue;
      extractions = extractions.map((x, j) =>
        j === k ? extractReport((inputs[k] as NewsInput).text, { ...options, referenceDate: date }) : x,
      );
      dateSource[k] = 'event';
    }
  }

  const reports: ClusteredReport[] = inputs.map((i, k) => ({
    ref: i.ref,
    extraction: extractions[k] as ReportExtraction,
    dateSource: dateSource[k] ?? 'none',
  }));
  const { incidents, byReport } = mergeIncidents(reports);
  const { statistics, statsByReport } = mergeStatistics(reports);

  const events: NewsEvent[] = groups.map((g) => {
    const refs = g.map((k) => (inputs[k] as NewsInput).ref);
    const xs = g.map((k) => extractions[k] as ReportExtraction);
    const titled = xs.find((x) => x.title);
    const firstSentence = xs[0]?.sentences[0] ?? refs[0] ?? '';
    const title = titled?.title ?? (firstSentence.length > 140 ? `${firstSentence.slice(0, 137).replace(/\s+\S*$/, '')}…` : firstSentence);
    const incidentIds = new Set(g.flatMap((k) => byReport.get(k) ?? []));
    const statIds = new Set(g.flatMap((k) => statsByReport.get(k) ?? []));
    const date = eventDates.get(g[0] as number) ?? null;
    return {
      id: `evt-${shortHash(
        `${date ?? ''}|${refs
          .map((r, j) => shortHash(inputs[g[j] as number]?.text ?? r))
          .sort()
          .join(',')}`,
      )}`,
      title,
      date,
      reports: refs,
      incidents: incidents.filter((i) => incidentIds.has(i.id)),
      statistics: statistics.filter((s) => statIds.has(s.id)),
      people: unique(
        xs.flatMap((x) => x.people),
        surnameKey,
      ),
      organisations: unique(
        xs.flatMap((x) => x.organisations),
        (o) => o.toLowerCase(),
      ),
      // Names as people read them: a district, else its province's name (not the region id).
      places: unique(
        xs
          .flatMap((x) => x.places.map((p) => p.place.district ?? (p.place.province ? options.places.regionName(p.place.province) : '')))
          .filter(Boolean),
        (p) => p,
      ),
      links: links
        .filter((l) => g.includes(l.a))
        .map((l) => ({
          a: (inputs[l.a] as NewsInput).ref,
          b: (inputs[l.b] as NewsInput).ref,
          score: Math.round(l.score * 1000) / 1000,
          nearDuplicate: l.dup,
        })),
    };
  });
  events.sort(
    (x, y) =>
      (x.date ?? '9999').localeCompare(y.date ?? '9999') ||
      inputs.findIndex((i) => i.ref === x.reports[0]) - inputs.findIndex((i) => i.ref === y.reports[0]),
  );
  return { events, reports, incidents, statistics };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function unique(xs: readonly string[], key: (s: string) => string): string[] {
  const seen = new Map<string, string>();
  for (const x of xs) {
    const k = key(x);
    const prev = seen.get(k);
    if (prev === undefined || x.length > prev.length) seen.set(k, x);
  }
  return [...seen.values()];
}

function claimsOf(
  figures: readonly (CasualtyFigure & { readonly ownClaim?: boolean })[],
  ref: string,
  outlet: string,
  time: string | undefined,
  ownClaim: boolean,
  prefix: string,
  text: string,
): Claim[] {
  return figures.map((f, j) => ({
    id: `${prefix}/${j}`,
    outcome: f.outcome,
    category: f.category,
    value: f.value,
    qualifier: f.qualifier,
    outlet,
    source: ref,
    ...(time ? { time } : {}),
    ownClaim: f.ownClaim ?? ownClaim,
    text: text.length > 300 ? `${text.slice(0, 297)}…` : text,
  }));
}

interface Pending {
  mention: IncidentMention;
  date: IncidentDate;
  claims: Claim[];
  sources: IncidentSource[];
  reports: Set<number>;
  follows: Set<number>;
}

/** Whether two mentions are one incident: same type family, same province, overlapping dates, no incompatible figure. */
function sameIncident(a: Pending, b: IncidentMention, bDate: IncidentDate, bClaims: readonly Claim[]): boolean {
  if (a.mention.type !== b.type && !(a.mention.suicide && b.suicide)) return false;
  if (a.mention.place?.province !== b.place?.province) return false;
  if (a.mention.place?.district && b.place?.district && a.mention.place.district !== b.place.district) return false;
  if (!datesOverlap(a.date, bDate)) return false;
  // Figures far apart are two incidents, not a revision ("31" vs "45" of one bombing stays one, flagged).
  for (const c of bClaims) {
    const same = a.claims.filter((x) => x.outcome === c.outcome && x.category === c.category);
    if (
      same.length > 0 &&
      !same.some((x) => compatible(x, c)) &&
      same.every((x) => Math.max(x.value, c.value) > 3 * Math.min(x.value, c.value) + 5)
    )
      return false;
  }
  return true;
}

function mergeIncidents(reports: readonly ClusteredReport[]): { incidents: Incident[]; byReport: Map<number, string[]> } {
  const pending: Pending[] = [];
  const mentionIndex = new Map<string, number>();
  reports.forEach((r, k) => {
    const x = r.extraction;
    const outlet = x.outlet ?? r.ref;
    x.incidents.forEach((m, j) => {
      const date = m.date ?? (x.referenceDate ? weekBefore(x.referenceDate) : undefined);
      if (!date) return;
      const claims = claimsOf(m.figures, r.ref, outlet, x.referenceDate, m.ownClaim, `${shortHash(r.ref)}/${j}`, m.sentence);
      const source: IncidentSource = { ref: r.ref, outlet, ...(x.referenceDate ? { time: x.referenceDate } : {}), kind: 'news' };
      const hit = pending.findIndex((p) => sameIncident(p, m, date, claims));
      if (hit >= 0) {
        const p = pending[hit] as Pending;
        p.claims.push(...claims);
        if (!p.sources.some((s) => s.ref === r.ref)) p.sources.push(source);
        p.reports.add(k);
        // The more precise date and place win.
        if (rank(date.precision) < rank(p.date.precision)) p.date = date;
        if (!p.mention.perpetrator && m.perpetrator) p.mention = { ...p.mention, perpetrator: m.perpetrator };
        if (m.follows !== undefined) {
          const f = mentionIndex.get(`${k}:${m.follows}`);
          if (f !== undefined) p.follows.add(f);
        }
        mentionIndex.set(`${k}:${j}`, hit);
      } else {
        const follows = new Set<number>();
        if (m.follows !== undefined) {
          const f = mentionIndex.get(`${k}:${m.follows}`);
          if (f !== undefined) follows.add(f);
        }
        pending.push({ mention: m, date, claims: [...claims], sources: [source], reports: new Set([k]), follows });
        mentionIndex.set(`${k}:${j}`, pending.length - 1);
      }
    });
  });
  // Two incidents of one type, place and day that were kept apart (figures far apart) need ids of their own.
  const taken = new Map<string, number>();
  const ids = pending.map((p) => {
    const base = `inc-${shortHash(`${p.mention.type}|${p.mention.place?.province ?? ''}|${p.mention.place?.district ?? ''}|${p.date.date}|${p.date.precision}`)}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
  const linked = pending.map(() => new Set<string>());
  pending.forEach((p, k) => {
    for (const f of p.follows) {
      linked[k]?.add(ids[f] as string);
      linked[f]?.add(ids[k] as string);
    }
  });
  const incidents = pending.map((p, k) =>
    assembleIncident(
      {
        id: ids[k] as string,
        date: p.date,
        place: p.mention.place ?? { country: 'PK', precision: 'country' },
        type: p.mention.type,
        initiator: p.mention.initiator,
        perpetrator: p.mention.perpetrator ?? { status: 'unknown' },
        suicide: p.mention.suicide,
        description: p.mention.sentence,
        linked: [...(linked[k] ?? [])].sort(),
        sources: p.sources,
      },
      p.claims,
    ),
  );
  const byReport = new Map<number, string[]>();
  pending.forEach((p, k) => {
    for (const r of p.reports) byReport.set(r, [...(byReport.get(r) ?? []), ids[k] as string]);
  });
  return { incidents, byReport };
}

const rank = (p: IncidentDate['precision']) => ['day', 'week', 'month', 'year'].indexOf(p);

const periodKey = (d: IncidentDate | undefined) => (d ? (d.precision === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7)) : undefined);

function mergeStatistics(reports: readonly ClusteredReport[]): { statistics: ReportedStatistic[]; statsByReport: Map<number, string[]> } {
  interface Acc {
    period?: string;
    measure: StatisticMention['measure'];
    source?: string;
    change?: ReportedStatistic['change'];
    claims: Claim[];
    reports: Set<number>;
    quotes: { report: string; text: string }[];
  }
  const accs: Acc[] = [];
  reports.forEach((r, k) => {
    const x = r.extraction;
    x.statistics.forEach((s, j) => {
      const period = periodKey(s.period);
      const claims = claimsOf(
        s.figures,
        r.ref,
        x.outlet ?? r.ref,
        x.referenceDate,
        false,
        `${shortHash(r.ref)}/stat${j}`,
        s.sentences.join(' '),
      );
      const hit = accs.find(
        (a) =>
          a.period === period &&
          a.measure === s.measure &&
          (a.source === undefined || s.source === undefined || a.source.toLowerCase() === s.source.toLowerCase()) &&
          claims.every((c) => a.claims.filter((o) => o.outcome === c.outcome && o.category === c.category).every((o) => compatible(o, c))),
      );
      const change = s.change
        ? {
            percent: s.change.percent,
            direction: s.change.direction,
            ...(periodKey(s.change.comparedTo) ? { comparedTo: periodKey(s.change.comparedTo) as string } : {}),
          }
        : undefined;
      const quotes = s.sentences.map((t) => ({ report: r.ref, text: t }));
      if (hit) {
        hit.claims.push(...claims);
        hit.reports.add(k);
        if (s.source) hit.source ??= s.source;
        if (change && !hit.change) hit.change = change;
        hit.quotes.push(...quotes);
      } else {
        accs.push({
          ...(period ? { period } : {}),
          measure: s.measure,
          ...(s.source ? { source: s.source } : {}),
          ...(change ? { change } : {}),
          claims: [...claims],
          reports: new Set([k]),
          quotes,
        });
      }
    });
  });
  const statsByReport = new Map<number, string[]>();
  const statistics = accs.map((a) => {
    const id = `stat-${shortHash(`${a.period ?? ''}|${a.measure}|${a.source ?? ''}`)}`;
    for (const r of a.reports) statsByReport.set(r, [...(statsByReport.get(r) ?? []), id]);
    const total = estimateOf(a.claims.filter((c) => c.category === 'total'));
    const breakdown: Record<string, { low: number; best: number; high: number }> = {};
    for (const cat of ['militant', 'civilian', 'security', 'unknown'] as const) {
      const e = estimateOf(a.claims.filter((c) => c.category === cat));
      if (e) breakdown[cat] = e;
    }
    const conflicts: string[] = [];
    for (let i = 0; i < a.claims.length; i++)
      for (let j = i + 1; j < a.claims.length; j++) {
        const x = a.claims[i] as Claim;
        const y = a.claims[j] as Claim;
        if (x.outcome === y.outcome && x.category === y.category && !compatible(x, y))
          conflicts.push(`${x.value} (${x.source}) vs ${y.value} (${y.source})`);
      }
    return {
      id,
      ...(a.period ? { period: a.period } : {}),
      measure: a.measure,
      ...(a.source ? { source: a.source } : {}),
      ...(total ? { total } : {}),
      breakdown,
      ...(a.change ? { change: a.change } : {}),
      reports: [...a.reports].sort((x, y) => x - y).map((k) => (reports[k] as ClusteredReport).ref),
      claims: a.claims,
      quotes: a.quotes,
      conflicts,
    };
  });
  return { statistics, statsByReport };
}
