import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../program.js';

const dir = mkdtempSync(join(tmpdir(), 'argus-cli-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'argus.db');

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

async function argus(args: string[], user = 'alice', agency = 'cli-test'): Promise<{ code: number; out: string; err: string }> {
  process.env.ARGUS_USER = user;
  process.env.ARGUS_AGENCY = agency;
  const out = sink();
  const err = sink();
  const code = await run(['node', 'argus', '--db', db, ...args], { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text().trim(), err: err.text() };
}

afterEach(() => {
  delete process.env.ARGUS_USER;
  delete process.env.ARGUS_AGENCY;
  process.exitCode = undefined;
});

describe('argus case / audit', () => {
  it('takes a case through four eyes and verifies the audit chain', async () => {
    const opened = await argus(['case', 'open', '--title', 'hand-made case', '--json']);
    expect(opened.code).toBe(0);
    const id = (JSON.parse(opened.out) as { id: string }).id;
    expect(id).toMatch(/^case_/);

    const bad = await argus(['case', 'transition', id, 'escalated']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('CASE_TRANSITION_INVALID');

    expect((await argus(['case', 'transition', id, 'in_review'])).code).toBe(0);
    expect((await argus(['case', 'transition', id, 'escalated'])).code).toBe(0);
    const file = join(dir, 'statement.pdf');
    writeFileSync(file, '%PDF-1.4 bank statement');
    const att = await argus(['case', 'attach', id, file]);
    expect(att.out).toContain('application/pdf');
    expect((await argus(['case', 'note', id, 'split deposits'])).code).toBe(0);
    expect((await argus(['case', 'request-report', id, '--reason', 'structuring'])).code).toBe(0);

    const self = await argus(['case', 'approve', id]);
    expect(self.code).not.toBe(0);
    expect(self.err).toContain('four eyes');
    const ok = await argus(['case', 'approve', id], 'bob');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('approved by bob');

    const show = await argus(['case', 'show', id, '--json']);
    expect(JSON.parse(show.out)).toMatchObject({ status: 'reported', report: { requestedBy: 'alice', approvedBy: 'bob' } });
    expect((await argus(['case', 'list'])).out).toContain(id);

    // No transactions: the report would not validate, and says why.
    const str = await argus(['case', 'export-str', id, '--output', join(dir, 'str.xml')]);
    expect(str.code).not.toBe(0);
    expect(str.err).toMatch(/REPORT_INVALID.*transaction/);
    expect(existsSync(join(dir, 'str.xml'))).toBe(false);

    const verify = await argus(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/^audit chain intact: 7 entries/);

    const exported = await argus(['audit', 'export', '--output', join(dir, 'audit.jsonl')]);
    expect(exported.code).toBe(0);
    const lines = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(JSON.parse(lines[6] ?? '{}')).toMatchObject({ seq: 7, actor: 'bob', action: 'case.report.approve' });
  });

  it('case open --alert names a missing alert', async () => {
    const r = await argus(['case', 'open', '--alert', 'alert_nope']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('ALERT_NOT_FOUND');
  });

  it('audit verify fails with AUDIT_CHAIN_BROKEN naming the first edited entry', async () => {
    const raw = new Database(db);
    raw.prepare("UPDATE audit_log SET actor = 'mallory' WHERE agency_id = 'cli-test' AND seq = 4").run();
    raw.close();
    const r = await argus(['audit', 'verify']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/AUDIT_CHAIN_BROKEN: first bad entry is #4/);
  });

  // A fresh agency per case: three hand-opened cases are three chained entries to tamper with.
  async function chainOf(agency: string): Promise<void> {
    for (const title of ['one', 'two', 'three']) expect((await argus(['case', 'open', '--title', title], 'alice', agency)).code).toBe(0);
    expect((await argus(['audit', 'verify'], 'alice', agency)).out).toMatch(/^audit chain intact: 3 entries/);
  }

  it('audit verify names the first bad entry when a row is DELETED from the database', async () => {
    await chainOf('cli-delete');
    const raw = new Database(db);
    raw.prepare("DELETE FROM audit_log WHERE agency_id = 'cli-delete' AND seq = 2").run();
    raw.close();
    const r = await argus(['audit', 'verify'], 'alice', 'cli-delete');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/AUDIT_CHAIN_BROKEN: first bad entry is #2\b.*deleted/);
  });

  it('audit verify names the first bad entry when rows are REORDERED in the database', async () => {
    await chainOf('cli-reorder');
    const raw = new Database(db);
    // Swap seq 2 and 3 (through a free number: seq is part of the key).
    raw.transaction(() => {
      raw.prepare("UPDATE audit_log SET seq = 1000 WHERE agency_id = 'cli-reorder' AND seq = 2").run();
      raw.prepare("UPDATE audit_log SET seq = 2 WHERE agency_id = 'cli-reorder' AND seq = 3").run();
      raw.prepare("UPDATE audit_log SET seq = 3 WHERE agency_id = 'cli-reorder' AND seq = 1000").run();
    })();
    raw.close();
    const r = await argus(['audit', 'verify'], 'alice', 'cli-reorder');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/AUDIT_CHAIN_BROKEN: first bad entry is #2\b/);
  });
});
