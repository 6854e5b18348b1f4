/** How incident and news routes reach the incident use cases: one deps object per agency (its gazetteer and group indexes compile once). */

import type { ArmedGroup, Gazetteer } from '@argus/core/incidents';
import type { IncidentsDeps } from '@argus/app/incidents';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';

/** The incident register's configuration (ServerDeps.incidents). */
export interface IncidentsConfig {
  /** Pakistan's by default; another country's gazetteer for other registers. */
  readonly gazetteer?: Gazetteer;
  /** The managed list of armed groups; the default list otherwise. */
  readonly groups?: readonly ArmedGroup[];
}

export function incidentsDepsCache(deps: ServerDeps): (request: FastifyRequest) => IncidentsDeps {
  const byAgency = new Map<string, IncidentsDeps>();
  return (request) => {
    const agencyId = principalOf(request).agency.id;
    let d = byAgency.get(agencyId);
    if (!d) {
      d = {
        store: deps.store,
        agencyId,
        clock: deps.clock,
        ...(deps.incidents?.gazetteer ? { gazetteer: deps.incidents.gazetteer } : {}),
        ...(deps.incidents?.groups ? { groups: deps.incidents.groups } : {}),
      };
      byAgency.set(agencyId, d);
    }
    return d;
  };
}
