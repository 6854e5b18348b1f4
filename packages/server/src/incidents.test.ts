import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, multipart } from './cases.test-helpers.js';
import { type TestServer, testServer } from './server.test-helpers.js';

// Reports written for these tests (not the seed reports): two outlets on one bombing, and a monthly round-up.
const R1 = `Monday, 12 January 2026
Advertisement
Blast at Quetta market kills 14
By The Balochistan Post
QUETTA: At least 14 people were killed and 30 others injured when a bomb exploded at a crowded vegetable market in Quetta on Monday, police said.
No group immediately claimed responsibility for the attack.
Share This`;
const R2 = `Quetta market bombing toll rises to 17
QUETTA: The death toll from Monday's bomb blast at a vegetable market in Quetta rose to 17 on Tuesday, officials said, as three of the injured died in hospital.
Provincial minister Bakht Kakar said the terrorists would be brought to justice.`;
const R3 = `Sunday, 1 February 2026
Militant attacks claimed 120 lives in January: report
ISLAMABAD: Militant violence in Pakistan claimed 120 lives in January, including 50 militants, 45 civilians and 25 security personnel, according to data released by the Pakistan Institute for Conflict and Security Studies (PICSS).`;

describe('incidents API', () => {
  let t: TestServer;
  const as: Record<string, string> = {};
  beforeAll(async () => {
    t = await testServer({ screening: false });
    for (const [agency, name, role] of [
      ['default', 'ana', 'analyst'],
      ['default', 'aud', 'auditor'],
      ['agency-b', 'eve', 'analyst'],
    ] as const) {
      await t.user(agency, name, role);
      as[name] = await t.login(name);
    }
  });
  afterAll(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: as[who] as string, ...(method === 'GET' ? {} : csrf) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  const bombing = {
    id: 'qta-2026-01-05',
    date: '2026-01-05',
    province: 'Baluchistan',
    district: 'Quetta',
    type: 'suicide-bombing',
    perpetrator: 'Tehrik-i-Taliban Pakistan',
    perpetratorStatus: 'claimed',
    suicide: true,
    description: 'Suicide bombing outside a police station',
    claims: [
      {
        outcome: 'killed',
        category: 'total',
        value: 20,
        qualifier: 'at-least',
        outlet: 'Dawn',
        source: 'https://dawn.example/1',
        time: '2026-01-05T10:00:00Z',
      },
      {
        outcome: 'killed',
        category: 'civilian',
        value: 12,
        outlet: 'Dawn',
        source: 'https://dawn.example/1',
        time: '2026-01-05T10:00:00Z',
      },
      {
        outcome: 'injured',
        category: 'total',
        value: 40,
        qualifier: 'more-than',
        outlet: 'Geo',
        source: 'https://geo.example/2',
        time: '2026-01-05T12:00:00Z',
      },
    ],
  };

  it('records an incident, resolving spelling variants and groups, and refuses unknown places and duplicate ids', async () => {
    const r = await call('ana', 'POST', '/api/incidents', bombing);
    expect(r.statusCode, r.body).toBe(201);
    const i = r.json().incident;
    expect(i).toMatchObject({
      id: 'qta-2026-01-05',
      place: { province: 'balochistan', provinceName: 'Balochistan', district: 'Quetta' },
      perpetrator: { status: 'claimed', group: 'ttp' },
      suicide: true,
      claimCount: 3,
      conflictCount: 0,
    });
    expect(i.perpetrator.groupName).toMatch(/Taliban/);
    expect(i.totals.killed).toMatchObject({ low: 20, best: 20 });
    expect(i.totals.injured.low).toBe(41);
    expect(i.sources.map((s: { ref: string }) => s.ref).sort()).toEqual(['https://dawn.example/1', 'https://geo.example/2']);
    expect(i.claims).toBeUndefined();

    const dup = await call('ana', 'POST', '/api/incidents', bombing);
    expect(dup.statusCode).toBe(409);
    const place = await call('ana', 'POST', '/api/incidents', { ...bombing, id: undefined, province: 'Atlantis', district: 'Nowhere' });
    expect(place.statusCode).toBe(400);
    expect(place.json().field).toBe('province');
    const type = await call('ana', 'POST', '/api/incidents', { ...bombing, id: undefined, type: 'meteor' });
    expect(type.statusCode).toBe(400);
    expect(type.json().field).toBe('type');
  });

  it('adds claims, reconciles again, flags conflicts and keeps every revision', async () => {
    const r = await call('ana', 'POST', '/api/incidents/qta-2026-01-05/claims', {
      claims: [
        {
          outcome: 'killed',
          category: 'total',
          value: 24,
          outlet: 'Express Tribune',
          source: 'https://tribune.example/3',
          time: '2026-01-06T08:00:00Z',
        },
        {
          outcome: 'killed',
          category: 'civilian',
          value: 19,
          outlet: 'Express Tribune',
          source: 'https://tribune.example/3',
          time: '2026-01-06T08:00:00Z',
        },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().incident.totals.killed.best).toBe(24);
    expect(r.json().incident.conflictCount).toBe(1);

    const d = (await call('ana', 'GET', '/api/incidents/qta-2026-01-05')).json();
    expect(d.incident.claims).toHaveLength(5);
    expect(d.incident.conflicts[0]).toMatchObject({ category: 'civilian' });
    expect(d.incident.casualties.killed.civilian).toMatchObject({ low: 12, high: 19 });
    expect(d.incident.casualties.killed.civilian.claims).toHaveLength(2);
    expect(d.incident.revisions.filter((v: { category: string }) => v.category === 'total').length).toBeGreaterThanOrEqual(2);
    expect(d.incident.place.provinceName).toBe('Balochistan');
    expect(d.events).toEqual([]);
  });

  it('edits an incident with PUT (404 for an unknown one)', async () => {
    const r = await call('ana', 'PUT', '/api/incidents/qta-2026-01-05', { ...bombing, district: 'Pishin', id: 'ignored' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().incident).toMatchObject({ id: 'qta-2026-01-05', place: { district: 'Pishin' }, claimCount: 3 });
    expect((await call('ana', 'PUT', '/api/incidents/nope', bombing)).statusCode).toBe(404);
    // Details only (no claims): the claims and sources stay, the estimate with them.
    const { claims: _c, ...details } = bombing;
    const kept = await call('ana', 'PUT', '/api/incidents/qta-2026-01-05', { ...details, date: '2026-01-06', description: 'Edited' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().incident).toMatchObject({ date: { date: '2026-01-06' }, description: 'Edited', claimCount: 3 });
    expect(kept.json().incident.sources.map((x: { ref: string }) => x.ref)).toEqual(
      r.json().incident.sources.map((x: { ref: string }) => x.ref),
    );
    await call('ana', 'POST', '/api/incidents', {
      date: '2025-12-20',
      province: 'KP',
      district: 'Bannu',
      type: 'security-operation',
      claims: [{ outcome: 'killed', category: 'militant', value: 9, outlet: 'ISPR', source: 'ispr-1', ownClaim: true }],
    });
  });

  it('imports an Argus CSV upload, counting and locating bad rows', async () => {
    const csv = [
      'id,date,date_precision,province,district,locality,type,initiator,perpetrator,perpetrator_status,suicide,killed_militant,killed_civilian,killed_security,killed_unknown,killed_total,injured_militant,injured_civilian,injured_security,injured_unknown,injured_total,source,outlet,description,linked',
      'c1,2026-01-20,day,Khyber Pakhtunkhwa,Peshawar,,ied,militant,,,false,,3-5,,,,,,,,7,https://example.org/c1,Example,roadside bomb,',
      'c2,2026-13-40,day,Punjab,,,ied,,,,,,,,,,,,,,,,,,',
    ].join('\n');
    const up = multipart('register.csv', csv);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/incidents/import?format=argus-csv',
      headers: { cookie: as.ana as string, ...csrf, ...up.headers },
      payload: up.payload,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().record.counts).toMatchObject({ rows: 2, imported: 1, skipped: 1 });
    expect(r.json().record.warnings[0].location).toContain('register.csv');
    const imports = (await call('ana', 'GET', '/api/incidents/imports')).json().imports;
    expect(imports).toHaveLength(1);
  });

  it('lists with filters and sorting', async () => {
    const ids = async (q: string) => (await call('ana', 'GET', `/api/incidents${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual(['c1', 'qta-2026-01-05', expect.stringMatching(/^inc-/)]);
    expect(await ids('?province=Balochistan')).toEqual(['qta-2026-01-05']);
    // Region and group ids as the statistics' breakdowns give them.
    expect(await ids('?province=balochistan&perpetrator=ttp')).toEqual(['qta-2026-01-05']);
    expect(await ids('?province=Khyber Pakhtunkhwa&type=ied')).toEqual(['c1']);
    expect(await ids('?perpetrator=TTP')).toEqual(['qta-2026-01-05']);
    expect((await ids('?perpetrator=unknown')).length).toBe(2);
    expect(await ids('?initiator=security-forces')).toEqual([expect.stringMatching(/^inc-/)]);
    expect(await ids('?from=2026-01&to=2026-01-10')).toEqual(['qta-2026-01-05']);
    expect((await ids('?sort=killed-desc'))[0]).toBe('qta-2026-01-05');
    expect((await call('ana', 'GET', '/api/incidents?province=Atlantis')).statusCode).toBe(400);
    const ref = (await call('ana', 'GET', '/api/incidents/reference')).json();
    expect(ref.provinces.map((p: { id: string }) => p.id)).toContain('balochistan');
    expect(ref.groups.map((g: { id: string }) => g.id)).toContain('ttp');
  });

  it('gives monthly statistics with month-on-month change, breakdowns and the sources of each figure', async () => {
    const s = (await call('ana', 'GET', '/api/incidents/stats?period=2026-01')).json();
    expect(s.figures.incidents).toBe(2);
    // After the edit the bombing holds its entry's claims again (at least 20); the CSV row is 3–5.
    expect(s.figures.killed.best).toBe(20 + 5);
    expect(s.figures.killed.low).toBe(20 + 3);
    expect(s.previous.figures.incidents).toBe(1);
    expect(s.monthly).toHaveLength(12);
    expect(s.monthly.at(-1).month).toBe('2026-01');
    expect(s.byRegion.map((r: { label: string }) => r.label).sort()).toEqual(['Balochistan', 'Khyber Pakhtunkhwa']);
    expect(Object.keys(s.sources).sort()).toEqual(['c1', 'qta-2026-01-05']);
    expect((await call('ana', 'GET', '/api/incidents/stats?period=2026-13')).statusCode).toBe(400);
    expect((await call('ana', 'GET', '/api/incidents/stats?period=January')).statusCode).toBe(400);
  });

  it('ingests news reports (multipart or JSON) into events, every report in exactly one event', async () => {
    const boundary = '----news';
    const part = (name: string, text: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n`;
    const payload = `${part('r1.txt', R1)}${part('r2.txt', R2)}--${boundary}--\r\n`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/news/ingest',
      headers: { cookie: as.ana as string, ...csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(
      r
        .json()
        .events.flatMap((e: { reports: string[] }) => e.reports)
        .sort(),
    ).toEqual(['r1.txt', 'r2.txt']);
    const withR1 = r.json().events.find((e: { reports: string[] }) => e.reports.includes('r1.txt'));
    expect(withR1.date).toBe('2026-01-12');
    expect(withR1.incidents[0]).toMatchObject({ type: 'ied', place: { district: 'Quetta' }, totals: { killed: { best: 14 } } });
    // The news incident joins the register and links back to its event.
    const fromNews = (await call('ana', 'GET', `/api/incidents/${withR1.incidents[0].id}`)).json();
    expect(fromNews.events).toEqual([{ id: withR1.id, title: withR1.title, date: '2026-01-12' }]);
    expect(fromNews.incident.claims[0]).toMatchObject({ source: 'r1.txt', value: 14, qualifier: 'at-least' });
    const j = await call('ana', 'POST', '/api/news/ingest', { reports: [{ name: 'r3.txt', text: R3 }] });
    expect(j.statusCode, j.body).toBe(201);
    const events = (await call('ana', 'GET', '/api/news/events')).json().events;
    expect(events.flatMap((e: { reports: string[] }) => e.reports).sort()).toEqual(['r1.txt', 'r2.txt', 'r3.txt']);
    const one = (await call('ana', 'GET', `/api/news/events/${events[0].id}`)).json();
    expect(one.event.id).toBe(events[0].id);
    expect(one.reports.length).toBeGreaterThan(0);
    const stats = (await call('ana', 'GET', '/api/news/statistics?period=2026-01')).json().statistics;
    expect(stats.length).toBeGreaterThan(0);
    expect((await call('ana', 'POST', '/api/news/ingest', { reports: [] })).statusCode).toBe(400);
    expect((await call('ana', 'GET', '/api/news/events/nope')).statusCode).toBe(404);
  });

  it("hides one agency's register from another, and lets an auditor read but not write", async () => {
    const g = await call('eve', 'GET', '/api/incidents/qta-2026-01-05');
    expect(g.statusCode).toBe(404);
    expect(g.json().code).toBe('INCIDENT_NOT_FOUND');
    expect((await call('eve', 'GET', '/api/incidents')).json()).toEqual({ items: [], total: 0 });
    expect((await call('eve', 'GET', '/api/news/events')).json()).toEqual({ events: [] });
    expect((await call('eve', 'GET', '/api/incidents/stats?period=2026-01')).json().figures.incidents).toBe(0);
    const w = await call('eve', 'POST', '/api/incidents/qta-2026-01-05/claims', {
      claims: [{ outcome: 'killed', category: 'total', value: 1, outlet: 'x', source: 'x' }],
    });
    expect(w.statusCode).toBe(404);
    const e = await call('eve', 'PUT', '/api/incidents/qta-2026-01-05', bombing);
    expect(e.statusCode).toBe(404);
    expect((await call('ana', 'GET', '/api/incidents/qta-2026-01-05')).json().incident.claims).toHaveLength(3);
    expect((await call('aud', 'GET', '/api/incidents')).statusCode).toBe(200);
    expect((await call('aud', 'POST', '/api/incidents', bombing)).statusCode).toBe(403);
  });
});
