/**
 * The streaming monitor: feeds transactions one at a time into the window graph, runs every rule and typology
 * on the neighbourhood of the accounts each one touches, and groups what they find into alerts with stable ids.
 */

import type { Alert, Party, Transaction } from '../model/transaction.js';
import { AccountMarks } from './account-marks.js';
import { AccountProfiles, emptyActivity } from './account-profiles.js';
import { AlertBook, type Detection, type IdFor } from './alert-book.js';
import type { Check, EdgeView, EngineContext, ScreeningHit } from './engine-context.js';
import { money } from './explain.js';
import type { MonitoringConfig } from './monitoring-config.js';
import { dormantAccount, velocity } from './rules/activity-rules.js';
import { cashThreshold, largeValue, roundAmounts, splitTransfers, structuring } from './rules/amount-rules.js';
import { highRiskCorridor, sanctionedCounterparty } from './rules/party-rules.js';
import { PassThroughRule } from './rules/pass-through.js';
import { EDGE_CASH, TransactionWindow } from './transaction-window.js';
import { BipartiteTypology } from './typologies/bipartite-typology.js';
import { CycleTypology } from './typologies/cycle-typology.js';
import { FanTypology } from './typologies/fan-typology.js';
import { LayeringChainTypology } from './typologies/layering-chain.js';
import { ScatterGatherTypology } from './typologies/scatter-gather.js';

/** Screens a party's name against the watchlists; the engine caches the answer per party. */
export interface PartyScreener {
  screenParty(party: Party): ScreeningHit | undefined;
}

export interface MonitorEngineOptions {
  readonly screener?: PartyScreener;
  /** Alert id from the alert type and a deterministic key; default `<type>-<sha256(key)[0..20]>`. */
  readonly idFor?: IdFor;
}

export interface MonitorStats {
  readonly transactions: number;
  /** Transactions whose id was already in the window: not evaluated again. */
  readonly duplicates: number;
  /** Arrived more than the lateness allowance behind the newest event time (still evaluated). */
  readonly late: number;
  /** Unreadable time or amount: skipped. */
  readonly invalid: number;
  readonly accounts: number;
  readonly edgesInWindow: number;
  /** The window kept in memory, as event times. */
  readonly windowStart: string | undefined;
  readonly windowEnd: string | undefined;
  readonly retentionMs: number;
  readonly openAlerts: number;
  readonly alertsCreated: number;
  readonly alertsUpdated: number;
  readonly detections: Readonly<Record<string, number>>;
  readonly screenedParties: number;
}

const SCREEN_CACHE_MAX = 200_000;

/** The engine's one EdgeView, refilled for every transaction. */
class MutableEdge implements EdgeView {
  id = 0;
  src = 0;
  dst = 0;
  time = 0;
  amount = 0;
  cash = false;
  /** Set before any check runs. */
  tx!: Transaction;
  srcActivity = emptyActivity();
  dstActivity = emptyActivity();
  srcIdleMs = 0;
  dstIdleMs = 0;
}

class Context implements EngineContext {
  now = Number.NEGATIVE_INFINITY;
  start = Number.NaN;
  currency: string;
  readonly marks = new AccountMarks();
  readonly marks2 = new AccountMarks();
  readonly marks3 = new AccountMarks();
  constructor(
    readonly config: MonitoringConfig,
    readonly w: TransactionWindow,
    readonly profiles: AccountProfiles,
    readonly screen: (party: Party) => ScreeningHit | undefined,
  ) {
    this.currency = config.baseCurrency;
  }
  money(amount: number): string {
    return money(amount, this.currency);
  }
}

/** How far back the graph must reach for the longest enabled window. */
function retentionOf(c: MonitoringConfig): number {
  const r = c.rules;
  const t = c.typologies;
  const spans = [
    r.structuring.enabled ? r.structuring.windowMs : 0,
    r.splitTransfers.enabled ? r.splitTransfers.windowMs : 0,
    r.roundAmount.enabled ? r.roundAmount.windowMs : 0,
    r.passThrough.enabled ? r.passThrough.windowMs : 0,
    r.velocity.enabled ? r.velocity.bucketMs : 0,
    t.fanIn.enabled
      ? Math.max(t.fanIn.alike ? t.fanIn.windowMs : 0, t.fanIn.burstWindowMs + Math.min(t.fanIn.windowMs, 30 * 86_400_000))
      : 0,
    t.fanOut.enabled
      ? Math.max(t.fanOut.alike ? t.fanOut.windowMs : 0, t.fanOut.burstWindowMs + Math.min(t.fanOut.windowMs, 30 * 86_400_000))
      : 0,
    t.gatherScatter.enabled ? t.gatherScatter.windowMs : 0,
    t.scatterGather.enabled ? t.scatterGather.windowMs : 0,
    t.cycle.enabled ? t.cycle.windowMs : 0,
    t.layeringChain.enabled
      ? Math.max(t.layeringChain.unordered ? t.layeringChain.windowMs : 0, t.layeringChain.maxHopMs * t.layeringChain.maxHops)
      : 0,
    t.bipartite.enabled ? t.bipartite.windowMs : 0,
  ];
  return Math.max(...spans);
}

export class MonitorEngine {
  readonly #config: MonitoringConfig;
  readonly #w = new TransactionWindow();
  readonly #profiles: AccountProfiles;
  readonly #ctx: Context;
  readonly #book: AlertBook;
  readonly #seen = new Set<string>();
  readonly #screener: PartyScreener | undefined;
  readonly #screenCache = new Map<string, ScreeningHit | null>();
  readonly #retention: number;
  readonly #checks: Check[];
  readonly #passThrough = new PassThroughRule();
  readonly #fan = new FanTypology();
  readonly #detections: Detection[] = [];
  readonly #srcActivity = emptyActivity();
  readonly #dstActivity = emptyActivity();
  readonly #counts = new Map<string, number>();
  readonly #edge = new MutableEdge();
  readonly #onEvict = (edge: number): void => {
    const txId = this.#w.tx[this.#w.slot(edge)];
    if (txId !== undefined) this.#seen.delete(txId);
  };
  #lastTimeText: string | undefined;
  #lastTime = Number.NaN;
  #transactions = 0;
  #duplicates = 0;
  #late = 0;
  #invalid = 0;

  constructor(config: MonitoringConfig, options: MonitorEngineOptions = {}) {
    this.#config = config;
    this.#screener = options.screener;
    this.#profiles = new AccountProfiles(config.rules.velocity);
    this.#ctx = new Context(config, this.#w, this.#profiles, (p) => this.#screen(p));
    this.#book = new AlertBook(config.grouping, options.idFor);
    this.#retention = retentionOf(config);
    const cycle = new CycleTypology();
    const chain = new LayeringChainTypology();
    const scatterGather = new ScatterGatherTypology();
    const bipartite = new BipartiteTypology();
    this.#checks = [
      sanctionedCounterparty,
      largeValue,
      cashThreshold,
      highRiskCorridor,
      structuring,
      splitTransfers,
      roundAmounts,
      dormantAccount,
      velocity,
      (ctx, e, out) => this.#passThrough.check(ctx, e, out),
      (ctx, e, out) => this.#fan.check(ctx, e, out),
      (ctx, e, out) => cycle.check(ctx, e, out),
      (ctx, e, out) => chain.check(ctx, e, out),
      (ctx, e, out) => scatterGather.check(ctx, e, out),
      (ctx, e, out) => bipartite.check(ctx, e, out),
    ];
  }

  /** Feeds one transaction; returns the alerts it created or grew. Event-time order is expected up to `window.latenessMs`. */
  process(tx: Transaction): Alert[] {
    // One probe of the id set for both the duplicate test and the insert: the set is large and each probe a cache miss.
    const seen = this.#seen;
    const before = seen.size;
    seen.add(tx.id);
    if (seen.size === before) {
      this.#duplicates++;
      return [];
    }
    const time = this.#parseTime(tx.time);
    const amount = tx.baseAmount ?? tx.amount;
    if (!Number.isFinite(time) || !Number.isFinite(amount) || amount < 0) {
      seen.delete(tx.id);
      this.#invalid++;
      return [];
    }
    this.#transactions++;
    const ctx = this.#ctx;
    const w = this.#w;
    if (Number.isNaN(ctx.start) || time < ctx.start) ctx.start = time;
    if (time > ctx.now) ctx.now = time;
    else if (time < ctx.now - this.#config.window.latenessMs) this.#late++;
    ctx.currency = tx.baseAmount !== undefined ? this.#config.baseCurrency : tx.currency;

    const src = w.intern(tx.originator.account);
    const dst = w.intern(tx.beneficiary.account);
    const profiles = this.#profiles;
    profiles.ensure(w.accountCount);
    const srcIdle = time - (profiles.lastSeen[src] as number);
    const dstIdle = time - (profiles.lastSeen[dst] as number);
    const srcActivity = profiles.record(src, time, amount, this.#srcActivity);
    const dstActivity = src === dst ? srcActivity : profiles.record(dst, time, amount, this.#dstActivity);
    const cash = tx.channel === 'cash';
    const id = w.add(src, dst, time, amount, tx.id, cash ? EDGE_CASH : 0);

    // One reused view: checks read it during this call only and never keep it.
    const e = this.#edge;
    e.id = id;
    e.src = src;
    e.dst = dst;
    e.time = time;
    e.amount = amount;
    e.cash = cash;
    e.tx = tx;
    e.srcActivity = srcActivity;
    e.dstActivity = dstActivity;
    e.srcIdleMs = srcIdle;
    e.dstIdleMs = dstIdle;
    const found = this.#detections;
    found.length = 0;
    const checks = this.#checks;
    for (let i = 0; i < checks.length; i++) (checks[i] as Check)(ctx, e, found);
    const out: Alert[] = [];
    for (const d of found) {
      this.#counts.set(d.type, (this.#counts.get(d.type) ?? 0) + 1);
      const alert = this.#book.record(d, w, time);
      if (alert) out.push(alert);
    }

    w.evict(ctx.now - this.#retention - this.#config.window.latenessMs, this.#onEvict);
    if ((this.#transactions & 4095) === 0) {
      this.#book.sweep(ctx.now - this.#config.grouping.openMs);
      this.#fan.sweep(ctx.now - this.#config.typologies.gatherScatter.windowMs);
    }
    return out.length > 1 ? dedupe(out) : out;
  }

  /**
   * Event time in epoch ms. Consecutive transactions often carry the same timestamp (AMLSim steps, batch files), so
   * the last string is remembered and parsed again only when it changes.
   */
  #parseTime(text: string): number {
    if (text === this.#lastTimeText) return this.#lastTime;
    const time = Date.parse(text);
    this.#lastTimeText = text;
    this.#lastTime = time;
    return time;
  }

  /** End of a batch or stream: the alerts that grew since they were last handed out. */
  finish(): Alert[] {
    return this.#book.drain();
  }

  stats(): MonitorStats {
    const w = this.#w;
    const ctx = this.#ctx;
    const head = w.edgeCount > 0 ? w.timeAt(w.slot(w.head)) : Number.NaN;
    return {
      transactions: this.#transactions,
      duplicates: this.#duplicates,
      late: this.#late,
      invalid: this.#invalid,
      accounts: w.accountCount,
      edgesInWindow: w.edgeCount,
      windowStart: Number.isFinite(head) ? new Date(head).toISOString() : undefined,
      windowEnd: Number.isFinite(ctx.now) ? new Date(ctx.now).toISOString() : undefined,
      retentionMs: this.#retention,
      openAlerts: this.#book.openCount,
      alertsCreated: this.#book.created,
      alertsUpdated: this.#book.updated,
      detections: Object.fromEntries([...this.#counts].sort((a, b) => a[0].localeCompare(b[0]))),
      screenedParties: this.#screenCache.size,
    };
  }

  #screen(party: Party): ScreeningHit | undefined {
    if (!this.#screener || !party.name) return undefined;
    const key = `${party.account}\u001f${party.name}\u001f${party.country ?? ''}`;
    const cached = this.#screenCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.#screenCache.size >= SCREEN_CACHE_MAX) this.#screenCache.clear();
    const hit = this.#screener.screenParty(party);
    this.#screenCache.set(key, hit ?? null);
    return hit;
  }
}

/** One transaction can grow the same alert twice (two detections of one group): hand it out once, last state. */
function dedupe(alerts: Alert[]): Alert[] {
  const byId = new Map<string, Alert>();
  for (const a of alerts) byId.set(a.id, a);
  return [...byId.values()];
}
