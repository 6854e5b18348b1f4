/** The MonitoringRepo contract on every store: idempotent transactions, alert upserts, rejections, configuration versions, tenancy. */

import { expect, it } from 'vitest';
import { type Alert, emptyEntity, type Transaction } from '@argus/core';
import { bytesSource } from '@argus/core/text';
import {
  getAlertDetail,
  getMonitoringConfig,
  ingestTransactionBatch,
  ingestTransactions,
  listAlerts,
  listRejections,
  saveMonitoringConfig,
} from '@argus/app/monitoring';
import { EntityIndexCache } from '@argus/app/screening';
import { describeEachStore } from './harness.js';

const tx = (id: string, time: string, from: string, to: string, amount = 100, extra: Partial<Transaction> = {}): Transaction => ({
  id,
  time,
  amount,
  currency: 'USD',
  baseAmount: amount,
  originator: { account: from, name: `${from} holder`, country: 'PK' },
  beneficiary: { account: to },
  ...extra,
});

const alert = (id: string, detectedAt: string, more: Partial<Alert> = {}): Alert => ({
  id,
  type: 'fan_in',
  kind: 'typology',
  severity: 'high',
  score: 0.8,
  accounts: ['A', 'B'],
  transactions: ['t1', 't2'],
  explanation: '2 distinct senders paid 200 USD into B within 1 h',
  detectedAt,
  status: 'new',
  subgraph: { nodes: ['A', 'B'], edges: [{ from: 'A', to: 'B', tx: 't1', amount: 100, time: detectedAt }] },
  facts: { senders: 2 },
  ...more,
});

describeEachStore('MonitoringRepo', (fx) => {
  const repo = () => fx.store().forAgency('mon-a').monitoring;

  it('stores transactions once: a replayed batch (and a repeat inside one) reports no new ids', async () => {
    const batch = [
      tx('t1', '2026-01-01T10:00:00.000Z', 'A', 'B', 120, { channel: 'wire', purpose: 'rent' }),
      tx('t2', '2026-01-01T11:00:00.000Z', 'C', 'B'),
      tx('t3', '2026-01-02T09:00:00.000Z', 'B', 'D', 190),
    ];
    expect(await repo().insertTransactions(batch)).toEqual(['t1', 't2', 't3']);
    expect(await repo().insertTransactions(batch)).toEqual([]);
    expect(
      await repo().insertTransactions([
        tx('t4', '2026-01-03T00:00:00.000Z', 'D', 'E'),
        batch[0] as Transaction,
        tx('t4', '2026-01-03T00:00:00.000Z', 'X', 'Y'),
      ]),
    ).toEqual(['t4']);
    expect(await repo().countTransactions()).toBe(4);
    expect(await repo().getTransaction('t1')).toEqual(batch[0]);
    // Every read path gives back the transaction as written: parties in full, optional fields absent when absent.
    const full = tx('t1', '2026-01-01T10:00:00.000Z', 'A', 'B', 120, {
      channel: 'wire',
      purpose: 'rent',
      beneficiary: { account: 'B', name: 'B Ltd', country: 'AE', institution: 'EBILAEAD' },
    });
    expect((await repo().getTransactions(['t1']))[0]).toEqual({ ...full, beneficiary: { account: 'B' } });
    expect((await repo().listTransactions({ limit: 2 }))[1]).toEqual(batch[1]);
    expect((await repo().transactionsOfAccount('D'))[1]).toEqual(batch[2]);
    const bare: Transaction = {
      id: 't9',
      time: '2026-01-01T12:00:00.000Z',
      amount: 7.25,
      currency: 'EUR',
      originator: { account: 'P' },
      beneficiary: full.beneficiary,
    };
    await fx.store().forAgency('mon-roundtrip').monitoring.insertTransactions([bare]);
    expect(await fx.store().forAgency('mon-roundtrip').monitoring.getTransaction('t9')).toEqual(bare);
    expect((await repo().getTransaction('t4'))?.originator.account).toBe('D');
    expect(await repo().getTransaction('nope')).toBeUndefined();
    expect((await repo().getTransactions(['t3', 'nope', 't1'])).map((t) => t.id)).toEqual(['t3', 't1']);
    expect(await repo().latestTransactionTime()).toBe('2026-01-03T00:00:00.000Z');
  });

  it('answers the one-hop expansion and the time-ordered window', async () => {
    expect((await repo().transactionsOfAccount('B')).map((t) => t.id)).toEqual(['t3', 't2', 't1']);
    expect((await repo().transactionsOfAccount('B', { since: '2026-01-01T10:30:00.000Z' })).map((t) => t.id)).toEqual(['t3', 't2']);
    expect((await repo().transactionsOfAccount('B', { limit: 1 })).map((t) => t.id)).toEqual(['t3']);
    expect((await repo().transactionsOfAccount('B', { until: '2026-01-02T00:00:00.000Z' })).map((t) => t.id)).toEqual(['t2', 't1']);
    expect(await repo().transactionsOfAccount('nobody')).toEqual([]);
    expect((await repo().listTransactions({ since: '2026-01-01T11:00:00.000Z' })).map((t) => t.id)).toEqual(['t2', 't3', 't4']);
    expect((await repo().listTransactions({ limit: 2, offset: 1 })).map((t) => t.id)).toEqual(['t2', 't3']);
    expect((await repo().listTransactions({ after: { time: '2026-01-01T11:00:00.000Z', id: 't2' } })).map((t) => t.id)).toEqual([
      't3',
      't4',
    ]);
    expect((await repo().listTransactions({ after: { time: '2026-01-01T11:00:00.000Z', id: 't1' }, limit: 1 })).map((t) => t.id)).toEqual([
      't2',
    ]);
  });

  it('upserts alerts by id, keeping the analyst status and assignee across re-detections', async () => {
    const a1 = alert('al-1', '2026-01-01T11:00:00.000Z');
    const a2 = alert('al-2', '2026-01-02T09:00:00.000Z', { type: 'cycle', severity: 'critical', accounts: ['B', 'D'], score: 0.95 });
    expect(await repo().upsertAlerts([a1, a2])).toEqual({ inserted: ['al-1', 'al-2'], updated: [] });
    expect(await repo().getAlert('al-1')).toEqual(a1);
    expect(await repo().updateAlertStatus('al-1', 'assigned')).toBe(true);
    expect(await repo().assignAlert('al-1', 'mia')).toBe(true);
    expect(await repo().updateAlertStatus('missing', 'dismissed')).toBe(false);
    expect(await repo().assignAlert('missing', 'mia')).toBe(false);

    const grown = { ...a1, accounts: ['A', 'B', 'C'], transactions: ['t1', 't2', 't9'], score: 0.9, explanation: '3 distinct senders' };
    expect(await repo().upsertAlerts([grown])).toEqual({ inserted: [], updated: ['al-1'] });
    const stored = await repo().getAlert('al-1');
    expect(stored).toMatchObject({ score: 0.9, transactions: ['t1', 't2', 't9'], status: 'assigned', assignee: 'mia' });
    expect(await repo().countAlerts()).toBe(2);
  });

  it('tells which ids of a batch are already stored, in the order asked', async () => {
    const r = fx.store().forAgency('mon-existing').monitoring;
    await r.insertTransactions([tx('e1', '2026-01-01T10:00:00.000Z', 'A', 'B'), tx('e3', '2026-01-01T11:00:00.000Z', 'A', 'B')]);
    expect(await r.existingTransactionIds(['e3', 'e2', 'e1', 'e3'])).toEqual(['e3', 'e1']);
    expect(await r.existingTransactionIds([])).toEqual([]);
    expect(await fx.store().forAgency('mon-existing-other').monitoring.existingTransactionIds(['e1'])).toEqual([]);
  });

  it('commits a batch of transactions and its alerts in one database transaction: all or nothing', async () => {
    const r = fx.store().forAgency('mon-atomic').monitoring;
    const txs = [tx('x1', '2026-01-01T10:00:00.000Z', 'A', 'B'), tx('x2', '2026-01-01T11:00:00.000Z', 'C', 'B')];
    const good = alert('al-x', '2026-01-01T11:00:00.000Z', { transactions: ['x1', 'x2'] });
    // An alert without a type violates a NOT NULL column: it fails after the transactions were written.
    const broken = { ...alert('al-broken', '2026-01-01T11:00:00.000Z'), type: null } as unknown as Alert;
    await expect(r.commitBatch({ transactions: txs, alerts: [good, broken] })).rejects.toThrow();
    expect(await r.countTransactions()).toBe(0);
    expect(await r.existingTransactionIds(['x1', 'x2'])).toEqual([]);
    expect(await r.countAlerts()).toBe(0);

    // The retry finds nothing stored, so the batch is new again; a replay of it after success inserts nothing.
    expect(await r.commitBatch({ transactions: txs, alerts: [good] })).toEqual({
      inserted: ['x1', 'x2'],
      alerts: { inserted: ['al-x'], updated: [] },
    });
    expect(await r.getAlert('al-x')).toEqual(good);
    expect(await r.commitBatch({ transactions: [...txs, tx('x3', '2026-01-01T12:00:00.000Z', 'B', 'D')], alerts: [] })).toEqual({
      inserted: ['x3'],
      alerts: { inserted: [], updated: [] },
    });
    expect(await r.countTransactions()).toBe(3);
  });

  it('filters alerts by type, severity, status, account and time, newest first, with paging', async () => {
    await repo().upsertAlerts([
      alert('al-3', '2026-01-03T00:00:00.000Z', { type: 'structuring', kind: 'rule', severity: 'medium', accounts: ['Z'] }),
    ]);
    expect((await repo().listAlerts()).map((a) => a.id)).toEqual(['al-3', 'al-2', 'al-1']);
    expect((await repo().listAlerts({ type: 'cycle' })).map((a) => a.id)).toEqual(['al-2']);
    expect((await repo().listAlerts({ type: ['cycle', 'structuring'] })).map((a) => a.id)).toEqual(['al-3', 'al-2']);
    expect((await repo().listAlerts({ severity: ['critical', 'medium'] })).map((a) => a.id)).toEqual(['al-3', 'al-2']);
    expect((await repo().listAlerts({ status: 'new' })).map((a) => a.id)).toEqual(['al-3', 'al-2']);
    expect((await repo().listAlerts({ account: 'C' })).map((a) => a.id)).toEqual(['al-1']);
    expect((await repo().listAlerts({ account: 'B' })).map((a) => a.id)).toEqual(['al-2', 'al-1']);
    expect((await repo().listAlerts({ since: '2026-01-02T00:00:00.000Z' })).map((a) => a.id)).toEqual(['al-3', 'al-2']);
    expect((await repo().listAlerts({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['al-2']);
    expect(await repo().listAlerts({ type: [] })).toEqual([]);
    expect(await repo().countAlerts({ severity: 'high' })).toBe(1);
  });

  it('records rejections with their location, newest first', async () => {
    await repo().addRejections(
      [
        { file: 'feed.csv', line: 7, field: 'amount', reason: 'not a decimal amount', record: 'T-7', raw: 'T-7,2026-01-01,abc' },
        { file: 'feed.csv', line: 9, reason: 'not valid JSON' },
      ],
      { at: '2026-02-01T00:00:00.000Z', format: 'argus' },
    );
    await repo().addRejections([{ file: 'other.xml', line: 40, field: 'DbtrAcct', reason: 'the account is empty' }], {
      at: '2026-02-02T00:00:00.000Z',
    });
    const all = await repo().listRejections();
    expect(all.map((r) => [r.file, r.line])).toEqual([
      ['other.xml', 40],
      ['feed.csv', 9],
      ['feed.csv', 7],
    ]);
    expect(all[2]).toMatchObject({
      field: 'amount',
      reason: 'not a decimal amount',
      record: 'T-7',
      raw: 'T-7,2026-01-01,abc',
      format: 'argus',
      at: '2026-02-01T00:00:00.000Z',
    });
    expect(all[1]?.field).toBeUndefined();
    expect((all[0]?.seq ?? 0) > (all[1]?.seq ?? 0)).toBe(true);
    expect((await repo().listRejections({ file: 'feed.csv', limit: 1 })).map((r) => r.line)).toEqual([9]);
    expect(await repo().countRejections({ since: '2026-02-02T00:00:00.000Z' })).toBe(1);
  });

  it('versions the configuration', async () => {
    expect(await repo().getConfig()).toBeUndefined();
    const v1 = await repo().saveConfig(
      { rules: { largeValue: { threshold: 10000 } } },
      { savedAt: '2026-02-01T00:00:00.000Z', savedBy: 'mia' },
    );
    const v2 = await repo().saveConfig({ rules: { largeValue: { threshold: 5000 } } }, { savedAt: '2026-02-02T00:00:00.000Z' });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(await repo().getConfig()).toEqual({
      version: 2,
      config: { rules: { largeValue: { threshold: 5000 } } },
      savedAt: '2026-02-02T00:00:00.000Z',
    });
    expect((await repo().getConfig(1))?.savedBy).toBe('mia');
    expect(await repo().getConfig(9)).toBeUndefined();
    expect(await repo().listConfigVersions()).toEqual([
      { version: 2, savedAt: '2026-02-02T00:00:00.000Z' },
      { version: 1, savedAt: '2026-02-01T00:00:00.000Z', savedBy: 'mia' },
    ]);
  });

  it("keeps each agency's rows to itself", async () => {
    const other = fx.store().forAgency('mon-b').monitoring;
    expect(await other.countTransactions()).toBe(0);
    expect(await other.getTransaction('t1')).toBeUndefined();
    expect(await other.transactionsOfAccount('B')).toEqual([]);
    expect(await other.listAlerts()).toEqual([]);
    expect(await other.getAlert('al-1')).toBeUndefined();
    expect(await other.updateAlertStatus('al-1', 'dismissed')).toBe(false);
    expect(await other.listRejections()).toEqual([]);
    expect(await other.getConfig()).toBeUndefined();
    // The same transaction id is new for another agency.
    expect(await other.insertTransactions([tx('t1', '2026-01-01T10:00:00.000Z', 'Q', 'R')])).toEqual(['t1']);
    expect((await repo().getTransaction('t1'))?.originator.account).toBe('A');
    expect((await other.saveConfig({}, { savedAt: '2026-02-03T00:00:00.000Z' })).version).toBe(1);
  });

  it('writes a large batch in one call', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      tx(`bulk-${i}`, new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString(), `S${i % 97}`, `R${i % 89}`),
    );
    expect((await repo().insertTransactions(many)).length).toBe(5000);
    expect(await repo().insertTransactions(many.slice(0, 10))).toEqual([]);
    expect(
      (await repo().transactionsOfAccount('S5', { limit: 3 })).every(
        (t) => t.originator.account === 'S5' || t.beneficiary.account === 'S5',
      ),
    ).toBe(true);
  });
});

// ---- The monitoring use cases on every store: ingest, idempotent replay, rejections, warm-up, screening, configuration.

const HEADER =
  'id,timestamp,amount,currency,originator_account,originator_name,originator_country,originator_institution,beneficiary_account,beneficiary_name,beneficiary_country,beneficiary_institution,channel,purpose\n';
const csv = (rows: string[]) => HEADER + rows.map((r) => `${r}\n`).join('');
const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

describeEachStore('monitoring ingest', (fx) => {
  const agency = () => fx.store().forAgency('ingest-a');
  const deps = (screening?: EntityIndexCache) => ({ store: agency(), clock, ...(screening ? { screening } : {}) });

  const feed = csv([
    // Three cash deposits just under 10,000 into one account within two days: structuring.
    'D1,2026-02-01T09:00:00Z,9500,USD,CASH-1,,PK,,ACC-S,Shop,PK,,cash,deposit',
    'D2,2026-02-01T15:00:00Z,9700,USD,CASH-2,,PK,,ACC-S,Shop,PK,,cash,deposit',
    'D3,2026-02-02T10:00:00Z,9400,USD,CASH-3,,PK,,ACC-S,Shop,PK,,cash,deposit',
    // A loop of the same money: A → B → C → A.
    'C1,2026-02-03T10:00:00Z,50000,USD,ACC-A,,AE,,ACC-B,,AE,,wire,',
    'C2,2026-02-03T14:00:00Z,49900,USD,ACC-B,,AE,,ACC-C,,AE,,wire,',
    'C3,2026-02-03T18:00:00Z,49800,USD,ACC-C,,AE,,ACC-A,,AE,,wire,',
    // Rupees, converted through the indicative rates; and a bad row.
    'P1,2026-02-04T10:00:00Z,2800000,PKR,ACC-P,,PK,,ACC-Q,,PK,,wire,',
    'X1,2026-02-04T11:00:00Z,12.5.0,USD,ACC-P,,PK,,ACC-Q,,PK,,wire,',
  ]);

  it('ingests a file: stores transactions, raises explained alerts, records the rejected row', async () => {
    const progress: number[] = [];
    const s = await ingestTransactions(deps(), {
      files: [bytesSource('feed.csv', feed)],
      onProgress: (p) => progress.push(p.bytes),
    });
    expect(s).toMatchObject({
      format: 'argus',
      read: 8,
      new: 7,
      duplicates: 0,
      rejected: 1,
      configVersion: 0,
      warmedUp: 0,
      aborted: false,
    });
    expect(progress.at(-1)).toBe(feed.length);
    const { items, total } = await listAlerts(deps());
    expect(total).toBe(s.alertsNew);
    const structuring = items.find((a) => a.type === 'structuring');
    expect(structuring?.accounts).toContain('ACC-S');
    expect([...(structuring?.transactions ?? [])].sort()).toEqual(['D1', 'D2', 'D3']);
    expect(structuring?.explanation).toMatch(/ACC-S/);
    const cycle = items.find((a) => a.type === 'cycle');
    expect([...(cycle?.accounts ?? [])].sort()).toEqual(['ACC-A', 'ACC-B', 'ACC-C']);
    expect(s.alertsByType.structuring).toBe(1);
    const p1 = await agency().monitoring.getTransaction('P1');
    expect(p1?.baseAmount).toBeCloseTo(2_800_000 * 0.00355, 2);
    const rejected = await listRejections(deps());
    expect(rejected.items).toEqual([
      expect.objectContaining({
        file: 'feed.csv',
        line: 9,
        field: 'amount',
        record: 'X1',
        format: 'argus',
        at: '2026-03-01T00:00:00.000Z',
      }),
    ]);
    const detail = await getAlertDetail(deps(), structuring?.id ?? '');
    expect(detail.transactions.map((t) => t.id).sort()).toEqual(['D1', 'D2', 'D3']);
    await expect(getAlertDetail(deps(), 'nope')).rejects.toMatchObject({ code: 'ALERT_NOT_FOUND' });
  });

  it('replays the same file into nothing: no new transaction, no new or grown alert', async () => {
    const before = await agency().monitoring.listAlerts();
    const s = await ingestTransactions(deps(), { files: [bytesSource('feed.csv', feed)] });
    expect(s).toMatchObject({ read: 8, new: 0, duplicates: 7, rejected: 1, alertsNew: 0, alertsUpdated: 0 });
    // Nothing new to evaluate, so the engine's window is not even warmed: a replay costs the idempotency check only.
    expect(s.warmedUp).toBe(0);
    expect(await agency().monitoring.listAlerts()).toEqual(before);
    expect(await agency().monitoring.countTransactions()).toBe(7);
  });

  it('sees a pattern spanning two ingests (the window is warmed from the store)', async () => {
    const other = fx.store().forAgency('ingest-warm');
    const d = { store: other, clock };
    await ingestTransactions(d, {
      files: [
        bytesSource(
          'a.csv',
          csv(['W1,2026-02-01T09:00:00Z,9500,USD,K1,,,,ACC-W,,,,cash,', 'W2,2026-02-01T12:00:00Z,9600,USD,K2,,,,ACC-W,,,,cash,']),
        ),
      ],
    });
    expect(await other.monitoring.countAlerts({ type: 'structuring' })).toBe(0);
    const s = await ingestTransactions(d, {
      files: [bytesSource('b.csv', csv(['W3,2026-02-01T18:00:00Z,9300,USD,K3,,,,ACC-W,,,,cash,']))],
    });
    expect(s.warmedUp).toBe(2);
    const [a] = await other.monitoring.listAlerts({ type: 'structuring' });
    expect([...(a?.transactions ?? [])].sort()).toEqual(['W1', 'W2', 'W3']);
  });

  it('ingests JSON values record by record, answering each rejection with its index and field', async () => {
    const r = await ingestTransactionBatch(deps(), [
      {
        id: 'J1',
        time: '2026-02-05T10:00:00Z',
        amount: 2_000_000,
        currency: 'USD',
        originator: { account: 'ACC-J' },
        beneficiary: { account: 'ACC-K' },
      },
      { id: 'J2', time: 'soon', amount: 5, currency: 'USD', originator: 'ACC-J', beneficiary: 'ACC-K' },
      { id: 'J3', time: '2026-02-05T11:00:00Z', amount: 5, currency: 'ZZZ', originator: 'ACC-J', beneficiary: 'ACC-K' },
      'not an object',
      { id: 'D1', time: '2026-02-01T09:00:00Z', amount: 9500, currency: 'USD', originator: 'CASH-1', beneficiary: 'ACC-S' },
    ]);
    expect(r).toMatchObject({ read: 5, new: 1, duplicates: 1, rejected: 3 });
    expect(r.rejections).toEqual([
      { index: 1, id: 'J2', field: 'time', reason: expect.stringMatching(/ISO 8601/) },
      { index: 2, id: 'J3', field: 'currency', reason: expect.stringMatching(/no rate for ZZZ/) },
      { index: 3, reason: 'a transaction is a JSON object' },
    ]);
    expect(r.alerts.map((a) => a.type)).toContain('large_value');
    expect((await listRejections(deps(), { file: 'api' })).total).toBe(3);
  });

  it('validates and versions the configuration, and converts with its rates', async () => {
    const other = fx.store().forAgency('ingest-config');
    const d = { store: other, clock };
    expect(await getMonitoringConfig(d)).toMatchObject({ version: 0, config: { baseCurrency: 'USD' } });
    await expect(saveMonitoringConfig(d, { version: 1, rules: { cash: { threshold: -5 } } }, { actor: 'mia' })).rejects.toMatchObject({
      code: 'MONITOR_CONFIG_INVALID',
      location: { field: 'rules.cash.threshold' },
    });
    await expect(saveMonitoringConfig(d, { version: 1, rates: { EUR: 'a lot' } }, { actor: 'mia' })).rejects.toMatchObject({
      code: 'MONITOR_CONFIG_INVALID',
      location: { field: 'rates.EUR' },
    });
    const saved = await saveMonitoringConfig(
      d,
      { version: 1, baseCurrency: 'EUR', rates: { USD: 0.9 }, rules: { cash: { threshold: 5000 } } },
      { actor: 'mia' },
    );
    expect(saved).toMatchObject({ version: 1, savedBy: 'mia' });
    const s = await ingestTransactions(d, {
      files: [
        bytesSource(
          'eur.csv',
          csv(['E1,2026-02-06T10:00:00Z,6000,USD,ACC-E,,,,ACC-F,,,,cash,', 'E2,2026-02-06T11:00:00Z,10,GBP,ACC-E,,,,ACC-F,,,,wire,']),
        ),
      ],
    });
    expect(s).toMatchObject({ new: 1, rejected: 1, configVersion: 1 });
    expect((await other.monitoring.getTransaction('E1'))?.baseAmount).toBe(5400);
    // 5,400 EUR of cash is over the agency's 5,000 EUR threshold.
    const [cash] = await other.monitoring.listAlerts({ type: 'cash_threshold' });
    expect(cash?.explanation).toMatch(/EUR/);
    expect((await other.monitoring.listRejections())[0]).toMatchObject({ line: 3, field: 'currency' });
  });

  it('screens originator and beneficiary names against the current lists', async () => {
    const other = fx.store().forAgency('ingest-screen');
    const lists = other.lists;
    const now = '2026-02-01T00:00:00.000Z';
    await lists.upsertSource({ id: 'test-list', name: 'test-list', urls: [], createdAt: now });
    const v = await lists.beginVersion({
      sourceId: 'test-list',
      checksum: 'c1',
      fileName: 'test.csv',
      files: [],
      format: 'test',
      importedAt: now,
    });
    await lists.addEntities(v.id, [
      { ...emptyEntity('test-list', 'T1', 'Person'), names: [{ full: 'Abdul Rahman Yasin', kind: 'primary' }] },
    ]);
    await lists.completeVersion(v.id, { counts: { total: 1 } as never, completedAt: now });
    const s = await ingestTransactions(
      { store: other, clock, screening: new EntityIndexCache() },
      {
        files: [
          bytesSource(
            'named.csv',
            csv([
              'N1,2026-02-07T10:00:00Z,700,USD,ACC-N,Maria Lopez,,,ACC-M,ABDUL RAHMAN YASIN,,,wire,',
              'N2,2026-02-07T11:00:00Z,800,USD,ACC-N,Maria Lopez,,,ACC-O,Peter Novak,,,wire,',
            ]),
          ),
        ],
      },
    );
    expect(s.new).toBe(2);
    const hits = await other.monitoring.listAlerts({ type: 'sanctioned_counterparty' });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.accounts).toContain('ACC-M');
    expect(hits[0]?.explanation).toMatch(/Abdul Rahman Yasin/);
  });
});
