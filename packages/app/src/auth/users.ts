/** Users and agencies: admins manage their own agency's users; the root agency's admins also create agencies. */

import { ArgusError } from '@argus/core';
import { type Agency, isAgencyId, isUsername, type Principal, type Role, type User } from '@argus/core/sharing';
import { type AuthDeps, MIN_PASSWORD_LENGTH, ROOT_AGENCY, randomId } from './auth-deps.js';
import { requirePermission } from './authorize.js';

export interface CreateUserRequest {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** Another agency: only for admins of the root agency. */
  readonly agencyId?: string;
}

function isRootAdmin(actor: Principal): boolean {
  return actor.agency.id === ROOT_AGENCY && actor.user.role === 'admin' && actor.scopes === undefined;
}

export async function createUser(deps: AuthDeps, actor: Principal, request: CreateUserRequest): Promise<User> {
  requirePermission(actor, 'admin');
  const agencyId = request.agencyId ?? actor.agency.id;
  const repo = deps.store.auth();
  if (agencyId !== actor.agency.id) {
    if (!isRootAdmin(actor)) throw new ArgusError('AUTH_FORBIDDEN', 'you may create users in your own agency only');
    if (!(await repo.getAgency(agencyId)))
      throw new ArgusError('NOT_FOUND', `no agency "${agencyId}"`, { location: { field: 'agencyId' } });
  }
  if (!isUsername(request.username)) {
    throw new ArgusError('INPUT_INVALID', 'a username is 2–64 letters, digits, ".", "_", "@" or "-"', { location: { field: 'username' } });
  }
  if (request.password.length < MIN_PASSWORD_LENGTH) {
    throw new ArgusError('INPUT_INVALID', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      location: { field: 'password' },
    });
  }
  return repo.createUser({
    id: randomId(deps.random, 'usr'),
    agencyId,
    username: request.username,
    passwordHash: await deps.hasher.hash(request.password),
    role: request.role,
    disabled: false,
    createdAt: deps.clock.now().toISOString(),
  });
}

export async function listUsers(deps: AuthDeps, actor: Principal): Promise<User[]> {
  requirePermission(actor, 'admin');
  return deps.store.auth().listUsers(actor.agency.id);
}

export interface UpdateUserRequest {
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly password?: string;
}

export async function updateUser(deps: AuthDeps, actor: Principal, id: string, request: UpdateUserRequest): Promise<User> {
  requirePermission(actor, 'admin');
  if (id === actor.user.id && (request.disabled === true || (request.role !== undefined && request.role !== 'admin'))) {
    throw new ArgusError('CONFLICT', 'you cannot disable or demote yourself', { location: { field: 'id' } });
  }
  if (request.password !== undefined && request.password.length < MIN_PASSWORD_LENGTH) {
    throw new ArgusError('INPUT_INVALID', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      location: { field: 'password' },
    });
  }
  const repo = deps.store.auth();
  const user = await repo.updateUser(actor.agency.id, id, {
    ...(request.role !== undefined ? { role: request.role } : {}),
    ...(request.disabled !== undefined ? { disabled: request.disabled } : {}),
    ...(request.password !== undefined ? { passwordHash: await deps.hasher.hash(request.password) } : {}),
  });
  // Another agency's user looks exactly like no user: 404, never a hint that the id exists.
  if (!user) throw new ArgusError('NOT_FOUND', `no user "${id}"`, { location: { field: 'id' } });
  // A changed role or a disabled account takes effect at once, not at session expiry.
  if (request.role !== undefined || request.disabled === true || request.password !== undefined) await repo.deleteUserSessions(id);
  deps.cache?.clear();
  return user;
}

export async function createAgency(
  deps: AuthDeps,
  actor: Principal,
  request: { readonly id: string; readonly name: string },
): Promise<Agency> {
  requirePermission(actor, 'admin');
  if (!isRootAdmin(actor)) throw new ArgusError('AUTH_FORBIDDEN', 'only administrators of the root agency create agencies');
  if (!isAgencyId(request.id)) {
    throw new ArgusError('INPUT_INVALID', 'an agency id is 1–32 lower-case letters, digits or "-" (not "public")', {
      location: { field: 'id' },
    });
  }
  return deps.store.auth().createAgency({ id: request.id, name: request.name, createdAt: deps.clock.now().toISOString() });
}

export async function listAgencies(deps: AuthDeps, actor: Principal): Promise<Agency[]> {
  requirePermission(actor, 'admin');
  const all = await deps.store.auth().listAgencies();
  return isRootAdmin(actor) ? all : all.filter((a) => a.id === actor.agency.id);
}
