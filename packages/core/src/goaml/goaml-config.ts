/**
 * What an FIU and the reporting institution configure: rentity data, the reporting person, and the
 * lookup codes the FIU publishes (every FIU has its own tables for transmode, funds, address types…).
 */

import type { Channel } from '../model/transaction.js';
import type { GoamlAddress, GoamlReportingPerson } from './goaml-report.js';

export interface GoamlLookups {
  /** conduction_type code per channel; `default` for anything unmapped. */
  readonly transmode: Readonly<Partial<Record<Channel, string>>> & { readonly default: string };
  /** funds_type codes for the sending and receiving side. */
  readonly fundsFrom: string;
  readonly fundsTo: string;
  /** report_indicator_type codes used when the case names none. */
  readonly defaultIndicators: readonly string[];
  /** Country code used when a party's country is unknown (`-` is the schema's "unknown"). */
  readonly unknownCountry: string;
  /** Institution code used when a party's institution is unknown. */
  readonly unknownInstitution: string;
}

export interface GoamlConfig {
  /** The reporting entity's id at the FIU (rentity_id). */
  readonly rentityId: number;
  readonly rentityBranch: string;
  /** E (electronic) or M (manual). */
  readonly submissionCode: 'E' | 'M';
  /** ISO 4217: the currency amount_local is expressed in. */
  readonly currencyCodeLocal: string;
  readonly reportingPerson: GoamlReportingPerson;
  readonly location: GoamlAddress;
  /** Where transactions happened when nothing more specific is known (branch, "online"). */
  readonly transactionLocation: string;
  readonly lookups: GoamlLookups;
}

/**
 * Generic codes that validate against the UNODC base schema. An FIU's published lookups replace them;
 * `-` is the base schema's placeholder where FIUs differ most.
 */
export const DEFAULT_GOAML_LOOKUPS: GoamlLookups = {
  transmode: { default: '-' },
  fundsFrom: '-',
  fundsTo: '-',
  defaultIndicators: ['-'],
  unknownCountry: '-',
  unknownInstitution: '-',
};
