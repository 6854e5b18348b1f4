/** AuthRepo over SQLite: agencies, users, sessions and API keys; agency-owned rows always matched on agency_id. */

import type Database from 'better-sqlite3';
import { statement } from './sqlite-statements.js';
import { ArgusError } from '@argus/core';
import type { Agency, ApiKey, Permission, Role, User } from '@argus/core/sharing';
import type { AuthRepo, SessionRecord, StoredApiKey, StoredUser, UserPatch } from '@argus/app';

interface UserRow {
  id: string;
  agency_id: string;
  username: string;
  password_hash: string;
  role: Role;
  disabled: number;
  created_at: string;
}

interface KeyRow {
  id: string;
  agency_id: string;
  user_id: string;
  name: string;
  scopes: string;
  prefix: string;
  key_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

function storedUser(r: UserRow): StoredUser {
  return {
    id: r.id,
    agencyId: r.agency_id,
    username: r.username,
    passwordHash: r.password_hash,
    role: r.role,
    disabled: r.disabled !== 0,
    createdAt: r.created_at,
  };
}

function publicUser(u: StoredUser): User {
  const { passwordHash: _, ...rest } = u;
  return rest;
}

function storedKey(r: KeyRow): StoredApiKey {
  return {
    id: r.id,
    agencyId: r.agency_id,
    userId: r.user_id,
    name: r.name,
    scopes: JSON.parse(r.scopes) as Permission[],
    prefix: r.prefix,
    keyHash: r.key_hash,
    createdAt: r.created_at,
    ...(r.last_used_at !== null ? { lastUsedAt: r.last_used_at } : {}),
    ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
  };
}

function publicKey(k: StoredApiKey): ApiKey {
  const { keyHash: _, ...rest } = k;
  return rest;
}

export class SqliteAuthRepo implements AuthRepo {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async createAgency(agency: Agency): Promise<Agency> {
    try {
      statement(this.#db, 'INSERT INTO agencies (id, name, created_at) VALUES (?, ?, ?)').run(agency.id, agency.name, agency.createdAt);
    } catch (e) {
      if (isUnique(e)) throw new ArgusError('CONFLICT', `agency "${agency.id}" exists`, { location: { field: 'id' } });
      throw e;
    }
    return agency;
  }

  async getAgency(id: string): Promise<Agency | undefined> {
    const r = statement(this.#db, 'SELECT id, name, created_at FROM agencies WHERE id = ?').get(id) as
      | { id: string; name: string; created_at: string }
      | undefined;
    return r ? { id: r.id, name: r.name, createdAt: r.created_at } : undefined;
  }

  async listAgencies(): Promise<Agency[]> {
    const rows = statement(this.#db, 'SELECT id, name, created_at FROM agencies ORDER BY id').all() as {
      id: string;
      name: string;
      created_at: string;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async createUser(user: StoredUser): Promise<User> {
    try {
      statement(
        this.#db,
        'INSERT INTO users (id, agency_id, username, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(user.id, user.agencyId, user.username, user.passwordHash, user.role, user.disabled ? 1 : 0, user.createdAt);
    } catch (e) {
      if (isUnique(e)) throw new ArgusError('CONFLICT', `username "${user.username}" is taken`, { location: { field: 'username' } });
      throw e;
    }
    return publicUser(user);
  }

  async findUserByUsername(username: string): Promise<StoredUser | undefined> {
    const r = statement(this.#db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return r ? storedUser(r) : undefined;
  }

  async getUser(agencyId: string, id: string): Promise<StoredUser | undefined> {
    const r = statement(this.#db, 'SELECT * FROM users WHERE agency_id = ? AND id = ?').get(agencyId, id) as UserRow | undefined;
    return r ? storedUser(r) : undefined;
  }

  async listUsers(agencyId?: string): Promise<User[]> {
    const rows = (
      agencyId === undefined
        ? statement(this.#db, 'SELECT * FROM users ORDER BY username').all()
        : statement(this.#db, 'SELECT * FROM users WHERE agency_id = ? ORDER BY username').all(agencyId)
    ) as UserRow[];
    return rows.map((r) => publicUser(storedUser(r)));
  }

  async updateUser(agencyId: string, id: string, patch: UserPatch): Promise<User | undefined> {
    const sets: string[] = [];
    const args: unknown[] = [];
    const add = (col: string, v: unknown) => {
      sets.push(`${col} = ?`);
      args.push(v);
    };
    if (patch.role !== undefined) add('role', patch.role);
    if (patch.disabled !== undefined) add('disabled', patch.disabled ? 1 : 0);
    if (patch.passwordHash !== undefined) add('password_hash', patch.passwordHash);
    if (sets.length > 0) {
      statement(this.#db, `UPDATE users SET ${sets.join(', ')} WHERE agency_id = ? AND id = ?`).run(...args, agencyId, id);
    }
    const u = await this.getUser(agencyId, id);
    return u ? publicUser(u) : undefined;
  }

  async countUsers(): Promise<number> {
    return (statement(this.#db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async createSession(s: SessionRecord): Promise<void> {
    statement(this.#db, 'INSERT INTO sessions (id_hash, user_id, agency_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      s.idHash,
      s.userId,
      s.agencyId,
      s.createdAt,
      s.expiresAt,
    );
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const r = statement(this.#db, 'SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
      | { id_hash: string; user_id: string; agency_id: string; created_at: string; expires_at: string }
      | undefined;
    return r
      ? { idHash: r.id_hash, userId: r.user_id, agencyId: r.agency_id, createdAt: r.created_at, expiresAt: r.expires_at }
      : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    statement(this.#db, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    statement(this.#db, 'DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return statement(this.#db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  async createApiKey(k: StoredApiKey): Promise<ApiKey> {
    statement(
      this.#db,
      'INSERT INTO api_keys (id, agency_id, user_id, name, scopes, prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(k.id, k.agencyId, k.userId, k.name, JSON.stringify(k.scopes), k.prefix, k.keyHash, k.createdAt);
    return publicKey(k);
  }

  async findApiKeyByHash(keyHash: string): Promise<StoredApiKey | undefined> {
    const r = statement(this.#db, 'SELECT * FROM api_keys WHERE key_hash = ?').get(keyHash) as KeyRow | undefined;
    return r ? storedKey(r) : undefined;
  }

  async listApiKeys(agencyId: string): Promise<ApiKey[]> {
    const rows = statement(this.#db, 'SELECT * FROM api_keys WHERE agency_id = ? ORDER BY created_at, id').all(agencyId) as KeyRow[];
    return rows.map((r) => publicKey(storedKey(r)));
  }

  async revokeApiKey(agencyId: string, id: string, at: string): Promise<boolean> {
    const r = statement(this.#db, 'UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE agency_id = ? AND id = ?').run(
      at,
      agencyId,
      id,
    );
    return r.changes > 0;
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    statement(this.#db, 'UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
  }
}

function isUnique(e: unknown): boolean {
  return typeof e === 'object' && e !== null && String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}
