/**
 * IBM AMLSim output: a folder with `nodes.csv` (nodeid, isFraud, init_balance, fraudStep) and
 * `transactions.csv` (sourceNodeId, targetNodeId, value, time). AMLSim's own layout
 * (`tran_id, orig_acct, bene_acct, tx_type, base_amt, tran_timestamp`, with `accounts.csv`) is read too.
 * Accounts are the node ids as written. `time` is a simulation step: one day by default (AMLSim's
 * unit), so step s is epoch + s days. Rows without an id get `<prefix>-<row>` (1-based data row).
 * When the node file is present, a transaction naming an unknown node is rejected.
 */

import type { ByteSource } from '../text/byte-source.js';
import { checkStep, csvRecords, emit, epochMs, firstLine, headerIndex, parseFailure, stepInstant } from './parse-helpers.js';
import { checkAmount, checkCurrency, checkInstant } from './transaction-fields.js';
import type { TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

interface Layout {
  readonly source: string;
  readonly target: string;
  readonly amount: string;
  readonly time: string;
  readonly id?: string;
  readonly type?: string;
}

const LAYOUTS: readonly Layout[] = [
  { source: 'sourceNodeId', target: 'targetNodeId', amount: 'value', time: 'time' },
  { id: 'tran_id', source: 'orig_acct', target: 'bene_acct', amount: 'base_amt', time: 'tran_timestamp', type: 'tx_type' },
];
const NODE_ID_COLUMNS = ['nodeid', 'acct_id', 'ACCOUNT_ID'];

const layoutOf = (cols: readonly string[]): Layout | undefined => LAYOUTS.find((l) => cols.includes(l.source) && cols.includes(l.target));

async function headerOf(source: ByteSource): Promise<string[]> {
  for await (const rec of csvRecords(source)) return rec.fields.map((c) => c.trim());
  return [];
}

async function* parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncGenerator<TransactionParseEvent> {
  const csvs = files.filter((f) => /\.csv$/i.test(f.name) || files.length === 1);
  let txFiles: ByteSource[] = [];
  let nodeFile: { source: ByteSource; column: string } | undefined;
  for (const f of csvs) {
    const cols = await headerOf(f);
    if (layoutOf(cols)) txFiles.push(f);
    else {
      const column = NODE_ID_COLUMNS.find((c) => cols.includes(c));
      if (column && !nodeFile) nodeFile = { source: f, column };
    }
  }
  if (txFiles.length === 0) {
    throw parseFailure(files[0]?.name ?? 'amlsim', 'no AMLSim transaction file (a CSV with sourceNodeId,targetNodeId,value,time)', {
      line: 1,
    });
  }
  txFiles = txFiles.sort((a, b) => a.name.localeCompare(b.name));

  let nodes: Set<string> | undefined;
  if (nodeFile) {
    nodes = new Set();
    let col = -1;
    for await (const rec of csvRecords(nodeFile.source)) {
      if (col < 0) {
        col = rec.fields.findIndex((c) => c.trim() === nodeFile?.column);
        continue;
      }
      const id = rec.fields[col]?.trim();
      if (id) nodes.add(id);
    }
  }

  const epoch = epochMs(options);
  const stepSeconds = options.stepSeconds ?? 86_400;
  const prefix = options.idPrefix ?? 'amlsim';
  const cur = checkCurrency(options.currency ?? 'USD', 'currency');
  if (!cur.ok) throw parseFailure(txFiles[0]?.name ?? 'amlsim', cur.reason, { field: 'currency' });
  let row = 0;
  for (const file of txFiles) {
    let layout: Layout | undefined;
    let index: Map<string, number> | undefined;
    for await (const rec of csvRecords(file)) {
      if (!index) {
        index = headerIndex(rec.fields);
        layout = layoutOf([...index.keys()]);
        continue;
      }
      const l = layout as Layout;
      row++;
      const f = rec.fields;
      const get = (c: string | undefined): string => (c === undefined ? '' : (f[index?.get(c) as number] ?? '').trim());
      const id = get(l.id) || `${prefix}-${row}`;
      const at = { file: file.name, line: rec.line, fields: f, record: id };
      const from = get(l.source);
      const to = get(l.target);
      if (from === '' || to === '') {
        yield emit({ ok: false, field: from === '' ? l.source : l.target, reason: 'the account is empty' }, options, at);
        continue;
      }
      if (nodes && (!nodes.has(from) || !nodes.has(to))) {
        const field = nodes.has(from) ? l.target : l.source;
        yield emit({ ok: false, field, reason: `node ${nodes.has(from) ? to : from} is not in ${nodeFile?.source.name}` }, options, at);
        continue;
      }
      const amount = checkAmount(get(l.amount), l.amount);
      if (!amount.ok) {
        yield emit(amount, options, at);
        continue;
      }
      const rawTime = get(l.time);
      const time = /^\d+$/.test(rawTime) ? checkStep(rawTime, l.time) : checkInstant(rawTime, l.time);
      if (!time.ok) {
        yield emit(time, options, at);
        continue;
      }
      const type = get(l.type);
      yield emit(
        {
          ok: true,
          value: {
            id,
            time: typeof time.value === 'number' ? stepInstant(epoch, time.value, stepSeconds) : time.value,
            amount: amount.value,
            currency: cur.value,
            originator: { account: from },
            beneficiary: { account: to },
            channel: 'wire',
            ...(type ? { purpose: type } : {}),
          },
        },
        options,
        at,
      );
    }
  }
}

export const amlsimParser: TransactionParser = {
  format: 'amlsim',
  detect(names, head) {
    const base = names.map((n) => n.replace(/^.*[\\/]/, '').toLowerCase());
    if (base.includes('nodes.csv') && base.includes('transactions.csv')) return true;
    return (
      layoutOf(
        firstLine(head)
          .split(',')
          .map((c) => c.trim()),
      ) !== undefined
    );
  },
  parse,
};
