/** The network view of a case: accounts as nodes, transactions as edges (with amounts and times), merged as the analyst expands. */

import type { Alert, Transaction } from '../model/transaction.js';
import type { CaseFile } from './case-file.js';

export interface NetworkNode {
  /** The account identifier. */
  readonly id: string;
  readonly label: string;
  readonly institution?: string;
  readonly country?: string;
  /** A party of the case (as opposed to a counterparty reached through a transaction or an expansion). */
  readonly party: boolean;
  /** Named by one of the case's alerts. */
  readonly flagged: boolean;
  /** Transactions of this node present in the graph. */
  readonly degree: number;
}

export interface NetworkEdge {
  /** The transaction id. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  /** Absent for an edge known only from an alert's subgraph. */
  readonly currency?: string;
  readonly time: string;
  readonly channel?: string;
  /** Linked to the case (not only reached by expanding). */
  readonly inCase: boolean;
}

export interface CaseNetwork {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

interface Acc {
  label?: string;
  institution?: string;
  country?: string;
  party: boolean;
  flagged: boolean;
  edges: Set<string>;
}

/**
 * Builds the graph of a set of transactions. `caseFile` marks parties and the case's own transactions;
 * alert subgraph edges whose transactions were not loaded still show (amount and time from the alert).
 */
export function networkOf(input: {
  readonly caseFile?: CaseFile;
  readonly transactions: readonly Transaction[];
  readonly alerts?: readonly Alert[];
  /** Accounts that must appear even without an edge (the node being expanded). */
  readonly accounts?: readonly string[];
}): CaseNetwork {
  const accounts = new Map<string, Acc>();
  const node = (id: string): Acc => {
    let a = accounts.get(id);
    if (!a) {
      a = { party: false, flagged: false, edges: new Set() };
      accounts.set(id, a);
    }
    return a;
  };
  const c = input.caseFile;
  for (const p of c?.parties ?? []) {
    if (p.kind !== 'account') continue;
    const a = node(p.ref);
    a.party = true;
    if (p.name && !a.label) a.label = p.name;
    if (p.institution && !a.institution) a.institution = p.institution;
    if (p.country && !a.country) a.country = p.country;
  }
  for (const al of input.alerts ?? []) for (const acc of al.accounts) node(acc).flagged = true;
  for (const acc of input.accounts ?? []) node(acc);
  const inCase = new Set(c?.transactionIds ?? []);
  const edges = new Map<string, NetworkEdge>();
  for (const t of input.transactions) {
    if (edges.has(t.id)) continue;
    for (const side of [t.originator, t.beneficiary]) {
      const a = node(side.account);
      if (side.name && !a.label) a.label = side.name;
      if (side.institution && !a.institution) a.institution = side.institution;
      if (side.country && !a.country) a.country = side.country;
    }
    edges.set(t.id, {
      id: t.id,
      from: t.originator.account,
      to: t.beneficiary.account,
      amount: t.amount,
      currency: t.currency,
      time: t.time,
      ...(t.channel !== undefined ? { channel: t.channel } : {}),
      inCase: inCase.has(t.id),
    });
  }
  for (const al of input.alerts ?? []) {
    for (const e of al.subgraph?.edges ?? []) {
      if (edges.has(e.tx)) continue;
      node(e.from);
      node(e.to);
      edges.set(e.tx, { id: e.tx, from: e.from, to: e.to, amount: e.amount, time: e.time, inCase: inCase.has(e.tx) });
    }
  }
  for (const e of edges.values()) {
    node(e.from).edges.add(e.id);
    node(e.to).edges.add(e.id);
  }
  return {
    nodes: [...accounts.entries()]
      .map(([id, a]) => ({
        id,
        label: a.label ?? id,
        ...(a.institution !== undefined ? { institution: a.institution } : {}),
        ...(a.country !== undefined ? { country: a.country } : {}),
        party: a.party,
        flagged: a.flagged,
        degree: a.edges.size,
      }))
      .sort((x, y) => x.id.localeCompare(y.id)),
    edges: [...edges.values()].sort((x, y) => x.time.localeCompare(y.time) || x.id.localeCompare(y.id)),
  };
}
