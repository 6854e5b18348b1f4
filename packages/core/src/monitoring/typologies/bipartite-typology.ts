/**
 * Bipartite bursts: a group of senders each paying many of the same group of receivers (S × R nearly complete),
 * as in layered mule networks. Around a new edge u → v: the receivers are u's payees; the senders are those who
 * paid at least `minReceivers` of them alike amounts.
 */

import type { Detection } from '../alert-book.js';
import { type EdgeView, type EngineContext, alike } from '../engine-context.js';
import { duration, plural } from '../explain.js';

/** Receivers and senders looked at per new edge. */
const MAX_SIDE = 32;

export class BipartiteTypology {
  check(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const c = ctx.config.typologies.bipartite;
    if (!c.enabled || e.src === e.dst) return;
    const w = ctx.w;
    const from = ctx.now - c.windowMs;
    const cap = ctx.config.typologies.maxScan;
    // Each sender and receiver counted needs an edge of its own into v or out of u: too few live edges rule the block out.
    const vin = w.in(e.dst);
    const outs = w.out(e.src);
    if (vin.ids.length - vin.start < c.minSenders - 1 || outs.ids.length - outs.start < c.minReceivers) return;
    // Cheap gate first: v must be paid alike amounts by other senders too, or there is no block.
    let others = 0;
    ctx.marks.reset(w.accountCount);
    for (let i = vin.ids.length - 1, n = 0; i >= vin.start && n < cap && others < c.minSenders - 1; i--, n++) {
      const s = w.slot(vin.ids[i] as number);
      const p = w.srcAt(s);
      if (p === e.src || w.timeAt(s) < from || !alike(w.amountAt(s), e.amount, c.amountTolerance)) continue;
      if (ctx.marks.add(p)) others++;
    }
    if (others < c.minSenders - 1) return;
    // Receivers: u's payees (alike amounts) in the window.
    ctx.marks.reset(w.accountCount);
    const receivers: number[] = [];
    for (let i = outs.ids.length - 1, n = 0; i >= outs.start && n < cap && receivers.length < MAX_SIDE; i--, n++) {
      const s = w.slot(outs.ids[i] as number);
      if (w.timeAt(s) < from || !alike(w.amountAt(s), e.amount, c.amountTolerance)) continue;
      const r = w.dstAt(s);
      if (r !== e.src && ctx.marks.add(r, 1)) receivers.push(r);
    }
    if (receivers.length < c.minReceivers) return;
    // Senders: how many of those receivers each paid (one count per sender and receiver).
    ctx.marks2.reset(w.accountCount);
    const senders: number[] = [];
    const candidates: number[] = [];
    for (const r of receivers) {
      const ins = w.in(r);
      ctx.marks3.reset(w.accountCount);
      for (let i = ins.ids.length - 1, n = 0; i >= ins.start && n < cap; i--, n++) {
        const s = w.slot(ins.ids[i] as number);
        if (w.timeAt(s) < from || !alike(w.amountAt(s), e.amount, c.amountTolerance)) continue;
        const p = w.srcAt(s);
        if (p === r || ctx.marks.has(p) || !ctx.marks3.add(p)) continue;
        const k = ctx.marks2.get(p);
        if (k === 0) candidates.push(p);
        ctx.marks2.set(p, k + 1);
      }
    }
    for (const p of candidates) if (ctx.marks2.get(p) >= c.minReceivers && senders.length < MAX_SIDE) senders.push(p);
    if (senders.length < c.minSenders) return;
    // The block's edges.
    const inR = new Set(receivers);
    const edges: number[] = [];
    let total = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const p of senders) {
      const list = w.out(p);
      for (let i = list.ids.length - 1, n = 0; i >= list.start && n < cap; i--, n++) {
        const id = list.ids[i] as number;
        const s = w.slot(id);
        if (w.timeAt(s) < from || !inR.has(w.dstAt(s)) || !alike(w.amountAt(s), e.amount, c.amountTolerance)) continue;
        edges.push(id);
        total += w.amountAt(s);
        first = Math.min(first, w.timeAt(s));
        last = Math.max(last, w.timeAt(s));
      }
    }
    if (total < c.minTotal) return;
    const usedReceivers = receivers.filter((r) => edges.some((id) => w.dstAt(w.slot(id)) === r));
    out.push({
      type: 'bipartite_burst',
      group: 'flow',
      kind: 'typology',
      severity: senders.length * usedReceivers.length >= 16 ? 'high' : 'medium',
      score: Math.min(0.9, 0.6 + 0.02 * edges.length),
      anchors: senders,
      accounts: [...senders, ...usedReceivers],
      edges,
      explanation: `${plural(senders.length, 'sender')} each paid at least ${c.minReceivers} of the same ${plural(usedReceivers.length, 'receiver')} about ${ctx.money(e.amount)} a time within ${duration(last - first)}: ${plural(edges.length, 'transfer')}, ${ctx.money(total)} in all`,
      facts: { senders: senders.length, receivers: usedReceivers.length, transfers: edges.length, total },
    });
  }
}
