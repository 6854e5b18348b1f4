/** Lists: sources with their current versions, version history, diffs between versions, and update now. */

import { ArgusError } from '@argus/core';
import { diffVersions, type ListsDeps, listSources, updateLists } from '@argus/app/lists';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { audit } from '../../audit-hook.js';

const SourceParams = z.object({ sourceId: z.string().min(1).max(64) });
const DiffQuery = z.object({ from: z.string().max(100).optional(), to: z.string().max(100).optional() });
const UpdateBody = z.object({ sources: z.array(z.string().max(64)).max(50).optional() }).default({});

function versionView(v: {
  id: string;
  seq: number;
  status: string;
  importedAt: string;
  publishedAt?: string;
  completedAt?: string;
  counts?: unknown;
  changes?: unknown;
  checksum: string;
  fileName: string;
}) {
  return {
    id: v.id,
    seq: v.seq,
    status: v.status,
    importedAt: v.importedAt,
    publishedAt: v.publishedAt ?? null,
    completedAt: v.completedAt ?? null,
    counts: v.counts ?? null,
    changes: v.changes ?? null,
    checksum: v.checksum,
    fileName: v.fileName,
  };
}

export async function listRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const listsOf = (request: FastifyRequest): ListsDeps => {
    if (!deps.lists) throw new ArgusError('SERVICE_STARTING', 'lists are not available');
    return deps.lists(principalOf(request).agency.id);
  };

  app.get('/api/lists', { config: { permission: 'lists:read' }, schema: { tags: ['lists'] } }, async (request) => {
    const sources = await listSources(listsOf(request));
    return {
      sources: sources.map((s) => ({
        id: s.id,
        name: s.name,
        agencyId: s.agencyId,
        official: s.official,
        format: s.format ?? null,
        urls: s.urls,
        versions: s.versions,
        currentVersion: s.current ? versionView(s.current) : null,
      })),
    };
  });

  app.get(
    '/api/lists/:sourceId/versions',
    { config: { permission: 'lists:read' }, schema: { tags: ['lists'], params: SourceParams } },
    async (request) => {
      const { sourceId } = request.params as z.infer<typeof SourceParams>;
      const d = listsOf(request);
      const repo = d.store.forAgency(d.agencyId).lists;
      if (!(await repo.getSource(sourceId)))
        throw new ArgusError('LIST_SOURCE_UNKNOWN', `no list source "${sourceId}"`, { location: { field: 'sourceId' } });
      return { versions: (await repo.listVersions(sourceId)).map(versionView) };
    },
  );

  app.get(
    '/api/lists/:sourceId/diff',
    { config: { permission: 'lists:read' }, schema: { tags: ['lists'], params: SourceParams, querystring: DiffQuery } },
    async (request) => {
      const { sourceId } = request.params as z.infer<typeof SourceParams>;
      const q = request.query as z.infer<typeof DiffQuery>;
      const r = await diffVersions(listsOf(request), {
        source: sourceId,
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
      });
      return {
        from: versionView(r.from),
        to: versionView(r.to),
        added: r.diff.added,
        removed: r.diff.removed,
        changed: r.diff.changed,
        unchanged: r.diff.unchanged,
      };
    },
  );

  app.post(
    '/api/lists/update',
    { config: { permission: 'lists:update' }, schema: { tags: ['lists'], body: UpdateBody } },
    async (request) => {
      const body = (request.body ?? {}) as z.infer<typeof UpdateBody>;
      const p = principalOf(request);
      if (deps.updateLists) {
        const results = await deps.updateLists(body.sources);
        await audit(deps, {
          agencyId: p.agency.id,
          actor: p.user.username,
          action: 'lists.update',
          subject: (body.sources ?? ['all']).join(','),
        });
        return { results };
      }
      const results = await updateLists(listsOf(request), body.sources ? { sources: body.sources } : {});
      await audit(deps, {
        agencyId: p.agency.id,
        actor: p.user.username,
        action: 'lists.update',
        subject: (body.sources ?? ['all']).join(','),
      });
      return {
        results: results.map((r) => ({
          source: r.source,
          status: r.status,
          ...(r.status === 'imported' ? { version: versionView(r.result.version) } : {}),
          ...((r.status === 'unchanged' || r.status === 'not-modified') && r.version ? { version: versionView(r.version) } : {}),
          ...(r.status === 'failed' ? { error: r.error } : {}),
        })),
      };
    },
  );
}
