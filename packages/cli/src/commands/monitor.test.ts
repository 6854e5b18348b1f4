import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../program.js';

const dir = mkdtempSync(join(tmpdir(), 'argus-cli-monitor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'argus.db');
const fixtures = join(import.meta.dirname, '..', '..', '..', 'core', 'src', 'transactions', 'fixtures');

function sink() {
  let text = '';
  return {
    stream: {
      write: (s: string) => {
        text += s;
        return true;
      },
    } as unknown as NodeJS.WritableStream,
    text: () => text,
  };
}

async function argus(args: string[], agency = 'cli-monitor'): Promise<{ code: number; out: string; err: string }> {
  process.env.ARGUS_AGENCY = agency;
  const out = sink();
  const err = sink();
  const code = await run(['node', 'argus', '--db', db, ...args], { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text().trim(), err: err.text() };
}

afterEach(() => {
  delete process.env.ARGUS_AGENCY;
  process.exitCode = undefined;
});

const HEADER =
  'id,timestamp,amount,currency,originator_account,originator_name,originator_country,originator_institution,beneficiary_account,beneficiary_name,beneficiary_country,beneficiary_institution,channel,purpose';
const feed = [
  HEADER,
  'D1,2026-02-01T09:00:00Z,9500,USD,CASH-1,,PK,,ACC-S,Shop,PK,,cash,deposit',
  'D2,2026-02-01T15:00:00Z,9700,USD,CASH-2,,PK,,ACC-S,Shop,PK,,cash,deposit',
  'D3,2026-02-02T10:00:00Z,9400,USD,CASH-3,,PK,,ACC-S,Shop,PK,,cash,deposit',
  'C1,2026-02-03T10:00:00Z,50000,USD,ACC-A,,AE,,ACC-B,,AE,,wire,',
  'C2,2026-02-03T14:00:00Z,49900,USD,ACC-B,,AE,,ACC-C,,AE,,wire,',
  'C3,2026-02-03T18:00:00Z,49800,USD,ACC-C,,AE,,ACC-A,,AE,,wire,',
  'X1,2026-02-04T11:00:00Z,12.5.0,USD,ACC-P,,PK,,ACC-Q,,PK,,wire,',
].join('\n');

describe('argus monitor / alerts', () => {
  it('ingests an Argus CSV, prints a summary, and lists alerts as contract JSON lines', async () => {
    const file = join(dir, 'feed.csv');
    writeFileSync(file, `${feed}\n`);
    const r = await argus(['monitor', 'ingest', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ingested .*feed\.csv \(argus\)/);
    expect(r.out).toMatch(/7 read, 6 new, 0 already stored, 1 rejected/);
    expect(r.out).toMatch(/structuring 1/);

    const alerts = await argus(['alerts', '--json']);
    expect(alerts.code).toBe(0);
    const lines = alerts.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['id', 'type', 'severity', 'score', 'accounts', 'transactions', 'explanation']);
      expect(typeof l.score).toBe('number');
      expect(String(l.explanation).length).toBeGreaterThan(10);
    }
    const cycle = lines.find((l) => l.type === 'cycle');
    expect([...((cycle?.accounts ?? []) as string[])].sort()).toEqual(['ACC-A', 'ACC-B', 'ACC-C']);
    expect([...((cycle?.transactions ?? []) as string[])].sort()).toEqual(['C1', 'C2', 'C3']);

    const only = await argus(['alerts', '--json', '--type', 'structuring']);
    expect(only.out.split('\n').map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['structuring']);
    expect((await argus(['alerts', '--json', '--limit', '1'])).out.split('\n')).toHaveLength(1);
    const text = await argus(['alerts']);
    expect(text.out).toMatch(/structuring/);
    expect(text.out).toMatch(/ACC-S/);
    expect((await argus(['alerts', '--severity', 'extreme'])).code).not.toBe(0);
  });

  it('replays a file into no new transactions and no new alerts', async () => {
    const before = (await argus(['alerts', '--json'])).out;
    const r = await argus(['monitor', 'ingest', join(dir, 'feed.csv'), '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ read: 7, new: 0, duplicates: 6, alertsNew: 0, alertsUpdated: 0 });
    expect((await argus(['alerts', '--json'])).out).toBe(before);
  });

  it('records each ingest, replays included, in the agency audit log under the acting user', async () => {
    const agency = 'cli-monitor-audit';
    const file = join(dir, 'feed.csv');
    process.env.ARGUS_USER = 'ana';
    try {
      expect((await argus(['monitor', 'ingest', file], agency)).code).toBe(0);
      expect((await argus(['monitor', 'ingest', file, '--json'], agency)).code).toBe(0);
    } finally {
      delete process.env.ARGUS_USER;
    }
    const exported = await argus(['audit', 'export', '--action', 'transactions.ingest'], agency);
    const entries = exported.out
      .split('\n')
      .map((l) => JSON.parse(l) as { actor: string; subject: string; after: Record<string, unknown> });
    expect(entries.map((e) => [e.actor, e.subject])).toEqual([
      ['ana', `transactions:${file}`],
      ['ana', `transactions:${file}`],
    ]);
    expect(entries[0]?.after).toMatchObject({ format: 'argus', read: 7, new: 6, duplicates: 0, rejected: 1, alertsUpdated: 0 });
    expect(entries[0]?.after.alertsNew).toBeGreaterThanOrEqual(2);
    expect(entries[1]?.after).toMatchObject({ read: 7, new: 0, duplicates: 6, rejected: 1, alertsNew: 0, alertsUpdated: 0 });
    // Two ingests and the export itself, chained.
    expect((await argus(['audit', 'verify'], agency)).out).toMatch(/^audit chain intact: 3 entries/);
    expect((await argus(['audit', 'export', '--action', 'transactions.ingest'])).out).toMatch(/transactions:/);
  });

  it('lists rejected records with file, line and field', async () => {
    const r = await argus(['monitor', 'rejected']);
    expect(r.out).toMatch(/feed\.csv:8 \[amount\] .*decimal amount.*\(record X1\)/);
    const json = await argus(['monitor', 'rejected', '--json']);
    expect(JSON.parse(json.out.split('\n')[0] ?? '{}')).toMatchObject({ file: 'feed.csv', line: 8, field: 'amount', record: 'X1' });
  });

  it('reads every other format, AMLSim accounts being the node ids', async () => {
    const amlsim = await argus(['monitor', 'ingest', join(fixtures, 'amlsim'), '--format', 'amlsim', '--json'], 'cli-formats');
    expect(amlsim.code).toBe(0);
    expect(JSON.parse(amlsim.out)).toMatchObject({ format: 'amlsim', new: 3, rejected: 2 });
    // A three-node loop in an AMLSim run: alert accounts are the node ids as written.
    const run7 = join(dir, 'amlsim-run7');
    mkdirSync(run7);
    writeFileSync(join(run7, 'nodes.csv'), 'nodeid,isFraud,init_balance,fraudStep\n10,1,100,3\n11,1,100,3\n12,1,100,3\n13,0,100,-1\n');
    writeFileSync(
      join(run7, 'transactions.csv'),
      'sourceNodeId,targetNodeId,value,time\n13,10,20.5,1\n10,11,500.0,3\n11,12,499.0,3\n12,10,498.0,4\n',
    );
    const loop = await argus(['monitor', 'ingest', run7, '--json'], 'cli-amlsim');
    expect(JSON.parse(loop.out)).toMatchObject({ format: 'amlsim', new: 4 });
    const cycles = (await argus(['alerts', '--json', '--type', 'cycle'], 'cli-amlsim')).out
      .split('\n')
      .map((l) => JSON.parse(l) as { accounts: string[]; transactions: string[] });
    expect(cycles.map((a) => [...a.accounts].sort())).toEqual([['10', '11', '12']]);
    expect([...(cycles[0]?.transactions ?? [])].sort()).toEqual(['amlsim-run7-2', 'amlsim-run7-3', 'amlsim-run7-4']);
    const pacs = await argus(['monitor', 'ingest', join(fixtures, 'pacs008.xml'), '--format', 'pacs008', '--json'], 'cli-formats');
    expect(JSON.parse(pacs.out)).toMatchObject({ format: 'pacs008', new: 2, rejected: 2 });
    const paysim = await argus(['monitor', 'ingest', join(fixtures, 'paysim.csv'), '--json'], 'cli-formats');
    expect(JSON.parse(paysim.out)).toMatchObject({ format: 'paysim', new: 3, rejected: 3 });
    const amlworld = await argus(['monitor', 'ingest', join(fixtures, 'amlworld.csv'), '--format', 'amlworld', '--json'], 'cli-formats');
    expect(JSON.parse(amlworld.out)).toMatchObject({ format: 'amlworld', new: 5, rejected: 2 });
    const json = await argus(['monitor', 'ingest', join(fixtures, 'batch.jsonl'), '--format', 'json', '--json'], 'cli-formats');
    expect(JSON.parse(json.out)).toMatchObject({ format: 'json', new: 2, rejected: 1 });
    const bad = await argus(['monitor', 'ingest', join(fixtures, 'paysim.csv'), '--format', 'swift'], 'cli-formats');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/INPUT_INVALID: unknown format "swift"/);
    const wrong = await argus(['monitor', 'ingest', join(fixtures, 'paysim.csv'), '--format', 'argus'], 'cli-formats');
    expect(wrong.err).toMatch(/TRANSACTION_PARSE_FAILED: .*paysim\.csv.*line 1.*id/);
  });

  it('shows, validates and sets the configuration', async () => {
    const show = await argus(['monitor', 'config', 'show']);
    expect(show.err).toMatch(/defaults/);
    const defaults = JSON.parse(show.out) as { version: number; baseCurrency: string; rates: Record<string, number> };
    expect(defaults).toMatchObject({ version: 1, baseCurrency: 'USD' });
    expect(defaults.rates.PKR).toBeGreaterThan(0);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, rules: { structuring: { margin: 2 } } }));
    const refused = await argus(['monitor', 'config', 'set', bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/MONITOR_CONFIG_INVALID: .*bad\.json: rules\.structuring\.margin/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "version": 1,\n  "rules": {\n}}}');
    expect((await argus(['monitor', 'config', 'set', broken])).err).toMatch(/broken\.json: line 4: not valid JSON/);

    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({ version: 1, baseCurrency: 'PKR', rates: { USD: 280 }, rules: { cash: { threshold: 2_000_000 } } }),
    );
    const set = await argus(['monitor', 'config', 'set', good]);
    expect(set.code).toBe(0);
    expect(set.out).toBe('saved monitoring configuration v1');
    const again = await argus(['monitor', 'config', 'show']);
    expect(again.err).toMatch(/v1, saved .* by /);
    expect(JSON.parse(again.out)).toMatchObject({ baseCurrency: 'PKR', rates: { USD: 280 } });
  });
});
