/** Administration: the agency's users and API keys; agencies (root agency admins). Every change is audited. */

import { ROLES, PERMISSIONS, type User } from '@argus/core/sharing';
import { createAgency, createApiKey, createUser, listAgencies, listApiKeys, listUsers, revokeApiKey, updateUser } from '@argus/app/auth';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';
import { audit } from '../../audit-hook.js';

const NewUser = z.object({
  username: z.string().min(2).max(64),
  password: z.string().min(12).max(1024),
  role: z.enum(ROLES),
  agencyId: z.string().max(32).optional(),
});
const UserPatch = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: z.string().min(12).max(1024).optional() })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
const IdParams = z.object({ id: z.string().min(1).max(64) });
const NewKey = z.object({ name: z.string().trim().min(1).max(100), scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length) });
const NewAgency = z.object({ id: z.string().min(1).max(32), name: z.string().trim().min(1).max(200) });

function userView(u: User) {
  return { id: u.id, username: u.username, role: u.role, agencyId: u.agencyId, disabled: u.disabled, createdAt: u.createdAt };
}

export async function adminRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const cfg = { config: { permission: 'admin' as const } };

  app.get('/api/admin/users', { ...cfg, schema: { tags: ['admin'] } }, async (request) => ({
    users: (await listUsers(deps.auth, principalOf(request))).map(userView),
  }));

  app.post('/api/admin/users', { ...cfg, schema: { tags: ['admin'], body: NewUser } }, async (request, reply) => {
    const p = principalOf(request);
    const body = request.body as z.infer<typeof NewUser>;
    const user = await createUser(deps.auth, p, {
      username: body.username,
      password: body.password,
      role: body.role,
      ...(body.agencyId !== undefined ? { agencyId: body.agencyId } : {}),
    });
    await audit(deps, {
      agencyId: user.agencyId,
      actor: p.user.username,
      action: 'admin.user.create',
      subject: user.id,
      details: { role: user.role },
    });
    return reply.code(201).send({ user: userView(user) });
  });

  app.patch('/api/admin/users/:id', { ...cfg, schema: { tags: ['admin'], params: IdParams, body: UserPatch } }, async (request) => {
    const p = principalOf(request);
    const { id } = request.params as z.infer<typeof IdParams>;
    const body = request.body as z.infer<typeof UserPatch>;
    const user = await updateUser(deps.auth, p, id, {
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      ...(body.password !== undefined ? { password: body.password } : {}),
    });
    await audit(deps, {
      agencyId: p.agency.id,
      actor: p.user.username,
      action: 'admin.user.update',
      subject: id,
      details: { role: body.role, disabled: body.disabled, password: body.password !== undefined ? 'changed' : undefined },
    });
    return { user: userView(user) };
  });

  app.get('/api/admin/api-keys', { ...cfg, schema: { tags: ['admin'] } }, async (request) => ({
    apiKeys: await listApiKeys(deps.auth, principalOf(request)),
  }));

  app.post('/api/admin/api-keys', { ...cfg, schema: { tags: ['admin'], body: NewKey } }, async (request, reply) => {
    const p = principalOf(request);
    const body = request.body as z.infer<typeof NewKey>;
    const r = await createApiKey(deps.auth, p, body);
    await audit(deps, {
      agencyId: p.agency.id,
      actor: p.user.username,
      action: 'admin.api-key.create',
      subject: r.apiKey.id,
      details: { scopes: r.apiKey.scopes },
    });
    return reply.code(201).send({ key: r.key, apiKey: r.apiKey });
  });

  app.delete('/api/admin/api-keys/:id', { ...cfg, schema: { tags: ['admin'], params: IdParams } }, async (request, reply) => {
    const p = principalOf(request);
    const { id } = request.params as z.infer<typeof IdParams>;
    await revokeApiKey(deps.auth, p, id);
    await audit(deps, { agencyId: p.agency.id, actor: p.user.username, action: 'admin.api-key.revoke', subject: id });
    return reply.code(204).send();
  });

  app.get('/api/admin/agencies', { ...cfg, schema: { tags: ['admin'] } }, async (request) => ({
    agencies: await listAgencies(deps.auth, principalOf(request)),
  }));

  app.post('/api/admin/agencies', { ...cfg, schema: { tags: ['admin'], body: NewAgency } }, async (request, reply) => {
    const p = principalOf(request);
    const agency = await createAgency(deps.auth, p, request.body as z.infer<typeof NewAgency>);
    await audit(deps, { agencyId: p.agency.id, actor: p.user.username, action: 'admin.agency.create', subject: agency.id });
    return reply.code(201).send({ agency });
  });
}
