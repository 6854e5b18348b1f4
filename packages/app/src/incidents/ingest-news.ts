/** ingestNews: news reports in, clustered into events whose incidents and statistics join the register. */

import { ArgusError } from '@argus/core';
import { type Incident, withClaims } from '@argus/core/incidents';
import { type NewsEvent, type ReportedStatistic, clusterReports, dateRange } from '@argus/core/news';
import { type ByteSource, decodeText, sniffEncoding } from '@argus/core/text';
import { checksumText } from './checksum-text.js';
import type { IncidentRepo, NewsEventRecord, NewsReportRecord } from '../ports/incident-repo.js';
import { type IncidentsDeps, indexesOf, repoOf } from './incidents-deps.js';

export interface IngestNewsRequest {
  /** Each report's bytes; its `name` (the path or URL as given) is its identity. */
  readonly files: readonly ByteSource[];
}

export interface IngestedEvent {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly reports: readonly string[];
  readonly incidents: readonly Incident[];
  readonly statistics: readonly ReportedStatistic[];
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly places: readonly string[];
  readonly links: NewsEvent['links'];
}

export interface IngestNewsResult {
  readonly events: readonly IngestedEvent[];
  /** Per report: the date relative expressions were resolved against, and where it came from. */
  readonly reports: readonly {
    readonly id: string;
    readonly eventId: string;
    readonly outlet?: string;
    readonly title?: string;
    readonly referenceDate?: string;
    readonly dateSource: 'stated' | 'event' | 'none';
  }[];
}

async function readText(file: ByteSource): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const c of file.open()) chunks.push(c);
  const size = chunks.reduce((s, c) => s + c.byteLength, 0);
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  let text = '';
  for await (const t of decodeText(
    [all].values() as unknown as AsyncIterable<Uint8Array>,
    file.name,
    sniffEncoding(all.subarray(0, 65536)),
  ))
    text += t;
  return text;
}

/**
 * Clusters the reports given together into events and stores reports, events, incidents (merged with
 * the same incident already in the register: new claims are added, the estimate reconciled again)
 * and reported statistics. Ingesting the same files again changes nothing.
 */
export async function ingestNews(deps: IncidentsDeps, request: IngestNewsRequest): Promise<IngestNewsResult> {
  if (request.files.length === 0) throw new ArgusError('INPUT_INVALID', 'no reports to ingest');
  const names = new Set<string>();
  for (const f of request.files) {
    if (names.has(f.name)) throw new ArgusError('INPUT_INVALID', `report ${f.name} given twice`, { location: { file: f.name } });
    names.add(f.name);
  }
  const inputs = await Promise.all(request.files.map(async (f) => ({ ref: f.name, text: await readText(f) })));
  const { places, groups } = indexesOf(deps);
  const result = clusterReports(inputs, { places, groups });
  const repo = repoOf(deps);
  const now = deps.clock.now().toISOString();

  // Incidents already in the register (an earlier ingest, an imported dataset row, an entry) keep their
  // claims and id; this batch's claims join them. Otherwise the news incident is new.
  // Two news incidents of this batch can describe one stored incident: the second builds on the first.
  const merged = new Map<string, Incident>();
  const byId = new Map<string, Incident>();
  for (const i of result.incidents) {
    const found = (await repo.getIncident(i.id)) ?? (await sameInRegister(repo, i));
    const stored = found ? (merged.get(found.id) ?? found) : undefined;
    const next = stored ? withClaims(stored, i.claims, i.sources) : i;
    merged.set(next.id, next);
    byId.set(i.id, next);
  }
  await repo.upsertIncidents([...merged.values()]);
  await repo.upsertStatistics(result.statistics);

  const eventOf = new Map<string, string>();
  for (const e of result.events) for (const r of e.reports) eventOf.set(r, e.id);
  const previous = new Set<string>();
  for (const r of result.reports) {
    const old = await repo.getReport(r.ref);
    if (old && old.eventId !== eventOf.get(r.ref)) previous.add(old.eventId);
  }
  const reports: NewsReportRecord[] = result.reports.map((r, k) => ({
    id: r.ref,
    checksum: checksumText((inputs[k] as { text: string }).text),
    eventId: eventOf.get(r.ref) as string,
    ...(r.extraction.title ? { title: r.extraction.title } : {}),
    ...(r.extraction.outlet ? { outlet: r.extraction.outlet } : {}),
    ...(r.extraction.publishedAt ? { publishedAt: r.extraction.publishedAt } : {}),
    ...(r.extraction.referenceDate ? { referenceDate: r.extraction.referenceDate } : {}),
    ingestedAt: now,
    extraction: { ...r.extraction, dateSource: r.dateSource },
  }));
  await repo.upsertReports(reports);
  const events: NewsEventRecord[] = result.events.map((e) => ({
    id: e.id,
    title: e.title,
    date: e.date,
    reports: e.reports,
    incidentIds: [...new Set(e.incidents.map((i) => byId.get(i.id)?.id ?? i.id))],
    statisticIds: e.statistics.map((s) => s.id),
    people: e.people,
    organisations: e.organisations,
    places: e.places,
    updatedAt: now,
  }));
  await repo.upsertEvents(events);
  // An event whose reports all moved to other events is gone.
  const stale: string[] = [];
  for (const id of previous) {
    const ev = await repo.getEvent(id);
    if (!ev) continue;
    const remaining = [];
    for (const ref of ev.reports) if ((await repo.getReport(ref))?.eventId === id) remaining.push(ref);
    if (remaining.length === 0) stale.push(id);
  }
  await repo.deleteEvents(stale);

  return {
    events: result.events.map((e) => ({
      id: e.id,
      title: e.title,
      date: e.date,
      reports: e.reports,
      incidents: [...new Map(e.incidents.map((i) => byId.get(i.id) ?? i).map((i) => [i.id, i] as const)).values()],
      statistics: e.statistics,
      people: e.people,
      organisations: e.organisations,
      places: e.places,
      links: e.links,
    })),
    reports: result.reports.map((r) => ({
      id: r.ref,
      eventId: eventOf.get(r.ref) as string,
      ...(r.extraction.outlet ? { outlet: r.extraction.outlet } : {}),
      ...(r.extraction.title ? { title: r.extraction.title } : {}),
      ...(r.extraction.referenceDate ? { referenceDate: r.extraction.referenceDate } : {}),
      dateSource: r.dateSource,
    })),
  };
}

/** The one stored incident a news incident describes: same type, place and overlapping date (none if ambiguous). */
async function sameInRegister(repo: IncidentRepo, i: Incident): Promise<Incident | undefined> {
  // Only a day-precise report is matched: a month-level summary could fit many stored incidents.
  if (!i.place.province || i.date.precision !== 'day') return undefined;
  const { start, end } = dateRange(i.date);
  const candidates = (await repo.listIncidents({ from: start, to: end, province: i.place.province })).filter(
    (x) =>
      (x.type === i.type || (x.suicide && i.suicide)) &&
      (!x.place.district || !i.place.district || x.place.district === i.place.district) &&
      x.date.precision === 'day',
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}
