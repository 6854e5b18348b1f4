/**
 * How case and alert routes reach the case use cases: per request, the principal's agency store, the
 * principal as actor, monitoring's alerts (when wired) and the configured goAML, SLA and evidence settings.
 */

import { ArgusError } from '@argus/core';
import type { GoamlConfig } from '@argus/core/goaml';
import type { Principal } from '@argus/core/sharing';
import { type Actor, type AlertSource, alertSourceOf, type CasesDeps, type ReportValidator } from '@argus/app/cases';
import { randomId } from '@argus/app/auth';
import type { AgencyStore } from '@argus/app';
import { DEFAULT_GOAML_CONFIG, goamlSchemaPath, loadGoamlConfig, xsdValidator } from '@argus/runtime';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../plugins/auth.js';
import type { ServerDeps } from '../../server-deps.js';

/** Case work configuration (ServerDeps.cases); everything has a default. */
export interface CasesConfig {
  /** The FIU's rentity data and lookup codes; placeholders that validate against the base schema by default. */
  readonly goaml?: GoamlConfig;
  /** The xsd check every STR passes before download; without one the STR route answers REPORT_INVALID. */
  readonly validateReport?: ReportValidator;
  /** Alert queue SLA (hours since detection); default 48. */
  readonly slaHours?: number;
  /** Largest evidence file in bytes; default 25 MiB. */
  readonly evidenceLimit?: number;
  /** Roles that may approve a report (four eyes); default admin and reviewer. */
  readonly approverRoles?: readonly string[];
  /** Monitoring's alerts for an agency; default: the agency store's `monitoring` repository. */
  readonly alertSource?: (store: AgencyStore) => AlertSource | undefined;
}

/**
 * The configuration `npm start` reads: ARGUS_GOAML_CONFIG (JSON, the FIU's codes), ARGUS_GOAML_SCHEMA (the
 * xsd; else ../shared/data/goaml), ARGUS_ALERT_SLA_HOURS, ARGUS_EVIDENCE_MAX_BYTES, ARGUS_APPROVER_ROLES.
 */
export function casesConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CasesConfig {
  const schema = goamlSchemaPath(env);
  const num = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new ArgusError('INPUT_INVALID', `${name} must be a positive number`, { location: { field: name } });
    return n;
  };
  const sla = num('ARGUS_ALERT_SLA_HOURS');
  const limit = num('ARGUS_EVIDENCE_MAX_BYTES');
  const roles = env.ARGUS_APPROVER_ROLES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    goaml: loadGoamlConfig(env),
    ...(schema ? { validateReport: xsdValidator(schema) } : {}),
    ...(sla !== undefined ? { slaHours: sla } : {}),
    ...(limit !== undefined ? { evidenceLimit: Math.floor(limit) } : {}),
    ...(roles && roles.length > 0 ? { approverRoles: roles } : {}),
  };
}

export function actorOf(p: Principal): Actor {
  return { username: p.user.username, role: p.user.role };
}

export function casesDepsFor(deps: ServerDeps, request: FastifyRequest): CasesDeps {
  const p = principalOf(request);
  const store = deps.store.forAgency(p.agency.id);
  const cfg = deps.cases ?? {};
  const alerts = cfg.alertSource ? cfg.alertSource(store) : alertSourceOf(store);
  return {
    store,
    clock: deps.clock,
    ids: { next: (prefix) => randomId(deps.auth.random, prefix) },
    ...(alerts ? { alerts } : {}),
    goaml: cfg.goaml ?? DEFAULT_GOAML_CONFIG,
    ...(cfg.validateReport ? { validateReport: cfg.validateReport } : {}),
    ...(cfg.approverRoles ? { approverRoles: cfg.approverRoles } : {}),
    ...(cfg.evidenceLimit !== undefined ? { evidenceLimit: cfg.evidenceLimit } : {}),
    ...(cfg.slaHours !== undefined ? { slaHours: cfg.slaHours } : {}),
  };
}

/** A username that may be given work in the principal's agency: an enabled user who is not an auditor. */
export async function checkAssignee(deps: ServerDeps, p: Principal, username: string, field: string): Promise<void> {
  const u = await deps.store.auth().findUserByUsername(username);
  // Another agency's user is reported exactly like a missing one: names do not leak across agencies.
  if (!u || u.agencyId !== p.agency.id || u.disabled) {
    throw new ArgusError('INPUT_INVALID', `no user "${username}" in this agency`, { location: { field } });
  }
  if (u.role === 'auditor')
    throw new ArgusError('INPUT_INVALID', `${username} is an auditor and cannot be assigned work`, { location: { field } });
}
