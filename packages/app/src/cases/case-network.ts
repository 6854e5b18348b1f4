/** The network view of a case, and one-hop expansion of any account from the store's transactions. */

import { type Alert, ArgusError, type Transaction } from '@argus/core';
import { type CaseNetwork, networkOf } from '@argus/core/cases';
import { getCase } from './case-actions.js';
import type { CasesDeps } from './cases-deps.js';

/** The case's accounts and transactions (with the alerts' subgraphs) as nodes and edges. */
export async function caseNetwork(deps: CasesDeps, caseId: string): Promise<CaseNetwork & { readonly missingTransactions: string[] }> {
  const c = await getCase(deps, caseId);
  const transactions = c.transactionIds.length > 0 && deps.alerts ? await deps.alerts.getTransactions(c.transactionIds) : [];
  const alerts = await caseAlerts(deps, c.alertIds);
  const loaded = new Set(transactions.map((t) => t.id));
  return { ...networkOf({ caseFile: c, transactions, alerts }), missingTransactions: c.transactionIds.filter((id) => !loaded.has(id)) };
}

export async function caseAlerts(deps: CasesDeps, ids: readonly string[]): Promise<Alert[]> {
  if (!deps.alerts) return [];
  const out: Alert[] = [];
  for (const id of ids) {
    const a = await deps.alerts.getAlert(id);
    if (a) out.push(a);
  }
  return out;
}

/**
 * One hop from `account`: its transactions as monitoring stores them (newest `limit`), or — when
 * monitoring cannot list an account's transactions — those of the alerts naming the account.
 * `truncated` says the account has more than `limit`.
 */
export async function expandAccount(
  deps: CasesDeps,
  caseId: string,
  account: string,
  limit = 50,
): Promise<CaseNetwork & { readonly truncated: boolean; readonly source: 'transactions' | 'alerts' | 'none' }> {
  const c = await getCase(deps, caseId);
  const acc = account.trim();
  if (!acc) throw new ArgusError('INPUT_INVALID', 'name the account to expand', { location: { field: 'account' } });
  const src = deps.alerts;
  let transactions: Transaction[] = [];
  let source: 'transactions' | 'alerts' | 'none' = 'none';
  if (src?.transactionsOfAccount) {
    transactions = await src.transactionsOfAccount(acc, limit + 1);
    source = 'transactions';
  } else if (src) {
    const naming = (await src.listAlerts()).filter((a) => a.accounts.includes(acc) || a.subgraph?.nodes.includes(acc));
    const ids = [...new Set(naming.flatMap((a) => a.transactions))];
    transactions = (await src.getTransactions(ids))
      .filter((t) => t.originator.account === acc || t.beneficiary.account === acc)
      .sort((a, b) => b.time.localeCompare(a.time) || a.id.localeCompare(b.id));
    source = 'alerts';
  }
  const truncated = transactions.length > limit;
  return { ...networkOf({ caseFile: c, transactions: transactions.slice(0, limit), accounts: [acc] }), truncated, source };
}
