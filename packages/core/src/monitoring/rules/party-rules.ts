/** Rules on the parties: high-risk corridors (FATF lists by country) and counterparties on a watchlist. */

import type { Party } from '../../model/transaction.js';
import type { Check } from '../engine-context.js';

export const highRiskCorridor: Check = (ctx, e, out) => {
  const r = ctx.config.rules.highRiskCorridor;
  if (!r.enabled || e.amount < r.minAmount) return;
  const from = e.tx.originator.country?.toUpperCase();
  const to = e.tx.beneficiary.country?.toUpperCase();
  if (!from && !to) return;
  const level = (c: string | undefined): 2 | 1 | 0 =>
    c === undefined ? 0 : r.callForAction.includes(c) || r.additional.includes(c) ? 2 : r.increasedMonitoring.includes(c) ? 1 : 0;
  const lf = level(from);
  const lt = level(to);
  const worst = Math.max(lf, lt);
  if (worst === 0) return;
  const w = ctx.w;
  const listed = [lf > 0 ? from : undefined, lt > 0 && to !== from ? to : undefined].filter((c): c is string => c !== undefined);
  const list =
    worst === 2 ? 'a high-risk jurisdiction subject to a FATF call for action' : 'a jurisdiction under FATF increased monitoring';
  out.push({
    type: 'high_risk_corridor',
    kind: 'rule',
    severity: worst === 2 ? 'high' : 'medium',
    score: worst === 2 ? 0.8 : 0.5,
    anchors: [e.src, e.dst],
    accounts: [e.src, e.dst],
    edges: [e.id],
    explanation: `${ctx.money(e.amount)} from ${w.accounts[e.src]} (${from ?? 'country unknown'}) to ${w.accounts[e.dst]} (${to ?? 'country unknown'}): ${listed.join(' and ')} ${listed.length > 1 ? 'are' : 'is'} ${list} (lists of ${r.listsAsOf})`,
    facts: { from: from ?? null, to: to ?? null, level: worst === 2 ? 'call_for_action' : 'increased_monitoring', listsAsOf: r.listsAsOf },
  });
};

export const sanctionedCounterparty: Check = (ctx, e, out) => {
  const r = ctx.config.rules.sanctionedCounterparty;
  if (!r.enabled || (!e.tx.originator.name && !e.tx.beneficiary.name)) return;
  const w = ctx.w;
  const sides: [Party, number, number, 'originator' | 'beneficiary'][] = [
    [e.tx.originator, e.src, e.dst, 'originator'],
    [e.tx.beneficiary, e.dst, e.src, 'beneficiary'],
  ];
  for (const [party, account, other, side] of sides) {
    if (!party.name) continue;
    const hit = ctx.screen(party);
    if (!hit || hit.score < r.minScore) continue;
    out.push({
      type: 'sanctioned_counterparty',
      kind: 'screening',
      severity: hit.score >= 0.95 ? 'critical' : 'high',
      score: Math.min(1, hit.score),
      anchors: [account],
      accounts: [account, other],
      edges: [e.id],
      explanation: `The ${side} ${party.name} (${w.accounts[account]}) matches watchlist entry ${hit.name} [${hit.entityId}] with score ${hit.score.toFixed(2)}; ${ctx.money(e.amount)} ${side === 'originator' ? 'to' : 'from'} ${w.accounts[other]}`,
      facts: { side, party: party.name, entityId: hit.entityId, entityName: hit.name, matchScore: hit.score },
    });
  }
};
