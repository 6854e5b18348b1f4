/**
 * Authentication and authorisation on every request, before validation: the session cookie or a
 * bearer API key becomes `request.principal`; a route without `config.public` answers 401 without one,
 * 403 when the role (or key scope) lacks the route's permission, and 403 for a cookie-borne
 * state-changing request without the `x-argus-csrf` header.
 */

import { ArgusError } from '@argus/core';
import type { Permission, Principal } from '@argus/core/sharing';
import { allowed, resolveApiKey, resolveSession } from '@argus/app/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem } from '../problem.js';
import type { ServerDeps } from '../server-deps.js';

export const SESSION_COOKIE = 'argus_session';
export const CSRF_HEADER = 'x-argus-csrf';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (health, readiness, login, docs, UI). */
    public?: boolean;
    /** What the principal must be allowed to do. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal?: Principal | undefined;
    /** Set when the principal came from the session cookie (CSRF applies). */
    viaCookie?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The principal of a route that required one (the hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  const p = request.principal;
  if (!p) throw new ArgusError('AUTH_REQUIRED');
  return p;
}

export function installAuth(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('viaCookie', false);
  app.addHook('onRequest', async (request, reply) => {
    // Unknown paths go straight to the not-found handler (a problem, or the UI shell): nothing to guard.
    if (request.is404) return;
    const config = request.routeOptions.config;
    const bearer = request.headers.authorization;
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (bearer?.startsWith('Bearer ')) {
      request.principal = await resolveApiKey(deps.auth, bearer.slice(7).trim());
    } else if (cookie) {
      request.principal = await resolveSession(deps.auth, cookie);
      request.viaCookie = request.principal !== undefined;
    }
    // A browser form on another site can send cookies but not custom headers: that is the CSRF defence.
    const needsCsrf = !SAFE.has(request.method) && (request.viaCookie || (config.public === true && request.url.startsWith('/api/auth/')));
    if (needsCsrf && request.headers[CSRF_HEADER] !== '1') {
      return sendProblem(request, reply, new ArgusError('AUTH_FORBIDDEN', `state-changing requests need the ${CSRF_HEADER}: 1 header`));
    }
    if (config.public === true) return;
    const principal = request.principal;
    if (!principal) return sendProblem(request, reply, new ArgusError('AUTH_REQUIRED', 'log in or send an API key'));
    if (config.permission !== undefined && !allowed(principal, config.permission)) {
      return sendProblem(
        request,
        reply,
        new ArgusError(
          'AUTH_FORBIDDEN',
          `role ${principal.user.role}${principal.scopes ? ' (API key scopes)' : ''} may not ${config.permission}`,
        ),
      );
    }
  });
}
