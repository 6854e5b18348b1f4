/**
 * One agency's live monitoring: the engine with its sliding window in memory, fed batch by batch. For each batch
 * the store says which transaction ids it already holds (so a replay reaches the engine as nothing), the new ones
 * are evaluated, and they are committed together with the alerts they raised in one database transaction:
 * a crash can lose a batch's work only as a whole, and the replay then evaluates it again. Rejections follow.
 */

import type { Alert, Transaction } from '@argus/core';
import { MonitorEngine } from '@argus/core/monitoring';
import { checkTransactionObject, type Rejection, type TransactionParseEvent, withBaseAmount } from '@argus/core/transactions';
import type { Clock } from '../ports/clock.js';
import type { BatchCommit } from '../ports/monitoring-repo.js';
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
  /**
   * New transactions that arrived more than the configured lateness (`window.latenessMs`) behind the newest
   * event time seen: stored and evaluated all the same, but neighbours older than the window may be gone.
   */
  readonly late: number;
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
  late = 0;
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
      late: this.late,
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
  #engine: MonitorEngine;
  /** Builds an empty engine with the session's configuration and screener (again after a failed commit). */
  readonly #newEngine: () => MonitorEngine;
  readonly #screening: { refresh(): Promise<void> } | undefined;
  /** Serialises ingests: the engine sees one ordered stream per agency. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Transactions replayed from the store into the engine's window before the first new one. */
  warmedUp = 0;
  /** Warm-up waits for the first new transaction: a replayed file then costs only the idempotency check. */
  #warm = false;

  private constructor(
    deps: MonitoringDeps,
    settings: MonitoringSettings,
    newEngine: () => MonitorEngine,
    screening: { refresh(): Promise<void> } | undefined,
  ) {
    this.#deps = deps;
    this.settings = settings;
    this.#newEngine = newEngine;
    this.#engine = newEngine();
    this.#screening = screening;
  }

  /**
   * Loads the agency's settings and builds the engine (with counterparty screening when lists exist). Its
   * window is warmed from the store when the first new transaction arrives.
   */
  static async open(deps: MonitoringDeps): Promise<MonitoringSession> {
    const settings = await loadMonitoringSettings(deps.store.monitoring);
    const screening =
      settings.config.rules.sanctionedCounterparty.enabled && deps.screening
        ? await partyScreenerFor(deps.store, deps.screening)
        : undefined;
    const newEngine = () => new MonitorEngine(settings.config, screening ? { screener: screening.screener } : {});
    return new MonitoringSession(deps, settings, newEngine, screening);
  }

  get engine(): MonitorEngine {
    return this.#engine;
  }

  /**
   * Replays the stored transactions of the last window into the engine, in event-time order, except `pending`:
   * the batch about to be evaluated as new (were another writer to store some of it meanwhile, they are not seen twice).
   */
  async #warmUp(pending: ReadonlySet<string>): Promise<void> {
    this.#warm = true;
    const limit = this.#deps.warmupLimit ?? 1_000_000;
    if (limit <= 0) return;
    const windowMs = this.#engine.stats().retentionMs;
    const repo = this.#deps.store.monitoring;
    const latest = await repo.latestTransactionTime();
    if (!latest) return;
    const since = new Date(Date.parse(latest) - windowMs).toISOString();
    // Alerts raised while replaying are already stored; the engine only needs the window and its open alerts.
    let after: { time: string; id: string } | undefined;
    let replayed = 0;
    let warmed = 0;
    while (replayed < limit) {
      const txs = await repo.listTransactions({ since, limit: Math.min(10_000, limit - replayed), ...(after ? { after } : {}) });
      for (const t of txs) {
        if (pending.has(t.id)) continue;
        this.#engine.process(t);
        warmed++;
      }
      replayed += txs.length;
      const last = txs[txs.length - 1];
      if (!last || txs.length < 10_000) break;
      after = { time: last.time, id: last.id };
    }
    this.#engine.finish();
    this.warmedUp = warmed;
  }

  /** Runs `fn` after every earlier ingest of this session. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Ingests a parsed stream. Rejections are stored with their location; transactions are evaluated and
   * committed with their alerts in batches. Stops between batches when `signal` aborts (what was written stays).
   */
  ingest(
    events: AsyncIterable<TransactionParseEvent>,
    options: { readonly format?: string; readonly onProgress?: (p: IngestCounts) => void; readonly signal?: AbortSignal } = {},
  ): Promise<IngestCounts & { aborted: boolean }> {
    return this.#exclusive(async () => {
      const counts = new Tally();
      const at = this.#deps.clock.now().toISOString();
      const size = this.#deps.batchSize ?? 10_000;
      let txs: Transaction[] = [];
      let rejections: Rejection[] = [];
      const flush = async () => {
        const batch = txs;
        const rejected = rejections;
        txs = [];
        rejections = [];
        await this.#store(batch, counts);
        if (rejected.length > 0)
          await this.#deps.store.monitoring.addRejections(rejected, { at, ...(options.format ? { format: options.format } : {}) });
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
        } else if (options.onProgress && (counts.read & 1023) === 0) {
          // Reading moves on between the (large) batches: the bytes read so far show it.
          options.onProgress(counts.counts());
        }
      }
      await flush();
      const held = this.#engine.finish();
      if (held.length > 0) await this.#commit([], held, counts);
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
      const size = this.#deps.batchSize ?? 10_000;
      for (let i = 0; i < txs.length; i += size) await this.#store(txs.slice(i, i + size), counts, alerts);
      if (stored.length > 0)
        await this.#deps.store.monitoring.addRejections(stored, { at: this.#deps.clock.now().toISOString(), format: 'json' });
      return { ...counts.counts(), rejections, alerts: [...alerts.values()] };
    });
  }

  /**
   * Evaluates the transactions of a batch not stored yet, then commits them with the alerts they raised in one
   * database transaction: a crash before the commit leaves neither, so a replay evaluates the batch again.
   */
  async #store(batch: readonly Transaction[], counts: Tally, collect?: Map<string, Alert>): Promise<void> {
    if (batch.length === 0) return;
    await this.#screening?.refresh();
    const known = new Set(await this.#deps.store.monitoring.existingTransactionIds(batch.map((t) => t.id)));
    // A repeated id inside the batch is evaluated (and counted new) once.
    const fresh = new Map<string, Transaction>();
    for (const t of batch) if (!known.has(t.id) && !fresh.has(t.id)) fresh.set(t.id, t);
    if (fresh.size === 0) {
      counts.duplicates += batch.length;
      return;
    }
    if (!this.#warm) await this.#warmUp(new Set(fresh.keys()));
    const lateBefore = this.#engine.stats().late;
    const raised: Alert[] = [];
    for (const t of fresh.values()) for (const a of this.#engine.process(t)) raised.push(a);
    const late = this.#engine.stats().late - lateBefore;
    // Growth the engine holds back (it hands an alert out again once it doubles) is drained per batch.
    for (const a of this.#engine.finish()) raised.push(a);
    const inserted = await this.#commit([...fresh.values()], raised, counts, collect);
    counts.new += inserted;
    counts.duplicates += batch.length - inserted;
    counts.late += late;
  }

  /**
   * Commits transactions with their alerts (the last version of an alert in the batch wins) and returns how many
   * transactions were new. When the commit fails the engine has seen what the store has not: it is replaced by a
   * fresh one, warmed from the store on the next batch, so a retry evaluates the batch as new again.
   */
  async #commit(
    transactions: readonly Transaction[],
    raised: readonly Alert[],
    counts: Tally,
    collect?: Map<string, Alert>,
  ): Promise<number> {
    const latest = new Map<string, Alert>();
    for (const a of raised) latest.set(a.id, a);
    let r: BatchCommit;
    try {
      r = await this.#deps.store.monitoring.commitBatch({ transactions, alerts: [...latest.values()] });
    } catch (e) {
      this.#engine = this.#newEngine();
      this.#warm = false;
      this.warmedUp = 0;
      throw e;
    }
    if (latest.size > 0) counts.alerts(r.alerts.inserted, r.alerts.updated, latest.values());
    if (collect) for (const a of latest.values()) collect.set(a.id, a);
    return r.inserted.length;
  }
}
