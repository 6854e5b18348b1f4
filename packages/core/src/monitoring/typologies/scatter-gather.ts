/**
 * Scatter-gather: one source pays several intermediaries, which all pay one destination (A → {B1…Bk} → C), the
 * sum split to cross thresholds or institutions and joined again. Evaluated for the source/destination pairs the
 * new edge can belong to, as a scatter leg or as a gather leg.
 */

import type { Detection } from '../alert-book.js';
import { type EdgeView, type EngineContext, alike, isWhole } from '../engine-context.js';
import { duration, names, plural } from '../explain.js';

/** Distinct sources or destinations tried per new edge. */
const MAX_CANDIDATES = 16;

export class ScatterGatherTypology {
  readonly #tried: number[] = [];

  check(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const c = ctx.config.typologies.scatterGather;
    if (!c.enabled || e.src === e.dst) return;
    const w = ctx.w;
    const from = ctx.now - c.windowMs;
    const cap = ctx.config.typologies.maxScan;
    const need = c.minIntermediaries;
    // As a gather leg b → c: sources are those who paid b. As a scatter leg a → b: destinations are those b paid.
    // Every intermediary needs its own gather leg into c and scatter leg out of a, so a fixed end with fewer live
    // edges than that rules the role out before any scan.
    if (w.in(e.dst).ids.length - w.in(e.dst).start >= need && this.#role(ctx, e, true, from, cap, out)) return;
    if (w.out(e.src).ids.length - w.out(e.src).start >= need) this.#role(ctx, e, false, from, cap, out);
  }

  /** Tries the new edge as a gather leg (`gather`) or a scatter leg; true when it pushed a detection. */
  #role(ctx: EngineContext, e: EdgeView, gather: boolean, from: number, cap: number, out: Detection[]): boolean {
    const w = ctx.w;
    const b = gather ? e.src : e.dst;
    const list = gather ? w.in(b) : w.out(b);
    const tried = this.#tried;
    tried.length = 0;
    for (let i = list.ids.length - 1, n = 0; i >= list.start && n < cap && tried.length < MAX_CANDIDATES; i--, n++) {
      const s = w.slot(list.ids[i] as number);
      const t = w.timeAt(s);
      if (t < from) continue;
      const other = gather ? w.srcAt(s) : w.dstAt(s);
      if (other === b || other === e.src || other === e.dst || tried.includes(other)) continue;
      const amount = w.amountAt(s);
      const match = gather ? legsMatch(ctx, amount, t, e.amount, e.time) : legsMatch(ctx, e.amount, e.time, amount, t);
      if (!match) continue;
      tried.push(other);
      const d = gather ? this.#evaluate(ctx, other, e.dst) : this.#evaluate(ctx, e.src, other);
      if (d) {
        out.push(d);
        return true;
      }
    }
    return false;
  }

  /** Intermediaries between source `a` and destination `c` within the window. */
  #evaluate(ctx: EngineContext, a: number, c: number): Detection | undefined {
    const cfg = ctx.config.typologies.scatterGather;
    const w = ctx.w;
    const from = ctx.now - cfg.windowMs;
    const cap = ctx.config.typologies.maxScan;
    // Who paid c, with that payment's edge id + 1 (0 means not marked).
    ctx.marks2.reset(w.accountCount);
    const ins = w.in(c);
    for (let i = ins.ids.length - 1, n = 0; i >= ins.start && n < cap; i--, n++) {
      const id = ins.ids[i] as number;
      const s = w.slot(id);
      if (w.timeAt(s) < from) continue;
      const b = w.srcAt(s);
      if (b !== a && b !== c && !ctx.marks2.has(b)) ctx.marks2.set(b, id + 1);
    }
    ctx.marks.reset(w.accountCount);
    const middles: number[] = [];
    const edges: number[] = [];
    let total = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    const outs = w.out(a);
    for (let i = outs.ids.length - 1, n = 0; i >= outs.start && n < cap; i--, n++) {
      const id = outs.ids[i] as number;
      const s = w.slot(id);
      const t1 = w.timeAt(s);
      if (t1 < from) continue;
      const b = w.dstAt(s);
      const g = ctx.marks2.get(b) - 1;
      if (g < 0 || ctx.marks.has(b)) continue;
      const gs = w.slot(g);
      if (!legsMatch(ctx, w.amountAt(s), t1, w.amountAt(gs), w.timeAt(gs))) continue;
      ctx.marks.add(b);
      middles.push(b);
      edges.push(id, g);
      total += w.amountAt(s);
      first = Math.min(first, t1, w.timeAt(gs));
      last = Math.max(last, t1, w.timeAt(gs));
    }
    if (middles.length < cfg.minIntermediaries || total < cfg.minTotal) return undefined;
    const src = w.accounts[a] as string;
    const dst = w.accounts[c] as string;
    return {
      type: 'scatter_gather',
      group: 'flow',
      kind: 'typology',
      severity: middles.length >= 2 * cfg.minIntermediaries ? 'high' : 'medium',
      score: Math.min(0.9, 0.65 + 0.05 * (middles.length - cfg.minIntermediaries)),
      anchors: [a, c],
      accounts: [a, ...middles, c],
      edges,
      explanation: `${src} split ${ctx.money(total)} across ${plural(middles.length, 'intermediary', 'intermediaries')} (${names(middles.map((m) => w.accounts[m] as string))}), who all paid it on to ${dst}, within ${duration(last - first)}`,
      facts: { intermediaries: middles.length, total, spanMs: last - first },
    };
  }
}

/** Scatter leg (x at t1) and gather leg (y at t2): passed on later, about as much; or in any order, the same to the cent. */
function legsMatch(ctx: EngineContext, x: number, t1: number, y: number, t2: number): boolean {
  const c = ctx.config.typologies.scatterGather;
  if (t2 >= t1 && alike(x, y, c.amountTolerance)) return true;
  return c.unordered && !isWhole(x) && alike(x, y, 0);
}
