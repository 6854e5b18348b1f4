/** Review decisions: record a true match / false positive with its reason, and apply them to later screenings. */

import { ArgusError, type Entity } from '@argus/core';
import { can, type Principal } from '@argus/core/sharing';
import { entityHash } from '@argus/core/versions';
import type { Clock } from '../ports/clock.js';
import type { ReviewDecision, ReviewRecord } from '../ports/review-repo.js';
import type { Store } from '../ports/store.js';
import { type ReviewQuery, reviewQueryKey } from './review-query.js';

export interface ReviewsDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** A new unique review id. */
  readonly newId: () => string;
}

export interface RecordReviewRequest {
  readonly query: ReviewQuery;
  readonly entityId: string;
  readonly decision: ReviewDecision;
  readonly reason: string;
}

/** What a screening result shows of a decision in force. */
export interface AppliedReview {
  readonly decision: ReviewDecision;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export async function recordReview(deps: ReviewsDeps, actor: Principal, request: RecordReviewRequest): Promise<ReviewRecord> {
  if (!can(actor.user.role, 'reviews:write', actor.scopes))
    throw new ArgusError('AUTH_FORBIDDEN', `role ${actor.user.role} may not record reviews`);
  const reason = request.reason.trim();
  if (reason.length === 0) throw new ArgusError('INPUT_INVALID', 'a review needs a reason', { location: { field: 'reason' } });
  const agency = deps.store.forAgency(actor.agency.id);
  const entity = await agency.lists.getEntity(request.entityId);
  if (!entity) throw new ArgusError('ENTITY_NOT_FOUND', `no entity "${request.entityId}"`, { location: { field: 'entityId' } });
  const query: Record<string, string> = { name: request.query.name };
  for (const k of ['dob', 'country', 'schema', 'id'] as const) {
    const v = request.query[k];
    if (v !== undefined && v !== '') query[k] = v;
  }
  return agency.reviews.add({
    id: deps.newId(),
    queryKey: reviewQueryKey(request.query),
    query,
    entityId: entity.id,
    entityHash: entityHash(entity),
    decision: request.decision,
    reason,
    userId: actor.user.id,
    username: actor.user.username,
    decidedAt: deps.clock.now().toISOString(),
  });
}

export async function listReviews(deps: ReviewsDeps, actor: Principal, limit = 100): Promise<ReviewRecord[]> {
  if (!can(actor.user.role, 'reviews:read', actor.scopes))
    throw new ArgusError('AUTH_FORBIDDEN', `role ${actor.user.role} may not read reviews`);
  return deps.store.forAgency(actor.agency.id).reviews.list(limit);
}

/**
 * The decisions in force for these hits of this query: the newest per entity, kept only while the
 * entity's current content still hashes as it did when decided (a changed entity needs a new look).
 * One indexed lookup when nothing was decided — the common case on the screening hot path.
 */
export async function reviewsFor(
  store: Store,
  agencyId: string,
  query: ReviewQuery,
  entityIds: readonly string[],
  current?: (id: string) => Promise<Entity | undefined>,
): Promise<Map<string, AppliedReview>> {
  const out = new Map<string, AppliedReview>();
  if (entityIds.length === 0) return out;
  const agency = store.forAgency(agencyId);
  const found = await agency.reviews.latest(reviewQueryKey(query), entityIds);
  for (const [id, r] of found) {
    const entity = current ? await current(id) : await agency.lists.getEntity(id);
    if (!entity || entityHash(entity) !== r.entityHash) continue;
    out.set(id, { decision: r.decision, reason: r.reason, by: r.username, at: r.decidedAt });
  }
  return out;
}
