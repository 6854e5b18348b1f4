/**
 * Wires case use cases for the CLI: the acting user (ARGUS_USER, default `cli`), goAML configuration
 * (ARGUS_GOAML_CONFIG, a JSON file) and the xsd validator (ARGUS_GOAML_SCHEMA, else ../shared/data/goaml).
 */

import { randomBytes } from 'node:crypto';
import { ArgusError } from '@argus/core';
import { systemClock } from '@argus/app';
import { type Actor, alertSourceOf, type CasesDeps, type ReportValidator } from '@argus/app/cases';
import { goamlSchemaPath, loadGoamlConfig, xsdValidator } from '@argus/runtime';
import type { CliContext } from '../program.js';

// The goAML configuration, schema lookup and validator are shared with the server (composition root).
export { DEFAULT_GOAML_CONFIG, goamlSchemaPath, loadGoamlConfig, xsdValidator } from '@argus/runtime';

/** The acting user: ARGUS_USER (default `cli`), with their role from the user table when they have an account. */
export async function cliActor(c: CliContext): Promise<Actor> {
  const username = process.env.ARGUS_USER ?? 'cli';
  const user = await (await c.store())
    .auth()
    .findUserByUsername(username)
    .catch(() => undefined);
  // The CLI runs with direct database access, so a user without an account acts as admin; four eyes still compares usernames.
  return { username, role: user?.role ?? process.env.ARGUS_ROLE ?? 'admin' };
}

export async function cliCasesDeps(c: CliContext, options: { validate?: boolean } = {}): Promise<CasesDeps> {
  const store = (await c.store()).forAgency(c.agencyId);
  const alerts = alertSourceOf(store);
  let validateReport: ReportValidator | undefined;
  if (options.validate) {
    const schema = goamlSchemaPath();
    if (!schema) {
      throw new ArgusError('REPORT_INVALID', 'the goAML schema was not found: set ARGUS_GOAML_SCHEMA to goAMLSchema.xsd', {
        location: { field: 'ARGUS_GOAML_SCHEMA' },
      });
    }
    validateReport = xsdValidator(schema);
  }
  return {
    store,
    clock: systemClock,
    ids: { next: (prefix) => `${prefix}_${randomBytes(8).toString('hex')}` },
    ...(alerts ? { alerts } : {}),
    goaml: loadGoamlConfig(),
    ...(validateReport ? { validateReport } : {}),
    ...(process.env.ARGUS_APPROVER_ROLES ? { approverRoles: process.env.ARGUS_APPROVER_ROLES.split(',').map((s) => s.trim()) } : {}),
  };
}
