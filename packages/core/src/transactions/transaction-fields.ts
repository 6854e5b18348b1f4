/**
 * Field checks shared by every transaction format: amounts, instants, currencies, countries, channels —
 * and the one validator of Transaction-shaped objects (JSON batches, the library and HTTP APIs).
 */

import { countryCode } from '../model/countries.js';
import type { Channel, Party, Transaction } from '../model/transaction.js';
import { type RateTable, toBaseAmount } from './rate-table.js';

/** A field's value, or why it is not one: `{ field, reason }` names the field as the input names it. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: string; readonly reason: string };

const good = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (field: string, reason: string): Checked<never> => ({ ok: false, field, reason });

export const CHANNELS: readonly Channel[] = ['wire', 'ach', 'card', 'cash', 'cheque', 'mobile', 'crypto', 'internal', 'other'];

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const CURRENCY = /^[A-Za-z]{3}$/;
// ISO 8601 date, optionally with time (T or space), fraction and zone. No zone means UTC.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?)?$/;
/** Amounts beyond this are a feed error, not a payment (the largest real wires are around 1e10). */
const MAX_AMOUNT = 1e15;

/** A positive decimal amount written with a dot (no thousands separators). */
export function checkAmount(text: string, field: string): Checked<number> {
  const t = text.trim();
  if (t === '') return bad(field, 'the amount is empty');
  if (!DECIMAL.test(t)) return bad(field, `"${t.slice(0, 40)}" is not a decimal amount (digits and a dot, no thousands separators)`);
  return checkAmountValue(Number(t), field);
}

export function checkAmountValue(n: number, field: string): Checked<number> {
  if (!Number.isFinite(n)) return bad(field, 'the amount is not a finite number');
  if (n <= 0) return bad(field, `the amount must be greater than zero (got ${n})`);
  if (n > MAX_AMOUNT) return bad(field, `the amount ${n} is implausibly large`);
  return good(n);
}

/**
 * An ISO 8601 instant, normalised to UTC (`2026-02-12T09:30:00.000Z`). A date alone is midnight UTC;
 * a time without a zone is taken as UTC.
 */
export function checkInstant(text: string, field: string): Checked<string> {
  const canonical = canonicalInstant(text);
  if (canonical !== undefined) return good(canonical);
  const t = text.trim();
  const m = INSTANT.exec(t);
  if (!m) return bad(field, `"${t.slice(0, 40)}" is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SSZ)`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(y), month) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return bad(field, `"${t}" is not a real date and time`);
  }
  const z = zone === 'z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${(frac + '000').slice(0, 3)}${z}`);
  if (Number.isNaN(ms)) return bad(field, `"${t}" is not a real date and time`);
  return good(new Date(ms).toISOString());
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/**
 * The fast path for what feeds usually send and what Argus writes: `YYYY-MM-DDTHH:MM:SS[.sss]Z`, checked
 * digit by digit without a Date round trip. Undefined for anything else (the general path decides).
 */
function canonicalInstant(t: string): string | undefined {
  const n = t.length;
  if ((n !== 20 && n !== 24) || t.charCodeAt(n - 1) !== 90 /* Z */) return undefined;
  if (t[4] !== '-' || t[7] !== '-' || t[10] !== 'T' || t[13] !== ':' || t[16] !== ':') return undefined;
  if (n === 24 && (t[19] !== '.' || digit(t, 20) < 0 || digit(t, 21) < 0 || digit(t, 22) < 0)) return undefined;
  const year = two(t, 0) * 100 + two(t, 2);
  const month = two(t, 5);
  const day = two(t, 8);
  const h = two(t, 11);
  const mi = two(t, 14);
  const sec = two(t, 17);
  if (year < 0 || month < 1 || month > 12 || day < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  if (day > daysIn(year, month)) return undefined;
  return n === 24 ? t : `${t.slice(0, 19)}.000Z`;
}

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An ISO 4217 code, upper-cased. */
export function checkCurrency(text: string, field: string): Checked<string> {
  const t = text.trim();
  if (!CURRENCY.test(t)) return bad(field, `"${t.slice(0, 20)}" is not an ISO 4217 currency code`);
  return good(t.toUpperCase());
}

/** An ISO 3166-1 alpha-2 code, or a country name resolved to one; empty is no country. */
export function checkCountry(text: string | undefined, field: string): Checked<string | undefined> {
  const t = text?.trim() ?? '';
  if (t === '') return good(undefined);
  const code = countryCode(t);
  return code ? good(code) : bad(field, `"${t.slice(0, 40)}" is not a country (ISO 3166-1 alpha-2 code or name)`);
}

const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  swift: 'wire',
  rtgs: 'wire',
  transfer: 'wire',
  bank_transfer: 'wire',
  'credit card': 'card',
  credit_card: 'card',
  debit_card: 'card',
  check: 'cheque',
  mobile_money: 'mobile',
  bitcoin: 'crypto',
};

/** One of the Argus channels (or a common alias of one); empty is no channel. */
export function checkChannel(text: string | undefined, field: string): Checked<Channel | undefined> {
  const t = text?.trim().toLowerCase() ?? '';
  if (t === '') return good(undefined);
  if ((CHANNELS as readonly string[]).includes(t)) return good(t as Channel);
  const alias = CHANNEL_ALIASES[t];
  if (alias) return good(alias);
  return bad(field, `unknown channel "${t.slice(0, 30)}" (one of ${CHANNELS.join(', ')})`);
}

/** A party from its four fields; the account is required. */
export function checkParty(
  fields: { account?: string | undefined; name?: string | undefined; country?: string | undefined; institution?: string | undefined },
  names: { account: string; country: string },
): Checked<Party> {
  const account = fields.account?.trim() ?? '';
  if (account === '') return bad(names.account, 'the account is empty');
  const country = checkCountry(fields.country, names.country);
  if (!country.ok) return country;
  const name = fields.name?.trim();
  const institution = fields.institution?.trim();
  return good({
    account,
    ...(name ? { name } : {}),
    ...(country.value ? { country: country.value } : {}),
    ...(institution ? { institution } : {}),
  });
}

/** Fills baseAmount from the table; a currency it lacks is a rejection naming the currency field. */
export function withBaseAmount(tx: Transaction, rates: RateTable | undefined, currencyField = 'currency'): Checked<Transaction> {
  if (!rates) return good(tx);
  const baseAmount = toBaseAmount(tx.amount, tx.currency, rates);
  if (baseAmount === undefined) return bad(currencyField, `no rate for ${tx.currency} in the rate table (base ${rates.base})`);
  return good({ ...tx, baseAmount });
}

const MAX_ID = 200;
const MAX_TEXT = 2000;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

function checkPartyObject(v: unknown, field: 'originator' | 'beneficiary'): Checked<Party> {
  if (typeof v === 'string') return checkParty({ account: v }, { account: field, country: `${field}.country` });
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return bad(field, 'a party is an object {account, name?, country?, institution?}');
  const o = v as Record<string, unknown>;
  for (const k of ['name', 'country', 'institution'] as const) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return bad(`${field}.${k}`, `${k} must be a string`);
  }
  if ((str(o.account)?.length ?? 0) > MAX_ID) return bad(`${field}.account`, `the account is longer than ${MAX_ID} characters`);
  return checkParty(
    { account: str(o.account), name: str(o.name), country: str(o.country), institution: str(o.institution) },
    { account: `${field}.account`, country: `${field}.country` },
  );
}

/**
 * Validates a Transaction-shaped value from JSON: `{id, time, amount, currency, originator:{account,…},
 * beneficiary:{…}, channel?, purpose?}`. Lenient where feeds differ harmlessly: `timestamp` for `time`,
 * an amount as a decimal string, a party given as its bare account string. `baseAmount` is recomputed, never trusted.
 */
export function checkTransactionObject(value: unknown): Checked<Transaction> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('', 'a transaction is a JSON object');
  const o = value as Record<string, unknown>;
  const id = str(o.id)?.trim() ?? '';
  if (id === '') return bad('id', 'the transaction id is missing');
  if (id.length > MAX_ID) return bad('id', `the transaction id is longer than ${MAX_ID} characters`);
  const timeField = o.time !== undefined ? 'time' : 'timestamp';
  const rawTime = o.time ?? o.timestamp;
  if (typeof rawTime !== 'string') return bad(timeField, 'the time is missing (an ISO 8601 string)');
  const time = checkInstant(rawTime, timeField);
  if (!time.ok) return time;
  const amount =
    typeof o.amount === 'number'
      ? checkAmountValue(o.amount, 'amount')
      : typeof o.amount === 'string'
        ? checkAmount(o.amount, 'amount')
        : bad('amount', 'the amount is missing');
  if (!amount.ok) return amount;
  if (typeof o.currency !== 'string') return bad('currency', 'the currency is missing');
  const currency = checkCurrency(o.currency, 'currency');
  if (!currency.ok) return currency;
  const originator = checkPartyObject(o.originator, 'originator');
  if (!originator.ok) return originator;
  const beneficiary = checkPartyObject(o.beneficiary, 'beneficiary');
  if (!beneficiary.ok) return beneficiary;
  if (o.channel !== undefined && o.channel !== null && typeof o.channel !== 'string') return bad('channel', 'channel must be a string');
  const channel = checkChannel(o.channel as string | undefined, 'channel');
  if (!channel.ok) return channel;
  if (o.purpose !== undefined && o.purpose !== null && typeof o.purpose !== 'string') return bad('purpose', 'purpose must be a string');
  const purpose = (o.purpose as string | undefined)?.trim().slice(0, MAX_TEXT);
  return good({
    id,
    time: time.value,
    amount: amount.value,
    currency: currency.value,
    originator: originator.value,
    beneficiary: beneficiary.value,
    ...(channel.value ? { channel: channel.value } : {}),
    ...(purpose ? { purpose } : {}),
  });
}
