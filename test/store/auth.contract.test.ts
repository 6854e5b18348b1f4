/** Contract of AuthRepo and ReviewRepo: every store adapter must pass it. */

import { expect, it } from 'vitest';
import { describeEachStore } from './harness.js';

const T = '2026-01-01T00:00:00.000Z';

describeEachStore('auth repo', (fx) => {
  const repo = () => fx.store().auth();

  it('creates agencies once', async () => {
    await repo().createAgency({ id: 'a1', name: 'Agency One', createdAt: T });
    await repo().createAgency({ id: 'a2', name: 'Agency Two', createdAt: T });
    await expect(repo().createAgency({ id: 'a1', name: 'again', createdAt: T })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await repo().listAgencies()).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(await repo().getAgency('a2')).toEqual({ id: 'a2', name: 'Agency Two', createdAt: T });
  });

  it('keeps usernames unique across agencies and reads users per agency', async () => {
    const u = { id: 'u1', agencyId: 'a1', username: 'ann', passwordHash: 'h1', role: 'analyst' as const, disabled: false, createdAt: T };
    expect(await repo().createUser(u)).toEqual({
      id: 'u1',
      agencyId: 'a1',
      username: 'ann',
      role: 'analyst',
      disabled: false,
      createdAt: T,
    });
    await expect(repo().createUser({ ...u, id: 'u2', agencyId: 'a2' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await repo().createUser({ ...u, id: 'u3', agencyId: 'a2', username: 'bob' });
    expect((await repo().findUserByUsername('ann'))?.passwordHash).toBe('h1');
    expect(await repo().getUser('a2', 'u1')).toBeUndefined();
    expect((await repo().listUsers('a1')).map((x) => x.username)).toEqual(['ann']);
    expect(await repo().countUsers()).toBe(2);
  });

  it('updates a user only within its agency', async () => {
    expect(await repo().updateUser('a2', 'u1', { role: 'admin' })).toBeUndefined();
    expect((await repo().getUser('a1', 'u1'))?.role).toBe('analyst');
    expect(await repo().updateUser('a1', 'u1', { role: 'reviewer', disabled: true, passwordHash: 'h2' })).toMatchObject({
      role: 'reviewer',
      disabled: true,
    });
    expect((await repo().findUserByUsername('ann'))?.passwordHash).toBe('h2');
  });

  it('stores sessions by hash, expires and ends them', async () => {
    await repo().createSession({ idHash: 's1', userId: 'u1', agencyId: 'a1', createdAt: T, expiresAt: '2026-01-02T00:00:00.000Z' });
    await repo().createSession({ idHash: 's2', userId: 'u1', agencyId: 'a1', createdAt: T, expiresAt: '2026-03-01T00:00:00.000Z' });
    await repo().createSession({ idHash: 's3', userId: 'u3', agencyId: 'a2', createdAt: T, expiresAt: '2026-03-01T00:00:00.000Z' });
    expect(await repo().getSession('s1')).toMatchObject({ userId: 'u1', agencyId: 'a1' });
    expect(await repo().deleteExpiredSessions('2026-02-01T00:00:00.000Z')).toBe(1);
    expect(await repo().getSession('s1')).toBeUndefined();
    await repo().deleteUserSessions('u1');
    expect(await repo().getSession('s2')).toBeUndefined();
    expect(await repo().getSession('s3')).toBeDefined();
    await repo().deleteSession('s3');
    expect(await repo().getSession('s3')).toBeUndefined();
  });

  it('stores API keys by hash and revokes them only within their agency', async () => {
    const k = {
      id: 'k1',
      agencyId: 'a1',
      userId: 'u1',
      name: 'bot',
      scopes: ['screen' as const],
      prefix: 'argus_abc',
      keyHash: 'kh1',
      createdAt: T,
    };
    const created = await repo().createApiKey(k);
    expect(created).not.toHaveProperty('keyHash');
    expect(await repo().findApiKeyByHash('kh1')).toMatchObject({ id: 'k1', scopes: ['screen'] });
    expect(await repo().listApiKeys('a2')).toEqual([]);
    expect(await repo().revokeApiKey('a2', 'k1', T)).toBe(false);
    expect((await repo().findApiKeyByHash('kh1'))?.revokedAt).toBeUndefined();
    expect(await repo().revokeApiKey('a1', 'k1', T)).toBe(true);
    await repo().touchApiKey('k1', '2026-01-05T00:00:00.000Z');
    expect(await repo().listApiKeys('a1')).toMatchObject([{ id: 'k1', revokedAt: T, lastUsedAt: '2026-01-05T00:00:00.000Z' }]);
  });
});

describeEachStore('review repo', (fx) => {
  const base = {
    queryKey: 'q',
    query: { name: 'Q' },
    entityId: 'un-sc:1',
    entityHash: 'h',
    reason: 'r',
    userId: 'u1',
    username: 'ann',
    decidedAt: T,
  };

  it('keeps the newest decision per (query, entity) and each agency to itself', async () => {
    const a = fx.store().forAgency('a1').reviews;
    const b = fx.store().forAgency('a2').reviews;
    await a.add({ ...base, id: 'r1', decision: 'true_match' });
    await a.add({ ...base, id: 'r2', decision: 'false_positive' });
    await a.add({ ...base, id: 'r3', entityId: 'un-sc:2', decision: 'true_match' });
    await a.add({ ...base, id: 'r4', queryKey: 'other', decision: 'true_match' });
    const latest = await a.latest('q', ['un-sc:1', 'un-sc:2', 'un-sc:3']);
    expect([...latest.keys()].sort()).toEqual(['un-sc:1', 'un-sc:2']);
    expect(latest.get('un-sc:1')).toMatchObject({ id: 'r2', decision: 'false_positive', agencyId: 'a1', query: { name: 'Q' } });
    expect((await b.latest('q', ['un-sc:1'])).size).toBe(0);
    expect(await b.list(10)).toEqual([]);
    expect((await a.list(2)).map((r) => r.id)).toEqual(['r4', 'r3']);
  });
});
