/** Rules on an account's own rhythm: velocity against its history, and a dormant account suddenly active. */

import type { PeriodActivity } from '../account-profiles.js';
import type { Detection } from '../alert-book.js';
import type { Check, EdgeView, EngineContext } from '../engine-context.js';
import { duration, plural } from '../explain.js';

export const velocity: Check = (ctx, e, out) => {
  if (!ctx.config.rules.velocity.enabled) return;
  velocitySide(ctx, e, e.src, e.srcActivity, out);
  if (e.dst !== e.src) velocitySide(ctx, e, e.dst, e.dstActivity, out);
};

function velocitySide(ctx: EngineContext, e: EdgeView, account: number, act: PeriodActivity, out: Detection[]): void {
  const r = ctx.config.rules.velocity;
  {
    if (act.history < r.minHistoryBuckets || act.count < r.minCount || act.amount < r.minAmount) return;
    const period = ctx.profiles.periodOf(e.time);
    if (ctx.profiles.firedPeriod[account] === period) return;
    // A floor under the deviation keeps a perfectly regular account from alerting on one extra transaction.
    const zc = (act.count - act.meanCount) / Math.max(act.sdCount, 1, Math.sqrt(act.meanCount));
    const za = (act.amount - act.meanAmount) / Math.max(act.sdAmount, 0.25 * act.meanAmount, 1);
    const byCount = act.count >= r.ratio * Math.max(act.meanCount, 0.5) && zc >= r.zScore;
    const byAmount = act.amount >= r.ratio * Math.max(act.meanAmount, 1) && za >= r.zScore;
    if (!byCount && !byAmount) return;
    ctx.profiles.firedPeriod[account] = period;
    const w = ctx.w;
    const ratio = byCount ? act.count / Math.max(act.meanCount, 0.5) : act.amount / Math.max(act.meanAmount, 1);
    const list = w.out(account);
    const ins = w.in(account);
    const from = period * r.bucketMs;
    const edges: number[] = [];
    for (const l of [list, ins]) {
      for (let i = l.ids.length - 1; i >= l.start && edges.length < 200; i--) {
        const s = w.slot(l.ids[i] as number);
        if (w.timeAt(s) >= from) edges.push(l.ids[i] as number);
        else if (w.timeAt(s) < from - ctx.config.window.latenessMs) break;
      }
    }
    out.push({
      type: 'velocity',
      kind: 'rule',
      severity: ratio >= 3 * r.ratio ? 'high' : 'medium',
      score: Math.min(0.9, 0.5 + 0.1 * Math.log2(ratio / r.ratio + 1)),
      anchors: [account],
      accounts: [account],
      edges,
      explanation: `${w.accounts[account]} made ${plural(act.count, 'transaction')} worth ${ctx.money(act.amount)} within ${duration(r.bucketMs)}, against its usual ${act.meanCount.toFixed(1)} worth ${ctx.money(act.meanAmount)} (${ratio.toFixed(1)}× its own baseline over ${plural(Math.round(act.history), 'period')})`,
      facts: { count: act.count, amount: act.amount, meanCount: act.meanCount, meanAmount: act.meanAmount, zCount: zc, zAmount: za, ratio },
    });
  }
}

export const dormantAccount: Check = (ctx, e, out) => {
  const r = ctx.config.rules.dormantAccount;
  if (!r.enabled || e.amount < r.minAmount || !(e.srcIdleMs >= r.dormantMs || e.dstIdleMs >= r.dormantMs)) return;
  const w = ctx.w;
  const sides: [number, number][] = [
    [e.src, e.srcIdleMs],
    [e.dst, e.dstIdleMs],
  ];
  for (const [account, idle] of sides) {
    if (!(idle >= r.dormantMs)) continue;
    out.push({
      type: 'dormant_account',
      kind: 'rule',
      severity: e.amount >= 10 * r.minAmount ? 'high' : 'medium',
      score: Math.min(0.85, 0.5 + 0.1 * Math.log2(idle / r.dormantMs + 1) + 0.1 * Math.min(1, e.amount / (10 * r.minAmount))),
      anchors: [account],
      accounts: [e.src, e.dst],
      edges: [e.id],
      explanation: `${w.accounts[account]} was inactive for ${duration(idle)} and then ${account === e.src ? 'paid' : 'received'} ${ctx.money(e.amount)} (${account === e.src ? 'to' : 'from'} ${w.accounts[account === e.src ? e.dst : e.src]})`,
      facts: { idleMs: idle, amount: e.amount, dormantMs: r.dormantMs },
    });
  }
};
