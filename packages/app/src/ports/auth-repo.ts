/**
 * The AuthRepo port: agencies, users, sessions and API keys. Unlike the per-agency repositories it
 * is global (a login looks a username up before any agency is known), so every method that reads or
 * writes an agency's rows takes that agency's id and matches on it.
 */

import type { Agency, ApiKey, Permission, Role, User } from '@argus/core/sharing';

export interface StoredUser extends User {
  /** argon2id encoded hash (`$argon2id$…`). */
  readonly passwordHash: string;
}

export interface StoredApiKey extends ApiKey {
  /** SHA-256 (hex) of the key; the key itself is never stored. */
  readonly keyHash: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the session id the cookie carries; a stolen database does not yield live sessions. */
  readonly idHash: string;
  readonly userId: string;
  readonly agencyId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface UserPatch {
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly passwordHash?: string;
}

export interface AuthRepo {
  createAgency(agency: Agency): Promise<Agency>;
  getAgency(id: string): Promise<Agency | undefined>;
  listAgencies(): Promise<Agency[]>;

  /** Fails with CONFLICT when the username is taken (usernames are unique across agencies). */
  createUser(user: StoredUser): Promise<User>;
  findUserByUsername(username: string): Promise<StoredUser | undefined>;
  /** A user of that agency only. */
  getUser(agencyId: string, id: string): Promise<StoredUser | undefined>;
  listUsers(agencyId?: string): Promise<User[]>;
  /** Updates a user of that agency; undefined when no such user there. */
  updateUser(agencyId: string, id: string, patch: UserPatch): Promise<User | undefined>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (disabled, role changed). */
  deleteUserSessions(userId: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;

  createApiKey(key: StoredApiKey): Promise<ApiKey>;
  findApiKeyByHash(keyHash: string): Promise<StoredApiKey | undefined>;
  listApiKeys(agencyId: string): Promise<ApiKey[]>;
  /** Revokes a key of that agency; false when there is none. */
  revokeApiKey(agencyId: string, id: string, at: string): Promise<boolean>;
  touchApiKey(id: string, at: string): Promise<void>;
}

export type { Agency, ApiKey, Permission, Role, User };
