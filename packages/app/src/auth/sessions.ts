/** login, logout and session resolution: server-side sessions whose random ids are stored only as hashes. */

import { ArgusError } from '@argus/core';
import type { Agency, Principal, User } from '@argus/core/sharing';
import { type AuthDeps, randomToken, tokenHash } from './auth-deps.js';

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  /** The client address, throttled alongside the username. */
  readonly client?: string;
}

export interface LoginResult {
  /** The session id for the cookie (shown once; the store keeps its hash). */
  readonly sessionId: string;
  readonly expiresAt: string;
  readonly user: User;
  readonly agency: Agency;
}

const DEFAULT_TTL = 12 * 60 * 60_000;
/** A valid argon2id hash of nothing anyone knows: verified against when the username is unknown. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$4XiP8+R+CueAsFZuI+97Xw$pm+52yF4of7hlE6ziKpweo6els7QkBbjZlsOqI2lmjo';

/**
 * Verifies the password (argon2) and opens a session. Unknown user, wrong password and disabled
 * user all answer AUTH_INVALID, and an unknown user still costs one hash verification, so neither
 * the answer nor its timing tells which usernames exist.
 */
export async function login(deps: AuthDeps, request: LoginRequest): Promise<LoginResult> {
  const now = deps.clock.now();
  const keys = [`user:${request.username}`, ...(request.client ? [`ip:${request.client}`] : [])];
  const wait = deps.throttle.retryAfter(keys, now.getTime());
  if (wait > 0) {
    throw new ArgusError('AUTH_THROTTLED', `too many failed logins; try again in ${Math.ceil(wait / 1000)} s`, {
      details: { retryAfterSeconds: Math.ceil(wait / 1000) },
    });
  }
  const repo = deps.store.auth();
  const user = await repo.findUserByUsername(request.username);
  if (!user) await deps.hasher.verify(DUMMY_HASH, request.password).catch(() => false);
  const valid = user !== undefined && (await deps.hasher.verify(user.passwordHash, request.password)) && !user.disabled;
  if (!valid || !user) {
    deps.throttle.fail(keys, now.getTime());
    throw new ArgusError('AUTH_INVALID', 'wrong username or password', { location: { field: 'password' } });
  }
  deps.throttle.succeed(keys);
  const agency = await repo.getAgency(user.agencyId);
  if (!agency) throw new ArgusError('INTERNAL', `user ${user.id} has no agency`);
  const sessionId = randomToken(deps.random);
  const expiresAt = new Date(now.getTime() + (deps.sessionTtlMs ?? DEFAULT_TTL)).toISOString();
  await repo.createSession({
    idHash: tokenHash(sessionId),
    userId: user.id,
    agencyId: user.agencyId,
    createdAt: now.toISOString(),
    expiresAt,
  });
  const { passwordHash: _, ...publicUser } = user;
  return { sessionId, expiresAt, user: publicUser, agency };
}

export async function logout(deps: AuthDeps, sessionId: string): Promise<void> {
  await deps.store.auth().deleteSession(tokenHash(sessionId));
  deps.cache?.clear();
}

/** The principal behind a session cookie, or undefined when the session is unknown, expired or its user disabled. */
export async function resolveSession(deps: AuthDeps, sessionId: string): Promise<Principal | undefined> {
  if (sessionId.length < 20 || sessionId.length > 128) return undefined;
  const repo = deps.store.auth();
  const hash = tokenHash(sessionId);
  const now = deps.clock.now();
  const cached = deps.cache?.get(`s:${hash}`, now.getTime());
  if (cached) return cached;
  const session = await repo.getSession(hash);
  if (!session) return undefined;
  if (session.expiresAt <= now.toISOString()) {
    await repo.deleteSession(hash);
    return undefined;
  }
  const user = await repo.getUser(session.agencyId, session.userId);
  const agency = user ? await repo.getAgency(user.agencyId) : undefined;
  if (!user || user.disabled || !agency) return undefined;
  const { passwordHash: _, ...publicUser } = user;
  const principal: Principal = { kind: 'session', user: publicUser, agency };
  deps.cache?.set(`s:${hash}`, principal, now.getTime(), Date.parse(session.expiresAt));
  return principal;
}
