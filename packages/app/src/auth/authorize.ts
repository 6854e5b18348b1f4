/** Authorisation checks shared by use cases and routes: role (narrowed by API key scopes) and agency. */

import { ArgusError } from '@argus/core';
import { can, type Permission, type Principal } from '@argus/core/sharing';

export function allowed(actor: Principal, permission: Permission): boolean {
  return can(actor.user.role, permission, actor.scopes);
}

export function requirePermission(actor: Principal, permission: Permission): void {
  if (!allowed(actor, permission)) {
    throw new ArgusError('AUTH_FORBIDDEN', `role ${actor.user.role}${actor.scopes ? ' (API key scopes)' : ''} may not ${permission}`);
  }
}
