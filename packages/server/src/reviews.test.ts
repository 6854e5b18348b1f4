import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, seedList, type TestServer, testServer } from './server.test-helpers.js';

const csrf = { 'x-argus-csrf': '1' };

describe('review decisions', () => {
  let t: TestServer;
  let cookie = '';
  beforeAll(async () => {
    t = await testServer();
    await seedList(t.store, 'public', 'un-sc', [
      person('un-sc', 'QDi.1', 'Abdul Rahman Yasin'),
      person('un-sc', 'QDi.2', 'Abdul Rahman Khan'),
    ]);
    await t.user('default', 'rita', 'reviewer');
    cookie = await t.login('rita');
  });
  afterAll(async () => t.close());

  const screen = (name: string, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/screen', headers: { cookie, ...csrf }, payload: { name, ...extra } }).then((r) => r.json());

  it('applies a decision to later screenings of the same query, however it is written', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie, ...csrf },
      payload: { query: { name: 'Abdul Rahman Yasin' }, entityId: 'un-sc:QDi.1', decision: 'true_match', reason: 'passport matches' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().review).toMatchObject({ decision: 'true_match', by: 'rita', entityId: 'un-sc:QDi.1', reason: 'passport matches' });
    const later = await screen('YASIN, abdul  rahman');
    expect(later.matches[0]).toMatchObject({
      entity_id: 'un-sc:QDi.1',
      review: { decision: 'true_match', reason: 'passport matches', by: 'rita' },
    });
    // A different query (a date of birth given) is a different question.
    expect((await screen('Abdul Rahman Yasin', { dob: '1960' })).matches[0].review).toBeUndefined();
    // The other entity hit by a broader query has no decision.
    const broad = await screen('Abdul Rahman');
    expect(broad.matches.find((m: { entity_id: string }) => m.entity_id === 'un-sc:QDi.2').review).toBeUndefined();
  });

  it('keeps the newest decision, and the history', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie, ...csrf },
      payload: {
        query: { name: 'abdul rahman yasin' },
        entityId: 'un-sc:QDi.1',
        decision: 'false_positive',
        reason: 'born 1990, not 1960',
      },
    });
    expect((await screen('Abdul Rahman Yasin')).matches[0].review.decision).toBe('false_positive');
    const all = (await t.app.inject({ url: '/api/reviews?limit=10', headers: { cookie } })).json().reviews;
    expect(all.map((r: { decision: string }) => r.decision)).toEqual(['false_positive', 'true_match']);
  });

  it('drops a decision once the entity changes in a new list version, and keeps it while unchanged', async () => {
    await seedList(t.store, 'public', 'un-sc', [
      person('un-sc', 'QDi.1', 'Abdul Rahman Yasin'),
      person('un-sc', 'QDi.2', 'Abdul Rahman Khan'),
    ]);
    expect((await screen('Abdul Rahman Yasin')).matches[0].review).toBeDefined();
    await seedList(t.store, 'public', 'un-sc', [
      person('un-sc', 'QDi.1', 'Abdul Rahman Yasin', { birthDates: [{ kind: 'exact', date: '1960-04-10' }] }),
      person('un-sc', 'QDi.2', 'Abdul Rahman Khan'),
    ]);
    expect((await screen('Abdul Rahman Yasin')).matches[0].review).toBeUndefined();
  });

  it('refuses a review of an unknown entity or without a reason', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie, ...csrf },
      payload: { query: { name: 'x' }, entityId: 'un-sc:none', decision: 'true_match', reason: 'r' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ENTITY_NOT_FOUND');
    const noReason = await t.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie, ...csrf },
      payload: { query: { name: 'x' }, entityId: 'un-sc:QDi.1', decision: 'true_match', reason: '   ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
  });
});
