/**
 * PaySim mobile-money simulation CSV: `step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,
 * oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud`. A step is one hour of simulated time; rows carry
 * no id, so the id is `<prefix>-<row>` (row = 1-based data row), the same on every replay of the file.
 */

import type { Channel } from '../model/transaction.js';
import type { ByteSource } from '../text/byte-source.js';
import {
  checkStep,
  csvRecords,
  emit,
  epochMs,
  firstLine,
  headerIndex,
  parseFailure,
  requireColumns,
  stepInstant,
} from './parse-helpers.js';
import { checkAmount, checkCurrency } from './transaction-fields.js';
import type { TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

const REQUIRED = ['step', 'type', 'amount', 'nameOrig', 'nameDest'] as const;

/** PaySim's five transaction types; cash in and out go through a merchant agent, the rest stay on the mobile platform. */
const TYPE_CHANNEL: Readonly<Record<string, Channel>> = {
  CASH_IN: 'cash',
  CASH_OUT: 'cash',
  DEBIT: 'mobile',
  PAYMENT: 'mobile',
  TRANSFER: 'mobile',
};

async function* parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncGenerator<TransactionParseEvent> {
  const epoch = epochMs(options);
  const stepSeconds = options.stepSeconds ?? 3600;
  const prefix = options.idPrefix ?? 'paysim';
  const cur = checkCurrency(options.currency ?? 'USD', 'currency');
  if (!cur.ok) throw parseFailure(files[0]?.name ?? 'paysim', cur.reason, { field: 'currency' });
  for (const file of files) {
    let index: Map<string, number> | undefined;
    let row = 0;
    for await (const rec of csvRecords(file)) {
      if (!index) {
        index = headerIndex(rec.fields);
        requireColumns(file.name, index, REQUIRED, rec.line);
        continue;
      }
      row++;
      const f = rec.fields;
      const id = `${prefix}-${row}`;
      const at = { file: file.name, line: rec.line, fields: f, record: id };
      const get = (c: string): string => f[index?.get(c) as number] ?? '';
      const step = checkStep(get('step'), 'step');
      if (!step.ok) {
        yield emit(step, options, at);
        continue;
      }
      const type = get('type').trim().toUpperCase();
      const channel = TYPE_CHANNEL[type];
      if (!channel) {
        yield emit(
          { ok: false, field: 'type', reason: `unknown PaySim type "${type.slice(0, 20)}" (${Object.keys(TYPE_CHANNEL).join(', ')})` },
          options,
          at,
        );
        continue;
      }
      const amount = checkAmount(get('amount'), 'amount');
      if (!amount.ok) {
        yield emit(amount, options, at);
        continue;
      }
      const orig = get('nameOrig').trim();
      const dest = get('nameDest').trim();
      if (orig === '' || dest === '') {
        yield emit({ ok: false, field: orig === '' ? 'nameOrig' : 'nameDest', reason: 'the account is empty' }, options, at);
        continue;
      }
      yield emit(
        {
          ok: true,
          value: {
            id,
            time: stepInstant(epoch, step.value, stepSeconds),
            amount: amount.value,
            currency: cur.value,
            originator: { account: orig },
            beneficiary: { account: dest },
            channel,
            purpose: type,
          },
        },
        options,
        at,
      );
    }
    if (!index) throw parseFailure(file.name, 'the file is empty (no header row)', { line: 1 });
  }
}

export const paysimParser: TransactionParser = {
  format: 'paysim',
  detect(_names, head) {
    const cols = firstLine(head)
      .split(',')
      .map((c) => c.trim());
    return cols[0] === 'step' && cols.includes('nameOrig') && cols.includes('nameDest');
  },
  parse,
};
