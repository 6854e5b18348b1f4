/** The rate table: how amounts in many currencies become comparable amounts in the agency's reporting currency. */

import { ArgusError, err, ok, type Result } from '../model/errors.js';

export interface RateTable {
  /** ISO 4217 code of the reporting (base) currency. */
  readonly base: string;
  /** Currency → units of the base currency per one unit of it. The base currency itself is 1 whether listed or not. */
  readonly rates: Readonly<Record<string, number>>;
}

const CURRENCY = /^[A-Z]{3}$/;

/** The base-currency amount, rounded to the cent; undefined when the table has no rate for the currency. */
export function toBaseAmount(amount: number, currency: string, table: RateTable): number | undefined {
  const rate = currency === table.base ? 1 : table.rates[currency];
  if (rate === undefined) return undefined;
  return Math.round(amount * rate * 100) / 100;
}

/**
 * Validates a rate table read from JSON: `{"base": "PKR", "rates": {"USD": 278.5, "EUR": 301.2}}`.
 * Every error names the field (`rates.USD`).
 */
export function parseRateTable(json: unknown, file?: string): Result<RateTable> {
  const fail = (field: string, message: string) =>
    err(
      new ArgusError('MONITOR_CONFIG_INVALID', `${file ? `${file}: ` : ''}${field}: ${message}`, {
        location: { ...(file ? { file } : {}), field },
      }),
    );
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('rates', 'a rate table is an object {base, rates}');
  const o = json as Record<string, unknown>;
  if (typeof o.base !== 'string' || !CURRENCY.test(o.base)) return fail('base', 'the base currency must be an ISO 4217 code such as "USD"');
  if (typeof o.rates !== 'object' || o.rates === null || Array.isArray(o.rates))
    return fail('rates', 'rates must be an object of currency → rate');
  const rates: Record<string, number> = {};
  for (const [k, v] of Object.entries(o.rates as Record<string, unknown>)) {
    if (!CURRENCY.test(k)) return fail(`rates.${k}`, 'not an ISO 4217 currency code');
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return fail(`rates.${k}`, 'a rate must be a positive number');
    rates[k] = v;
  }
  return ok({ base: o.base, rates });
}
