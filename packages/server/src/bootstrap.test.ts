import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@argus/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuthDeps, bootstrap, LoginThrottle, login } from '@argus/app/auth';

describe('bootstrap', () => {
  let dir = '';
  let deps: AuthDeps;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'argus-boot-'));
    const store = await openStore(join(dir, 'a.db'));
    deps = {
      store,
      clock: { now: () => new Date('2026-01-01T00:00:00Z') },
      hasher: { hash: async (p) => `plain$${p}`, verify: async (h, p) => h === `plain$${p}` },
      random: { bytes: (n) => randomBytes(n) },
      throttle: new LoginThrottle(),
    };
  });
  afterEach(async () => {
    await deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates agency default and an admin with a one-time password, once', async () => {
    const r = await bootstrap(deps);
    expect(r.status).toBe('created');
    if (r.status !== 'created') return;
    expect(r.user).toMatchObject({ username: 'admin', role: 'admin', agencyId: 'default' });
    expect(r.password?.length).toBeGreaterThanOrEqual(24);
    expect((await login(deps, { username: 'admin', password: r.password as string })).agency.id).toBe('default');
    expect(await bootstrap(deps)).toEqual({ status: 'existing' });
  });

  it('takes the given password and prints nothing', async () => {
    const r = await bootstrap(deps, { password: 'from the environment' });
    expect(r).toMatchObject({ status: 'created' });
    expect(r.status === 'created' ? r.password : 'none').toBeUndefined();
    await expect(login(deps, { username: 'admin', password: 'from the environment' })).resolves.toBeDefined();
  });
});
