import { describe, expect, it } from 'vitest';
import { GroupIndex } from '../incidents/groups.js';
import { PlaceIndex } from '../incidents/gazetteer.js';
import { clusterReports } from './cluster-reports.js';

const options = { places: new PlaceIndex(), groups: new GroupIndex() };

// Articles written for these tests: three outlets on one attack, another attack in the same town two days later,
// and a monthly round-up. None of them is keyed to the seed reports.
const A1 = `Tuesday, 14 October 2025
Advertisement
Six soldiers martyred as militants storm FC camp in Zhob
By The Quetta Observer
ZHOB: Heavily armed militants stormed a Frontier Corps camp in Zhob on Tuesday, martyring six soldiers, the military's media wing said.
Security officials said eight attackers were killed in the exchange of fire that lasted several hours.
The attack was claimed by the Tehreek-e-Taliban Pakistan.
Provincial Home Minister Ziaullah Langove condemned the attack and said the terrorists would be hunted down.
At least 10 people were killed and 25 wounded in a suicide bombing at a vegetable market in Peshawar on Sunday.
Share This`;

const A2 = `Militants attacked a Frontier Corps camp in Zhob district of Balochistan on Tuesday, killing six FC personnel, officials said.
Eight attackers were also killed when troops returned fire, according to the ISPR.
The banned Tehreek-e-Taliban Pakistan claimed responsibility for the assault on the camp.
Home Minister Ziaullah Langove said the terrorists would be hunted down.
Sunday's suicide bombing in Peshawar killed 12 people and injured 30 at a vegetable market.`;

const A3 = `<html><head><meta property="og:site_name" content="Frontier Wire"><meta property="article:published_time" content="2025-10-15T06:00:00Z"></head>
<body><nav>Home | Pakistan | World</nav><h1>FC camp attack in Zhob leaves six soldiers dead</h1>
<div class="social-share">Share on WhatsApp</div>
<p>QUETTA: Six soldiers of the Frontier Corps were martyred late on Tuesday when militants stormed their camp in Zhob, officials said.</p>
<p>Eight militants were killed in the gunfight. Balochistan Home Minister Ziaullah Langove vowed that the terrorists would be hunted down.</p>
<footer>© Frontier Wire</footer></body></html>`;

const B1 = `Friday, 17 October 2025
Police station attacked in Zhob, two constables martyred
ZHOB: Gunmen attacked a police station on the outskirts of Zhob on Thursday night, martyring two constables and injuring three others, police said.
District police officer Sohail Khalid said the attackers fled under cover of darkness.
The attack came two days after militants stormed a Frontier Corps camp in the district.`;

const C1 = `Saturday, 1 November 2025
Militant violence claimed 95 lives in October: think tank
ISLAMABAD: Militant violence in Pakistan claimed 95 lives in October, including 40 militants, 33 civilians and 22 security personnel, according to data released by the Pakistan Institute for Peace Studies (PIPS).
Fatalities rose 18 percent compared to the previous month, the institute said.`;

const inputs = [
  { ref: 'a1.txt', text: A1 },
  { ref: 'b1.txt', text: B1 },
  { ref: 'a2.txt', text: A2 },
  { ref: 'c1.txt', text: C1 },
  { ref: 'a3.html', text: A3 },
];

describe('clusterReports', () => {
  const r = clusterReports(inputs, options);

  it('puts every report in exactly one event and keeps different events apart', () => {
    const all = r.events.flatMap((e) => e.reports);
    expect([...all].sort()).toEqual(inputs.map((i) => i.ref).sort());
    const eventOf = (ref: string) => r.events.find((e) => e.reports.includes(ref))?.id;
    expect(eventOf('a1.txt')).toBe(eventOf('a2.txt'));
    expect(eventOf('a1.txt')).toBe(eventOf('a3.html'));
    expect(eventOf('b1.txt')).not.toBe(eventOf('a1.txt'));
    expect(eventOf('c1.txt')).not.toBe(eventOf('a1.txt'));
    expect(r.events).toHaveLength(3);
  });

  it('dates the event from its reports and dates an undated report from its event', () => {
    const a = r.events.find((e) => e.reports.includes('a1.txt'));
    expect(a?.date).toBe('2025-10-14');
    expect(a?.title).toBe('Six soldiers martyred as militants storm FC camp in Zhob');
    expect(r.reports.find((x) => x.ref === 'a2.txt')).toMatchObject({ dateSource: 'event' });
    expect(r.events.find((e) => e.reports.includes('b1.txt'))?.date).toBe('2025-10-16');
  });

  it('makes the attack one incident with every source, its figures reconciled and the own claim marked', () => {
    const camp = r.incidents.find((i) => i.place.district === 'Zhob' && i.date.date === '2025-10-14');
    expect(camp).toBeDefined();
    expect(camp?.sources.map((s) => s.ref).sort()).toEqual(['a1.txt', 'a2.txt', 'a3.html']);
    expect(camp?.casualties.killed.security).toMatchObject({ low: 6, best: 6, high: 6 });
    expect(camp?.casualties.killed.militant?.best).toBe(8);
    expect(camp?.perpetrator).toEqual({ status: 'claimed', group: 'ttp' });
    // "the military's media wing said" (a1) and "according to the ISPR" (a2) mark those figures as a party's own claims.
    expect(camp?.claims.filter((c) => c.ownClaim).map((c) => `${c.source}:${c.category}`)).toEqual(['a1.txt:security', 'a2.txt:militant']);
  });

  it('merges a mentioned incident across reports, with reconciled figures and flagged conflicts', () => {
    const market = r.incidents.filter((i) => i.place.district === 'Peshawar');
    expect(market).toHaveLength(1);
    const m = market[0];
    expect(m?.type).toBe('suicide-bombing');
    expect(m?.date).toEqual({ date: '2025-10-12', precision: 'day' });
    expect(m?.sources.map((s) => s.ref).sort()).toEqual(['a1.txt', 'a2.txt']);
    expect(m?.totals.killed).toEqual({ low: 10, best: 12, high: 12 });
    expect(m?.conflicts.map((c) => c.outcome)).toEqual(['injured']);
  });

  it('keeps the later attack a separate incident', () => {
    const station = r.incidents.find((i) => i.date.date === '2025-10-16');
    expect(station?.casualties.killed.security?.best).toBe(2);
    expect(station?.totals.injured.best).toBe(3);
  });

  it('turns a round-up into one reported statistic with its period and provenance', () => {
    const stat = r.statistics.find((s) => s.period === '2025-10');
    expect(stat).toMatchObject({
      measure: 'killed',
      source: 'Pakistan Institute for Peace Studies',
      total: { best: 95 },
      reports: ['c1.txt'],
    });
    expect(stat?.breakdown).toMatchObject({ militant: { best: 40 }, civilian: { best: 33 }, security: { best: 22 } });
    expect(stat?.change).toEqual({ percent: 18, direction: 'up', comparedTo: '2025-09' });
  });

  it('extracts people and places', () => {
    const a = r.events.find((e) => e.reports.includes('a1.txt'));
    expect(a?.people).toContain('Ziaullah Langove');
    expect(a?.places).toContain('Zhob');
  });

  it('is deterministic', () => {
    const again = clusterReports(inputs, options);
    expect(again.events.map((e) => e.id)).toEqual(r.events.map((e) => e.id));
  });
});

describe('reports from other places and phrasings', () => {
  // Written for this test: a toll that rises between two outlets, a dateline as the only place, a statistic whose
  // period and compiler are in the sentence before its figures, a denied claim.
  const D1 = `Monday, 6 April 2026
Share this article
Bomb blast at Mardan bus stand kills 11
MARDAN: At least 11 people were killed and more than 30 wounded when a bomb hidden in a parked rickshaw went off at the bus stand on Sunday evening, police said.
No group immediately claimed responsibility, but officials suspected the Tehreek-e-Taliban Pakistan.`;
  const D2 = `Wednesday, 8 April 2026
Mardan bus stand blast toll rises to 14
MARDAN: The death toll from Sunday's bomb blast at the Mardan bus stand rose to 14 on Wednesday after three of the injured died at the district hospital, officials said.
The explosion also wounded 35 people.`;
  const E1 = `Thursday, 9 April 2026
SUKKUR: Unidentified gunmen shot dead three policemen guarding a bank on Thursday morning, officials said.`;
  const S1 = `Monday, 6 April 2026
Violence in Sindh rose sharply in March, according to a report released by the Centre for Research and Security Studies (CRSS).
The think tank said 57 people lost their lives in the province, among them 21 security personnel and 30 civilians, a 12 percent increase over February.`;

  const r = clusterReports(
    [
      { ref: 'd1.txt', text: D1 },
      { ref: 'd2.txt', text: D2 },
      { ref: 'e1.txt', text: E1 },
      { ref: 's1.txt', text: S1 },
    ],
    options,
  );
  const eventOf = (ref: string) => r.events.find((e) => e.reports.includes(ref));

  it('joins the revised toll to the first report, reconciling low, best and high', () => {
    expect(eventOf('d1.txt')?.reports).toEqual(['d1.txt', 'd2.txt']);
    const bombing = r.incidents.filter((i) => i.place.district === 'Mardan');
    expect(bombing).toHaveLength(1);
    const b = bombing[0];
    expect(b?.sources.map((s) => s.ref)).toEqual(['d1.txt', 'd2.txt']);
    expect(b?.date).toEqual({ date: '2026-04-05', precision: 'day' });
    expect(b?.totals.killed).toEqual({ low: 11, best: 14, high: 14 });
    expect(b?.totals.injured.best).toBe(35);
    // "No group claimed …, but officials suspected" is an attribution, not a claim.
    expect(b?.perpetrator).toEqual({ status: 'attributed', group: 'ttp' });
  });

  it('places an incident by its dateline when the sentence names no place', () => {
    const shooting = eventOf('e1.txt')?.incidents[0];
    expect(shooting?.place.district).toBe('Sukkur');
    expect(shooting?.casualties.killed.security?.best).toBe(3);
  });

  it('takes a statistic’s period and compiler from the sentence before its figures, and the month compared with', () => {
    const stat = r.statistics.find((s) => s.reports.includes('s1.txt'));
    expect(stat).toMatchObject({ period: '2026-03', measure: 'killed', source: 'Centre for Research and Security Studies' });
    expect(stat?.total?.best).toBe(57);
    expect(stat?.breakdown.security?.best).toBe(21);
    expect(stat?.change).toEqual({ percent: 12, direction: 'up', comparedTo: '2026-02' });
  });

  it('joins a drone strike reported as an "unmanned aircraft" by another outlet', () => {
    const F1 = `Friday, 10 April 2026
DATTA KHEL: A drone fired missiles at a vehicle near Datta Khel in North Waziristan on Thursday night, killing three suspected militants, officials said.`;
    const F2 = `Saturday, 11 April 2026
An unmanned aircraft struck a pick-up truck in the Datta Khel area of North Waziristan late on Thursday, killing five people, including two civilians, local officials said.`;
    const f = clusterReports(
      [
        { ref: 'f1.txt', text: F1 },
        { ref: 'f2.txt', text: F2 },
      ],
      options,
    );
    expect(f.events).toHaveLength(1);
    expect(f.incidents).toHaveLength(1);
    expect(f.incidents[0]).toMatchObject({ type: 'drone-strike', initiator: 'security-forces', date: { date: '2026-04-09' } });
    expect(f.incidents[0]?.totals.killed.best).toBe(5);
  });

  it('dates a yearly statistic by the year before its comparison', () => {
    const Y = `Friday, 9 January 2026
Fatalities from militant attacks fell 18 percent in 2025 compared with the previous year, according to data compiled by the Centre for Research and Security Studies.
A total of 980 people were killed during the year, including 400 security personnel.`;
    const y = clusterReports([{ ref: 'y.txt', text: Y }], options);
    expect(y.statistics[0]).toMatchObject({
      period: '2025',
      measure: 'killed',
      change: { percent: 18, direction: 'down', comparedTo: '2024' },
    });
    expect(y.statistics[0]?.total?.best).toBe(980);
  });
});
