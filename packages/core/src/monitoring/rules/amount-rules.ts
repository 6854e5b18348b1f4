/** Rules on amounts: large value, cash, structuring just under a reporting threshold, split transfers, round amounts. */

import type { Detection } from '../alert-book.js';
import { type Check, type EdgeView, type EngineContext, alike, excessScore } from '../engine-context.js';
import { duration, names, plural } from '../explain.js';

export const largeValue: Check = (ctx, e, out) => {
  const r = ctx.config.rules.largeValue;
  if (!r.enabled || e.amount < r.threshold) return;
  const w = ctx.w;
  const score = excessScore(e.amount, r.threshold, 0.5);
  out.push({
    type: 'large_value',
    kind: 'rule',
    severity: e.amount >= 5 * r.threshold ? 'high' : 'medium',
    score,
    anchors: [e.src],
    accounts: [e.src, e.dst],
    edges: [e.id],
    explanation: `${w.accounts[e.src]} paid ${ctx.money(e.amount)} to ${w.accounts[e.dst]}, at or above the large-value threshold of ${ctx.money(r.threshold)}`,
    facts: { amount: e.amount, threshold: r.threshold },
  });
};

export const cashThreshold: Check = (ctx, e, out) => {
  const r = ctx.config.rules.cash;
  if (!r.enabled || !e.cash || e.amount < r.threshold) return;
  const w = ctx.w;
  out.push({
    type: 'cash_threshold',
    kind: 'rule',
    severity: e.amount >= 5 * r.threshold ? 'high' : 'medium',
    score: excessScore(e.amount, r.threshold, 0.45),
    anchors: [e.src],
    accounts: [e.src, e.dst],
    edges: [e.id],
    explanation: `Cash transaction of ${ctx.money(e.amount)} between ${w.accounts[e.src]} and ${w.accounts[e.dst]}, at or above the cash reporting threshold of ${ctx.money(r.threshold)}`,
    facts: { amount: e.amount, threshold: r.threshold },
  });
};

/** Walks an account's recent edges (newest first) no older than `from`, at most `cap` of them. */
function recent(ctx: EngineContext, ids: number[], start: number, from: number, visit: (edge: number, slot: number) => void): void {
  const w = ctx.w;
  const cap = ctx.config.typologies.maxScan;
  const slack = ctx.config.window.latenessMs;
  let seen = 0;
  for (let i = ids.length - 1; i >= start && seen < cap; i--, seen++) {
    const id = ids[i] as number;
    const s = w.slot(id);
    const t = w.timeAt(s);
    if (t < from) {
      // Arrival order is time order up to the lateness allowed: past that, nothing older can follow.
      if (t < from - slack) break;
      continue;
    }
    visit(id, s);
  }
}

export const structuring: Check = (ctx, e, out) => {
  const r = ctx.config.rules.structuring;
  if (!r.enabled) return;
  const low = r.threshold * (1 - r.margin);
  if (e.amount < low || e.amount >= r.threshold) return;
  const w = ctx.w;
  for (const side of ['originator', 'beneficiary'] as const) {
    const account = side === 'originator' ? e.src : e.dst;
    const list = side === 'originator' ? w.out(account) : w.in(account);
    const edges: number[] = [];
    const others: number[] = [];
    ctx.marks.reset(w.accountCount);
    let total = 0;
    let first = e.time;
    recent(ctx, list.ids, list.start, e.time - r.windowMs, (id, s) => {
      const a = w.amountAt(s);
      if (a < low || a >= r.threshold) return;
      edges.push(id);
      total += a;
      first = Math.min(first, w.timeAt(s));
      const other = (side === 'originator' ? w.dstAt(s) : w.srcAt(s)) as number;
      if (ctx.marks.add(other)) others.push(other);
    });
    if (edges.length < r.minCount) continue;
    const who = w.accounts[account] as string;
    const verb = side === 'originator' ? 'sent' : 'received';
    out.push({
      type: 'structuring',
      kind: 'rule',
      severity: edges.length >= 2 * r.minCount || total >= 3 * r.threshold ? 'high' : 'medium',
      score: Math.min(1, 0.55 + 0.08 * (edges.length - r.minCount) + 0.1 * Math.min(1, total / (3 * r.threshold))),
      anchors: [account],
      accounts: [account, ...others],
      edges,
      explanation: `${who} ${verb} ${plural(edges.length, 'transaction')} just under the ${ctx.money(r.threshold)} reporting threshold within ${duration(e.time - first)} (${ctx.money(total)} in all, ${side === 'originator' ? 'to' : 'from'} ${names(others.map((o) => w.accounts[o] as string))})`,
      facts: { side, count: edges.length, total, threshold: r.threshold, counterparties: others.length },
    });
  }
};

export const splitTransfers: Check = (ctx, e, out) => {
  const r = ctx.config.rules.splitTransfers;
  if (!r.enabled || e.amount < r.minAmount || e.src === e.dst) return;
  const w = ctx.w;
  const list = w.out(e.src);
  const ids = list.ids;
  const from = e.time - r.windowMs;
  const floor = from - ctx.config.window.latenessMs;
  const cap = ctx.config.typologies.maxScan;
  // Counted first without allocating: almost every transaction stops here.
  let count = 0;
  for (let i = ids.length - 1, n = 0; i >= list.start && n < cap; i--, n++) {
    const s = w.slot(ids[i] as number);
    const t = w.timeAt(s);
    if (t < floor) break;
    if (t >= from && t <= e.time + r.windowMs && w.dstAt(s) === e.dst && alike(w.amountAt(s), e.amount, 0)) count++;
  }
  if (count < r.minCount) return;
  const edges: number[] = [];
  let first = e.time;
  recent(ctx, ids, list.start, from, (id, s) => {
    if (w.dstAt(s) !== e.dst || !alike(w.amountAt(s), e.amount, 0)) return;
    edges.push(id);
    first = Math.min(first, w.timeAt(s));
  });
  const total = e.amount * edges.length;
  out.push({
    type: 'split_transfers',
    kind: 'rule',
    severity: edges.length >= 2 * r.minCount ? 'high' : 'medium',
    score: Math.min(1, 0.6 + 0.08 * (edges.length - r.minCount)),
    anchors: [e.src, e.dst],
    accounts: [e.src, e.dst],
    edges,
    explanation: `${w.accounts[e.src]} sent ${plural(edges.length, 'identical transfer')} of ${ctx.money(e.amount)} to ${w.accounts[e.dst]} within ${duration(e.time - first)} (${ctx.money(total)} in all): one payment split into equal parts`,
    facts: { count: edges.length, amount: e.amount, total },
  });
};

export const roundAmounts: Check = (ctx, e, out) => {
  const r = ctx.config.rules.roundAmount;
  if (!r.enabled || e.amount < r.minAmount || !isRound(e.amount, r.unit)) return;
  const w = ctx.w;
  const list = w.out(e.src);
  const edges: number[] = [];
  const others: number[] = [];
  ctx.marks.reset(w.accountCount);
  let total = 0;
  recent(ctx, list.ids, list.start, e.time - r.windowMs, (id, s) => {
    const a = w.amountAt(s);
    if (a < r.minAmount || !isRound(a, r.unit)) return;
    edges.push(id);
    total += a;
    const other = w.dstAt(s);
    if (ctx.marks.add(other)) others.push(other);
  });
  if (edges.length < r.minCount) return;
  out.push(roundDetection(ctx, e, edges, others, total));
};

function isRound(amount: number, unit: number): boolean {
  const q = amount / unit;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, q);
}

function roundDetection(ctx: EngineContext, e: EdgeView, edges: number[], others: number[], total: number): Detection {
  const r = ctx.config.rules.roundAmount;
  const w = ctx.w;
  return {
    type: 'round_amounts',
    kind: 'rule',
    severity: edges.length >= 2 * r.minCount ? 'medium' : 'low',
    score: Math.min(0.8, 0.4 + 0.05 * (edges.length - r.minCount)),
    anchors: [e.src],
    accounts: [e.src, ...others],
    edges,
    explanation: `${w.accounts[e.src]} paid ${plural(edges.length, 'round amount')} (multiples of ${ctx.money(r.unit)}, ${ctx.money(total)} in all) within ${duration(r.windowMs)} to ${names(others.map((o) => w.accounts[o] as string))}`,
    facts: { count: edges.length, total, unit: r.unit },
  };
}
