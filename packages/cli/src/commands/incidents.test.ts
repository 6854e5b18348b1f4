import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../program.js';

let dir = '';
let db = '';

function sink(onData: (s: string) => void): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      onData(String(chunk));
      done();
    },
  });
}

async function argus(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['node', 'argus', '--db', db, ...args], { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}

const SUICIDE = [
  'S#,Date,Islamic Date,Blast Day Type,Holiday Type,Time,City,Latitude,Longitude,Province,Location,Location Category,Location Sensitivity,Open/Closed Space,Influencing Event/Event,Target Type,Targeted Sect if any,Killed Min,Killed Max,Injured Min,Injured Max,No. of Suicide Blasts,Explosive Weight (max),Hospital Names,Temperature(C),Temperature(F)',
  '1,Friday-January 09-2026,,,,,Peshawar,,,KPK,Market,,,,,Civilian,,10,12,20,25,1,,,,',
  '2,Friday-December 12-2025,,,,,Quetta,,,Baluchistan,Checkpost,,,,,Police,,3,3,,4,1,,,,',
  '3,no date,,,,,Lahore,,,Punjab,Park,,,,,Civilian,,1,1,,,1,,,,',
].join('\n');

const ARTICLE_A = `Monday, 12 January 2026
Ministers meet on border security
ISLAMABAD: Interior Minister Asif Kamal met Afghan envoy Rahim Zadran on Monday to discuss border security, the Interior Ministry said.
Kamal said cooperation was essential. Zadran said Kabul shared the concern.`;
const ARTICLE_B = `Interior Minister Asif Kamal and Afghan envoy Rahim Zadran met in Islamabad on Monday to discuss border security, the Interior Ministry said.
Kamal said cooperation was essential, while Zadran said Kabul shared the concern.
A suicide bombing at a market in Peshawar on Friday killed at least 10 people.`;
const ARTICLE_C = `Saturday, 17 January 2026
Floods hit Sindh
KARACHI: Heavy rain flooded low-lying areas of Karachi on Saturday, the Met Office said.`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'argus-incidents-cli-'));
  db = join(dir, 'argus.db');
  writeFileSync(join(dir, 'suicide.csv'), SUICIDE);
  writeFileSync(join(dir, 'a.txt'), ARTICLE_A);
  writeFileSync(join(dir, 'b.txt'), ARTICLE_B);
  writeFileSync(join(dir, 'c.txt'), ARTICLE_C);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('argus incidents and news', () => {
  it('imports a PBC file and reports rows, warnings and skipped rows', async () => {
    const r = await argus('incidents', 'import', join(dir, 'suicide.csv'), '--format', 'pbc-suicide');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported 2 incidents');
    expect(r.out).toMatch(/skipped\s+1/);
    expect(r.out).toContain('suicide.csv, line 4, field Date');
    const bad = await argus('incidents', 'import', join(dir, 'suicide.csv'), '--format', 'nope');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('INPUT_INVALID');
  });

  it('prints the news ingest contract: one JSON object, every path in exactly one event', async () => {
    const paths = [join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt')];
    const r = await argus('news', 'ingest', ...paths, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      events: { id: string; title: string; date: string | null; reports: string[]; incidents: unknown[]; statistics: unknown[] }[];
    };
    expect(Object.keys(doc)).toEqual(['events']);
    expect(doc.events.flatMap((e) => e.reports).sort()).toEqual([...paths].sort());
    const meeting = doc.events.find((e) => e.reports.includes(paths[0] as string));
    expect(meeting?.reports).toEqual([paths[0], paths[1]]);
    expect(meeting?.date).toBe('2026-01-12');
    expect(meeting?.title).toBe('Ministers meet on border security');
    expect(meeting?.incidents).toHaveLength(1);
    for (const e of doc.events) {
      expect(typeof e.id).toBe('string');
      expect(Array.isArray(e.incidents) && Array.isArray(e.statistics)).toBe(true);
    }
  });

  it('prints monthly statistics as text and JSON, and refuses a bad period', async () => {
    const text = await argus('incidents', 'stats', '--month', '2026-01');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Incidents in 2026-01');
    expect(text.out).toContain('Khyber Pakhtunkhwa');
    const json = await argus('incidents', 'stats', '--month', '2026-01', '--json');
    const s = JSON.parse(json.out) as {
      figures: { incidents: number; killed: { best: number } };
      previous: { figures: { incidents: number } };
      sources: Record<string, { ref: string }[]>;
    };
    // The imported Peshawar bombing and the one the news mentions are one incident with both sources.
    expect(s.figures.incidents).toBe(1);
    expect(s.figures.killed.best).toBe(12);
    expect(s.sources['pbc-suicide-1']?.map((x) => x.ref)).toEqual([`${join(dir, 'suicide.csv')}:2`, join(dir, 'b.txt')]);
    expect(s.previous.figures.incidents).toBe(1);
    const bad = await argus('incidents', 'stats', '--month', 'Jan');
    expect(bad.code).toBe(1);
    const year = await argus('incidents', 'stats', '--year', '2025');
    expect(year.out).toContain('Incidents of 2025');
  });

  it('shows an incident with its claims', async () => {
    const r = await argus('incidents', 'show', 'pbc-suicide-1');
    expect(r.out).toContain('killed       12 (10–12)');
    expect(r.out).toContain('claims');
    const missing = await argus('incidents', 'show', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('INCIDENT_NOT_FOUND');
  });
});
