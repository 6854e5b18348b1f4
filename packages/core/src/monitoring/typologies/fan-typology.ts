/**
 * Star-shaped typologies around the accounts a transaction touches: fan-in (many distinct senders into one
 * account — a call centre's collection account, a mule), fan-out (one account paying many), and gather-scatter
 * (a fan-in whose money fans out again). Each evaluation scans only the hub's own edges inside the window.
 */

import type { Detection } from '../alert-book.js';
import { type EdgeView, type EngineContext, alike } from '../engine-context.js';
import type { EdgeList } from '../transaction-window.js';
import { duration, names, percent, plural } from '../explain.js';
import type { FanConfig } from '../monitoring-config.js';

type Direction = 'in' | 'out';

interface FanFinding {
  readonly mode: 'alike' | 'burst';
  readonly hub: number;
  readonly counterparties: number[];
  readonly edges: number[];
  readonly total: number;
  readonly first: number;
  readonly last: number;
  /** Burst: the account's usual number of counterparties per burst window before. */
  readonly expected: number;
}

/** A hub that fanned in recently: gather-scatter looks at its outflows. */
interface Gathered {
  readonly time: number;
  readonly finding: FanFinding;
}

export class FanTypology {
  readonly #gathered = new Map<number, Gathered>();
  /** Scratch lists reused by every search; copied only when a pattern is found. */
  readonly #parties: number[] = [];
  readonly #edges: number[] = [];
  readonly #amounts = new Map<number, number>();

  check(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    if (e.src === e.dst) return;
    const t = ctx.config.typologies;
    if (t.fanIn.enabled) {
      const f = this.#find(ctx, e, 'in', t.fanIn);
      if (f) {
        out.push(fanDetection(ctx, f, 'in'));
        if (t.gatherScatter.enabled) this.#gathered.set(f.hub, { time: e.time, finding: f });
      }
    }
    if (t.fanOut.enabled) {
      const f = this.#find(ctx, e, 'out', t.fanOut);
      if (f) out.push(fanDetection(ctx, f, 'out'));
    }
    if (t.gatherScatter.enabled) this.#scatter(ctx, e, out);
  }

  /** Forgets gathered hubs older than the gather-scatter window. */
  sweep(before: number): void {
    for (const [hub, g] of this.#gathered) if (g.time < before) this.#gathered.delete(hub);
  }

  #find(ctx: EngineContext, e: EdgeView, dir: Direction, c: FanConfig): FanFinding | undefined {
    const w = ctx.w;
    const hub = dir === 'in' ? e.dst : e.src;
    const list = dir === 'in' ? w.in(hub) : w.out(hub);
    // Each counted counterparty needs an edge of its own: a hub with fewer live edges than either test needs cannot pass.
    if (list.ids.length - list.start < Math.min(c.alike ? c.minAlike : Number.POSITIVE_INFINITY, c.minDistinct, c.minDistinctNew)) {
      return undefined;
    }
    const fromSender = dir === 'in';
    const slack = ctx.config.window.latenessMs;
    const cap = ctx.config.typologies.maxScan;
    const longFrom = c.alike ? ctx.now - c.windowMs : ctx.now - c.burstWindowMs;
    const burstFrom = ctx.now - c.burstWindowMs;
    ctx.marks.reset(w.accountCount);
    ctx.marks2.reset(w.accountCount);
    const alikeParties = this.#parties;
    const alikeEdges = this.#edges;
    alikeParties.length = 0;
    alikeEdges.length = 0;
    let alikeTotal = 0;
    let alikeFirst = e.time;
    let alikeLast = e.time;
    let burstCount = 0;
    // A counterparty paid the same amount again later (a salary, a standing order) shows the hub pays on a schedule:
    // its equal amounts are standing payments, not a fan.
    let recurring = 0;
    for (let i = list.ids.length - 1, n = 0; i >= list.start && n < cap; i--, n++) {
      const id = list.ids[i] as number;
      const s = w.slot(id);
      const time = w.timeAt(s);
      if (time < longFrom - slack) break;
      if (time < longFrom) continue;
      const party = fromSender ? w.srcAt(s) : w.dstAt(s);
      if (party === hub) continue;
      const amount = w.amountAt(s);
      if (c.alike && alike(amount, e.amount, c.amountTolerance)) {
        if (ctx.marks.add(party, time)) alikeParties.push(party);
        else if (c.minSpanMs > 0 && Math.abs(time - ctx.marks.get(party)) > c.minSpanMs) recurring++;
        alikeEdges.push(id);
      }
      if (time >= burstFrom && ctx.marks2.add(party)) burstCount++;
    }
    for (const id of alikeEdges) {
      const s = w.slot(id);
      const time = w.timeAt(s);
      alikeTotal += w.amountAt(s);
      if (time < alikeFirst) alikeFirst = time;
      if (time > alikeLast) alikeLast = time;
    }
    if (
      c.alike &&
      recurring === 0 &&
      alikeParties.length >= c.minAlike &&
      alikeTotal >= c.minTotal &&
      alikeLast - alikeFirst >= c.minSpanMs &&
      !this.#commonAmounts(ctx, list, dir, e, c)
    ) {
      return {
        mode: 'alike',
        hub,
        counterparties: alikeParties.slice(),
        edges: alikeEdges.slice(),
        total: alikeTotal,
        first: alikeFirst,
        last: e.time,
        expected: 0,
      };
    }
    if (burstCount < Math.min(c.minDistinct, c.minDistinctNew)) return undefined;
    return this.#burst(ctx, e, dir, c, hub);
  }

  /**
   * A shop sees the same prices from many customers: when two or more other amounts also repeat across distinct
   * counterparties, equal amounts are the hub's price list, not a pattern (a fan-in hub has one amount, not a menu).
   */
  #commonAmounts(ctx: EngineContext, list: EdgeList, dir: Direction, e: EdgeView, c: FanConfig): boolean {
    const w = ctx.w;
    const fromSender = dir === 'in';
    const from = ctx.now - c.windowMs;
    const cap = ctx.config.typologies.maxScan;
    const seen = this.#amounts;
    seen.clear();
    let repeated = 0;
    for (let i = list.ids.length - 1, n = 0; i >= list.start && n < cap; i--, n++) {
      const s = w.slot(list.ids[i] as number);
      if (w.timeAt(s) < from) continue;
      const amount = w.amountAt(s);
      if (alike(amount, e.amount, c.amountTolerance)) continue;
      const key = Math.round(amount * 100);
      const party = fromSender ? w.srcAt(s) : w.dstAt(s);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, party);
      else if (first !== party && first !== -1) {
        // A second counterparty paying the same other amount: one more repeated price.
        seen.set(key, -1);
        if (++repeated >= 2) return true;
      }
    }
    return false;
  }

  /** The burst window against the account's own rate before it; undefined when there is too little history to tell. */
  #burst(ctx: EngineContext, e: EdgeView, dir: Direction, c: FanConfig, hub: number): FanFinding | undefined {
    const w = ctx.w;
    const burstFrom = ctx.now - c.burstWindowMs;
    const priorSpan = Math.min(c.windowMs - c.burstWindowMs, burstFrom - ctx.start);
    if (priorSpan < Math.max(c.burstWindowMs, c.minHistoryMs)) return undefined;
    const list = dir === 'in' ? w.in(hub) : w.out(hub);
    const fromSender = dir === 'in';
    const cap = ctx.config.typologies.maxScan;
    ctx.marks.reset(w.accountCount);
    ctx.marks2.reset(w.accountCount);
    const parties: number[] = [];
    const edges: number[] = [];
    let total = 0;
    let first = e.time;
    // The rate before is counted in transfers, not distinct counterparties: over a long span an account's regular
    // counterparties count once, and a busy account would look quiet next to any ordinary day and a half.
    let prior = 0;
    let oldest = burstFrom;
    const priorFrom = burstFrom - priorSpan;
    let i = list.ids.length - 1;
    for (let n = 0; i >= list.start && n < cap; i--, n++) {
      const id = list.ids[i] as number;
      const s = w.slot(id);
      const time = w.timeAt(s);
      if (time < priorFrom) break;
      const party = fromSender ? w.srcAt(s) : w.dstAt(s);
      if (party === hub) continue;
      if (time >= burstFrom) {
        if (ctx.marks.add(party)) parties.push(party);
        edges.push(id);
        total += w.amountAt(s);
        if (time < first) first = time;
      } else {
        prior++;
        oldest = time;
      }
    }
    // Stopped by the scan cap: the rate is over the part of the span actually read.
    const span = i >= list.start && prior > 0 ? Math.max(burstFrom - oldest, c.burstWindowMs) : priorSpan;
    const expected = (prior * c.burstWindowMs) / span;
    // An account first seen inside the burst window is new: the collection account opened for the scheme.
    const isNew = prior === 0 && (ctx.profiles.firstSeen[hub] as number) >= burstFrom;
    const needed = isNew ? c.minDistinctNew : Math.max(c.minDistinct, c.burstRatio * expected);
    if (parties.length < needed || total < c.minTotal || e.time - first < c.minSpanMs) return undefined;
    return { mode: 'burst', hub, counterparties: parties, edges, total, first, last: e.time, expected };
  }

  /** An outflow from a hub that gathered: does most of the gathered money fan out again? */
  #scatter(ctx: EngineContext, e: EdgeView, out: Detection[]): void {
    const g = this.#gathered.get(e.src);
    if (!g) return;
    const c = ctx.config.typologies.gatherScatter;
    if (e.time - g.time > c.windowMs) {
      this.#gathered.delete(e.src);
      return;
    }
    const w = ctx.w;
    const hub = e.src;
    const f = g.finding;
    if (f.counterparties.length < c.minIn || f.total < c.minTotal) return;
    const list = w.out(hub);
    const cap = ctx.config.typologies.maxScan;
    ctx.marks.reset(w.accountCount);
    const receivers: number[] = [];
    const edges: number[] = [];
    let outSum = 0;
    let last = f.first;
    for (let i = list.ids.length - 1, n = 0; i >= list.start && n < cap; i--, n++) {
      const id = list.ids[i] as number;
      const s = w.slot(id);
      const time = w.timeAt(s);
      if (time < f.first - ctx.config.window.latenessMs) break;
      if (time < f.first || w.dstAt(s) === hub) continue;
      if (ctx.marks.add(w.dstAt(s))) receivers.push(w.dstAt(s));
      edges.push(id);
      outSum += w.amountAt(s);
      if (time > last) last = time;
    }
    const ratio = outSum / f.total;
    if (receivers.length < c.minOut || ratio < c.minPassRatio) return;
    const name = w.accounts[hub] as string;
    out.push({
      type: 'gather_scatter',
      group: 'star',
      kind: 'typology',
      severity: 'high',
      score: Math.min(0.95, 0.7 + 0.05 * Math.log2(f.counterparties.length + receivers.length) * Math.min(1, ratio)),
      anchors: [hub],
      accounts: [hub, ...f.counterparties, ...receivers],
      edges: [...f.edges, ...edges],
      explanation: `${plural(f.counterparties.length, 'distinct sender')} paid ${ctx.money(f.total)} into ${name} within ${duration(f.last - f.first)}; ${percent(Math.min(1, ratio))} left within ${duration(last - f.last)} to ${plural(receivers.length, 'account')} (${names(receivers.map((r) => w.accounts[r] as string))})`,
      facts: { senders: f.counterparties.length, inflow: f.total, outflow: outSum, ratio, receivers: receivers.length, mode: f.mode },
    });
  }
}

function fanDetection(ctx: EngineContext, f: FanFinding, dir: Direction): Detection {
  const w = ctx.w;
  const hub = w.accounts[f.hub] as string;
  const n = f.counterparties.length;
  const c = dir === 'in' ? ctx.config.typologies.fanIn : ctx.config.typologies.fanOut;
  const span = duration(Math.max(0, f.last - f.first));
  const each = f.edges.length > 0 ? f.total / f.edges.length : 0;
  const who = names(f.counterparties.map((p) => w.accounts[p] as string));
  const explanation =
    f.mode === 'alike'
      ? dir === 'in'
        ? `${plural(n, 'distinct sender')} (${who}) each paid ${ctx.money(each)} into ${hub} within ${span}: ${plural(f.edges.length, 'transfer')} of the same amount, ${ctx.money(f.total)} in all`
        : `${hub} paid ${ctx.money(each)} each to ${plural(n, 'distinct account')} (${who}) within ${span}: ${plural(f.edges.length, 'transfer')} of the same amount, ${ctx.money(f.total)} in all`
      : dir === 'in'
        ? `${plural(n, 'distinct sender')} paid ${ctx.money(f.total)} into ${hub} within ${span}, against about ${f.expected.toFixed(1)} transfers in such a period before`
        : `${hub} paid ${ctx.money(f.total)} to ${plural(n, 'distinct account')} within ${span}, against about ${f.expected.toFixed(1)} transfers in such a period before`;
  const strength = f.mode === 'alike' ? n / c.minAlike : n / Math.max(c.minDistinct, c.burstRatio * f.expected);
  return {
    type: dir === 'in' ? 'fan_in' : 'fan_out',
    group: 'star',
    kind: 'typology',
    severity: strength >= 2 ? 'high' : 'medium',
    score: Math.min(0.9, 0.6 + 0.1 * Math.log2(strength)),
    anchors: [f.hub],
    accounts: [f.hub, ...f.counterparties],
    edges: f.edges,
    explanation,
    facts: { mode: f.mode, counterparties: n, total: f.total, transfers: f.edges.length, spanMs: f.last - f.first, expected: f.expected },
  };
}
