/** Review decisions: mark a hit true match or false positive with a reason; list the agency's decisions. */

import { listReviews, recordReview } from '@argus/app/reviews';
import type { ReviewRecord } from '@argus/app';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { audit } from '../../audit-hook.js';

const Body = z.object({
  query: z.object({
    name: z.string().trim().min(1).max(500),
    dob: z.string().max(32).optional(),
    country: z.string().max(64).optional(),
    schema: z.string().max(32).optional(),
    id: z.string().max(128).optional(),
  }),
  entityId: z.string().min(3).max(300),
  decision: z.enum(['true_match', 'false_positive']),
  reason: z.string().trim().min(1).max(4000),
});
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

function view(r: ReviewRecord) {
  return {
    id: r.id,
    query: r.query,
    entityId: r.entityId,
    entityHash: r.entityHash,
    decision: r.decision,
    reason: r.reason,
    by: r.username,
    userId: r.userId,
    at: r.decidedAt,
  };
}

export async function reviewRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post(
    '/api/reviews',
    { config: { permission: 'reviews:write' }, schema: { tags: ['reviews'], body: Body } },
    async (request, reply) => {
      const p = principalOf(request);
      const body = request.body as z.infer<typeof Body>;
      const query: Record<string, string> = { name: body.query.name };
      for (const k of ['dob', 'country', 'schema', 'id'] as const) if (body.query[k]) query[k] = body.query[k] as string;
      const review = await recordReview(deps.reviews, p, {
        query: query as { name: string },
        entityId: body.entityId,
        decision: body.decision,
        reason: body.reason,
      });
      await audit(deps, {
        agencyId: p.agency.id,
        actor: p.user.username,
        action: 'review.record',
        subject: review.entityId,
        details: { decision: review.decision, review: review.id },
      });
      return reply.code(201).send({ review: view(review) });
    },
  );

  app.get(
    '/api/reviews',
    { config: { permission: 'reviews:read' }, schema: { tags: ['reviews'], querystring: ListQuery } },
    async (request) => {
      const { limit } = request.query as z.infer<typeof ListQuery>;
      return { reviews: (await listReviews(deps.reviews, principalOf(request), limit)).map(view) };
    },
  );
}
