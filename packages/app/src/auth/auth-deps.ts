/** What the auth use cases are composed from: the store, a clock, a password hasher and a source of randomness. */

import { createHash } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PrincipalCache } from './principal-cache.js';

/** Password hashing (argon2id in production; injected so app never imports a native adapter). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Cryptographically strong random bytes (node:crypto in production; seeded in tests). */
export interface RandomSource {
  bytes(n: number): Uint8Array;
}

export interface AuthDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: PasswordHasher;
  readonly random: RandomSource;
  readonly throttle: LoginThrottle;
  /** Resolved principals for a second (optional; cleared on every change made through these use cases). */
  readonly cache?: PrincipalCache;
  /** Session lifetime (default 12 h). */
  readonly sessionTtlMs?: number;
}

/** The agency the first start creates; its admins may create agencies and their first users. */
export const ROOT_AGENCY = 'default';

export const MIN_PASSWORD_LENGTH = 12;

/** SHA-256 hex: session ids and API keys carry 256 random bits, so a fast hash is enough to store them. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(random: RandomSource, bytes = 32): string {
  return Buffer.from(random.bytes(bytes)).toString('base64url');
}

export function randomId(random: RandomSource, prefix: string): string {
  return `${prefix}_${Buffer.from(random.bytes(12)).toString('hex')}`;
}
