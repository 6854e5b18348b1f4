/** What case use cases need: the agency's store, clock and ids, monitoring's alerts, goAML configuration and a report validator. */

import type { GoamlConfig } from '@argus/core/goaml';
import type { Clock, IdGenerator } from '../ports/clock.js';
import type { AgencyStore } from '../ports/store.js';
import type { AlertSource } from './alert-source.js';

/** Who acts: every use case records this actor in the audit log. */
export interface Actor {
  readonly username: string;
  readonly role: string;
}

export type ReportValidation = { readonly valid: true } | { readonly valid: false; readonly errors: readonly string[] };

/** Validates an XML report against the FIU's schema (xmllint over the configured xsd). */
export type ReportValidator = (xml: string) => Promise<ReportValidation>;

export interface CasesDeps {
  readonly store: AgencyStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Monitoring's alerts and transactions; absent while monitoring is not wired (cases by hand still work). */
  readonly alerts?: AlertSource;
  readonly goaml: GoamlConfig;
  readonly validateReport?: ReportValidator;
  /** Roles allowed to approve a report (four eyes). Default: admin, reviewer. */
  readonly approverRoles?: readonly string[];
  /** Bytes; default 25 MiB. */
  readonly evidenceLimit?: number;
  /** Alert queue SLA in hours; default 48. */
  readonly slaHours?: number;
}
