import { describe, expect, it } from 'vitest';
import type { Alert, Transaction } from '../model/transaction.js';
import { newCase } from './case-file.js';
import { networkOf } from './case-network.js';

const tx = (id: string, from: string, to: string, amount: number, time: string, more: Partial<Transaction> = {}): Transaction => ({
  id,
  time,
  amount,
  currency: 'USD',
  originator: { account: from },
  beneficiary: { account: to },
  ...more,
});

describe('networkOf', () => {
  const c = newCase({
    id: 'case_1',
    agencyId: 'a',
    title: 't',
    createdBy: 'u',
    at: '2026-01-01T00:00:00Z',
    parties: [
      { kind: 'account', ref: 'A', name: 'Alpha Trading' },
      { kind: 'person', ref: 'p1' },
    ],
    transactionIds: ['t1'],
  });

  it('makes accounts nodes and transactions edges, marking parties, flagged accounts and case transactions', () => {
    const alert = {
      id: 'al',
      accounts: ['B'],
      subgraph: { nodes: ['B', 'C'], edges: [{ from: 'B', to: 'C', tx: 't9', amount: 5, time: '2026-01-03T00:00:00Z' }] },
    };
    const g = networkOf({
      caseFile: c,
      transactions: [
        tx('t2', 'B', 'A', 300, '2026-01-02T00:00:00Z', {
          beneficiary: { account: 'A', name: 'ignored: the party name wins', country: 'AE' },
        }),
        tx('t1', 'A', 'B', 1000, '2026-01-01T10:00:00Z', { originator: { account: 'A', institution: 'BANKPKKA' }, channel: 'wire' }),
        tx('t1', 'A', 'B', 1000, '2026-01-01T10:00:00Z'),
      ],
      alerts: [alert as unknown as Alert],
    });
    expect(g.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C']);
    expect(g.nodes[0]).toEqual({
      id: 'A',
      label: 'Alpha Trading',
      institution: 'BANKPKKA',
      country: 'AE',
      party: true,
      flagged: false,
      degree: 2,
    });
    expect(g.nodes[1]).toMatchObject({ id: 'B', label: 'B', party: false, flagged: true, degree: 3 });
    expect(g.edges.map((e) => [e.id, e.from, e.to, e.inCase])).toEqual([
      ['t1', 'A', 'B', true],
      ['t2', 'B', 'A', false],
      ['t9', 'B', 'C', false],
    ]);
    expect(g.edges[0]).toMatchObject({ amount: 1000, currency: 'USD', channel: 'wire' });
    expect(g.edges[2]?.currency).toBeUndefined();
  });

  it('keeps an account asked for even when it has no transactions', () => {
    expect(networkOf({ transactions: [], accounts: ['Z'] }).nodes).toEqual([
      { id: 'Z', label: 'Z', party: false, flagged: false, degree: 0 },
    ]);
  });
});
