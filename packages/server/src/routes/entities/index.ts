/** One entity with its source and version, as the agency sees it (public lists and its own). */

import { ArgusError } from '@argus/core';
import { getEntity } from '@argus/app/lists';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';

const Params = z.object({ id: z.string().min(3).max(300) });
const Query = z.object({ version: z.string().max(100).optional() });

export async function entityRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get(
    '/api/entities/:id',
    { config: { permission: 'lists:read' }, schema: { tags: ['lists'], params: Params, querystring: Query } },
    async (request) => {
      if (!deps.lists) throw new ArgusError('SERVICE_STARTING', 'lists are not available');
      const { id } = request.params as z.infer<typeof Params>;
      const { version } = request.query as z.infer<typeof Query>;
      const v = await getEntity(deps.lists(principalOf(request).agency.id), { id, ...(version !== undefined ? { version } : {}) });
      return {
        entity: v.entity,
        source: { id: v.source.id, name: v.source.name, url: v.source.urls[0] ?? null, urls: v.source.urls },
        version: { id: v.version.id, seq: v.version.seq, importedAt: v.version.importedAt, publishedAt: v.version.publishedAt ?? null },
      };
    },
  );
}
