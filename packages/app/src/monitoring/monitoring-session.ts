/**
 * One agency's live monitoring: the engine with its sliding window in memory, fed batch by batch. Each batch
 * is stored first (the store says which transaction ids are new, so a replay reaches the engine as nothing),
 * then evaluated, then its alerts and rejections are written — one database transaction per kind per batch.
 */

import type { Alert, Transaction } from '@argus/core';
import { MonitorEngine } from '@argus/core/monitoring';
import { checkTransactionObject, type Rejection, type TransactionParseEvent, withBaseAmount } from '@argus/core/transactions';
import type { Clock } from '../ports/clock.js';
import type { AgencyStore } from '../ports/store.js';
import type { EntityIndexCache } from '../screening/entity-index-cache.js';
import { loadMonitoringSettings, type MonitoringSettings } from './monitoring-settings.js';
import { partyScreenerFor } from './party-screener.js';

export interface MonitoringDeps {
  readonly store: AgencyStore;
  readonly clock: Clock;
  /** Screening for the sanctioned-counterparty rule; without it the rule stays silent. */
  readonly screening?: EntityIndexCache;
  /** Transactions per stored batch (default 1,000). */
  readonly batchSize?: number;
  /**
   * Stored transactions replayed into a new engine so patterns spanning an earlier ingest are seen:
   * the most recent ones within the longest window, at most this many (default 1,000,000; 0 turns it off).
   */
  readonly warmupLimit?: number;
}

export interface IngestCounts {
  /** Records read: transactions and rejections. */
  readonly read: number;
  /** Transactions stored for the first time (and evaluated). */
  readonly new: number;
  /** Transactions whose id was already stored (replays): neither stored nor evaluated again. */
  readonly duplicates: number;
  readonly rejected: number;
  /** Distinct alerts raised for the first time. */
  readonly alertsNew: number;
  /** Distinct alerts stored before this ingest that it grew. */
  readonly alertsUpdated: number;
  /** New or updated alerts by type. */
  readonly alertsByType: Readonly<Record<string, number>>;
}

/** Counts of one ingest; an alert counts once however often the ingest grows it. */
class Tally {
  read = 0;
  new = 0;
  duplicates = 0;
  rejected = 0;
  readonly #inserted = new Set<string>();
  readonly #updated = new Set<string>();
  readonly #types = new Map<string, string>();

  alerts(inserted: readonly string[], updated: readonly string[], all: Iterable<Alert>): void {
    for (const id of inserted) this.#inserted.add(id);
    for (const id of updated) if (!this.#inserted.has(id)) this.#updated.add(id);
    for (const a of all) this.#types.set(a.id, a.type);
  }

  counts(): IngestCounts {
    const alertsByType: Record<string, number> = {};
    for (const type of this.#types.values()) alertsByType[type] = (alertsByType[type] ?? 0) + 1;
    return {
      read: this.read,
      new: this.new,
      duplicates: this.duplicates,
      rejected: this.rejected,
      alertsNew: this.#inserted.size,
      alertsUpdated: this.#updated.size,
      alertsByType,
    };
  }
}

/** A batch's rejection as the library and HTTP API return it: the record's index in the batch. */
export interface BatchRejection {
  readonly index: number;
  readonly id?: string;
  readonly field?: string;
  readonly reason: string;
}

export interface BatchResult extends IngestCounts {
  readonly rejections: readonly BatchRejection[];
  /** Alerts raised or grown by this batch. */
  readonly alerts: readonly Alert[];
}

export class MonitoringSession {
  readonly #deps: MonitoringDeps;
  readonly settings: MonitoringSettings;
  readonly #engine: MonitorEngine;
  readonly #screening: { refresh(): Promise<void> } | undefined;
  /** Serialises ingests: the engine sees one ordered stream per agency. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Transactions replayed from the store when the session opened. */
  warmedUp = 0;

  private constructor(deps: MonitoringDeps, settings: MonitoringSettings, engine: MonitorEngine, screening: { refresh(): Promise<void> } | undefined) {
    this.#deps = deps;
    this.settings = settings;
    this.#engine = engine;
    this.#screening = screening;
  }

  /** Loads the agency's settings, builds the engine (with counterparty screening when lists exist) and warms its window from the store. */
  static async open(deps: MonitoringDeps): Promise<MonitoringSession> {
    const settings = await loadMonitoringSettings(deps.store.monitoring);
    const screening =
      settings.config.rules.sanctionedCounterparty.enabled && deps.screening ? await partyScreenerFor(deps.store, deps.screening) : undefined;
    const engine = new MonitorEngine(settings.config, screening ? { screener: screening.screener } : {});
    const session = new MonitoringSession(deps, settings, engine, screening);
    await session.#warmUp(engine.stats().retentionMs);
    return session;
  }

  get engine(): MonitorEngine {
    return this.#engine;
  }

  async #warmUp(windowMs: number): Promise<void> {
    const limit = this.#deps.warmupLimit ?? 1_000_000;
    if (limit <= 0) return;
    const repo = this.#deps.store.monitoring;
    const latest = await repo.latestTransactionTime();
    if (!latest) return;
    const since = new Date(Date.parse(latest) - windowMs).toISOString();
    // Alerts raised while replaying are already stored; the engine only needs the window and its open alerts.
    let after: { time: string; id: string } | undefined;
    let replayed = 0;
    while (replayed < limit) {
      const txs = await repo.listTransactions({ since, limit: Math.min(10_000, limit - replayed), ...(after ? { after } : {}) });
      for (const t of txs) this.#engine.process(t);
      replayed += txs.length;
      const last = txs[txs.length - 1];
      if (!last || txs.length < 10_000) break;
      after = { time: last.time, id: last.id };
    }
    this.#engine.finish();
    this.warmedUp = replayed;
  }

  /** Runs `fn` after every earlier ingest of this session. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Ingests a parsed stream. Rejections are stored with their location; transactions are stored, evaluated
   * and their alerts persisted in batches. Stops between batches when `signal` aborts (what was written stays).
   */
  ingest(
    events: AsyncIterable<TransactionParseEvent>,
    options: { readonly format?: string; readonly onProgress?: (p: IngestCounts) => void; readonly signal?: AbortSignal } = {},
  ): Promise<IngestCounts & { aborted: boolean }> {
    return this.#exclusive(async () => {
      const counts = new Tally();
      const at = this.#deps.clock.now().toISOString();
      const size = this.#deps.batchSize ?? 1000;
      let txs: Transaction[] = [];
      let rejections: Rejection[] = [];
      const flush = async () => {
        const batch = txs;
        const rejected = rejections;
        txs = [];
        rejections = [];
        await this.#store(batch, counts);
        if (rejected.length > 0) await this.#deps.store.monitoring.addRejections(rejected, { at, ...(options.format ? { format: options.format } : {}) });
        options.onProgress?.(counts.counts());
      };
      for await (const ev of events) {
        counts.read++;
        if (ev.type === 'transaction') txs.push(ev.tx);
        else {
          counts.rejected++;
          rejections.push(ev.rejection);
        }
        if (txs.length >= size || rejections.length >= size) {
          await flush();
          if (options.signal?.aborted) return { ...counts.counts(), aborted: true };
        }
      }
      await flush();
      await this.#persistAlerts(this.#engine.finish(), counts);
      options.onProgress?.(counts.counts());
      return { ...counts.counts(), aborted: false };
    });
  }

  /**
   * Ingests Transaction-shaped values (the library and HTTP API), validating each: a bad record is answered
   * with its index, field and reason (and stored as a rejection of `source`); the others go on.
   */
  ingestBatch(values: readonly unknown[], source = 'api'): Promise<BatchResult> {
    return this.#exclusive(async () => {
      const counts = new Tally();
      const rejections: BatchRejection[] = [];
      const stored: Rejection[] = [];
      const txs: Transaction[] = [];
      values.forEach((v, index) => {
        counts.read++;
        const checked = checkTransactionObject(v);
        const converted = checked.ok ? withBaseAmount(checked.value, this.settings.rates) : checked;
        if (converted.ok) {
          txs.push(converted.value);
          return;
        }
        const rawId = typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : undefined;
        const id = checked.ok ? checked.value.id : typeof rawId === 'string' && rawId.trim() ? rawId.trim() : undefined;
        counts.rejected++;
        rejections.push({ index, ...(id ? { id } : {}), ...(converted.field ? { field: converted.field } : {}), reason: converted.reason });
        stored.push({
          file: source,
          line: index + 1,
          ...(converted.field ? { field: converted.field } : {}),
          reason: converted.reason,
          ...(id ? { record: id } : {}),
        });
      });
      const alerts = new Map<string, Alert>();
      const size = this.#deps.batchSize ?? 1000;
      for (let i = 0; i < txs.length; i += size) await this.#store(txs.slice(i, i + size), counts, alerts);
      if (stored.length > 0) await this.#deps.store.monitoring.addRejections(stored, { at: this.#deps.clock.now().toISOString(), format: 'json' });
      return { ...counts.counts(), rejections, alerts: [...alerts.values()] };
    });
  }

  /** Stores a batch, evaluates the transactions that were new, persists their alerts. */
  async #store(batch: readonly Transaction[], counts: Tally, collect?: Map<string, Alert>): Promise<void> {
    if (batch.length === 0) return;
    await this.#screening?.refresh();
    const fresh = new Set(await this.#deps.store.monitoring.insertTransactions(batch));
    counts.new += fresh.size;
    counts.duplicates += batch.length - fresh.size;
    const raised: Alert[] = [];
    for (const t of batch) {
      // A repeated id inside the batch is evaluated once.
      if (!fresh.delete(t.id)) continue;
      for (const a of this.#engine.process(t)) raised.push(a);
    }
    // Growth the engine holds back (it hands an alert out again once it doubles) is drained per batch.
    for (const a of this.#engine.finish()) raised.push(a);
    await this.#persistAlerts(raised, counts, collect);
  }

  async #persistAlerts(raised: readonly Alert[], counts: Tally, collect?: Map<string, Alert>): Promise<void> {
    if (raised.length === 0) return;
    // The engine hands out a growing alert again under the same id: the last version of the batch wins.
    const latest = new Map<string, Alert>();
    for (const a of raised) latest.set(a.id, a);
    const r = await this.#deps.store.monitoring.upsertAlerts([...latest.values()]);
    counts.alerts(r.inserted, r.updated, latest.values());
    if (collect) for (const a of latest.values()) collect.set(a.id, a);
  }
}
