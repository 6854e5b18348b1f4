/**
 * The goAML 5.0.1 report model and builder. Element order follows the xs:sequence of goAMLSchema.xsd
 * exactly (report → transaction → t_from/t_to → account/person/entity); getting it wrong fails validation.
 */

import { el, type XmlNode, renderXml, tx } from './xml-writer.js';

export interface GoamlAddress {
  /** contact_type lookup code (address_type), FIU-specific. */
  readonly addressType: string;
  readonly address: string;
  readonly town?: string;
  readonly city: string;
  readonly zip?: string;
  /** country_type lookup code (ISO 3166-1 alpha-2). */
  readonly countryCode: string;
  readonly state?: string;
}

export interface GoamlPhone {
  /** contact_type lookup code. */
  readonly contactType: string;
  /** communication_type lookup code (L landline, M mobile …). */
  readonly communicationType: string;
  readonly countryPrefix: string;
  readonly number: string;
}

export interface GoamlPerson {
  readonly gender?: string;
  readonly title?: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly lastName: string;
  /** ISO date or date-time. Required for a my-client person. */
  readonly birthdate?: string;
  readonly ssn?: string;
  readonly idNumber?: string;
  readonly nationality1?: string;
  readonly residence?: string;
  /** At least one for a my-client person. */
  readonly phones?: readonly GoamlPhone[];
  readonly email?: string;
  readonly occupation?: string;
  readonly comments?: string;
}

export interface GoamlEntity {
  readonly name: string;
  readonly commercialName?: string;
  readonly incorporationLegalForm?: string;
  readonly incorporationNumber?: string;
  readonly business?: string;
  readonly phones?: readonly GoamlPhone[];
  readonly incorporationCountryCode?: string;
  readonly comments?: string;
}

export interface GoamlAccount {
  readonly institutionName: string;
  /** Either a SWIFT/BIC or an institution code; the xsd wants exactly one. */
  readonly swift?: string;
  readonly institutionCode?: string;
  readonly institutionCountry?: string;
  readonly branch?: string;
  readonly account: string;
  readonly currencyCode?: string;
  readonly accountName?: string;
  readonly iban?: string;
  readonly clientNumber?: string;
  /** account_type lookup code. */
  readonly personalAccountType?: string;
  /** Account holder when it is a company. */
  readonly entity?: GoamlEntity;
  readonly opened?: string;
  readonly statusCode?: string;
  readonly comments?: string;
}

export type GoamlSubject = { readonly account: GoamlAccount } | { readonly person: GoamlPerson } | { readonly entity: GoamlEntity };

/** One side of a transaction. `myClient` selects t_from_my_client / t_to_my_client, whose subjects need more fields. */
export interface GoamlSide {
  readonly myClient: boolean;
  /** funds_type lookup code. */
  readonly fundsCode: string;
  readonly fundsComment?: string;
  readonly foreignCurrency?: { readonly code: string; readonly amount: number; readonly rate: number };
  readonly isSuspected?: boolean;
  readonly subject: GoamlSubject;
  readonly country: string;
}

export interface GoamlTransaction {
  readonly transactionNumber: string;
  readonly internalRefNumber?: string;
  readonly transactionLocation: string;
  readonly description: string;
  /** ISO 8601. */
  readonly date: string;
  readonly valueDate?: string;
  /** conduction_type lookup code. */
  readonly transmodeCode: string;
  readonly transmodeComment?: string;
  readonly amountLocal: number;
  readonly from: GoamlSide;
  readonly to: GoamlSide;
  readonly comments?: string;
}

export interface GoamlReportingPerson {
  readonly gender?: string;
  readonly title?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly occupation?: string;
}

export interface GoamlReport {
  readonly rentityId: number;
  readonly rentityBranch: string;
  /** submission_type: E (electronic) or M (manual). */
  readonly submissionCode: string;
  readonly reportCode: 'STR' | 'SAR';
  /** The reporting institution's own reference (the case id). */
  readonly entityReference?: string;
  /** ISO 8601. */
  readonly submissionDate: string;
  readonly currencyCodeLocal: string;
  readonly reportingPerson: GoamlReportingPerson;
  readonly location: GoamlAddress;
  readonly reason: string;
  readonly action?: string;
  readonly transactions: readonly GoamlTransaction[];
  /** report_indicator_type lookup codes; at least one. */
  readonly indicators: readonly string[];
}

/** A problem that would make the report invalid, named by its path in the report. */
export interface GoamlProblem {
  readonly path: string;
  readonly message: string;
}

/** goAML's sql_date: xs:dateTime without a zone, not before 1753. */
export function goamlDate(iso: string): string | undefined {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const s = d.toISOString().slice(0, 19);
  return s < '1753-01-01T00:00:00' ? undefined : s;
}

/** goAML's sql_decimal: plain decimal notation, at most 13 fraction digits. */
export function goamlDecimal(n: number): string {
  // toFixed switches to exponent notation from 1e21, which xs:decimal refuses.
  if (Math.abs(n) >= 1e21) return BigInt(Math.round(n)).toString();
  const fixed = n.toFixed(13).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

const dateNode = (name: string, iso: string | undefined) => (iso === undefined ? undefined : tx(name, goamlDate(iso) ?? iso));

function addressNode(name: string, a: GoamlAddress): XmlNode {
  return el(
    name,
    tx('address_type', a.addressType),
    tx('address', a.address),
    tx('town', a.town),
    tx('city', a.city),
    tx('zip', a.zip),
    tx('country_code', a.countryCode),
    tx('state', a.state),
  );
}

function phonesNode(phones: readonly GoamlPhone[] | undefined): XmlNode | undefined {
  if (!phones?.length) return undefined;
  return el(
    'phones',
    ...phones.map((p) =>
      el(
        'phone',
        tx('tph_contact_type', p.contactType),
        tx('tph_communication_type', p.communicationType),
        tx('tph_country_prefix', p.countryPrefix),
        tx('tph_number', p.number),
      ),
    ),
  );
}

function personNode(name: string, p: GoamlPerson): XmlNode {
  return el(
    name,
    tx('gender', p.gender),
    tx('title', p.title),
    tx('first_name', p.firstName),
    tx('middle_name', p.middleName),
    tx('last_name', p.lastName),
    dateNode('birthdate', p.birthdate),
    tx('ssn', p.ssn),
    tx('id_number', p.idNumber),
    tx('nationality1', p.nationality1),
    tx('residence', p.residence),
    phonesNode(p.phones),
    tx('email', p.email),
    tx('occupation', p.occupation),
    tx('comments', p.comments),
  );
}

function entityNode(name: string, e: GoamlEntity): XmlNode {
  return el(
    name,
    tx('name', e.name),
    tx('commercial_name', e.commercialName),
    tx('incorporation_legal_form', e.incorporationLegalForm),
    tx('incorporation_number', e.incorporationNumber),
    tx('business', e.business),
    phonesNode(e.phones),
    tx('incorporation_country_code', e.incorporationCountryCode),
    tx('comments', e.comments),
  );
}

function accountNode(name: string, a: GoamlAccount): XmlNode {
  return el(
    name,
    tx('institution_name', a.institutionName),
    a.swift ? tx('swift', a.swift) : tx('institution_code', a.institutionCode ?? '-'),
    tx('institution_country', a.institutionCountry),
    tx('branch', a.branch),
    tx('account', a.account),
    tx('currency_code', a.currencyCode),
    tx('account_name', a.accountName),
    tx('iban', a.iban),
    tx('client_number', a.clientNumber),
    tx('personal_account_type', a.personalAccountType),
    a.entity ? entityNode('t_entity', a.entity) : undefined,
    dateNode('opened', a.opened),
    tx('status_code', a.statusCode),
    tx('comments', a.comments),
  );
}

function sideNode(dir: 'from' | 'to', s: GoamlSide): XmlNode {
  const name = `t_${dir}${s.myClient ? '_my_client' : ''}`;
  const subj = s.subject;
  const subjectNode =
    'account' in subj
      ? accountNode(`${dir}_account`, subj.account)
      : 'person' in subj
        ? personNode(`${dir}_person`, subj.person)
        : entityNode(`${dir}_entity`, subj.entity);
  return el(
    name,
    tx(`${dir}_funds_code`, s.fundsCode),
    tx(`${dir}_funds_comment`, s.fundsComment),
    s.foreignCurrency
      ? el(
          `${dir}_foreign_currency`,
          tx('foreign_currency_code', s.foreignCurrency.code),
          tx('foreign_amount', goamlDecimal(s.foreignCurrency.amount)),
          tx('foreign_exchange_rate', goamlDecimal(s.foreignCurrency.rate)),
        )
      : undefined,
    s.isSuspected === undefined ? undefined : tx(`${dir}_is_suspected`, s.isSuspected),
    subjectNode,
    tx(`${dir}_country`, s.country),
  );
}

function transactionNode(t: GoamlTransaction): XmlNode {
  return el(
    'transaction',
    tx('transactionnumber', t.transactionNumber),
    tx('internal_ref_number', t.internalRefNumber),
    tx('transaction_location', t.transactionLocation),
    tx('transaction_description', t.description),
    dateNode('date_transaction', t.date),
    dateNode('value_date', t.valueDate),
    tx('transmode_code', t.transmodeCode),
    tx('transmode_comment', t.transmodeComment),
    tx('amount_local', goamlDecimal(t.amountLocal)),
    sideNode('from', t.from),
    sideNode('to', t.to),
    tx('comments', t.comments),
  );
}

/** The report as an XML tree, in schema order. */
export function goamlReportNode(r: GoamlReport): XmlNode {
  const p = r.reportingPerson;
  return el(
    'report',
    tx('rentity_id', r.rentityId),
    tx('rentity_branch', r.rentityBranch),
    tx('submission_code', r.submissionCode),
    tx('report_code', r.reportCode),
    tx('entity_reference', r.entityReference),
    dateNode('submission_date', r.submissionDate),
    tx('currency_code_local', r.currencyCodeLocal),
    el(
      'reporting_person',
      tx('gender', p.gender),
      tx('title', p.title),
      tx('first_name', p.firstName),
      tx('last_name', p.lastName),
      tx('email', p.email),
      tx('occupation', p.occupation),
    ),
    addressNode('location', r.location),
    tx('reason', r.reason),
    tx('action', r.action),
    ...r.transactions.map(transactionNode),
    el('report_indicators', ...r.indicators.map((i) => tx('indicator', i))),
  );
}

/**
 * Checks what the xsd would reject, naming the field, so a user gets "transactions[0].from.country is
 * required" instead of a schema error. Schema validation (xmllint) remains the final word.
 */
export function checkGoamlReport(r: GoamlReport): GoamlProblem[] {
  const problems: GoamlProblem[] = [];
  const need = (path: string, v: string | undefined, max = 255) => {
    if (v === undefined || v.trim() === '') problems.push({ path, message: 'is required' });
    else if (v.length > max) problems.push({ path, message: `is longer than ${max} characters` });
  };
  const code = (path: string, v: string | undefined, re: RegExp, what: string) => {
    if (v === undefined || !re.test(v))
      problems.push({ path, message: `must be ${what} (got ${v === undefined ? 'nothing' : JSON.stringify(v)})` });
  };
  const date = (path: string, v: string | undefined, required: boolean) => {
    if (v === undefined) {
      if (required) problems.push({ path, message: 'is required' });
    } else if (goamlDate(v) === undefined)
      problems.push({ path, message: `is not a date on or after 1753-01-01 (got ${JSON.stringify(v)})` });
  };
  const COUNTRY = /^([A-Z]{2}|-)$/;
  if (!Number.isInteger(r.rentityId) || r.rentityId < 1)
    problems.push({ path: 'rentity_id', message: 'must be a positive integer (goaml.rentityId)' });
  need('rentity_branch', r.rentityBranch);
  code('submission_code', r.submissionCode, /^[EM]$/, 'E or M');
  code('currency_code_local', r.currencyCodeLocal, /^[A-Z]{3}$/, 'an ISO 4217 code');
  date('submission_date', r.submissionDate, true);
  need('reporting_person.first_name', r.reportingPerson.firstName, 100);
  need('reporting_person.last_name', r.reportingPerson.lastName, 100);
  need('location.address', r.location.address);
  need('location.city', r.location.city);
  need('location.address_type', r.location.addressType);
  code('location.country_code', r.location.countryCode, COUNTRY, 'a two-letter country code');
  need('reason', r.reason, 8000);
  if (r.transactions.length === 0) problems.push({ path: 'transaction', message: 'an STR needs at least one transaction' });
  if (r.indicators.length === 0)
    problems.push({ path: 'report_indicators', message: 'at least one indicator is required (goaml.defaultIndicators)' });
  r.transactions.forEach((t, i) => {
    const at = `transaction[${i}]`;
    need(`${at}.transactionnumber`, t.transactionNumber, 50);
    need(`${at}.transaction_location`, t.transactionLocation);
    need(`${at}.transaction_description`, t.description, 4000);
    date(`${at}.date_transaction`, t.date, true);
    need(`${at}.transmode_code`, t.transmodeCode);
    if (!Number.isFinite(t.amountLocal) || Math.abs(t.amountLocal) > 7.9e15) {
      problems.push({ path: `${at}.amount_local`, message: `must be a number within ±7.9e15 (got ${t.amountLocal})` });
    }
    for (const [dir, s] of [
      ['from', t.from],
      ['to', t.to],
    ] as const) {
      const sp = `${at}.t_${dir}${s.myClient ? '_my_client' : ''}`;
      need(`${sp}.${dir}_funds_code`, s.fundsCode);
      code(`${sp}.${dir}_country`, s.country, COUNTRY, 'a two-letter country code');
      const subj = s.subject;
      if ('account' in subj) {
        const a = subj.account;
        need(`${sp}.${dir}_account.institution_name`, a.institutionName);
        need(`${sp}.${dir}_account.account`, a.account, 50);
        if (s.myClient) {
          for (const [f, v] of [
            ['branch', a.branch],
            ['currency_code', a.currencyCode],
            ['account_name', a.accountName],
            ['client_number', a.clientNumber],
            ['personal_account_type', a.personalAccountType],
            ['opened', a.opened],
            ['status_code', a.statusCode],
          ] as const) {
            need(`${sp}.${dir}_account.${f}`, v);
          }
          problems.push({
            path: `${sp}.${dir}_account.signatory`,
            message: 'my-client accounts need signatories; report the account with t_from/t_to instead',
          });
        }
      } else if ('person' in subj) {
        const p = subj.person;
        need(`${sp}.${dir}_person.first_name`, p.firstName, 100);
        need(`${sp}.${dir}_person.last_name`, p.lastName, 100);
        if (s.myClient) {
          date(`${sp}.${dir}_person.birthdate`, p.birthdate, true);
          need(`${sp}.${dir}_person.ssn`, p.ssn);
          need(`${sp}.${dir}_person.nationality1`, p.nationality1);
          need(`${sp}.${dir}_person.residence`, p.residence);
          if (!p.phones?.length)
            problems.push({ path: `${sp}.${dir}_person.phones`, message: 'a my-client person needs at least one phone' });
          need(`${sp}.${dir}_person.occupation`, p.occupation);
        }
      } else {
        const e = subj.entity;
        need(`${sp}.${dir}_entity.name`, e.name);
        if (s.myClient) {
          need(`${sp}.${dir}_entity.commercial_name`, e.commercialName);
          need(`${sp}.${dir}_entity.incorporation_legal_form`, e.incorporationLegalForm);
          need(`${sp}.${dir}_entity.incorporation_number`, e.incorporationNumber);
          need(`${sp}.${dir}_entity.business`, e.business);
          need(`${sp}.${dir}_entity.incorporation_country_code`, e.incorporationCountryCode);
          problems.push({
            path: `${sp}.${dir}_entity.director_id`,
            message: 'my-client entities need directors; report the entity with t_from/t_to instead',
          });
        }
      }
    }
  });
  return problems;
}

export type GoamlBuild = { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly problems: readonly GoamlProblem[] };

/** Checks, then renders. The caller still validates the XML against the FIU's xsd. */
export function buildGoamlReport(r: GoamlReport): GoamlBuild {
  const problems = checkGoamlReport(r);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, xml: renderXml(goamlReportNode(r)) };
}
