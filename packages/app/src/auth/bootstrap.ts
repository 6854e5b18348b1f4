/** bootstrap: the first start creates agency `default` and an admin, with a one-time password unless one is given. */

import type { User } from '@argus/core/sharing';
import { type AuthDeps, MIN_PASSWORD_LENGTH, ROOT_AGENCY, randomId, randomToken } from './auth-deps.js';

export type BootstrapResult =
  | { readonly status: 'existing' }
  /** `password` is present only when it was generated: the caller prints it once. */
  | { readonly status: 'created'; readonly user: User; readonly password?: string };

export interface BootstrapRequest {
  readonly username?: string;
  /** ARGUS_ADMIN_PASSWORD. */
  readonly password?: string;
}

export async function bootstrap(deps: AuthDeps, request: BootstrapRequest = {}): Promise<BootstrapResult> {
  const repo = deps.store.auth();
  if ((await repo.countUsers()) > 0) return { status: 'existing' };
  const now = deps.clock.now().toISOString();
  if (!(await repo.getAgency(ROOT_AGENCY))) await repo.createAgency({ id: ROOT_AGENCY, name: 'Default agency', createdAt: now });
  const generated = request.password === undefined || request.password.length < MIN_PASSWORD_LENGTH;
  const password = generated ? randomToken(deps.random, 18) : (request.password as string);
  const user = await repo.createUser({
    id: randomId(deps.random, 'usr'),
    agencyId: ROOT_AGENCY,
    username: request.username ?? 'admin',
    passwordHash: await deps.hasher.hash(password),
    role: 'admin',
    disabled: false,
    createdAt: now,
  });
  return generated ? { status: 'created', user, password } : { status: 'created', user };
}
