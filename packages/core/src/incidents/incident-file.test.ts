import { describe, expect, it } from 'vitest';
import { GroupIndex } from './groups.js';
import { PlaceIndex } from './gazetteer.js';
import { type IncidentFileEvent, parseDatasetDate, parseFigureCell, parseIncidentFile } from './incident-file.js';

async function* one(text: string): AsyncGenerator<string> {
  yield text;
}

async function events(format: Parameters<typeof parseIncidentFile>[0], text: string): Promise<IncidentFileEvent[]> {
  const out: IncidentFileEvent[] = [];
  for await (const e of parseIncidentFile(format, one(text), { file: 'f.csv', places: new PlaceIndex(), groups: new GroupIndex() }))
    out.push(e);
  return out;
}

const SUICIDE_HEADER =
  'S#,Date,Islamic Date,Blast Day Type,Holiday Type,Time,City,Latitude,Longitude,Province,Location,Location Category,Location Sensitivity,Open/Closed Space,Influencing Event/Event,Target Type,Targeted Sect if any,Killed Min,Killed Max,Injured Min,Injured Max,No. of Suicide Blasts,Explosive Weight (max),Hospital Names,Temperature(C),Temperature(F)';

const DRONE_HEADER =
  'S#,Date,Time,Location,City,Province,No of Strike,Al-Qaeda,Taliban,Civilians Min,Civilians Max,Foreigners Min,Foreigners Max,Total Died Min,Total Died Mix,Injured Min,Injured Max,Women/Children  ,Special Mention (Site),Comments,References,Longitude,Latitude,Temperature(C),Temperature(F)';

describe('parseDatasetDate', () => {
  it('reads the PBC date forms', () => {
    expect(parseDatasetDate('Sunday-November 19-1995')).toBe('1995-11-19');
    expect(parseDatasetDate('Thursday-October 05-2017')).toBe('2017-10-05');
    expect(parseDatasetDate('Friday, June 18, 2004')).toBe('2004-06-18');
    expect(parseDatasetDate('2004-06-18')).toBe('2004-06-18');
    expect(parseDatasetDate('Monday-February 30-2009')).toBeUndefined();
    expect(parseDatasetDate('sometime')).toBeUndefined();
  });
});

describe('parseFigureCell', () => {
  it('reads counts, ranges and qualifiers', () => {
    expect(parseFigureCell('31')).toEqual([{ value: 31, qualifier: 'exact' }]);
    expect(parseFigureCell('31-45')).toEqual([
      { value: 31, qualifier: 'at-least' },
      { value: 45, qualifier: 'exact' },
    ]);
    expect(parseFigureCell('at least 12')).toEqual([{ value: 12, qualifier: 'at-least' }]);
    expect(parseFigureCell('lots')).toBeUndefined();
  });
});

describe('pbc-suicide', () => {
  const text = [
    SUICIDE_HEADER,
    '1,Sunday-November 19-1995,,Holiday,Weekend,N/A,Islamabad,33.7,73.0,Capital,Embassy,Foreign,High,Closed,,Foreigner,None,14,15,,60,2,,,15.8,60.5',
    '2,Monday-March 02-2009,,Working Day,,,Quetta ,30.2,67.0,Baluchistan,Bus stop,,Medium,Open,caf\u00e9 \u201cbomb\u201d,Police,None,11,10,20,25,1,,,20,68',
    '3,Not a date,,,,,Lahore,31.5,74.3,Punjab,Market,,,,,Civilian,,5,6,,,1,,,,',
    '4,Friday-May 01-2009,,,,,Totalai,,,Balochistan,Shrine,,,,,Civilian,,x,3,1,1,1,,,,',
  ].join('\r\n');

  it('imports rows with min/max as low/high, variants resolved and bad rows located', async () => {
    const evs = await events('pbc-suicide', text);
    const incidents = evs.flatMap((e) => (e.type === 'incident' ? [e.incident] : []));
    const warnings = evs.flatMap((e) => (e.type === 'warning' ? [e] : []));
    expect(incidents.map((i) => i.id)).toEqual(['pbc-suicide-1', 'pbc-suicide-2', 'pbc-suicide-4']);
    const [first, second, fourth] = incidents;
    expect(first).toMatchObject({
      type: 'suicide-bombing',
      suicide: true,
      date: { date: '1995-11-19', precision: 'day' },
      place: { province: 'islamabad' },
    });
    expect(first?.totals.killed).toEqual({ low: 14, best: 15, high: 15 });
    expect(first?.totals.injured).toEqual({ low: 60, best: 60, high: 60 });
    expect(second?.place).toMatchObject({ province: 'balochistan', district: 'Quetta' });
    // min 11 > max 10: swapped with a warning.
    expect(second?.totals.killed).toEqual({ low: 10, best: 11, high: 11 });
    expect(fourth?.totals.killed).toEqual({ low: 3, best: 3, high: 3 });
    expect(warnings.map((w) => [w.line, w.field, w.skipped])).toEqual([
      [3, 'Killed Min/Killed Max', false],
      [4, 'Date', false],
      [4, 'Date', true],
      [5, 'Killed Min', false],
      [5, 'City', false],
    ]);
  });
});

describe('pbc-drone', () => {
  const text = [
    DRONE_HEADER,
    '1,"Friday, June 18, 2004",22:00,Near Wana,South Waziristan,FATA,1,,1,0,4,,,,5,,,N,site,comment,http://example.org/a,69.9,33.0,28,83',
    '2,"Sunday, May 08, 2005",,Mir Ali,North waziristan,Fata,1,1,2,1,3,0,1,4,8,2,3,N,,,,,,,',
    ',,,,,,,1,3,1,7,0,1,4,13,2,3,,,,,,,,',
  ].join('\n');

  it('maps militants, civilians and totals, and checks the totals row column by column', async () => {
    const evs = await events('pbc-drone', text);
    const incidents = evs.flatMap((e) => (e.type === 'incident' ? [e.incident] : []));
    expect(incidents).toHaveLength(2);
    const [a, b] = incidents;
    expect(a).toMatchObject({
      type: 'drone-strike',
      initiator: 'security-forces',
      place: { province: 'tribal-districts', district: 'South Waziristan' },
    });
    expect(a?.casualties.killed.militant?.best).toBe(1);
    expect(a?.casualties.killed.civilian).toMatchObject({ low: 0, high: 4 });
    expect(a?.totals.killed.high).toBe(5);
    expect(a?.sources.map((s) => s.ref)).toEqual(['f.csv:2', 'http://example.org/a']);
    expect(b?.place.district).toBe('North Waziristan');
    expect(b?.totals.killed).toMatchObject({ low: 4, high: 8 });
    const totals = evs.find((e) => e.type === 'totals');
    expect(totals).toMatchObject({ type: 'totals', line: 4 });
    if (totals?.type !== 'totals') throw new Error('no totals');
    expect(totals.declared['Total Died Mix']).toBe(13);
    expect(totals.summed['Total Died Mix']).toBe(13);
    expect(totals.declared.Taliban).toBe(totals.summed.Taliban);
  });
});

describe('argus formats', () => {
  it('reads the Argus CSV with ranges, groups and warnings', async () => {
    const csv = [
      'id,date,date_precision,province,district,locality,type,initiator,perpetrator,perpetrator_status,suicide,killed_militant,killed_civilian,killed_security,killed_unknown,killed_total,injured_militant,injured_civilian,injured_security,injured_unknown,injured_total,source,outlet,description,linked',
      'x1,2025-03-11,day,Balochistan,Kachhi,Bolan Pass,armed-assault,militant,BLA,claimed,false,33,21-26,4,,,,,,,38,https://example.org/1,Example News,train hijacking,',
      'x2,2025-13-01,day,Punjab,,,ied,,,,,,,,,,,,,,,,,,',
    ].join('\n');
    const evs = await events('argus-csv', csv);
    const inc = evs.find((e) => e.type === 'incident');
    if (inc?.type !== 'incident') throw new Error('no incident');
    expect(inc.incident).toMatchObject({
      id: 'x1',
      perpetrator: { status: 'claimed', group: 'bla' },
      place: { province: 'balochistan', district: 'Kachhi' },
    });
    expect(inc.incident.casualties.killed.civilian).toMatchObject({ low: 21, best: 26, high: 26 });
    expect(inc.incident.totals.injured.best).toBe(38);
    expect(evs.filter((e) => e.type === 'warning').map((e) => (e.type === 'warning' ? [e.line, e.field, e.skipped] : []))).toEqual([
      [3, 'date', false],
      [3, 'Date', true],
    ]);
  });

  it('reads the Argus JSON with explicit claims', async () => {
    const json = JSON.stringify({
      incidents: [
        {
          id: 'j1',
          date: '2025-11',
          province: 'KP',
          type: 'suicide-bombing',
          claims: [
            { outcome: 'killed', category: 'total', value: 12, qualifier: 'at-least', outlet: 'A', source: 'a', time: '2025-11-02' },
            { outcome: 'killed', category: 'total', value: 15, outlet: 'B', source: 'b', time: '2025-11-03' },
            { outcome: 'killed', value: 3 },
          ],
        },
      ],
    });
    const evs = await events('argus-json', json);
    const inc = evs.find((e) => e.type === 'incident');
    if (inc?.type !== 'incident') throw new Error('no incident');
    expect(inc.incident.date).toEqual({ date: '2025-11-01', precision: 'month' });
    expect(inc.incident.totals.killed).toEqual({ low: 12, best: 15, high: 15 });
    expect(evs.some((e) => e.type === 'warning' && e.field === 'incidents[0].claims')).toBe(true);
  });
});
