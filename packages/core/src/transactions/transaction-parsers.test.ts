import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isArgusError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import { bytesSource } from '../text/byte-source.js';
import {
  detectTransactionFormat,
  parseTransactions,
  type Rejection,
  type TransactionFormatId,
  type TransactionParseOptions,
} from './index.js';

const dir = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => bytesSource(name.replace(/^.*\//, ''), readFileSync(join(dir, name)));

async function parse(format: TransactionFormatId, files: ReturnType<typeof bytesSource>[], options: TransactionParseOptions = {}) {
  const txs: Transaction[] = [];
  const lines: number[] = [];
  const rejections: Rejection[] = [];
  for await (const ev of parseTransactions(format, files, options)) {
    if (ev.type === 'transaction') {
      txs.push(ev.tx);
      lines.push(ev.line);
    } else rejections.push(ev.rejection);
  }
  return { txs, lines, rejections };
}

const RATES = { base: 'USD', rates: { EUR: 1.08, PKR: 0.0036, CNY: 0.14, XBT: 60000 } };

describe('Argus CSV', () => {
  it('reads valid rows and rejects each bad one with file, line, field and reason', async () => {
    const { txs, lines, rejections } = await parse('argus', [fixture('argus.csv')], { rates: RATES });
    expect(txs.map((t) => t.id)).toEqual(['T-001', 'T-002', 'T-003', 'T-013']);
    expect(lines).toEqual([2, 3, 4, 14]);
    const [t1, t2, t3, t13] = txs as [Transaction, Transaction, Transaction, Transaction];
    expect(t1).toEqual({
      id: 'T-001',
      time: '2026-02-10T09:15:00.000Z',
      amount: 9500,
      currency: 'PKR',
      baseAmount: 34.2,
      originator: { account: 'PK36SCBL0000001123456702', name: 'Ahmed Khan', country: 'PK', institution: 'SCBLPKKX' },
      beneficiary: { account: 'PK24HABB0000000012345678', name: 'Star Traders, Karachi', country: 'PK', institution: 'HABBPKKA' },
      channel: 'wire',
      purpose: 'invoice 44',
    });
    // No zone means UTC; a country name resolves to its code.
    expect(t2.time).toBe('2026-02-10T10:00:00.000Z');
    expect(t2.originator.country).toBe('PK');
    expect(t3.time).toBe('2026-02-10T06:00:00.000Z');
    expect(t3.amount).toBe(1000);
    expect(t3.baseAmount).toBe(1080);
    expect(t3.purpose).toBe('family support, "urgent"');
    expect(t13.currency).toBe('PKR');
    expect(t13.channel).toBeUndefined();

    const byLine = Object.fromEntries(rejections.map((r) => [r.line, r]));
    expect(rejections.every((r) => r.file === 'argus.csv')).toBe(true);
    expect(byLine[5]).toMatchObject({ field: 'timestamp', record: 'T-004' });
    expect(byLine[6]).toMatchObject({ field: 'amount', record: 'T-005' });
    expect(byLine[6]?.reason).toMatch(/thousands separators/);
    expect(byLine[7]).toMatchObject({ field: 'amount', reason: expect.stringMatching(/greater than zero/) });
    expect(byLine[8]).toMatchObject({ field: 'originator_account' });
    expect(byLine[9]).toMatchObject({ field: 'originator_country', reason: expect.stringContaining('Atlantis') });
    expect(byLine[10]).toMatchObject({ field: 'channel' });
    expect(byLine[11]).toMatchObject({ field: 'currency', reason: expect.stringMatching(/no rate for XYZ/) });
    expect(byLine[12]?.reason).toMatch(/15 fields where the header has 14/);
    expect(byLine[13]).toMatchObject({ field: 'id' });
    expect(byLine[13]?.raw).toContain('ACC-1');
    expect(rejections).toHaveLength(9);
  });

  it('leaves baseAmount unset without a rate table, and fails a file that lacks required columns', async () => {
    const { txs } = await parse('argus', [fixture('argus.csv')]);
    expect(txs.every((t) => t.baseAmount === undefined)).toBe(true);
    expect(txs).toHaveLength(5); // T-010 (XYZ) is fine without rates
    const bad = bytesSource('short.csv', 'id,timestamp,amount\n1,2026-01-01,5\n');
    await expect(parse('argus', [bad])).rejects.toMatchObject({
      code: 'TRANSACTION_PARSE_FAILED',
      location: { file: 'short.csv', line: 1, field: 'currency' },
    });
  });

  it('survives chunk boundaries anywhere', async () => {
    const text = readFileSync(join(dir, 'argus.csv'));
    const whole = await parse('argus', [fixture('argus.csv')]);
    const tiny = {
      name: 'argus.csv',
      async *open() {
        for (let i = 0; i < text.length; i += 7) yield text.subarray(i, i + 7);
      },
    };
    const chunked = await parse('argus', [tiny]);
    expect(chunked.txs).toEqual(whole.txs);
    expect(chunked.rejections).toEqual(whole.rejections);
  });
});

describe('PaySim', () => {
  it('maps steps to hours, types to channels, and numbers rows for ids', async () => {
    const { txs, rejections } = await parse('paysim', [fixture('paysim.csv')], { idPrefix: 'ps', epoch: '2026-01-01T00:00:00Z' });
    expect(txs.map((t) => [t.id, t.time, t.channel, t.originator.account, t.beneficiary.account])).toEqual([
      ['ps-1', '2026-01-01T01:00:00.000Z', 'mobile', 'C1231006815', 'M1979787155'],
      ['ps-2', '2026-01-01T01:00:00.000Z', 'mobile', 'C1305486145', 'C553264065'],
      ['ps-3', '2026-01-01T02:00:00.000Z', 'cash', 'C840083671', 'C38997010'],
    ]);
    expect(txs[1]?.purpose).toBe('TRANSFER');
    expect(rejections.map((r) => [r.line, r.field, r.record])).toEqual([
      [5, 'type', 'ps-4'],
      [6, 'step', 'ps-5'],
      [7, 'amount', 'ps-6'],
    ]);
  });
});

describe('AMLSim', () => {
  const files = () =>
    readdirSync(join(dir, 'amlsim'))
      .sort()
      .map((n) => fixture(`amlsim/${n}`));

  it('reads nodes + transactions: node ids as accounts, a step as a day, unknown nodes rejected', async () => {
    const { txs, rejections } = await parse('amlsim', files(), { idPrefix: 'run7', epoch: '2026-01-01T00:00:00Z' });
    expect(txs.map((t) => [t.id, t.originator.account, t.beneficiary.account, t.amount, t.time])).toEqual([
      ['run7-1', '0', '3', 147.8, '2026-01-02T00:00:00.000Z'],
      ['run7-2', '1', '2', 104.06, '2026-01-13T00:00:00.000Z'],
      ['run7-3', '2', '1', 99.5, '2026-01-14T00:00:00.000Z'],
    ]);
    expect(rejections).toEqual([
      expect.objectContaining({
        file: 'transactions.csv',
        line: 5,
        field: 'targetNodeId',
        record: 'run7-4',
        reason: 'node 7 is not in nodes.csv',
      }),
      expect.objectContaining({ file: 'transactions.csv', line: 6, field: 'value', record: 'run7-5' }),
    ]);
  });

  it('is detected from the folder and from the header alone', () => {
    expect(detectTransactionFormat(['metadata.txt', 'nodes.csv', 'transactions.csv'], 'nodeid,isFraud\n')).toBe('amlsim');
    expect(detectTransactionFormat(['tx.csv'], 'sourceNodeId,targetNodeId,value,time\n1,2,3,4')).toBe('amlsim');
  });

  it("reads AMLSim's own layout (tran_id, orig_acct, bene_acct, base_amt, tran_timestamp)", async () => {
    const f = bytesSource(
      'transactions.csv',
      'tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,is_sar,alert_id\n7,10,11,TRANSFER,500.5,2017-01-03T00:00:00Z,True,3\n',
    );
    const { txs } = await parse('amlsim', [f]);
    expect(txs).toEqual([
      expect.objectContaining({
        id: '7',
        originator: { account: '10' },
        beneficiary: { account: '11' },
        amount: 500.5,
        time: '2017-01-03T00:00:00.000Z',
        purpose: 'TRANSFER',
      }),
    ]);
  });
});

describe('AMLworld', () => {
  it('tells the two Account columns apart by position and maps currencies and payment formats', async () => {
    const { txs, rejections } = await parse('amlworld', [fixture('amlworld.csv')], { rates: RATES });
    expect(txs).toHaveLength(5);
    expect(txs[1]).toMatchObject({
      id: 'amlworld-2',
      time: '2022-09-01T00:20:00.000Z',
      amount: 0.01,
      currency: 'USD',
      originator: { account: '8000F4580', institution: '03208' },
      beneficiary: { account: '8000F5340', institution: '001' },
      channel: 'cheque',
    });
    expect(txs[3]).toMatchObject({ currency: 'CNY', channel: 'card', baseAmount: 392.98 });
    expect(txs[4]).toMatchObject({ currency: 'XBT', channel: 'crypto', baseAmount: 88200 });
    expect(rejections.map((r) => [r.line, r.field])).toEqual([
      [7, 'Payment Currency'],
      [8, 'Timestamp'],
    ]);
  });
});

describe('JSON batches', () => {
  it('streams an array, rejecting bad elements at their line', async () => {
    const { txs, rejections } = await parse('json', [fixture('batch.json')], { rates: RATES });
    expect(txs.map((t) => t.id)).toEqual(['J1', 'J2', 'J6']);
    expect(txs[0]).toMatchObject({ originator: { account: 'A1', name: 'Amina', country: 'PK' }, purpose: 'goods [1]', baseAmount: 1200 });
    expect(txs[1]).toMatchObject({ time: '2026-03-01T11:00:00.000Z', amount: 15.5, currency: 'EUR', originator: { account: 'A1' } });
    expect(txs[2]).toMatchObject({ originator: { account: 'A"1]' }, beneficiary: { account: 'B}2' } });
    expect(rejections.map((r) => [r.line, r.field, r.record])).toEqual([
      [6, 'time', 'J3'],
      [7, 'originator.account', 'J4'],
      [8, undefined, undefined],
    ]);
  });

  it('reads JSON lines, a malformed line being one rejection', async () => {
    const { txs, rejections } = await parse('json', [fixture('batch.jsonl')]);
    expect(txs.map((t) => [t.id, t.channel])).toEqual([
      ['L1', undefined],
      ['L3', 'card'],
    ]);
    expect(rejections).toEqual([
      expect.objectContaining({ file: 'batch.jsonl', line: 2, reason: expect.stringMatching(/not valid JSON/) }),
    ]);
  });

  it('fails a truncated array', async () => {
    const cut = bytesSource(
      'cut.json',
      '[{"id":"a","time":"2026-01-01","amount":1,"currency":"USD","originator":"x","beneficiary":"y"},\n{"id":',
    );
    await expect(parse('json', [cut])).rejects.toMatchObject({ code: 'TRANSACTION_PARSE_FAILED', location: { file: 'cut.json' } });
  });
});

describe('pacs.008', () => {
  it('reads credit transfers: ids, amounts, parties, agents, purpose and remittance', async () => {
    const { txs, rejections } = await parse('pacs008', [fixture('pacs008.xml')], { rates: RATES });
    expect(txs).toHaveLength(2);
    expect(txs[0]).toEqual({
      id: 'eb6305c9-1f7f-49de-aed0-16487c27b42d',
      time: '2026-02-12T09:41:07.000Z',
      amount: 25000,
      currency: 'EUR',
      baseAmount: 27000,
      originator: { account: 'AE070331234567890123456', name: 'Al-Noor Trading & Co', country: 'AE', institution: 'EBILAEADXXX' },
      beneficiary: { account: 'PK24HABB0000000012345678', name: 'Star Traders', country: 'PK', institution: 'HABBPKKAXXX' },
      channel: 'wire',
      purpose: 'GDDS: INVOICE 2026-17 textiles',
    });
    expect(txs[1]).toMatchObject({
      id: 'TX-2',
      time: '2026-02-13T00:00:00.000Z',
      originator: { account: '12345678', country: 'GB', institution: 'BARCGB22' },
      // No address and no IBAN: the country comes from the agent's BIC.
      beneficiary: { account: '0042-778899', country: 'PK' },
      purpose: 'FAMILY',
    });
    expect(rejections).toEqual([
      expect.objectContaining({ file: 'pacs008.xml', line: 46, field: 'IntrBkSttlmAmt/@Ccy' }),
      expect.objectContaining({ line: 54, field: 'DbtrAcct' }),
    ]);
  });

  it('fails malformed XML with the line', async () => {
    const bad = bytesSource(
      'bad.xml',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">\n<FIToFICstmrCdtTrf>\n<GrpHdr></Grp>\n',
    );
    const e = await parse('pacs008', [bad]).catch((x: unknown) => x);
    expect(isArgusError(e) && e.code === 'TRANSACTION_PARSE_FAILED' && e.location?.line === 3).toBe(true);
  });
});

describe('format detection', () => {
  it('recognises each format from its head', () => {
    const head = (name: string) => readFileSync(join(dir, name), 'utf8').slice(0, 4096);
    expect(detectTransactionFormat(['argus.csv'], head('argus.csv'))).toBe('argus');
    expect(detectTransactionFormat(['paysim.csv'], head('paysim.csv'))).toBe('paysim');
    expect(detectTransactionFormat(['amlworld.csv'], head('amlworld.csv'))).toBe('amlworld');
    expect(detectTransactionFormat(['batch.json'], head('batch.json'))).toBe('json');
    expect(detectTransactionFormat(['batch.jsonl'], head('batch.jsonl'))).toBe('json');
    expect(detectTransactionFormat(['pacs008.xml'], head('pacs008.xml'))).toBe('pacs008');
    expect(detectTransactionFormat(['other.csv'], 'a,b,c\n')).toBeUndefined();
  });
});
