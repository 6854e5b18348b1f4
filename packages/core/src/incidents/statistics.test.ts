import { describe, expect, it } from 'vitest';
import { assembleIncident } from './assemble-incident.js';
import type { Claim, Incident, IncidentType } from './incident.js';
import { incidentStatistics, parsePeriod, shiftPeriod } from './statistics.js';

let seq = 0;
function incident(
  date: string,
  type: IncidentType,
  killed: Partial<Record<Claim['category'], number>>,
  more: Partial<Incident> = {},
): Incident {
  const id = `i${++seq}`;
  const claims: Claim[] = Object.entries(killed).map(([category, value]) => ({
    id: `${id}/${category}`,
    outcome: 'killed',
    category: category as Claim['category'],
    value: value as number,
    qualifier: 'exact',
    outlet: 'x',
    source: `src-${id}`,
    ownClaim: false,
  }));
  return {
    ...assembleIncident(
      {
        id,
        date: { date, precision: 'day' },
        place: { country: 'PK', province: more.place?.province ?? 'balochistan', precision: 'province' },
        type,
        initiator: type === 'security-operation' ? 'security-forces' : 'militant',
        ...(more.perpetrator ? { perpetrator: more.perpetrator } : {}),
        sources: [{ ref: `src-${id}`, outlet: 'x', kind: 'entry' }],
      },
      claims,
    ),
  };
}

describe('periods', () => {
  it('parses months and years and shifts them', () => {
    const jan = parsePeriod('2026-01');
    expect(jan).toEqual({ kind: 'month', key: '2026-01', start: '2026-01-01', end: '2026-02-01' });
    expect(shiftPeriod(jan as never, 'previous').key).toBe('2025-12');
    expect(shiftPeriod(jan as never, 'year-before').key).toBe('2025-01');
    expect(parsePeriod('2026')?.end).toBe('2027-01-01');
    expect(parsePeriod('2026-13')).toBeUndefined();
  });
});

describe('incidentStatistics', () => {
  const data = [
    incident('2025-01-10', 'ied', { civilian: 4 }),
    incident('2025-12-05', 'armed-assault', { security: 10 }, { perpetrator: { status: 'claimed', group: 'ttp' } }),
    incident(
      '2026-01-03',
      'suicide-bombing',
      { total: 30, civilian: 20 },
      { place: { country: 'PK', province: 'islamabad', precision: 'province' } },
    ),
    incident('2026-01-20', 'security-operation', { militant: 40 }),
    incident('2026-02-02', 'ied', { civilian: 1 }),
  ];

  it('tables a month by category, region, type, perpetrator and initiator', () => {
    const s = incidentStatistics(data, parsePeriod('2026-01') as never, {
      regionName: (id) => (id === 'islamabad' ? 'Islamabad Capital Territory' : (id ?? '')),
    });
    expect(s.figures.incidents).toBe(2);
    expect(s.figures.killed.best).toBe(70);
    expect(s.figures.killedBy).toMatchObject({ militant: { best: 40 }, civilian: { best: 20 }, unknown: { best: 10 } });
    expect(s.figures.suicideAttacks).toBe(1);
    expect(s.byRegion.map((r) => [r.label, r.killed.best])).toEqual([
      ['balochistan', 40],
      ['Islamabad Capital Territory', 30],
    ]);
    expect(s.byType.map((r) => r.key)).toEqual(['security-operation', 'suicide-bombing']);
    expect(s.byInitiator.map((r) => r.key)).toEqual(['security-forces', 'militant']);
    expect(s.byPerpetrator.map((r) => r.key)).toEqual(['unknown']);
    expect(s.figures.incidentIds).toHaveLength(2);
  });

  it('computes month-on-month and year-on-year change', () => {
    const s = incidentStatistics(data, parsePeriod('2026-01') as never);
    expect(s.previous.change.killedBest).toEqual({ from: 10, to: 70, percent: 600 });
    expect(s.yearBefore.change.killedBest).toEqual({ from: 4, to: 70, percent: 1650 });
    expect(s.monthly).toHaveLength(12);
    expect(s.monthly[11]?.month).toBe('2026-01');
    expect(s.monthly[10]?.figures.killed.best).toBe(10);
  });

  it('alerts when 30-day fatalities reach a 12-month high, and not when they do not', () => {
    const jan = incidentStatistics(data, parsePeriod('2026-01') as never);
    expect(jan.alerts.map((a) => a.kind)).toContain('fatalities-30d-12-month-high');
    const feb = incidentStatistics(data, parsePeriod('2026-02') as never);
    expect(feb.alerts.map((a) => a.kind)).not.toContain('fatalities-30d-12-month-high');
  });

  it('gives a conservative view through the low estimates', () => {
    const low = incident('2026-03-01', 'ied', {});
    const withRange = {
      ...low,
      totals: { killed: { low: 5, best: 8, high: 9 }, injured: { low: 0, best: 0, high: 0 } },
    };
    const s = incidentStatistics([withRange], parsePeriod('2026-03') as never);
    expect(s.figures.killed).toEqual({ low: 5, best: 8, high: 9 });
  });
});
