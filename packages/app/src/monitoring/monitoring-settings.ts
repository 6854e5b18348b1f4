/**
 * An agency's monitoring settings as stored: the engine configuration (MonitoringConfig JSON) plus the
 * rate table under `rates` — `{"version": 1, "baseCurrency": "PKR", "rates": {"USD": 281.5}, "rules": …}`.
 * One document, so one version number covers thresholds and the rates they are measured in.
 */

import { ArgusError, err, ok, type Result } from '@argus/core';
import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig, parseMonitoringConfig } from '@argus/core/monitoring';
import { parseRateTable, type RateTable } from '@argus/core/transactions';
import type { MonitoringRepo } from '../ports/monitoring-repo.js';

export interface MonitoringSettings {
  readonly config: MonitoringConfig;
  /** Rates to `config.baseCurrency`. */
  readonly rates: RateTable;
  /** The stored version these came from; 0 for the built-in defaults. */
  readonly version: number;
}

/**
 * Indicative rates in US dollars per unit (November 2025), used only while an agency has configured no
 * `rates` of its own: they keep mixed-currency feeds comparable out of the box. An FIU sets its own
 * (central bank reference rates) with `argus monitor config set`. XBT is bitcoin (no ISO 4217 code).
 */
export const INDICATIVE_USD_RATES: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.16,
  GBP: 1.32,
  CHF: 1.25,
  JPY: 0.0065,
  CNY: 0.14,
  HKD: 0.1286,
  SGD: 0.77,
  KRW: 0.00069,
  INR: 0.0113,
  PKR: 0.00355,
  BDT: 0.0082,
  AFN: 0.015,
  IRR: 0.000024,
  AED: 0.2723,
  SAR: 0.2667,
  QAR: 0.2747,
  KWD: 3.26,
  BHD: 2.65,
  OMR: 2.6,
  TRY: 0.0237,
  EGP: 0.021,
  NGN: 0.00069,
  KES: 0.0077,
  ZAR: 0.057,
  CAD: 0.71,
  AUD: 0.65,
  MXN: 0.054,
  BRL: 0.187,
  RUB: 0.0124,
  ILS: 0.3,
  SEK: 0.105,
  NOK: 0.098,
  DKK: 0.155,
  PLN: 0.273,
  MYR: 0.24,
  IDR: 0.00006,
  THB: 0.0309,
  XBT: 95_000,
};

/** The indicative table re-based to `base`; undefined when the base currency is not in it. */
export function indicativeRates(base: string): RateTable | undefined {
  const baseUsd = INDICATIVE_USD_RATES[base];
  if (baseUsd === undefined) return undefined;
  const rates: Record<string, number> = {};
  for (const [c, usd] of Object.entries(INDICATIVE_USD_RATES)) if (c !== base) rates[c] = usd / baseUsd;
  return { base, rates };
}

/** Validates a settings document: the engine configuration (every field named on error) and its `rates`. */
export function parseMonitoringSettings(json: unknown, file?: string): Result<Omit<MonitoringSettings, 'version'>> {
  let rest = json;
  let rawRates: unknown;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'rates' in json) {
    const { rates, ...others } = json as Record<string, unknown>;
    rawRates = rates;
    rest = others;
  }
  const config = parseMonitoringConfig(rest, file);
  if (!config.ok) return config;
  const base = config.value.baseCurrency;
  if (rawRates === undefined) {
    const fallback = indicativeRates(base) ?? { base, rates: {} };
    return ok({ config: config.value, rates: fallback });
  }
  const rates = parseRateTable({ base, rates: rawRates }, file);
  if (!rates.ok) return rates;
  if (rates.value.rates[base] !== undefined && rates.value.rates[base] !== 1) {
    return err(
      new ArgusError('MONITOR_CONFIG_INVALID', `${file ? `${file}: ` : ''}rates.${base}: the base currency's rate is 1`, {
        location: { ...(file ? { file } : {}), field: `rates.${base}` },
      }),
    );
  }
  return ok({ config: config.value, rates: rates.value });
}

/** The agency's current settings: the latest stored version, else the defaults. A stored version that no longer validates is an error, not a silent fallback. */
export async function loadMonitoringSettings(repo: MonitoringRepo): Promise<MonitoringSettings> {
  const stored = await repo.getConfig();
  if (!stored) {
    return { config: DEFAULT_MONITORING_CONFIG, rates: indicativeRates(DEFAULT_MONITORING_CONFIG.baseCurrency) as RateTable, version: 0 };
  }
  const parsed = parseMonitoringSettings(stored.config, `monitoring configuration v${stored.version}`);
  if (!parsed.ok) throw parsed.error;
  return { ...parsed.value, version: stored.version };
}
