/** Agencies, users, API keys and sharing grants: the tenancy model, as plain data. */

import type { Permission, Role } from './roles.js';

export interface Agency {
  /** Short lower-case id (`default`, `fiu-pk`); every stored row carries it. */
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface User {
  readonly id: string;
  readonly agencyId: string;
  readonly username: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface ApiKey {
  readonly id: string;
  readonly agencyId: string;
  /** The user who created it; the key acts with that user's role, narrowed to its scopes. */
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly Permission[];
  /** The first characters of the key, to recognise it in a listing (never enough to use it). */
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}

/** Who is acting on a request: a logged-in user or an API key. */
export interface Principal {
  readonly kind: 'session' | 'api-key';
  readonly user: User;
  readonly agency: Agency;
  /** Present for API keys: the permissions the key is limited to. */
  readonly scopes?: readonly Permission[];
  readonly apiKeyId?: string;
}

/** What one agency shares with another (a later issue acts on these; modelled now so tenancy has its shape). */
export interface SharingGrant {
  readonly id: string;
  readonly fromAgencyId: string;
  readonly toAgencyId: string;
  readonly kind: 'watchlist' | 'case' | 'alerts';
  /** The shared object's id (a list source, a case) or a party filter. */
  readonly subject: string;
  readonly purpose: string;
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const USERNAME = /^[A-Za-z0-9._@-]{2,64}$/;

export function isAgencyId(id: string): boolean {
  return AGENCY_ID.test(id) && id !== 'public';
}

export function isUsername(name: string): boolean {
  return USERNAME.test(name);
}

/** Is a grant in force at `now` (ISO)? */
export function grantActive(grant: SharingGrant, now: string): boolean {
  if (grant.revokedAt !== undefined && grant.revokedAt <= now) return false;
  return grant.expiresAt === undefined || grant.expiresAt > now;
}
