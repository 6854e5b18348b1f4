/** AuthRepo over PostgreSQL: agencies, users, sessions and API keys; agency-owned rows always matched on agency_id. */

import type pg from 'pg';
import { ArgusError } from '@argus/core';
import type { Agency, ApiKey, Permission, Role, User } from '@argus/core/sharing';
import type { AuthRepo, SessionRecord, StoredApiKey, StoredUser, UserPatch } from '@argus/app';

interface UserRow {
  id: string;
  agency_id: string;
  username: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
  created_at: string;
}

interface KeyRow {
  id: string;
  agency_id: string;
  user_id: string;
  name: string;
  scopes: Permission[];
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
    disabled: r.disabled,
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
    scopes: r.scopes,
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

export class PostgresAuthRepo implements AuthRepo {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async createAgency(agency: Agency): Promise<Agency> {
    try {
      await this.#pool.query('INSERT INTO agencies (id, name, created_at) VALUES ($1, $2, $3)', [agency.id, agency.name, agency.createdAt]);
    } catch (e) {
      if (isUnique(e)) throw new ArgusError('CONFLICT', `agency "${agency.id}" exists`, { location: { field: 'id' } });
      throw e;
    }
    return agency;
  }

  async getAgency(id: string): Promise<Agency | undefined> {
    const { rows } = await this.#pool.query<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM agencies WHERE id = $1',
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, name: r.name, createdAt: r.created_at } : undefined;
  }

  async listAgencies(): Promise<Agency[]> {
    const { rows } = await this.#pool.query<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM agencies ORDER BY id',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async createUser(user: StoredUser): Promise<User> {
    try {
      await this.#pool.query(
        'INSERT INTO users (id, agency_id, username, password_hash, role, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [user.id, user.agencyId, user.username, user.passwordHash, user.role, user.disabled, user.createdAt],
      );
    } catch (e) {
      if (isUnique(e)) throw new ArgusError('CONFLICT', `username "${user.username}" is taken`, { location: { field: 'username' } });
      throw e;
    }
    return publicUser(user);
  }

  async findUserByUsername(username: string): Promise<StoredUser | undefined> {
    const { rows } = await this.#pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] ? storedUser(rows[0]) : undefined;
  }

  async getUser(agencyId: string, id: string): Promise<StoredUser | undefined> {
    const { rows } = await this.#pool.query<UserRow>('SELECT * FROM users WHERE agency_id = $1 AND id = $2', [agencyId, id]);
    return rows[0] ? storedUser(rows[0]) : undefined;
  }

  async listUsers(agencyId?: string): Promise<User[]> {
    const { rows } =
      agencyId === undefined
        ? await this.#pool.query<UserRow>('SELECT * FROM users ORDER BY username')
        : await this.#pool.query<UserRow>('SELECT * FROM users WHERE agency_id = $1 ORDER BY username', [agencyId]);
    return rows.map((r) => publicUser(storedUser(r)));
  }

  async updateUser(agencyId: string, id: string, patch: UserPatch): Promise<User | undefined> {
    const sets: string[] = [];
    const args: unknown[] = [];
    const add = (col: string, v: unknown) => {
      args.push(v);
      sets.push(`${col} = $${args.length}`);
    };
    if (patch.role !== undefined) add('role', patch.role);
    if (patch.disabled !== undefined) add('disabled', patch.disabled);
    if (patch.passwordHash !== undefined) add('password_hash', patch.passwordHash);
    if (sets.length > 0) {
      args.push(agencyId, id);
      await this.#pool.query(`UPDATE users SET ${sets.join(', ')} WHERE agency_id = $${args.length - 1} AND id = $${args.length}`, args);
    }
    const u = await this.getUser(agencyId, id);
    return u ? publicUser(u) : undefined;
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM users');
    return Number(rows[0]?.n ?? 0);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.#pool.query('INSERT INTO sessions (id_hash, user_id, agency_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      s.idHash,
      s.userId,
      s.agencyId,
      s.createdAt,
      s.expiresAt,
    ]);
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.#pool.query<{
      id_hash: string;
      user_id: string;
      agency_id: string;
      created_at: string;
      expires_at: string;
    }>('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    const r = rows[0];
    return r
      ? { idHash: r.id_hash, userId: r.user_id, agencyId: r.agency_id, createdAt: r.created_at, expiresAt: r.expires_at }
      : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const r = await this.#pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    return r.rowCount ?? 0;
  }

  async createApiKey(k: StoredApiKey): Promise<ApiKey> {
    await this.#pool.query(
      'INSERT INTO api_keys (id, agency_id, user_id, name, scopes, prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [k.id, k.agencyId, k.userId, k.name, JSON.stringify(k.scopes), k.prefix, k.keyHash, k.createdAt],
    );
    return publicKey(k);
  }

  async findApiKeyByHash(keyHash: string): Promise<StoredApiKey | undefined> {
    const { rows } = await this.#pool.query<KeyRow>('SELECT * FROM api_keys WHERE key_hash = $1', [keyHash]);
    return rows[0] ? storedKey(rows[0]) : undefined;
  }

  async listApiKeys(agencyId: string): Promise<ApiKey[]> {
    const { rows } = await this.#pool.query<KeyRow>('SELECT * FROM api_keys WHERE agency_id = $1 ORDER BY created_at, id', [agencyId]);
    return rows.map((r) => publicKey(storedKey(r)));
  }

  async revokeApiKey(agencyId: string, id: string, at: string): Promise<boolean> {
    const r = await this.#pool.query('UPDATE api_keys SET revoked_at = coalesce(revoked_at, $1) WHERE agency_id = $2 AND id = $3', [
      at,
      agencyId,
      id,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.#pool.query('UPDATE api_keys SET last_used_at = $1 WHERE id = $2', [at, id]);
  }
}

function isUnique(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
