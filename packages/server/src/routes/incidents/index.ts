/**
 * The incident register: list and filter, one incident with its claims and how each estimate was
 * reconciled, entry and editing, added claims, dataset import, monthly / yearly statistics; and news
 * reports turned into events (news-routes.ts). Every change is audited.
 */

import { ArgusError } from '@argus/core';
import { CASUALTY_CATEGORIES, type Incident, INCIDENT_TYPES, QUALIFIERS } from '@argus/core/incidents';
import { bytesSource } from '@argus/core/text';
import {
  addClaims,
  ClaimInputSchema,
  editIncident,
  getIncident,
  importIncidents,
  IncidentInputSchema,
  type IncidentsDeps,
  incidentStats,
  indexesOf,
  listIncidents,
  recordIncident,
  repoOf,
} from '@argus/app/incidents';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../audit-hook.js';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { IncidentDetail, IncidentSummary, Reference } from './incident-schemas.js';
import { incidentsDepsCache } from './incidents-context.js';
import { newsRoutes } from './news-routes.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD or YYYY-MM');
const ListQuery = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  province: z.string().trim().min(1).max(100).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  /** A group id or name, or `unknown`. */
  perpetrator: z.string().trim().min(1).max(100).optional(),
  initiator: z.enum(['militant', 'security-forces', 'unknown']).optional(),
  suicide: z.enum(['true', 'false']).optional(),
  sort: z.enum(['date-desc', 'date-asc', 'killed-desc']).default('date-desc'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const StatsQuery = z.object({ period: z.string().regex(/^\d{4}(-\d{2})?$/, 'YYYY-MM (a month) or YYYY (a year)') });
const IdParams = z.object({ id: z.string().min(1).max(200) });
// Editing without `claims` keeps the incident's claims and sources (no default of [] to erase them).
const EditBody = IncidentInputSchema.extend({ claims: z.array(ClaimInputSchema).optional() });
const ClaimsBody = z.object({ claims: z.array(ClaimInputSchema).min(1).max(500) });
const ImportQuery = z.object({ format: z.enum(['pbc-suicide', 'pbc-drone', 'argus-csv', 'argus-json']) });

/** `2026-01` → `2026-01-01`: filters take months too. */
const day = (s: string) => (s.length === 7 ? `${s}-01` : s);

export async function incidentRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const depsOf = incidentsDepsCache(deps);
  const label = (d: IncidentsDeps) => {
    const { places, groups } = indexesOf(d);
    return {
      summary: (i: Incident) =>
        summary(i, places.regionName(i.place.province), i.perpetrator.group ? groups.get(i.perpetrator.group)?.name : undefined),
      groups,
    };
  };
  const note = (request: FastifyRequest, action: string, subject: string, details: Record<string, unknown>) => {
    const p = principalOf(request);
    return audit(deps, { agencyId: p.agency.id, actor: p.user.username, action, subject, details });
  };

  app.get(
    '/api/incidents/reference',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Provinces and districts, armed groups, types and qualifiers for entry forms',
        response: { 200: Reference },
      },
    },
    async (request) => {
      const { places, groups } = indexesOf(depsOf(request));
      const g = places.gazetteer;
      return {
        country: g.country,
        provinces: g.regions.map((r) => ({ id: r.id, name: r.name, districts: r.districts.map((x) => x.name) })),
        groups: groups.groups.map((x) => ({ id: x.id, name: x.name })),
        types: [...INCIDENT_TYPES],
        qualifiers: [...QUALIFIERS],
        categories: [...CASUALTY_CATEGORIES],
      };
    },
  );

  app.get(
    '/api/incidents',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents by date, place, type, perpetrator and initiator, with low–high ranges and sources',
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(IncidentSummary), total: z.number() }) },
      },
    },
    async (request) => {
      const q = request.query as z.infer<typeof ListQuery>;
      const d = depsOf(request);
      const { summary: view, groups } = label(d);
      // Region ids (as the statistics' breakdowns give them), `unknown`, or any spelling the gazetteer knows.
      const { places } = indexesOf(d);
      let province = q.province;
      if (province !== undefined && province !== 'unknown' && !places.gazetteer.regions.some((r) => r.id === province)) {
        const id = places.resolve(province)?.province;
        if (!id) throw new ArgusError('INPUT_INVALID', `unknown province "${province}"`, { location: { field: 'province' } });
        province = id;
      }
      const group =
        q.perpetrator === undefined || q.perpetrator === 'unknown'
          ? undefined
          : (groups.get(q.perpetrator) ?? groups.resolve(q.perpetrator));
      if (q.perpetrator !== undefined && q.perpetrator !== 'unknown' && !group) {
        throw new ArgusError('INPUT_INVALID', `unknown group "${q.perpetrator}"`, { location: { field: 'perpetrator' } });
      }
      const all = (
        await listIncidents(d, {
          ...(q.from !== undefined ? { from: day(q.from) } : {}),
          ...(q.to !== undefined ? { to: day(q.to) } : {}),
          ...(province !== undefined && province !== 'unknown' ? { province } : {}),
          ...(q.type !== undefined ? { type: q.type } : {}),
        })
      )
        .filter((i) => q.perpetrator === undefined || (group ? i.perpetrator.group === group.id : i.perpetrator.group === undefined))
        .filter((i) => province !== 'unknown' || i.place.province === undefined)
        .filter((i) => q.initiator === undefined || i.initiator === q.initiator)
        .filter((i) => q.suicide === undefined || i.suicide === (q.suicide === 'true'));
      const sorted =
        q.sort === 'date-asc'
          ? all
          : q.sort === 'date-desc'
            ? [...all].reverse()
            : [...all].sort((a, b) => b.totals.killed.best - a.totals.killed.best || b.date.date.localeCompare(a.date.date));
      return { items: sorted.slice(q.offset, q.offset + q.limit).map(view), total: all.length };
    },
  );

  app.get(
    '/api/incidents/stats',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'Monthly or yearly statistics: figures, changes, breakdowns, twelve months, alerts, reported statistics and sources',
        querystring: StatsQuery,
      },
    },
    async (request) => incidentStats(depsOf(request), { period: (request.query as z.infer<typeof StatsQuery>).period }),
  );

  app.get(
    '/api/incidents/imports',
    { config: { permission: 'incidents:read' }, schema: { tags: ['incidents'], summary: 'Dataset imports with their located warnings' } },
    async (request) => ({ imports: await repoOf(depsOf(request)).listImports() }),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'One incident: every claim, conflicts, revisions of each estimate, linked incidents and the news events behind it',
        params: IdParams,
        response: { 200: IncidentDetail },
      },
    },
    async (request) => {
      const d = depsOf(request);
      const { summary: view } = label(d);
      const i = await getIncident(d, (request.params as z.infer<typeof IdParams>).id);
      const repo = repoOf(d);
      const linked = (await Promise.all(i.linked.map((id) => repo.getIncident(id)))).filter((x): x is Incident => x !== undefined);
      const events = (await repo.listEvents())
        .filter((e) => e.incidentIds.includes(i.id))
        .map((e) => ({ id: e.id, title: e.title, date: e.date }));
      const s = view(i);
      return { incident: { ...i, place: s.place, perpetrator: s.perpetrator }, linked: linked.map(view), events };
    },
  );

  app.post(
    '/api/incidents',
    {
      config: { permission: 'incidents:write' },
      schema: {
        tags: ['incidents'],
        summary: 'Record an incident',
        body: IncidentInputSchema,
        response: { 201: z.object({ incident: IncidentSummary }) },
      },
    },
    async (request, reply) => {
      const d = depsOf(request);
      const body = request.body as z.infer<typeof IncidentInputSchema>;
      if (body.id !== undefined && (await repoOf(d).getIncident(body.id))) {
        throw new ArgusError('CONFLICT', `incident ${body.id} exists; edit it with PUT`, { location: { field: 'id', record: body.id } });
      }
      const i = await recordIncident(d, body);
      await note(request, 'incident.record', `incident:${i.id}`, { type: i.type, date: i.date.date, claims: i.claims.length });
      return reply.code(201).send({ incident: label(d).summary(i) });
    },
  );

  app.put(
    '/api/incidents/:id',
    {
      config: { permission: 'incidents:write' },
      schema: {
        tags: ['incidents'],
        summary:
          'Edit an incident: without `claims` its details change and its claims and sources stay; with `claims` the entry is replaced',
        params: IdParams,
        body: EditBody,
        response: { 200: z.object({ incident: IncidentSummary }) },
      },
    },
    async (request) => {
      const d = depsOf(request);
      const { id } = request.params as z.infer<typeof IdParams>;
      const before = await getIncident(d, id);
      const i = await editIncident(d, id, request.body);
      await note(request, 'incident.edit', `incident:${id}`, {
        before: { type: before.type, date: before.date.date, province: before.place.province ?? null, claims: before.claims.length },
        after: { type: i.type, date: i.date.date, province: i.place.province ?? null, claims: i.claims.length },
      });
      return { incident: label(d).summary(i) };
    },
  );

  app.post(
    '/api/incidents/:id/claims',
    {
      config: { permission: 'incidents:write' },
      schema: {
        tags: ['incidents'],
        summary: 'Add claims (a later report, a revised toll); earlier claims and revisions are kept',
        params: IdParams,
        body: ClaimsBody,
        response: { 200: z.object({ incident: IncidentSummary }) },
      },
    },
    async (request) => {
      const d = depsOf(request);
      const { id } = request.params as z.infer<typeof IdParams>;
      const i = await addClaims(d, id, (request.body as z.infer<typeof ClaimsBody>).claims);
      await note(request, 'incident.claims', `incident:${id}`, {
        added: (request.body as z.infer<typeof ClaimsBody>).claims.length,
        killed: i.totals.killed,
        injured: i.totals.injured,
      });
      return { incident: label(d).summary(i) };
    },
  );

  app.post(
    '/api/incidents/import',
    {
      config: { permission: 'incidents:write' },
      schema: {
        tags: ['incidents'],
        summary: 'Import a dataset file (multipart field "file"): PBC suicide / drone, Argus CSV / JSON',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
      },
    },
    async (request, reply) => {
      const d = depsOf(request);
      const { format } = request.query as z.infer<typeof ImportQuery>;
      if (!request.isMultipart())
        throw new ArgusError('INPUT_INVALID', 'upload the file as multipart/form-data field "file"', { location: { field: 'file' } });
      const file = await request.file();
      if (file?.fieldname !== 'file')
        throw new ArgusError('INPUT_INVALID', 'no "file" field in the upload', { location: { field: 'file' } });
      const bytes = new Uint8Array(await file.toBuffer());
      const r = await importIncidents(d, { file: bytesSource(file.filename || 'upload', bytes), format });
      await note(request, 'incident.import', `file:${r.record.file}`, { format, counts: r.record.counts });
      return reply.code(201).send(r);
    },
  );

  await newsRoutes(app, deps, depsOf, note);
}

/** The table row: everything but claims, conflicts and revisions (counted), with display names. */
function summary(i: Incident, provinceName: string | undefined, groupName: string | undefined): z.infer<typeof IncidentSummary> {
  const { claims, conflicts, revisions: _r, ...rest } = i;
  return {
    ...rest,
    place: { ...i.place, ...(i.place.province && provinceName ? { provinceName } : {}) },
    perpetrator: { ...i.perpetrator, ...(groupName ? { groupName } : {}) },
    claimCount: claims.length,
    conflictCount: conflicts.length,
  } as z.infer<typeof IncidentSummary>;
}
