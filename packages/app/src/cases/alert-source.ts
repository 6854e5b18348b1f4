/**
 * What case work needs from monitoring: alerts and the transactions they cite. Monitoring's repository
 * (`store.monitoring`) satisfies it through `alertSourceOf`; tests hold alerts in memory instead.
 */

import type { Alert, AlertStatus, Severity, Transaction } from '@argus/core';
import type { AgencyStore } from '../ports/store.js';

export interface AlertSource {
  getAlert(id: string): Promise<Alert | undefined>;
  /** The filter narrows what is read; callers still apply it themselves (a source may ignore it). */
  listAlerts(filter?: AlertListFilter): Promise<Alert[]>;
  updateAlertStatus(id: string, status: AlertStatus): Promise<unknown>;
  getTransactions(ids: readonly string[]): Promise<Transaction[]>;
  /** Transactions sent or received by one account, newest first (the network view's one-hop expansion). */
  transactionsOfAccount?(account: string, limit: number): Promise<Transaction[]>;
  /** Records who works an alert, where monitoring stores it (otherwise the audit log is the record). */
  assignAlert?(id: string, assignee: string | undefined): Promise<unknown>;
}

export interface AlertListFilter {
  readonly type?: string;
  readonly severity?: Severity | readonly Severity[];
  readonly status?: AlertStatus | readonly AlertStatus[];
}

/** The agency's monitoring repository as an AlertSource. */
export function alertSourceOf(store: AgencyStore): AlertSource | undefined {
  const repo = store.monitoring;
  return {
    getAlert: (id) => repo.getAlert(id),
    listAlerts: (filter = {}) => repo.listAlerts(filter),
    updateAlertStatus: (id, status) => repo.updateAlertStatus(id, status),
    getTransactions: (ids) => repo.getTransactions(ids),
    // Newest first.
    transactionsOfAccount: (account, limit) => repo.transactionsOfAccount(account, { limit }),
    assignAlert: (id, assignee) => repo.assignAlert(id, assignee),
  };
}

/** An in-memory AlertSource, for tests and for callers that hold alerts already. */
export function memoryAlertSource(
  alerts: readonly Alert[],
  transactions: readonly Transaction[] = [],
): AlertSource & { readonly alerts: Map<string, Alert> } {
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const txs = new Map(transactions.map((t) => [t.id, t]));
  return {
    alerts: byId,
    getAlert: async (id) => byId.get(id),
    listAlerts: async () => [...byId.values()],
    updateAlertStatus: async (id, status) => {
      const a = byId.get(id);
      if (a) byId.set(id, { ...a, status });
    },
    getTransactions: async (ids) => ids.flatMap((id) => txs.get(id) ?? []),
    transactionsOfAccount: async (account, limit) =>
      [...txs.values()]
        .filter((t) => t.originator.account === account || t.beneficiary.account === account)
        .sort((a, b) => b.time.localeCompare(a.time) || a.id.localeCompare(b.id))
        .slice(0, limit),
  };
}
