/**
 * Cycles of 2–6 transfers: a bounded depth-first search from the new edge's beneficiary back to its originator,
 * through edges inside the window only. Forward loops follow one another in time (at most one wrap around the
 * loop) with amounts within a tolerance of the closing transfer; loops in any order must carry the same amount.
 */

import type { Detection } from '../alert-book.js';
import { type EdgeView, type EngineContext, alike, isWhole } from '../engine-context.js';
import { duration, plural } from '../explain.js';

type Mode = 'forward' | 'unordered';

export class CycleTypology {
  /** The path being explored: edge ids, deepest last. */
  readonly #path: number[] = [];
  #visits = 0;
  #found = false;

  check(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const c = ctx.config.typologies.cycle;
    if (!c.enabled || e.src === e.dst || e.amount < c.minAmount) return;
    let mode: Mode | undefined;
    if (this.#search(ctx, e, 'forward')) mode = 'forward';
    else if (c.order === 'any' && !isWhole(e.amount) && this.#search(ctx, e, 'unordered')) mode = 'unordered';
    if (!mode) return;
    out.push(this.#detection(ctx, e, mode));
  }

  #search(ctx: EngineContext, e: EdgeView, mode: Mode): boolean {
    this.#path.length = 0;
    this.#visits = 0;
    this.#found = false;
    // Depth marks: an account reached at depth d is not expanded again at depth d or deeper.
    ctx.marks.reset(ctx.w.accountCount);
    ctx.marks.set(e.dst, 1);
    this.#dfs(ctx, e, mode, e.dst, 1, e.time, 0, e.amount);
    return this.#found;
  }

  /** `depth` transfers so far (the new edge included); `descents` counts steps back in time around the loop. */
  #dfs(
    ctx: EngineContext,
    e: EdgeView,
    mode: Mode,
    node: number,
    depth: number,
    lastTime: number,
    descents: number,
    lastAmount: number,
  ): void {
    const c = ctx.config.typologies.cycle;
    const w = ctx.w;
    const from = ctx.now - c.windowMs;
    const tolerance = mode === 'forward' ? c.amountTolerance : c.unorderedTolerance;
    const list = w.out(node);
    const ids = list.ids;
    for (let i = ids.length - 1; i >= list.start; i--) {
      if (++this.#visits > c.maxVisits) return;
      const id = ids[i] as number;
      if (id === e.id) continue;
      const s = w.slot(id);
      const t = w.timeAt(s);
      if (t < from) continue;
      // Forward: each transfer alike the one before it (fees and jitter add up around the loop); any order: all the same.
      const amount = w.amountAt(s);
      if (!alike(amount, mode === 'forward' ? lastAmount : e.amount, tolerance)) continue;
      let d = descents;
      if (mode === 'forward') {
        if (t < lastTime) d++;
        if (d > 1 || Math.abs(t - lastTime) > c.maxHopMs) continue;
      }
      const next = w.dstAt(s);
      if (next === node) continue;
      if (next === e.src) {
        if (depth + 1 < c.minLength) continue;
        if (
          mode === 'forward' &&
          (d + (e.time < t ? 1 : 0) > 1 || Math.abs(e.time - t) > c.maxHopMs || !alike(amount, e.amount, tolerance))
        )
          continue;
        this.#path.push(id);
        this.#found = true;
        return;
      }
      if (depth + 1 >= c.maxLength) continue;
      const seen = ctx.marks.get(next);
      if (seen !== 0 && seen <= depth + 1) continue;
      if (this.#onPath(ctx, next)) continue;
      ctx.marks.set(next, depth + 1);
      this.#path.push(id);
      this.#dfs(ctx, e, mode, next, depth + 1, t, d, amount);
      if (this.#found) return;
      this.#path.pop();
      if (this.#visits > c.maxVisits) return;
    }
  }

  #onPath(ctx: EngineContext, account: number): boolean {
    const w = ctx.w;
    for (const id of this.#path) if (w.srcAt(w.slot(id)) === account) return true;
    return false;
  }

  #detection(ctx: EngineContext, e: EdgeView, mode: Mode): Detection {
    const w = ctx.w;
    const edges = [e.id, ...this.#path];
    const accounts = edges.map((id) => w.srcAt(w.slot(id)));
    let total = 0;
    let first = e.time;
    let last = e.time;
    let low = e.amount;
    let high = e.amount;
    for (const id of edges) {
      const s = w.slot(id);
      const a = w.amountAt(s);
      const t = w.timeAt(s);
      total += a;
      first = Math.min(first, t);
      last = Math.max(last, t);
      low = Math.min(low, a);
      high = Math.max(high, a);
    }
    const loop = [...accounts, accounts[0] as number].map((a) => w.accounts[a] as string).join(' → ');
    const n = edges.length;
    const how =
      mode === 'forward'
        ? `one after another in time${high > low + 0.005 ? `, ${ctx.money(low)}–${ctx.money(high)} each` : `, ${ctx.money(low)} each`}`
        : `the same ${ctx.money(e.amount)} each time, in no particular order`;
    return {
      type: 'cycle',
      group: 'flow',
      kind: 'typology',
      severity: 'high',
      score: Math.min(0.95, (mode === 'forward' ? 0.75 : 0.8) + 0.03 * (n - 2)),
      anchors: accounts,
      accounts,
      edges,
      explanation: `Money went round a loop of ${plural(n, 'account')} (${loop}) within ${duration(last - first)}: ${plural(n, 'transfer')} of ${how}, ${ctx.money(total)} in all`,
      facts: { length: n, mode, total, spanMs: last - first, minAmount: low, maxAmount: high },
    };
  }
}
