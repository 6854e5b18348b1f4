/** PasswordHasher over argon2id (the native argon2 package): the production adapter. */

import { randomBytes } from 'node:crypto';
import type { PasswordHasher, RandomSource } from '@argus/app/auth';
import argon2 from 'argon2';

export const argon2Hasher: PasswordHasher = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id }),
  async verify(hash, password) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

export const cryptoRandom: RandomSource = { bytes: (n) => randomBytes(n) };
