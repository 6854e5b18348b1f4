/** What the incident use cases are composed from: the store, the clock, the gazetteer and the managed group list. */

import { DEFAULT_GROUPS, type ArmedGroup, type Gazetteer, GroupIndex, PAKISTAN_GAZETTEER, PlaceIndex } from '@argus/core/incidents';
import type { Clock } from '../ports/clock.js';
import type { IncidentRepo } from '../ports/incident-repo.js';
import type { Store } from '../ports/store.js';

export interface IncidentsDeps {
  readonly store: Store;
  readonly agencyId: string;
  readonly clock: Clock;
  /** Pakistan's by default; another country's for other registers. */
  readonly gazetteer?: Gazetteer;
  readonly groups?: readonly ArmedGroup[];
}

/** The compiled gazetteer and group list of a deps object (compiled once per deps). */
const compiled = new WeakMap<IncidentsDeps, { places: PlaceIndex; groups: GroupIndex }>();

export function indexesOf(deps: IncidentsDeps): { places: PlaceIndex; groups: GroupIndex } {
  let x = compiled.get(deps);
  if (!x) {
    x = { places: new PlaceIndex(deps.gazetteer ?? PAKISTAN_GAZETTEER), groups: new GroupIndex(deps.groups ?? DEFAULT_GROUPS) };
    compiled.set(deps, x);
  }
  return x;
}

export function repoOf(deps: IncidentsDeps): IncidentRepo {
  return deps.store.forAgency(deps.agencyId).incidents;
}
