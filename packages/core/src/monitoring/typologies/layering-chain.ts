/**
 * Layering chains: the same money relayed through a row of accounts (A → B → C → D). Around a new transfer the
 * search walks back from its originator and forward from its beneficiary: forward chains hop on within hours
 * with fees coming off; chains in any order must carry the same amount to the cent.
 */

import type { Detection } from '../alert-book.js';
import { type EdgeView, type EngineContext, alike, isWhole } from '../engine-context.js';
import { duration, plural } from '../explain.js';

type Mode = 'forward' | 'unordered';

const NONE: number[] = [];

export class LayeringChainTypology {
  readonly #path: number[] = [];
  #best: number[] = [];
  #visits = 0;

  check(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const c = ctx.config.typologies.layeringChain;
    if (!c.enabled || e.src === e.dst || e.amount < c.minAmount) return;
    let chain = this.#chain(ctx, e, 'forward', c.minHops);
    let mode: Mode = 'forward';
    if (chain.length === 0) {
      if (!c.unordered || isWhole(e.amount)) return;
      chain = this.#chain(ctx, e, 'unordered', c.unorderedMinHops);
      mode = 'unordered';
      if (chain.length === 0) return;
    }
    out.push(detection(ctx, chain, mode));
  }

  /** The longest chain through `e` (edges in order from the first payer to the last beneficiary); empty when none reaches `need`. */
  #chain(ctx: EngineContext, e: EdgeView, mode: Mode, need: number): number[] {
    const c = ctx.config.typologies.layeringChain;
    const w = ctx.w;
    ctx.marks.reset(w.accountCount);
    ctx.marks.add(e.src);
    ctx.marks.add(e.dst);
    this.#visits = 0;
    this.#best = NONE;
    this.#path.length = 0;
    this.#walk(ctx, e, mode, e.src, e.amount, e.time, 'back', c.maxHops - 1);
    const back = this.#best;
    for (const id of back) ctx.marks.add(w.srcAt(w.slot(id)));
    this.#visits = 0;
    this.#best = NONE;
    this.#path.length = 0;
    this.#walk(ctx, e, mode, e.dst, e.amount, e.time, 'forward', c.maxHops - 1 - back.length);
    if (back.length + 1 + this.#best.length < need) return NONE;
    return [...back.slice().reverse(), e.id, ...this.#best];
  }

  /** Depth-first from `node`, keeping the longest path in #best; accounts already in the chain are marked. */
  #walk(
    ctx: EngineContext,
    e: EdgeView,
    mode: Mode,
    node: number,
    amount: number,
    time: number,
    dir: 'back' | 'forward',
    budget: number,
  ): void {
    if (budget <= 0) return;
    const c = ctx.config.typologies.layeringChain;
    const w = ctx.w;
    const list = dir === 'back' ? w.in(node) : w.out(node);
    const ids = list.ids;
    const from = ctx.now - c.windowMs;
    for (let i = ids.length - 1; i >= list.start; i--) {
      if (++this.#visits > c.maxVisits) return;
      const id = ids[i] as number;
      if (id === e.id) continue;
      const s = w.slot(id);
      const t = w.timeAt(s);
      const a = w.amountAt(s);
      if (mode === 'forward') {
        // Back: this edge came first; forward: the next hop. Either way close in time and amount to its neighbour.
        if (dir === 'back' ? t > time || time - t > c.maxHopMs : t < time || t - time > c.maxHopMs) continue;
        if (!alike(a, amount, c.amountTolerance)) continue;
      } else {
        if (t < from || !alike(a, e.amount, 0)) continue;
      }
      const next = (dir === 'back' ? w.srcAt(s) : w.dstAt(s)) as number;
      if (ctx.marks.has(next)) continue;
      ctx.marks.add(next);
      this.#path.push(id);
      if (this.#path.length > this.#best.length) this.#best = this.#path.slice();
      this.#walk(ctx, e, mode, next, a, t, dir, budget - 1);
      this.#path.pop();
      // Unmark so another branch may pass through the account; the visit budget bounds the search.
      ctx.marks.remove(next);
      if (this.#visits > c.maxVisits) return;
    }
  }
}

function detection(ctx: EngineContext, chain: number[], mode: Mode): Detection {
  const w = ctx.w;
  const accounts = [w.srcAt(w.slot(chain[0] as number)), ...chain.map((id) => w.dstAt(w.slot(id)))];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const id of chain) {
    const s = w.slot(id);
    first = Math.min(first, w.timeAt(s));
    last = Math.max(last, w.timeAt(s));
  }
  const n = chain.length;
  // In chain order, not sorted: a layering chain's fees come off hop by hop, so the first and last amounts tell it.
  const start = w.amountAt(w.slot(chain[0] as number));
  const end = w.amountAt(w.slot(chain[n - 1] as number));
  const path = accounts.map((a) => w.accounts[a] as string).join(' → ');
  const trend =
    end < start - 0.005
      ? `${ctx.money(start)} shrinking to ${ctx.money(end)}`
      : end > start + 0.005
        ? `${ctx.money(start)} growing to ${ctx.money(end)}`
        : `${ctx.money(start)} at every hop`;
  const how =
    mode === 'forward'
      ? `each hop leaving within ${duration(ctx.config.typologies.layeringChain.maxHopMs)} of the last, ${trend}`
      : `the same ${ctx.money(start)} at every hop, in no particular order`;
  return {
    type: 'layering_chain',
    group: 'flow',
    kind: 'typology',
    severity: n >= 4 ? 'high' : 'medium',
    score: Math.min(0.9, (mode === 'forward' ? 0.6 : 0.65) + 0.05 * (n - 2)),
    anchors: accounts,
    accounts,
    edges: chain,
    explanation: `${ctx.money(start)} was relayed through ${plural(n + 1, 'account')} in ${plural(n, 'transfer')} (${path}) within ${duration(last - first)}: ${how}`,
    facts: { hops: n, mode, spanMs: last - first, firstAmount: start, lastAmount: end },
  };
}
