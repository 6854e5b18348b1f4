/** buildServer: one Fastify instance with every domain plugin, auth, problem+json errors, OpenAPI and the web UI. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { ArgusError } from '@argus/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAuth } from './plugins/auth.js';
import { installProblemHandler, sendProblem } from './problem.js';
import { adminRoutes } from './routes/admin/index.js';
import { alertQueueRoutes } from './routes/alerts/index.js';
import { auditRoutes } from './routes/audit/index.js';
import { authRoutes } from './routes/auth/index.js';
import { caseRoutes } from './routes/cases/index.js';
import { entityRoutes } from './routes/entities/index.js';
import { healthRoutes } from './routes/health/index.js';
import { incidentRoutes } from './routes/incidents/index.js';
import { listRoutes } from './routes/lists/index.js';
import { monitoringRoutes } from './routes/monitoring/index.js';
import { reviewRoutes } from './routes/reviews/index.js';
import { screenRoutes } from './routes/screen/index.js';
import type { ServerDeps } from './server-deps.js';
import { useZodValidation, zodToOpenApi } from './zod-schemas.js';

/** One row of the route table (collected by an onRoute hook; the security tests walk it). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly public: boolean;
  readonly permission?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    argusRoutes: RouteEntry[];
  }
}

/**
 * Log redaction: credentials always; names, dates of birth and identifiers because screening
 * queries are about people who may never be listed (and must not be exposed by a log).
 */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  'key',
  'name',
  'username',
  'dob',
  'id_number',
  '*.password',
  '*.key',
  '*.name',
  '*.full_name',
  '*.username',
  '*.dob',
  '*.id',
  '*.id_number',
  '*.query',
];

/** The UI's policy: its own scripts only; inline styles (the component library injects them); no framing. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const logger =
    deps.logger === false || deps.logger === undefined
      ? false
      : { level: 'info', redact: { paths: REDACT, censor: '[redacted]' }, ...(typeof deps.logger === 'object' ? deps.logger : {}) };
  const app = Fastify({
    logger,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Request ids in logs; not derived from anything the client sends.
    genReqId: () => deps.auth.random.bytes(8).reduce((s, b) => s + b.toString(16).padStart(2, '0'), ''),
  });
  app.decorate('argusRoutes', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    // UI assets and the API documentation are public; everything else under /api needs a principal.
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') {
      route.config = { ...(route.config ?? {}), public: true };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      app.argusRoutes.push({
        method: m,
        url: route.url,
        public: route.config?.public === true,
        ...(route.config?.permission !== undefined ? { permission: route.config.permission } : {}),
      });
    }
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/api/')) {
      // API answers hold personal data: never cached by a browser or proxy.
      if (!request.url.startsWith('/api/docs')) void reply.header('cache-control', 'no-store');
    } else {
      void reply.header('content-security-policy', CSP);
    }
  });

  useZodValidation(app);
  installProblemHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: deps.maxUploadBytes ?? 64 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Argus API', version: '0.1.0', description: 'Sanctions screening, lists, reviews and administration.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'argus_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: zodToOpenApi as never,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuth(app, deps);
  for (const plugin of [healthRoutes, authRoutes, screenRoutes, entityRoutes, listRoutes, reviewRoutes, adminRoutes]) {
    await app.register(async (scope) => plugin(scope, deps));
  }
  for (const plugin of [alertQueueRoutes, caseRoutes, auditRoutes, incidentRoutes, monitoringRoutes]) {
    await app.register(async (scope) => plugin(scope, deps));
  }

  const index = deps.webRoot ? join(deps.webRoot, 'index.html') : undefined;
  const hasUi = index !== undefined && existsSync(index);
  if (hasUi && deps.webRoot) {
    await app.register(fastifyStatic, { root: deps.webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && hasUi && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes (/screen, /lists/…) get the SPA shell.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, new ArgusError('NOT_FOUND', `no route ${request.method} ${path}`));
  });
  return app;
}
