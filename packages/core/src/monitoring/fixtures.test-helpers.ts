/** Small synthetic transaction sets for the monitoring tests: a clock, a transaction builder and seeded background traffic. */
import type { Alert, Channel, Transaction } from '../model/transaction.js';
import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig } from './monitoring-config.js';
import { MonitorEngine, type MonitorEngineOptions } from './monitor-engine.js';
import { parseMonitoringConfig } from './parse-monitoring-config.js';

export const T0 = Date.parse('2025-03-01T00:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

let seq = 0;

/** A transfer `from` → `to` at T0 + `at` ms. */
export function tx(
  from: string,
  to: string,
  amount: number,
  at: number,
  more: { id?: string; channel?: Channel; fromCountry?: string; toCountry?: string; fromName?: string; toName?: string } = {},
): Transaction {
  return {
    id: more.id ?? `t${++seq}`,
    time: new Date(T0 + at).toISOString(),
    amount,
    currency: 'USD',
    originator: { account: from, ...(more.fromCountry && { country: more.fromCountry }), ...(more.fromName && { name: more.fromName }) },
    beneficiary: { account: to, ...(more.toCountry && { country: more.toCountry }), ...(more.toName && { name: more.toName }) },
    ...(more.channel && { channel: more.channel }),
  };
}

/** A configuration with the defaults and these overrides (validated). */
export function config(overrides: Record<string, unknown> = {}): MonitoringConfig {
  const r = parseMonitoringConfig({ version: 1, ...overrides });
  if (!r.ok) throw r.error;
  return r.value;
}

/** Every alert's final state after feeding all transactions and finishing. */
export function runAll(
  txs: readonly Transaction[],
  cfg: MonitoringConfig = DEFAULT_MONITORING_CONFIG,
  options?: MonitorEngineOptions,
): Alert[] {
  const engine = new MonitorEngine(cfg, options);
  const byId = new Map<string, Alert>();
  for (const t of txs) for (const a of engine.process(t)) byId.set(a.id, a);
  for (const a of engine.finish()) byId.set(a.id, a);
  return [...byId.values()];
}

export function ofType(alerts: readonly Alert[], type: string): Alert[] {
  return alerts.filter((a) => a.type === type);
}

/** A deterministic pseudo-random source (LCG), so background traffic is the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Background traffic: `accounts` accounts paying each other random amounts with cents at random times over
 * `days`, each account keeping a few regular payees — the near-miss every typology must stay quiet on.
 */
export function background(accounts: number, count: number, days: number, seed = 7): Transaction[] {
  const r = rng(seed);
  const payees = Array.from({ length: accounts }, () => Array.from({ length: 4 }, () => Math.floor(r() * accounts)));
  const out: Transaction[] = [];
  for (let i = 0; i < count; i++) {
    const a = Math.floor(r() * accounts);
    const b = (payees[a] as number[])[Math.floor(r() * 4)] as number;
    if (a === b) continue;
    const amount = Math.round((20 + r() * 4_000) * 100) / 100;
    out.push(tx(`bg${a}`, `bg${b}`, amount, Math.floor((i / count) * days * DAY + r() * HOUR), { id: `bg-${i}` }));
  }
  return out;
}

/** Merges transaction lists into event-time order (stable). */
export function byTime(...lists: Transaction[][]): Transaction[] {
  return lists.flat().sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
