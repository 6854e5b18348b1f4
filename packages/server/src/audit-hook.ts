/** Records logins and admin actions in the agency's audit log, when an audit sink is wired (ServerDeps.audit). */

import type { ServerDeps } from './server-deps.js';

export interface AuditNote {
  readonly agencyId: string;
  /** Username (or API key id) of whoever acted. */
  readonly actor: string;
  /** `auth.login`, `admin.user.create`, `review.record` … */
  readonly action: string;
  readonly subject: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export async function audit(deps: ServerDeps, note: AuditNote): Promise<void> {
  await deps.audit?.(note);
}
