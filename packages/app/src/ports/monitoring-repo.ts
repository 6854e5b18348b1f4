/**
 * The MonitoringRepo port: one agency's transactions (idempotent on id), alerts (same id = update),
 * rejected records and versioned monitoring configuration. Writes take batches, each one database
 * transaction, because ingestion runs at tens of thousands of transactions a second.
 */

import type { Alert, AlertStatus, Severity, Transaction } from '@argus/core';
import type { Rejection } from '@argus/core/transactions';

export interface AlertFilter {
  readonly type?: string | readonly string[];
  readonly severity?: Severity | readonly Severity[];
  readonly status?: AlertStatus | readonly AlertStatus[];
  /** Alerts involving this account. */
  readonly account?: string;
  /** ISO instant: alerts detected at or after it. */
  readonly since?: string;
  /** Default: all matching alerts. */
  readonly limit?: number;
  readonly offset?: number;
}

/** An alert as stored: the engine's alert plus who works it. */
export interface StoredAlert extends Alert {
  readonly assignee?: string;
}

export interface AlertUpsertResult {
  /** Ids stored for the first time. */
  readonly inserted: readonly string[];
  /** Ids that existed: their content was replaced, their status and assignee kept (an analyst's decision outlives a re-detection). */
  readonly updated: readonly string[];
}

export interface BatchCommit {
  /** Transaction ids stored for the first time, in batch order. */
  readonly inserted: readonly string[];
  readonly alerts: AlertUpsertResult;
}

export interface StoredRejection extends Rejection {
  /** Increasing per agency: the order records were rejected in. */
  readonly seq: number;
  /** ISO instant of the ingest that rejected it. */
  readonly at: string;
  readonly format?: string;
}

export interface RejectionFilter {
  readonly file?: string;
  /** ISO instant: rejected at or after. */
  readonly since?: string;
  /** Default 100. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface StoredMonitoringConfig {
  /** 1, 2, 3 … per agency; every save is a new version. */
  readonly version: number;
  /** The configuration document, validated by the monitoring use case before it is saved. */
  readonly config: unknown;
  readonly savedAt: string;
  readonly savedBy?: string;
}

export interface TransactionWindow {
  /** ISO instant, inclusive. */
  readonly since?: string;
  /** ISO instant, exclusive. */
  readonly until?: string;
  /** Default 1000. */
  readonly limit?: number;
}

export interface TransactionListing extends TransactionWindow {
  readonly offset?: number;
  /** Only rows after this one in (time, id) order. */
  readonly after?: { readonly time: string; readonly id: string };
}

export interface MonitoringRepo {
  /**
   * Stores the transactions whose id is not stored yet and returns those ids, in batch order (a
   * repeated id within the batch counts once). One database transaction per call.
   */
  insertTransactions(batch: readonly Transaction[]): Promise<string[]>;
  /** The ids among `ids` already stored, in the order asked (a repeated id once): a batch's duplicates, read before it is evaluated. */
  existingTransactionIds(ids: readonly string[]): Promise<string[]>;
  /**
   * Stores a batch's transactions (those not stored yet, as insertTransactions) and upserts the alerts they
   * raised in ONE database transaction: both are committed or neither. Two commits would let a crash between
   * them leave transactions stored without their alerts, and a replay would skip them as duplicates.
   */
  commitBatch(batch: { readonly transactions: readonly Transaction[]; readonly alerts: readonly Alert[] }): Promise<BatchCommit>;
  getTransaction(id: string): Promise<Transaction | undefined>;
  /** The stored ones among `ids`, in the order asked. */
  getTransactions(ids: readonly string[]): Promise<Transaction[]>;
  /** Transactions sent or received by an account, newest first (the network view's one-hop expansion). */
  transactionsOfAccount(account: string, window?: TransactionWindow): Promise<Transaction[]>;
  /**
   * Transactions by event time then id, oldest first (warming the engine's window after a restart). Page with
   * `after` (the last row of the previous page), which stays fast where a large offset would not.
   */
  listTransactions(window?: TransactionListing): Promise<Transaction[]>;
  countTransactions(): Promise<number>;
  /** The latest event time stored, or undefined when there is none. */
  latestTransactionTime(): Promise<string | undefined>;

  /** Inserts new alerts and replaces existing ones by id, one database transaction per call. */
  upsertAlerts(batch: readonly Alert[]): Promise<AlertUpsertResult>;
  getAlert(id: string): Promise<StoredAlert | undefined>;
  /** Newest detection first (then id). */
  listAlerts(filter?: AlertFilter): Promise<StoredAlert[]>;
  countAlerts(filter?: Omit<AlertFilter, 'limit' | 'offset'>): Promise<number>;
  /** False when there is no such alert. */
  updateAlertStatus(id: string, status: AlertStatus): Promise<boolean>;
  /** Records who works an alert (undefined: unassigned). False when there is no such alert. */
  assignAlert(id: string, assignee: string | undefined): Promise<boolean>;

  addRejections(batch: readonly Rejection[], meta: { readonly at: string; readonly format?: string }): Promise<void>;
  /** Newest first. */
  listRejections(filter?: RejectionFilter): Promise<StoredRejection[]>;
  countRejections(filter?: Omit<RejectionFilter, 'limit' | 'offset'>): Promise<number>;

  /** The latest configuration, or the given version; undefined when none was saved. */
  getConfig(version?: number): Promise<StoredMonitoringConfig | undefined>;
  /** Saves a new version (latest + 1) and returns it. */
  saveConfig(config: unknown, meta: { readonly savedAt: string; readonly savedBy?: string }): Promise<StoredMonitoringConfig>;
  /** Every version, newest first, without the documents. */
  listConfigVersions(): Promise<Omit<StoredMonitoringConfig, 'config'>[]>;
}
