/**
 * Rapid pass-through: most of what an account receives leaves again within hours — the mule's signature. Also the
 * mule who receives into one account and cashes the same amount out of another: an exact, non-round amount
 * arriving by transfer and leaving as cash within the window links the two accounts.
 */

import type { Detection } from '../alert-book.js';
import { type EdgeView, type EngineContext, isWhole } from '../engine-context.js';
import { duration, names, percent, plural } from '../explain.js';

export class PassThroughRule {
  /** Cents → the newest non-cash inflow / cash outflow of that exact amount within the window. */
  readonly #inflows = new Map<number, number>();
  readonly #cashOuts = new Map<number, number>();
  /** Edge ids in arrival order, to forget index entries once they leave the window. */
  readonly #queue: number[] = [];
  readonly #queueCents: number[] = [];
  #queueHead = 0;
  /** Scratch lists reused by every evaluation; a detection copies them. */
  readonly #inEdges: number[] = [];
  readonly #outEdges: number[] = [];
  readonly #receivers: number[] = [];

  check(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const r = ctx.config.rules.passThrough;
    if (!r.enabled || e.src === e.dst) return;
    const w = ctx.w;
    // As the outflow: what came into the originator shortly before. As a late inflow: the outflows already seen after it.
    let reference = e.time;
    let account = e.src;
    if (!this.#evaluate(ctx, account, reference, out)) {
      const list = w.out(e.dst);
      let latest = Number.NaN;
      for (let i = list.ids.length - 1, n = 0; i >= list.start && n < 64; i--, n++) {
        const t = w.timeAt(w.slot(list.ids[i] as number));
        if (t >= e.time && t <= e.time + r.windowMs && !(t <= latest)) latest = t;
      }
      if (!Number.isNaN(latest)) {
        reference = latest;
        account = e.dst;
        this.#evaluate(ctx, account, reference, out);
      }
    }
    if (r.matchAcrossAccounts) this.#matchAcross(ctx, e, out);
  }

  /** Inflow in [reference − window, reference] against what left after the first of it; true when it alerted. */
  #evaluate(ctx: EngineContext, a: number, reference: number, out: Detection[]): boolean {
    const r = ctx.config.rules.passThrough;
    const w = ctx.w;
    const slack = ctx.config.window.latenessMs;
    const cap = ctx.config.typologies.maxScan;
    const from = reference - r.windowMs;
    const ins = w.in(a);
    let inSum = 0;
    let firstIn = Number.POSITIVE_INFINITY;
    const inEdges = this.#inEdges;
    inEdges.length = 0;
    for (let i = ins.ids.length - 1, n = 0; i >= ins.start && n < cap; i--, n++) {
      const id = ins.ids[i] as number;
      const s = w.slot(id);
      const t = w.timeAt(s);
      if (t < from - slack) break;
      if (t < from || t > reference || w.srcAt(s) === a) continue;
      inSum += w.amountAt(s);
      if (t < firstIn) firstIn = t;
      inEdges.push(id);
    }
    if (inSum < r.minAmount || inEdges.length === 0) return false;
    const outs = w.out(a);
    let outSum = 0;
    let lastOut = firstIn;
    const outEdges = this.#outEdges;
    outEdges.length = 0;
    ctx.marks2.reset(w.accountCount);
    const receivers = this.#receivers;
    receivers.length = 0;
    for (let i = outs.ids.length - 1, n = 0; i >= outs.start && n < cap; i--, n++) {
      const id = outs.ids[i] as number;
      const s = w.slot(id);
      const t = w.timeAt(s);
      if (t < firstIn - slack) break;
      if (t < firstIn || t > reference || w.dstAt(s) === a) continue;
      outSum += w.amountAt(s);
      if (t > lastOut) lastOut = t;
      outEdges.push(id);
      if (ctx.marks2.add(w.dstAt(s))) receivers.push(w.dstAt(s));
    }
    const ratio = outSum / inSum;
    if (ratio < r.minRatio || outSum > inSum * (1 + r.maxExcess)) return false;
    ctx.marks.reset(w.accountCount);
    const senders: number[] = [];
    for (const id of inEdges) {
      const src = w.srcAt(w.slot(id));
      if (ctx.marks.add(src)) senders.push(src);
    }
    const who = w.accounts[a] as string;
    out.push({
      type: 'pass_through',
      kind: 'rule',
      severity: inSum >= 10 * r.minAmount ? 'high' : 'medium',
      score: Math.min(0.95, 0.55 + 0.25 * Math.min(1, ratio) * Math.min(1, Math.log10(inSum / r.minAmount + 1))),
      anchors: [a],
      accounts: [a, ...senders, ...receivers],
      edges: [...inEdges, ...outEdges],
      explanation: `${plural(senders.length, 'sender')} paid ${ctx.money(inSum)} into ${who}; ${percent(Math.min(1, ratio))} left within ${duration(lastOut - firstIn)} to ${plural(receivers.length, 'account')} (${names(receivers.map((x) => w.accounts[x] as string))})`,
      facts: { inflow: inSum, outflow: outSum, ratio, senders: senders.length, receivers: receivers.length, spanMs: lastOut - firstIn },
    });
    return true;
  }

  #matchAcross(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const r = ctx.config.rules.passThrough;
    this.#forget(ctx, ctx.now - r.windowMs - ctx.config.window.latenessMs);
    if (e.amount < r.minAmount || isWhole(e.amount / 100)) return;
    const cents = Math.round(e.amount * 100);
    this.#queue.push(e.id);
    this.#queueCents.push(cents);
    if (e.cash) {
      this.#cashOuts.set(cents, e.id);
      const f = this.#inflows.get(cents);
      if (f !== undefined) this.#matched(ctx, f, e.id, out);
    } else {
      this.#inflows.set(cents, e.id);
      const c = this.#cashOuts.get(cents);
      if (c !== undefined) this.#matched(ctx, e.id, c, out);
    }
  }

  #matched(ctx: EngineContext, inflow: number, cashOut: number, out: Detection[]): void {
    const r = ctx.config.rules.passThrough;
    const w = ctx.w;
    if (inflow < w.head || cashOut < w.head) return;
    const fs = w.slot(inflow);
    const cs = w.slot(cashOut);
    const tIn = w.timeAt(fs);
    const tOut = w.timeAt(cs);
    const receiver = w.dstAt(fs);
    const casher = w.srcAt(cs);
    if (tOut < tIn || tOut - tIn > r.windowMs || receiver === casher || w.srcAt(fs) === casher) return;
    const amount = w.amountAt(fs);
    out.push({
      type: 'pass_through',
      kind: 'rule',
      severity: 'high',
      score: Math.min(0.95, 0.7 + 0.1 * Math.log10(amount / r.minAmount + 1)),
      anchors: [receiver, casher],
      accounts: [w.srcAt(fs), receiver, casher, w.dstAt(cs)],
      edges: [inflow, cashOut],
      explanation: `${ctx.money(amount)} arrived in ${w.accounts[receiver]} from ${w.accounts[w.srcAt(fs)]} and exactly ${ctx.money(amount)} was cashed out of ${w.accounts[casher]} within ${duration(tOut - tIn)}: the two accounts move the same money and may have one controller`,
      facts: { amount, matchedAcrossAccounts: true, spanMs: tOut - tIn },
    });
  }

  #forget(ctx: EngineContext, before: number): void {
    const w = ctx.w;
    const q = this.#queue;
    while (this.#queueHead < q.length) {
      const id = q[this.#queueHead] as number;
      if (id >= w.head && w.timeAt(w.slot(id)) >= before) break;
      const cents = this.#queueCents[this.#queueHead] as number;
      this.#queueHead++;
      if (this.#inflows.get(cents) === id) this.#inflows.delete(cents);
      if (this.#cashOuts.get(cents) === id) this.#cashOuts.delete(cents);
    }
    if (this.#queueHead > 4096 && this.#queueHead * 2 > q.length) {
      q.splice(0, this.#queueHead);
      this.#queueCents.splice(0, this.#queueHead);
      this.#queueHead = 0;
    }
  }
}
