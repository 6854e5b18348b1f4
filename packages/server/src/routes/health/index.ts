/** Health (the process answers) and readiness (lists loaded, screening index warm): no authentication. */

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../server-deps.js';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.enum(['ready', 'starting']), lists: z.object({ loaded: z.number() }) });

export async function healthRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const health = JSON.stringify({ status: 'ok' });
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], response: { 200: Health } } }, async (_request, reply) =>
    reply.type('application/json').send(health),
  );
  app.get('/api/ready', { config: { public: true }, schema: { tags: ['health'], response: { 200: Ready } } }, async (_request, reply) => {
    const r = deps.readiness?.() ?? { status: 'ready' as const, lists: { loaded: 0 } };
    // 200 either way: the body says which (the UI polls it; a probe reads `status`).
    return reply.send(r);
  });
}
