/**
 * The CLI contract end to end on both stores: `argus monitor ingest <path> [--format …]` then
 * `argus alerts --json`, and a replay of the same input that adds no transaction and no alert.
 * SQLite runs on a temporary file; PostgreSQL on a temporary database (ARGUS_STORES, as the store contract tests).
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../packages/cli/src/program.js';
import { PG_URL } from '../store/harness.js';

const requested = (process.env.ARGUS_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const pgRequired = process.env.CI === 'true' || process.env.ARGUS_STORES?.includes('postgres') === true;

const dir = mkdtempSync(join(tmpdir(), 'argus-cli-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTRACT_KEYS = ['id', 'type', 'severity', 'score', 'accounts', 'transactions', 'explanation'];

const feed = join(dir, 'feed.csv');
writeFileSync(
  feed,
  [
    'id,timestamp,amount,currency,originator_account,originator_name,originator_country,originator_institution,beneficiary_account,beneficiary_name,beneficiary_country,beneficiary_institution,channel,purpose',
    'D1,2026-02-01T09:00:00Z,9500,USD,CASH-1,,PK,,ACC-S,Shop,PK,,cash,deposit',
    'D2,2026-02-01T15:00:00Z,9700,USD,CASH-2,,PK,,ACC-S,Shop,PK,,cash,deposit',
    'D3,2026-02-02T10:00:00Z,9400,USD,CASH-3,,PK,,ACC-S,Shop,PK,,cash,deposit',
    'C1,2026-02-03T10:00:00Z,50000,USD,ACC-A,,AE,,ACC-B,,AE,,wire,',
    'C2,2026-02-03T14:00:00Z,49900,USD,ACC-B,,AE,,ACC-C,,AE,,wire,',
    'C3,2026-02-03T18:00:00Z,49800,USD,ACC-C,,AE,,ACC-A,,AE,,wire,',
    'X1,2026-02-04T11:00:00Z,12.5.0,USD,ACC-P,,PK,,ACC-Q,,PK,,wire,',
  ].join('\n'),
);

// An AMLSim run: a three-node loop among nodes 10, 11, 12 and one background payment.
const amlsim = join(dir, 'amlsim-loop');
mkdirSync(amlsim);
writeFileSync(join(amlsim, 'nodes.csv'), 'nodeid,isFraud,init_balance,fraudStep\n10,1,100,3\n11,1,100,3\n12,1,100,3\n13,0,100,-1\n');
writeFileSync(
  join(amlsim, 'transactions.csv'),
  'sourceNodeId,targetNodeId,value,time\n13,10,20.5,1\n10,11,500.0,3\n11,12,499.0,3\n12,10,498.0,4\n',
);

function sink() {
  let text = '';
  const stream = {
    write: (s: string) => {
      text += s;
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

afterEach(() => {
  delete process.env.ARGUS_AGENCY;
  process.exitCode = undefined;
});

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

interface Target {
  readonly kind: 'sqlite' | 'postgres';
  /** The --db value; set in beforeAll. */
  db: string;
}

const targets: Target[] = [];
if (requested.includes('sqlite')) targets.push({ kind: 'sqlite', db: '' });
if (requested.includes('postgres')) targets.push({ kind: 'postgres', db: '' });

for (const target of targets) {
  describe(`argus monitor ingest / alerts --json [${target.kind}]`, () => {
    const database = `argus_cli_${randomBytes(5).toString('hex')}`;
    let skip = false;
    beforeAll(async () => {
      if (target.kind === 'sqlite') {
        target.db = join(dir, 'argus.db');
        return;
      }
      if (!(await postgresReachable())) {
        if (pgRequired) throw new Error(`PostgreSQL at ${PG_URL} is not reachable, but CI / ARGUS_STORES requires it`);
        skip = true;
        return;
      }
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = new URL(PG_URL);
      url.pathname = `/${database}`;
      target.db = url.toString();
    });
    afterAll(async () => {
      if (target.kind !== 'postgres' || skip || !target.db) return;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    });

    async function argus(args: string[], agency: string): Promise<{ code: number; out: string; err: string }> {
      process.env.ARGUS_AGENCY = agency;
      const out = sink();
      const err = sink();
      const code = await run(['node', 'argus', '--db', target.db, ...args], { stdout: out.stream, stderr: err.stream });
      return { code, out: out.text().trim(), err: err.text() };
    }
    const alertLines = async (agency: string) => {
      const r = await argus(['alerts', '--json'], agency);
      expect(r.code).toBe(0);
      return r.out === '' ? [] : r.out.split('\n');
    };

    it('ingests an Argus CSV (detected), lists contract alerts, and a replay adds nothing', async (t) => {
      if (skip) t.skip();
      const first = await argus(['monitor', 'ingest', feed, '--json'], 'argus-csv');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.out)).toMatchObject({ format: 'argus', read: 7, new: 6, duplicates: 0, rejected: 1 });
      const lines = await alertLines('argus-csv');
      const alerts = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      for (const a of alerts) expect(Object.keys(a)).toEqual(CONTRACT_KEYS);
      const cycle = alerts.find((a) => a.type === 'cycle');
      expect([...((cycle?.accounts as string[] | undefined) ?? [])].sort()).toEqual(['ACC-A', 'ACC-B', 'ACC-C']);
      expect([...((cycle?.transactions as string[] | undefined) ?? [])].sort()).toEqual(['C1', 'C2', 'C3']);
      expect(alerts.find((a) => a.type === 'structuring')?.transactions).toEqual(expect.arrayContaining(['D1', 'D2', 'D3']));

      const replay = await argus(['monitor', 'ingest', feed, '--format', 'argus', '--json'], 'argus-csv');
      expect(JSON.parse(replay.out)).toMatchObject({ read: 7, new: 0, duplicates: 6, rejected: 1, alertsNew: 0, alertsUpdated: 0 });
      expect(await alertLines('argus-csv')).toEqual(lines);
      const text = await argus(['monitor', 'ingest', feed], 'argus-csv');
      expect(text.out).toMatch(/7 read, 0 new, 6 already stored, 1 rejected/);
      expect(text.out).toMatch(/alerts +0 new, 0 updated/);
    });

    it('ingests an AMLSim folder (detected), alerts naming the node ids, and a replay adds nothing', async (t) => {
      if (skip) t.skip();
      const first = await argus(['monitor', 'ingest', amlsim, '--json'], 'amlsim');
      expect(JSON.parse(first.out)).toMatchObject({ format: 'amlsim', read: 4, new: 4 });
      const lines = await alertLines('amlsim');
      const cycles = lines.map((l) => JSON.parse(l) as { type: string; accounts: string[] }).filter((a) => a.type === 'cycle');
      expect(cycles.map((a) => [...a.accounts].sort())).toEqual([['10', '11', '12']]);

      const replay = await argus(['monitor', 'ingest', amlsim, '--format', 'amlsim', '--json'], 'amlsim');
      expect(JSON.parse(replay.out)).toMatchObject({ new: 0, duplicates: 4, alertsNew: 0, alertsUpdated: 0 });
      expect(await alertLines('amlsim')).toEqual(lines);
    });
  });
}
