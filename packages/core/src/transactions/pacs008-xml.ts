/**
 * ISO 20022 pacs.008 (FIToFICustomerCreditTransfer), any version from 001.02: each `CdtTrfTxInf` is one
 * transaction, streamed as soon as it closes (an envelope with a business application header is fine).
 *
 * - id: `PmtId/UETR`, else `TxId`, else `EndToEndId` (unless `NOTPROVIDED`), else `InstrId`.
 * - amount and currency: `IntrBkSttlmAmt` and its `Ccy` (else `InstdAmt`).
 * - time: `AccptncDtTm`, else `IntrBkSttlmDt` (midnight UTC), else the group header's `CreDtTm`.
 * - parties: `Dbtr`/`Cdtr` name; account `DbtrAcct/Id/IBAN` or `…/Othr/Id`; institution the agent's
 *   `BICFI` (`BIC` before 2019), else its name or clearing member id; country the postal address's
 *   `Ctry`, else `CtryOfRes`, else the IBAN's country, else the agent BIC's country.
 * - purpose: `Purp/Cd` (or `Prtry`) and the unstructured remittance lines (`RmtInf/Ustrd`).
 */

import type { Party, Transaction } from '../model/transaction.js';
import type { ByteSource } from '../text/byte-source.js';
import { type XmlNode, readXmlRecords } from '../text/xml-records.js';
import { asParseFailure, emit, parseFailure, rejection } from './parse-helpers.js';
import { type Checked, checkAmount, checkCurrency, checkInstant, checkParty } from './transaction-fields.js';
import type { TransactionParseEvent, TransactionParseOptions, TransactionParser } from './transaction-format.js';

const MAX_TEXT = 2000;

/** The first descendant along a path of local names. */
function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let n = node;
  for (const name of path) {
    n = n?.children.find((c) => c.local === name);
    if (!n) return undefined;
  }
  return n;
}

function text(node: XmlNode | undefined, ...path: string[]): string | undefined {
  const t = at(node, ...path)?.text.trim();
  return t ? t : undefined;
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/;
const BIC = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$/;

function agentOf(agent: XmlNode | undefined): string | undefined {
  const fin = at(agent, 'FinInstnId');
  return text(fin, 'BICFI') ?? text(fin, 'BIC') ?? text(fin, 'Nm') ?? text(fin, 'ClrSysMmbId', 'MmbId') ?? text(fin, 'Othr', 'Id');
}

function partyOf(tx: XmlNode, role: 'Dbtr' | 'Cdtr'): Checked<Party> {
  const p = at(tx, role);
  const acct = at(tx, `${role}Acct`, 'Id');
  const iban = text(acct, 'IBAN')?.replace(/\s+/g, '');
  const account = iban ?? text(acct, 'Othr', 'Id') ?? text(tx, `${role}Acct`, 'Prxy', 'Id');
  const institution = agentOf(at(tx, `${role}Agt`));
  const country =
    text(p, 'PstlAdr', 'Ctry') ??
    text(p, 'CtryOfRes') ??
    (iban && IBAN.test(iban) ? iban.slice(0, 2) : undefined) ??
    (institution ? BIC.exec(institution)?.[1] : undefined);
  return checkParty(
    { account, name: text(p, 'Nm'), country, institution },
    { account: account === undefined ? `${role}Acct` : `${role}Acct/Id`, country: `${role}/PstlAdr/Ctry` },
  );
}

function transactionOf(tx: XmlNode, created: string | undefined): Checked<Transaction> {
  const pmt = at(tx, 'PmtId');
  const e2e = text(pmt, 'EndToEndId');
  const id = text(pmt, 'UETR') ?? text(pmt, 'TxId') ?? (e2e && e2e !== 'NOTPROVIDED' ? e2e : undefined) ?? text(pmt, 'InstrId');
  if (!id) return { ok: false, field: 'PmtId', reason: 'no payment identification (UETR, TxId, EndToEndId or InstrId)' };
  const amountNode = at(tx, 'IntrBkSttlmAmt') ?? at(tx, 'InstdAmt');
  const amountField = amountNode?.local ?? 'IntrBkSttlmAmt';
  if (!amountNode) return { ok: false, field: amountField, reason: 'the settlement amount is missing' };
  const amount = checkAmount(amountNode.text, amountField);
  if (!amount.ok) return amount;
  const currency = checkCurrency(amountNode.attrs.Ccy ?? '', `${amountField}/@Ccy`);
  if (!currency.ok) return currency;
  const accepted = text(tx, 'AccptncDtTm');
  const settled = text(tx, 'IntrBkSttlmDt');
  const timeField = accepted ? 'AccptncDtTm' : settled ? 'IntrBkSttlmDt' : 'GrpHdr/CreDtTm';
  const rawTime = accepted ?? settled ?? created;
  if (!rawTime)
    return { ok: false, field: 'IntrBkSttlmDt', reason: 'no time: neither AccptncDtTm, IntrBkSttlmDt nor the group header CreDtTm' };
  const time = checkInstant(rawTime, timeField);
  if (!time.ok) return time;
  const originator = partyOf(tx, 'Dbtr');
  if (!originator.ok) return originator;
  const beneficiary = partyOf(tx, 'Cdtr');
  if (!beneficiary.ok) return beneficiary;
  const code = text(tx, 'Purp', 'Cd') ?? text(tx, 'Purp', 'Prtry');
  const remittance = (at(tx, 'RmtInf')?.children ?? [])
    .filter((c) => c.local === 'Ustrd')
    .map((c) => c.text.trim())
    .filter(Boolean)
    .join(' ');
  const purpose = [code, remittance].filter(Boolean).join(': ').slice(0, MAX_TEXT);
  return {
    ok: true,
    value: {
      id,
      time: time.value,
      amount: amount.value,
      currency: currency.value,
      originator: originator.value,
      beneficiary: beneficiary.value,
      channel: 'wire',
      ...(purpose ? { purpose } : {}),
    },
  };
}

async function* parse(files: readonly ByteSource[], options: TransactionParseOptions): AsyncGenerator<TransactionParseEvent> {
  for (const file of files) {
    let created: string | undefined;
    let seenMessage = false;
    try {
      const records = readXmlRecords(file.open(), {
        file: file.name,
        isRecord: (tag) => tag.local === 'CdtTrfTxInf' || tag.local === 'GrpHdr',
      });
      for await (const ev of records) {
        if (ev.type !== 'record') continue;
        const node = ev.node;
        if (node.local === 'GrpHdr') {
          seenMessage = true;
          created = text(node, 'CreDtTm');
          continue;
        }
        seenMessage = true;
        const checked = transactionOf(node, created);
        const id = checked.ok ? checked.value.id : (text(at(node, 'PmtId'), 'UETR') ?? text(at(node, 'PmtId'), 'TxId'));
        if (!checked.ok) {
          yield rejection(file.name, node.line, checked.field, checked.reason, id);
          continue;
        }
        yield emit(checked, options, { file: file.name, line: node.line, record: checked.value.id, currencyField: 'IntrBkSttlmAmt/@Ccy' });
      }
    } catch (e) {
      throw asParseFailure(e, file.name);
    }
    if (!seenMessage) throw parseFailure(file.name, 'not a pacs.008 message: no GrpHdr or CdtTrfTxInf element', { line: 1 });
  }
}

export const pacs008Parser: TransactionParser = {
  format: 'pacs008',
  detect(_names, head) {
    return /pacs\.008\.|<([\w-]+:)?FIToFICstmrCdtTrf[\s>]/.test(head);
  },
  parse,
};
