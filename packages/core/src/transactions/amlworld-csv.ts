/**
 * The AMLworld CSV (IBM's synthetic "HI/LI-Small/Medium/Large" sets): `Timestamp, From Bank, Account,
 * To Bank, Account, Amount Received, Receiving Currency, Amount Paid, Payment Currency, Payment Format,
 * Is Laundering`. The header names "Account" twice, so columns are found by position: the Account
 * after From Bank is the originator's, the one after To Bank the beneficiary's. The transaction is what
 * the originator paid (Amount Paid in Payment Currency). Timestamps (`2022/09/01 00:20`) are UTC.
 * Rows carry no id: `<prefix>-<row>` (1-based data row).
 */

import type { Channel } from '../model/transaction.js';
import type { ByteSource } from '../text/byte-source.js';
import { csvRecords, emit, firstLine, parseFailure } from './parse-helpers.js';
import { checkAmount, checkInstant } from './transaction-fields.js';
import type { TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

/** AMLworld writes currencies as English names. Bitcoin has no ISO 4217 code; XBT is the customary one. */
export const AMLWORLD_CURRENCIES: Readonly<Record<string, string>> = {
  'US Dollar': 'USD',
  Euro: 'EUR',
  Yuan: 'CNY',
  Yen: 'JPY',
  'UK Pound': 'GBP',
  Rupee: 'INR',
  Ruble: 'RUB',
  'Canadian Dollar': 'CAD',
  'Australian Dollar': 'AUD',
  'Swiss Franc': 'CHF',
  'Mexican Peso': 'MXN',
  'Saudi Riyal': 'SAR',
  'Brazil Real': 'BRL',
  Shekel: 'ILS',
  Bitcoin: 'XBT',
};

const FORMATS: Readonly<Record<string, Channel>> = {
  ach: 'ach',
  bitcoin: 'crypto',
  cash: 'cash',
  cheque: 'cheque',
  'credit card': 'card',
  reinvestment: 'internal',
  wire: 'wire',
};

interface Columns {
  readonly timestamp: number;
  readonly fromBank: number;
  readonly fromAccount: number;
  readonly toBank: number;
  readonly toAccount: number;
  readonly amountPaid: number;
  readonly paymentCurrency: number;
  readonly format: number;
}

function columnsOf(header: readonly string[]): Columns | undefined {
  const h = header.map((c) => c.trim().toLowerCase());
  const fromBank = h.indexOf('from bank');
  const toBank = h.indexOf('to bank');
  const after = (start: number) => (start < 0 ? -1 : h.findIndex((c, i) => i > start && (c === 'account' || /^account[._]?\d$/.test(c))));
  const cols = {
    timestamp: h.indexOf('timestamp'),
    fromBank,
    fromAccount: after(fromBank),
    toBank,
    toAccount: after(toBank),
    amountPaid: h.indexOf('amount paid'),
    paymentCurrency: h.indexOf('payment currency'),
    format: h.indexOf('payment format'),
  };
  return Object.values(cols).every((i) => i >= 0) ? cols : undefined;
}

/** ISO 4217 for an AMLworld currency name (or an ISO code as such). */
function currencyOf(text: string): string | undefined {
  const t = text.trim();
  return AMLWORLD_CURRENCIES[t] ?? (/^[A-Z]{3}$/.test(t) ? t : undefined);
}

async function* parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncGenerator<TransactionParseEvent> {
  const prefix = options.idPrefix ?? 'amlworld';
  let row = 0;
  for (const file of files) {
    let cols: Columns | undefined;
    let seenHeader = false;
    for await (const rec of csvRecords(file)) {
      const f = rec.fields;
      if (!seenHeader) {
        seenHeader = true;
        cols = columnsOf(f);
        if (!cols) {
          throw parseFailure(
            file.name,
            `line ${rec.line}: not an AMLworld header (Timestamp, From Bank, Account, To Bank, Account, …, Amount Paid, Payment Currency, Payment Format)`,
            {
              line: rec.line,
            },
          );
        }
        continue;
      }
      const c = cols as Columns;
      row++;
      const id = `${prefix}-${row}`;
      const at = { file: file.name, line: rec.line, fields: f, record: id, currencyField: 'Payment Currency' };
      const ts = (f[c.timestamp] ?? '').trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3');
      const time = checkInstant(ts, 'Timestamp');
      if (!time.ok) {
        yield emit(time, options, at);
        continue;
      }
      const from = (f[c.fromAccount] ?? '').trim();
      const to = (f[c.toAccount] ?? '').trim();
      if (from === '' || to === '') {
        yield emit(
          { ok: false, field: 'Account', reason: `the ${from === '' ? 'originator' : 'beneficiary'} account is empty` },
          options,
          at,
        );
        continue;
      }
      const amount = checkAmount(f[c.amountPaid] ?? '', 'Amount Paid');
      if (!amount.ok) {
        yield emit(amount, options, at);
        continue;
      }
      const rawCurrency = f[c.paymentCurrency] ?? '';
      const currency = currencyOf(rawCurrency);
      if (!currency) {
        yield emit({ ok: false, field: 'Payment Currency', reason: `unknown currency "${rawCurrency.trim().slice(0, 30)}"` }, options, at);
        continue;
      }
      const rawFormat = (f[c.format] ?? '').trim();
      const channel = FORMATS[rawFormat.toLowerCase()];
      if (!channel) {
        yield emit({ ok: false, field: 'Payment Format', reason: `unknown payment format "${rawFormat.slice(0, 30)}"` }, options, at);
        continue;
      }
      const fromBank = (f[c.fromBank] ?? '').trim();
      const toBank = (f[c.toBank] ?? '').trim();
      yield emit(
        {
          ok: true,
          value: {
            id,
            time: time.value,
            amount: amount.value,
            currency,
            originator: { account: from, ...(fromBank ? { institution: fromBank } : {}) },
            beneficiary: { account: to, ...(toBank ? { institution: toBank } : {}) },
            channel,
            purpose: rawFormat,
          },
        },
        options,
        at,
      );
    }
    if (!seenHeader) throw parseFailure(file.name, 'the file is empty (no header row)', { line: 1 });
  }
}

export const amlworldParser: TransactionParser = {
  format: 'amlworld',
  detect(_names, head) {
    return columnsOf(firstLine(head).split(',')) !== undefined;
  },
  parse,
};
