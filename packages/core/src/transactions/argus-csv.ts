/** The Argus transaction CSV: one row per transaction, the documented columns in any order (docs/monitoring.md). */

import type { Transaction } from '../model/transaction.js';
import type { ByteSource } from '../text/byte-source.js';
import { csvRecords, emit, firstLine, foldHeader, headerIndex, parseFailure, requireColumns } from './parse-helpers.js';
import { type Checked, checkAmount, checkChannel, checkCurrency, checkInstant, checkParty } from './transaction-fields.js';
import type { TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

/** Every column of the format; the first six are required. */
export const ARGUS_CSV_COLUMNS = [
  'id',
  'timestamp',
  'amount',
  'currency',
  'originator_account',
  'beneficiary_account',
  'originator_name',
  'originator_country',
  'originator_institution',
  'beneficiary_name',
  'beneficiary_country',
  'beneficiary_institution',
  'channel',
  'purpose',
] as const;

const REQUIRED = ARGUS_CSV_COLUMNS.slice(0, 6);
const MAX_TEXT = 2000;

/** Column positions of one file's header (-1: absent). */
type Columns = Readonly<Record<(typeof ARGUS_CSV_COLUMNS)[number], number>>;

const cell = (fields: readonly string[], i: number): string | undefined => (i < 0 ? undefined : fields[i]);

function checkRow(f: readonly string[], c: Columns): Checked<Transaction> {
  const id = cell(f, c.id)?.trim() ?? '';
  if (id === '') return { ok: false, field: 'id', reason: 'the transaction id is empty' };
  const time = checkInstant(cell(f, c.timestamp) ?? '', 'timestamp');
  if (!time.ok) return time;
  const amount = checkAmount(cell(f, c.amount) ?? '', 'amount');
  if (!amount.ok) return amount;
  const currency = checkCurrency(cell(f, c.currency) ?? '', 'currency');
  if (!currency.ok) return currency;
  const originator = checkParty(
    {
      account: cell(f, c.originator_account),
      name: cell(f, c.originator_name),
      country: cell(f, c.originator_country),
      institution: cell(f, c.originator_institution),
    },
    { account: 'originator_account', country: 'originator_country' },
  );
  if (!originator.ok) return originator;
  const beneficiary = checkParty(
    {
      account: cell(f, c.beneficiary_account),
      name: cell(f, c.beneficiary_name),
      country: cell(f, c.beneficiary_country),
      institution: cell(f, c.beneficiary_institution),
    },
    { account: 'beneficiary_account', country: 'beneficiary_country' },
  );
  if (!beneficiary.ok) return beneficiary;
  const channel = checkChannel(cell(f, c.channel), 'channel');
  if (!channel.ok) return channel;
  const purpose = cell(f, c.purpose)?.trim().slice(0, MAX_TEXT);
  return {
    ok: true,
    value: {
      id,
      time: time.value,
      amount: amount.value,
      currency: currency.value,
      originator: originator.value,
      beneficiary: beneficiary.value,
      ...(channel.value ? { channel: channel.value } : {}),
      ...(purpose ? { purpose } : {}),
    },
  };
}

async function* parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncGenerator<TransactionParseEvent> {
  for (const file of files) {
    let cols: Columns | undefined;
    let width = 0;
    for await (const rec of csvRecords(file)) {
      if (!cols) {
        const index = headerIndex(rec.fields, true);
        requireColumns(file.name, index, REQUIRED, rec.line);
        cols = Object.fromEntries(ARGUS_CSV_COLUMNS.map((name) => [name, index.get(name) ?? -1])) as Columns;
        width = rec.fields.length;
        continue;
      }
      const fields = rec.fields;
      const id = fields[cols.id]?.trim();
      const at = { file: file.name, line: rec.line, fields, ...(id ? { record: id } : {}) };
      if (fields.length > width) {
        yield emit(
          { ok: false, field: '', reason: `${fields.length} fields where the header has ${width} (an unquoted comma?)` },
          options,
          at,
        );
        continue;
      }
      yield emit(checkRow(fields, cols), options, at);
    }
    if (!cols) throw parseFailure(file.name, 'the file is empty (no header row)', { line: 1 });
  }
}

export const argusCsvParser: TransactionParser = {
  format: 'argus',
  detect(_names, head) {
    const cols = firstLine(head)
      .split(/[,;\t]/)
      .map(foldHeader);
    return cols.includes('originator_account') && cols.includes('beneficiary_account');
  },
  parse,
};
