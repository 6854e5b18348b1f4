/** Builds an Incident from its facts and claims: reconciles the claims and fills the derived fields. */

import type { Claim, Incident, IncidentDate, IncidentPlace, IncidentSource, IncidentType, Initiator, Perpetrator } from './incident.js';
import { reconcile } from './reconcile.js';

export interface IncidentFacts {
  readonly id: string;
  readonly date: IncidentDate;
  readonly place: IncidentPlace;
  readonly type: IncidentType;
  readonly initiator: Initiator;
  readonly perpetrator?: Perpetrator;
  readonly suicide?: boolean;
  readonly description?: string;
  readonly linked?: readonly string[];
  readonly sources: readonly IncidentSource[];
}

export function assembleIncident(facts: IncidentFacts, claims: readonly Claim[]): Incident {
  const r = reconcile(claims);
  return {
    id: facts.id,
    date: facts.date,
    place: facts.place,
    type: facts.type,
    initiator: facts.initiator,
    perpetrator: facts.perpetrator ?? { status: 'unknown' },
    suicide: facts.suicide ?? facts.type === 'suicide-bombing',
    ...(facts.description !== undefined ? { description: facts.description } : {}),
    linked: facts.linked ?? [],
    sources: facts.sources,
    claims,
    casualties: r.casualties,
    conflicts: r.conflicts,
    revisions: r.revisions,
    totals: r.totals,
  };
}

/** The same incident with more claims and sources (a later report), re-reconciled. */
export function withClaims(incident: Incident, claims: readonly Claim[], sources: readonly IncidentSource[]): Incident {
  const seen = new Set(incident.claims.map((c) => c.id));
  const refs = new Set(incident.sources.map((s) => s.ref));
  return assembleIncident({ ...incident, sources: [...incident.sources, ...sources.filter((s) => !refs.has(s.ref))] }, [
    ...incident.claims,
    ...claims.filter((c) => !seen.has(c.id)),
  ]);
}

/** FNV-1a (32-bit) as 8 hex digits: stable ids from content, without randomness. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
