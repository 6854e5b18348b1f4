/** Login (throttled, rate-limited), logout and the current user. */

import { type Agency, PERMISSIONS, type Principal, type User } from '@argus/core/sharing';
import { allowed, login, logout } from '@argus/app/auth';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf, SESSION_COOKIE } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { audit } from '../../audit-hook.js';

const Credentials = z.object({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) });
export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  disabled: z.boolean().optional(),
});
// The UI shows only what the principal may do; the server still checks every request.
const Me = z.object({ user: UserView, permissions: z.array(z.string()) });

function permissionsOf(principal: Principal): string[] {
  return PERMISSIONS.filter((p) => allowed(principal, p));
}

export function userView(user: User, agency: Agency): z.infer<typeof UserView> {
  return { id: user.id, username: user.username, role: user.role, agencyId: agency.id, agencyName: agency.name };
}

export async function authRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: deps.loginRateLimit ?? 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: Credentials, response: { 200: Me } },
    },
    async (request, reply) => {
      const body = request.body as z.infer<typeof Credentials>;
      const r = await login(deps.auth, { ...body, client: request.ip }).catch(async (e: unknown) => {
        await audit(deps, { agencyId: 'default', actor: body.username, action: 'auth.login.failed', subject: body.username }).catch(
          () => {},
        );
        throw e;
      });
      await audit(deps, { agencyId: r.agency.id, actor: r.user.username, action: 'auth.login', subject: r.user.id });
      void reply.setCookie(SESSION_COOKIE, r.sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies ?? false,
        expires: new Date(r.expiresAt),
      });
      return { user: userView(r.user, r.agency), permissions: permissionsOf({ kind: 'session', user: r.user, agency: r.agency }) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await logout(deps.auth, cookie);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  // The UI's start-up probe: public and always 200, so a visitor who is not logged in sees no failed request.
  app.get(
    '/api/auth/session',
    { config: { public: true }, schema: { tags: ['auth'], response: { 200: z.object({ session: Me.nullable() }) } } },
    async (request) => {
      const p = request.principal;
      return { session: p ? { user: userView(p.user, p.agency), permissions: permissionsOf(p) } : null };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (request) => {
    const p = principalOf(request);
    return { user: userView(p.user, p.agency), permissions: permissionsOf(p) };
  });
}
