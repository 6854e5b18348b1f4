/** Maps a case, its transactions and the agency's goAML configuration to a goAML STR/SAR. */

import type { CaseFile } from '../cases/case-file.js';
import type { Party, Transaction } from '../model/transaction.js';
import type { GoamlConfig } from './goaml-config.js';
import type { GoamlReport, GoamlSide, GoamlTransaction } from './goaml-report.js';

export interface CaseReportInput {
  readonly caseFile: CaseFile;
  readonly transactions: readonly Transaction[];
  readonly config: GoamlConfig;
  /** ISO 8601: the submission date. */
  readonly at: string;
}

const COUNTRY = /^[A-Z]{2}$/;

function side(dir: 'from' | 'to', p: Party, t: Transaction, cfg: GoamlConfig, suspects: ReadonlySet<string>): GoamlSide {
  const L = cfg.lookups;
  const country = p.country?.toUpperCase();
  const foreign = t.currency.toUpperCase() !== cfg.currencyCodeLocal && t.baseAmount !== undefined && t.amount !== 0;
  return {
    myClient: false,
    fundsCode: dir === 'from' ? L.fundsFrom : L.fundsTo,
    ...(foreign
      ? { foreignCurrency: { code: t.currency.toUpperCase(), amount: t.amount, rate: (t.baseAmount as number) / t.amount } }
      : {}),
    isSuspected: suspects.has(p.account),
    subject: {
      account: {
        institutionName: p.institution ?? 'unknown',
        ...(p.institution && /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(p.institution)
          ? { swift: p.institution }
          : { institutionCode: p.institution ?? L.unknownInstitution }),
        account: p.account,
        ...(p.name ? { accountName: p.name } : {}),
      },
    },
    country: country && COUNTRY.test(country) ? country : L.unknownCountry,
  };
}

/** The STR/SAR for a case whose report was requested (and, for filing, approved). */
export function goamlReportForCase(input: CaseReportInput): GoamlReport {
  const { caseFile: c, config: cfg } = input;
  const suspects = new Set(c.parties.filter((p) => p.kind === 'account').map((p) => p.ref));
  const transactions: GoamlTransaction[] = input.transactions.map((t) => {
    const local = t.currency.toUpperCase() === cfg.currencyCodeLocal ? t.amount : (t.baseAmount ?? t.amount);
    const unconverted = t.currency.toUpperCase() !== cfg.currencyCodeLocal && t.baseAmount === undefined;
    return {
      transactionNumber: t.id.slice(0, 50),
      transactionLocation: cfg.transactionLocation,
      description: t.purpose?.trim() || `${t.channel ?? 'transfer'} ${t.originator.account} → ${t.beneficiary.account}`,
      date: t.time,
      transmodeCode: (t.channel && cfg.lookups.transmode[t.channel]) || cfg.lookups.transmode.default,
      ...(t.channel ? { transmodeComment: t.channel } : {}),
      amountLocal: local,
      from: side('from', t.originator, t, cfg, suspects),
      to: side('to', t.beneficiary, t, cfg, suspects),
      // Without a rate the amount cannot honestly be called local; say so rather than guess.
      ...(unconverted ? { comments: `amount is ${t.amount} ${t.currency}; no rate to ${cfg.currencyCodeLocal} was configured` } : {}),
    };
  });
  const indicators = c.report?.indicators.length ? c.report.indicators : cfg.lookups.defaultIndicators;
  return {
    rentityId: cfg.rentityId,
    rentityBranch: cfg.rentityBranch,
    submissionCode: cfg.submissionCode,
    reportCode: c.report?.reportCode ?? 'STR',
    entityReference: c.id,
    submissionDate: input.at,
    currencyCodeLocal: cfg.currencyCodeLocal,
    reportingPerson: cfg.reportingPerson,
    location: cfg.location,
    reason: c.report?.reason ?? c.title,
    ...(c.closeReason ? { action: c.closeReason } : {}),
    transactions,
    indicators,
  };
}
