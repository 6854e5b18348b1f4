/** The IncidentRepo contract and the incident use cases on top of it, run against every store adapter. */

import { expect, it } from 'vitest';
import { ArgusError } from '@argus/core';
import { assembleIncident } from '@argus/core/incidents';
import { bytesSource } from '@argus/core/text';
import {
  addClaims,
  getNewsEvent,
  importIncidents,
  incidentStats,
  ingestNews,
  listNewsEvents,
  recordIncident,
  type IncidentsDeps,
} from '@argus/app/incidents';
import { describeEachStore } from './harness.js';

const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

const DRONE = [
  'S#,Date,Time,Location,City,Province,No of Strike,Al-Qaeda,Taliban,Civilians Min,Civilians Max,Foreigners Min,Foreigners Max,Total Died Min,Total Died Mix,Injured Min,Injured Max,Women/Children  ,Special Mention (Site),Comments,References,Longitude,Latitude,Temperature(C),Temperature(F)',
  '1,"Friday, January 09, 2026",,Datta Khel,North Waziristan,FATA,1,,3,0,2,,,3,5,1,2,N,,caf\u00e9,,,,,',
  '2,"Monday, January 12, 2026",,Wana,South waziristan,Fata,1,,2,,,,,2,2,,,N,,,,,,,',
  '3,"Someday",,Wana,South Waziristan,FATA,1,,,,,,,,,,,N,,,,,,,',
  ',,,,,,,0,5,0,2,0,0,5,7,1,2,,,,,,,,',
].join('\r\n');

function cp1252(text: string): Uint8Array {
  // The PBC files are Windows-1252: é is one byte (0xE9).
  return Uint8Array.from([...text].map((ch) => (ch === '\u00e9' ? 0xe9 : ch.charCodeAt(0))));
}

const REPORT_1 = `Wednesday, 14 January 2026
Drone strike kills five in North Waziristan
MIRANSHAH: At least five suspected militants were killed in a drone strike in Datta Khel on Friday, officials said.
Residents said two civilians were among the dead.`;
const REPORT_2 = `Drone strike kills five in North Waziristan
A drone strike in Datta Khel, North Waziristan, killed five suspected militants on Friday, local officials said.
Residents said two civilians were among the dead.`;
const REPORT_3 = `Thursday, 15 January 2026
Traders strike in Karachi over taxes
KARACHI: Traders across Karachi kept their shops shut on Thursday to protest new taxes announced by the federal government.`;

describeEachStore('incidents', (fx) => {
  const deps = (agencyId = 'agency-a'): IncidentsDeps => ({ store: fx.store(), agencyId, clock });

  it('stores, reads and filters incidents, per agency', async () => {
    const repo = fx.store().forAgency('agency-a').incidents;
    const one = assembleIncident(
      {
        id: 'c-1',
        date: { date: '2025-05-02', precision: 'day' },
        place: { country: 'PK', province: 'sindh', district: 'Karachi', precision: 'district' },
        type: 'ied',
        initiator: 'militant',
        sources: [{ ref: 'x', outlet: 'X', kind: 'entry' }],
      },
      [{ id: 'c-1/k', outcome: 'killed', category: 'civilian', value: 3, qualifier: 'exact', outlet: 'X', source: 'x', ownClaim: false }],
    );
    await repo.upsertIncidents([one, { ...one, id: 'c-2', date: { date: '2025-06-01', precision: 'month' }, type: 'kidnapping' }]);
    expect((await repo.getIncident('c-1'))?.casualties.killed.civilian?.best).toBe(3);
    expect((await repo.listIncidents({ from: '2025-06-01', to: '2025-07-01' })).map((i) => i.id)).toEqual(['c-2']);
    expect((await repo.listIncidents({ type: 'ied' })).map((i) => i.id)).toEqual(['c-1']);
    expect((await repo.listIncidents({ province: 'sindh', limit: 1 })).map((i) => i.id)).toEqual(['c-1']);
    expect(await repo.countIncidents()).toBe(2);
    expect(await fx.store().forAgency('agency-b').incidents.getIncident('c-1')).toBeUndefined();
    expect(await fx.store().forAgency('agency-b').incidents.countIncidents()).toBe(0);
  });

  it('imports a PBC drone file: Windows-1252, variants, totals row, bad rows located and counted', async () => {
    const { record } = await importIncidents(deps('agency-c'), { file: bytesSource('drones.csv', cp1252(DRONE)), format: 'pbc-drone' });
    expect(record.encoding).toBe('windows-1252');
    expect(record.counts).toEqual({ rows: 3, imported: 2, skipped: 1, warnings: record.warnings.length });
    expect(record.warnings.some((w) => w.location === 'drones.csv, line 4, field Date' && w.skipped)).toBe(true);
    expect(record.totals).toMatchObject({ line: 5, matches: true });
    const repo = fx.store().forAgency('agency-c').incidents;
    const two = await repo.getIncident('pbc-drone-2');
    expect(two?.place).toMatchObject({ province: 'tribal-districts', district: 'South Waziristan' });
    expect((await repo.getIncident('pbc-drone-1'))?.totals.killed).toMatchObject({ low: 3, high: 5 });
    expect((await repo.listImports()).map((i) => i.id)).toEqual([record.id]);
    // Importing the same file again replaces its incidents.
    await importIncidents(deps('agency-c'), { file: bytesSource('drones.csv', cp1252(DRONE)), format: 'pbc-drone' });
    expect(await repo.countIncidents()).toBe(2);
    await expect(importIncidents(deps('agency-c'), { file: bytesSource('x.csv', 'a'), format: 'nope' })).rejects.toThrow(ArgusError);
  });

  it('ingests news into events, stores them, and merges their incidents with the register', async () => {
    const d = deps('agency-d');
    const files = [bytesSource('r1.txt', REPORT_1), bytesSource('r3.txt', REPORT_3), bytesSource('r2.txt', REPORT_2)];
    const result = await ingestNews(d, { files });
    expect(result.events.flatMap((e) => e.reports).sort()).toEqual(['r1.txt', 'r2.txt', 'r3.txt']);
    const strike = result.events.find((e) => e.reports.includes('r1.txt'));
    expect(strike?.reports).toEqual(['r1.txt', 'r2.txt']);
    expect(strike?.incidents).toHaveLength(1);
    const inc = strike?.incidents[0];
    expect(inc).toMatchObject({
      type: 'drone-strike',
      date: { date: '2026-01-09', precision: 'day' },
      place: { district: 'North Waziristan' },
    });
    expect(inc?.sources.map((s) => s.ref)).toEqual(['r1.txt', 'r2.txt']);
    expect(inc?.casualties.killed.militant).toMatchObject({ low: 5, best: 5 });
    const repo = fx.store().forAgency('agency-d').incidents;
    expect((await repo.listEvents()).map((e) => e.reports.length).sort()).toEqual([1, 2]);
    expect((await repo.getReport('r2.txt'))?.eventId).toBe(strike?.id);
    const view = await getNewsEvent(d, strike?.id as string);
    expect(view.reports.map((r) => r.id)).toEqual(['r1.txt', 'r2.txt']);
    expect(view.incidents.map((i) => i.id)).toEqual([inc?.id]);
    expect((await listNewsEvents(d)).length).toBe(2);
    await expect(getNewsEvent(d, 'evt-none')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Ingesting again changes nothing.
    await ingestNews(d, { files });
    const again = await repo.getIncident(inc?.id as string);
    expect(again?.claims).toHaveLength(inc?.claims.length as number);
    await expect(ingestNews(d, { files: [] })).rejects.toThrow(ArgusError);
  });

  it('records and edits an incident; statistics count it with its sources and reported statistics', async () => {
    const d = deps('agency-e');
    const inc = await recordIncident(d, {
      id: 'e-1',
      date: '2026-01-20',
      province: 'Baluchistan',
      district: 'Quetta',
      type: 'suicide-bombing',
      perpetrator: 'ISKP',
      perpetratorStatus: 'claimed',
      claims: [
        {
          outcome: 'killed',
          category: 'total',
          value: 31,
          qualifier: 'at-least',
          outlet: 'Dawn',
          source: 'https://example.org/1',
          time: '2026-01-20',
        },
      ],
    });
    expect(inc.perpetrator).toEqual({ status: 'claimed', group: 'iskp' });
    const edited = await addClaims(d, 'e-1', [
      { outcome: 'killed', category: 'total', value: 45, outlet: 'Geo', source: 'https://example.org/2', time: '2026-01-22' },
    ]);
    expect(edited.totals.killed).toEqual({ low: 31, best: 45, high: 45 });
    expect(edited.revisions).toHaveLength(2);
    await expect(recordIncident(d, { date: 'soon', type: 'ied' })).rejects.toThrow(/field date/);
    await expect(addClaims(d, 'nope', [])).rejects.toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    await fx
      .store()
      .forAgency('agency-e')
      .incidents.upsertStatistics([
        {
          id: 's-1',
          period: '2026-01',
          measure: 'killed',
          breakdown: {},
          reports: ['r.txt'],
          claims: [],
          quotes: [],
          conflicts: [],
          total: { low: 9, best: 9, high: 9 },
        },
      ]);
    const stats = await incidentStats(d, { period: '2026-01' });
    expect(stats.figures.incidents).toBe(1);
    expect(stats.figures.killed.best).toBe(45);
    expect(stats.figures.suicideAttacks).toBe(1);
    expect(stats.byPerpetrator[0]?.label).toBe('Islamic State Khorasan Province');
    expect(stats.sources['e-1']?.map((s) => s.ref)).toEqual(['https://example.org/1', 'https://example.org/2']);
    expect(stats.reported.map((s) => s.id)).toEqual(['s-1']);
    await expect(incidentStats(d, { period: 'January' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
