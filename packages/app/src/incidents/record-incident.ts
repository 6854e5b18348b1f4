/** recordIncident / addClaims: entry and editing of one incident through the API and UI, validated at the boundary. */

import { z } from 'zod';
import { ArgusError } from '@argus/core';
import { type Claim, INCIDENT_TYPES, type Incident, QUALIFIERS, assembleIncident, shortHash, withClaims } from '@argus/core/incidents';
import { type IncidentsDeps, indexesOf, repoOf } from './incidents-deps.js';

export const ClaimInputSchema = z.object({
  id: z.string().min(1).optional(),
  outcome: z.enum(['killed', 'injured']),
  category: z.enum(['militant', 'civilian', 'security', 'unknown', 'total']),
  value: z.number().int().min(0),
  qualifier: z.enum(QUALIFIERS).default('exact'),
  outlet: z.string().min(1),
  source: z.string().min(1),
  time: z.string().optional(),
  ownClaim: z.boolean().default(false),
  text: z.string().optional(),
});

export const IncidentInputSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,80}$/)
    .optional(),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  precision: z.enum(['day', 'week', 'month', 'year']).optional(),
  province: z.string().optional(),
  district: z.string().optional(),
  locality: z.string().optional(),
  type: z.enum(INCIDENT_TYPES),
  initiator: z.enum(['militant', 'security-forces', 'unknown']).optional(),
  perpetrator: z.string().optional(),
  perpetratorStatus: z.enum(['claimed', 'attributed', 'unknown']).optional(),
  suicide: z.boolean().optional(),
  description: z.string().optional(),
  linked: z.array(z.string()).optional(),
  claims: z.array(ClaimInputSchema).default([]),
});

export type IncidentInput = z.input<typeof IncidentInputSchema>;

function invalid(error: z.ZodError): never {
  const first = error.issues[0];
  const field = first?.path.join('.') ?? '';
  throw new ArgusError('INPUT_INVALID', `incident ${field ? `field ${field}` : ''}: ${first?.message ?? 'invalid'}`, {
    location: { field },
  });
}

/** Records (or replaces) one incident from user input. */
export async function recordIncident(deps: IncidentsDeps, input: unknown): Promise<Incident> {
  const incident = incidentFrom(deps, input);
  await repoOf(deps).upsertIncidents([incident]);
  return incident;
}

/**
 * Edits a stored incident's details (date, place, type, perpetrator, description, links). Input without a
 * `claims` field keeps every claim and source the incident has — a dataset row or news report stays its
 * evidence; input with `claims` replaces the entry as `recordIncident` does.
 */
export async function editIncident(deps: IncidentsDeps, id: string, input: unknown): Promise<Incident> {
  const repo = repoOf(deps);
  const stored = await repo.getIncident(id);
  if (!stored) throw new ArgusError('INCIDENT_NOT_FOUND', `no incident ${id}`, { location: { record: id } });
  const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const incident = 'claims' in body ? incidentFrom(deps, { ...body, id }) : incidentFrom(deps, { ...body, id }, stored);
  await repo.upsertIncidents([incident]);
  return incident;
}

function incidentFrom(deps: IncidentsDeps, input: unknown, keep?: Incident): Incident {
  const parsed = IncidentInputSchema.safeParse(input);
  if (!parsed.success) invalid(parsed.error);
  const x = parsed.data;
  const { places, groups } = indexesOf(deps);
  const resolved = x.province || x.district ? places.resolveIn(x.province ?? '', x.district ?? '') : undefined;
  if ((x.province || x.district) && !resolved) {
    throw new ArgusError('INPUT_INVALID', `unknown place "${x.province ?? ''}${x.district ? ` / ${x.district}` : ''}"`, {
      location: { field: 'province' },
    });
  }
  const group = x.perpetrator ? groups.resolve(x.perpetrator) : undefined;
  if (x.perpetrator && !group)
    throw new ArgusError('INPUT_INVALID', `unknown group "${x.perpetrator}"`, { location: { field: 'perpetrator' } });
  const now = deps.clock.now().toISOString();
  const id = x.id ?? `inc-${shortHash(`${x.date}|${x.type}|${x.province ?? ''}|${x.district ?? ''}|${now}`)}`;
  const claims: Claim[] = x.claims.map((c, k) => ({
    id: c.id ?? `${id}/entry/${k}`,
    outcome: c.outcome,
    category: c.category,
    value: c.value,
    qualifier: c.qualifier,
    outlet: c.outlet,
    source: c.source,
    time: c.time ?? now,
    ownClaim: c.ownClaim,
    ...(c.text ? { text: c.text } : {}),
  }));
  const date = x.date.length === 7 ? `${x.date}-01` : x.date;
  const place = resolved ?? { country: places.gazetteer.country, precision: 'country' as const };
  return assembleIncident(
    {
      id,
      date: { date, precision: x.precision ?? (x.date.length === 7 ? 'month' : 'day') },
      place: x.locality ? { ...place, locality: x.locality } : place,
      type: x.type,
      initiator: x.initiator ?? (x.type === 'security-operation' || x.type === 'drone-strike' ? 'security-forces' : 'militant'),
      perpetrator: group
        ? { status: x.perpetratorStatus === 'claimed' ? 'claimed' : 'attributed', group: group.id }
        : { status: 'unknown' },
      ...(x.suicide !== undefined ? { suicide: x.suicide } : {}),
      ...(x.description ? { description: x.description } : {}),
      linked: x.linked ?? keep?.linked ?? [],
      sources: keep
        ? keep.sources
        : [
            ...new Map(
              claims.map((c) => [
                c.source,
                { ref: c.source, outlet: c.outlet, kind: 'entry' as const, ...(c.time ? { time: c.time } : {}) },
              ]),
            ).values(),
          ],
    },
    keep ? keep.claims : claims,
  );
}

/** Adds claims (a later report, a revised toll) to a stored incident: the estimate is reconciled again, earlier claims kept. */
export async function addClaims(deps: IncidentsDeps, id: string, input: unknown): Promise<Incident> {
  const parsed = z.array(ClaimInputSchema).safeParse(input);
  if (!parsed.success) invalid(parsed.error);
  const repo = repoOf(deps);
  const incident = await repo.getIncident(id);
  if (!incident) throw new ArgusError('INCIDENT_NOT_FOUND', `no incident ${id}`, { location: { record: id } });
  const now = deps.clock.now().toISOString();
  const claims: Claim[] = parsed.data.map((c, k) => ({
    id: c.id ?? `${id}/entry/${incident.claims.length + k}`,
    outcome: c.outcome,
    category: c.category,
    value: c.value,
    qualifier: c.qualifier,
    outlet: c.outlet,
    source: c.source,
    time: c.time ?? now,
    ownClaim: c.ownClaim,
    ...(c.text ? { text: c.text } : {}),
  }));
  const next = withClaims(
    incident,
    claims,
    claims.map((c) => ({ ref: c.source, outlet: c.outlet, kind: 'entry' as const, ...(c.time ? { time: c.time } : {}) })),
  );
  await repo.upsertIncidents([next]);
  return next;
}

export async function getIncident(deps: IncidentsDeps, id: string): Promise<Incident> {
  const incident = await repoOf(deps).getIncident(id);
  if (!incident) throw new ArgusError('INCIDENT_NOT_FOUND', `no incident ${id}`, { location: { record: id } });
  return incident;
}
