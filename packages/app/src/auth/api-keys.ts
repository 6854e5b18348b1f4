/** API keys for machine clients: random, shown once, stored as a hash, limited to scopes within the creator's role. */

import { ArgusError } from '@argus/core';
import { type ApiKey, can, type Permission, type Principal } from '@argus/core/sharing';
import { type AuthDeps, randomId, randomToken, tokenHash } from './auth-deps.js';
import { requirePermission } from './authorize.js';

export const API_KEY_PREFIX = 'argus_';

export interface CreateApiKeyRequest {
  readonly name: string;
  readonly scopes: readonly Permission[];
}

export async function createApiKey(
  deps: AuthDeps,
  actor: Principal,
  request: CreateApiKeyRequest,
): Promise<{ readonly key: string; readonly apiKey: ApiKey }> {
  requirePermission(actor, 'admin');
  if (request.scopes.length === 0)
    throw new ArgusError('INPUT_INVALID', 'an API key needs at least one scope', { location: { field: 'scopes' } });
  for (const s of request.scopes) {
    if (!can(actor.user.role, s))
      throw new ArgusError('AUTH_FORBIDDEN', `scope "${s}" exceeds your role`, { location: { field: 'scopes' } });
  }
  const key = `${API_KEY_PREFIX}${randomToken(deps.random)}`;
  const apiKey = await deps.store.auth().createApiKey({
    id: randomId(deps.random, 'key'),
    agencyId: actor.agency.id,
    userId: actor.user.id,
    name: request.name,
    scopes: [...new Set(request.scopes)],
    prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    keyHash: tokenHash(key),
    createdAt: deps.clock.now().toISOString(),
  });
  return { key, apiKey };
}

export async function listApiKeys(deps: AuthDeps, actor: Principal): Promise<ApiKey[]> {
  requirePermission(actor, 'admin');
  return deps.store.auth().listApiKeys(actor.agency.id);
}

export async function revokeApiKey(deps: AuthDeps, actor: Principal, id: string): Promise<void> {
  requirePermission(actor, 'admin');
  const done = await deps.store.auth().revokeApiKey(actor.agency.id, id, deps.clock.now().toISOString());
  deps.cache?.clear();
  if (!done) throw new ArgusError('NOT_FOUND', `no API key "${id}"`, { location: { field: 'id' } });
}

/** The principal behind a bearer key, or undefined when unknown, revoked, or its user disabled. */
export async function resolveApiKey(deps: AuthDeps, key: string): Promise<Principal | undefined> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 128) return undefined;
  const repo = deps.store.auth();
  const hash = tokenHash(key);
  const cached = deps.cache?.get(`k:${hash}`, deps.clock.now().getTime());
  if (cached) return cached;
  const stored = await repo.findApiKeyByHash(hash);
  if (!stored || stored.revokedAt !== undefined) return undefined;
  const user = await repo.getUser(stored.agencyId, stored.userId);
  const agency = await repo.getAgency(stored.agencyId);
  if (!user || user.disabled || !agency) return undefined;
  const now = deps.clock.now();
  // Last use is advisory: recorded at most once a minute, so a busy key does not turn every read into a write.
  if (stored.lastUsedAt === undefined || now.getTime() - Date.parse(stored.lastUsedAt) > 60_000) {
    await repo.touchApiKey(stored.id, now.toISOString());
  }
  const { passwordHash: _, ...publicUser } = user;
  const principal: Principal = { kind: 'api-key', user: publicUser, agency, scopes: stored.scopes, apiKeyId: stored.id };
  deps.cache?.set(`k:${hash}`, principal, now.getTime());
  return principal;
}
