/** Money moving between two parties: what monitoring watches and what cases and STRs cite. */

export type Channel = 'wire' | 'ach' | 'card' | 'cash' | 'cheque' | 'mobile' | 'crypto' | 'internal' | 'other';

export interface Party {
  /** The account identifier as the input gives it (IBAN, account number, AMLSim node id, wallet). */
  readonly account: string;
  readonly name?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** The institution holding the account (BIC, bank name or bank id). */
  readonly institution?: string;
}

export interface Transaction {
  /** The idempotency key: a replayed transaction with the same id is recognised, not counted twice. */
  readonly id: string;
  /** ISO 8601 instant. */
  readonly time: string;
  /** Amount in the transaction's own currency, as a decimal number. */
  readonly amount: number;
  /** ISO 4217. */
  readonly currency: string;
  /** Amount converted to the agency's reporting currency through the configured rate table. */
  readonly baseAmount?: number;
  readonly originator: Party;
  readonly beneficiary: Party;
  readonly channel?: Channel;
  readonly purpose?: string;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export type AlertStatus = 'new' | 'assigned' | 'dismissed' | 'escalated';

export interface Alert {
  readonly id: string;
  /** Which rule or typology raised it: `structuring`, `fan_in`, `cycle`, `sanctioned_counterparty`, … */
  readonly type: string;
  /** `rule` or `typology`, or `screening` for a watchlist hit. */
  readonly kind: 'rule' | 'typology' | 'screening';
  readonly severity: Severity;
  /** In [0, 1]. */
  readonly score: number;
  /** Account identifiers as they appear in the input. */
  readonly accounts: readonly string[];
  readonly transactions: readonly string[];
  /** In words a reviewer understands. */
  readonly explanation: string;
  /** ISO 8601: when the pattern was detected (event time of the last transaction involved). */
  readonly detectedAt: string;
  readonly status: AlertStatus;
  /** The transactions and parties as a graph, for the network view. */
  readonly subgraph?: {
    readonly nodes: readonly string[];
    readonly edges: readonly { from: string; to: string; tx: string; amount: number; time: string }[];
  };
  /** Rule-specific figures behind the explanation. */
  readonly facts?: Readonly<Record<string, unknown>>;
}
