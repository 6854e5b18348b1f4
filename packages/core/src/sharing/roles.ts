/** Roles and what each may do: the one table every route and use case consults. */

export const ROLES = ['admin', 'analyst', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** What a principal may do. Scopes of API keys are drawn from the same list. */
export const PERMISSIONS = [
  'screen', // run screenings (single and batch)
  'lists:read', // read sources, versions, entities, diffs
  'lists:update', // trigger list updates
  'reviews:read',
  'reviews:write', // record true-match / false-positive decisions
  'alerts:read',
  'alerts:write',
  'cases:read',
  'cases:write',
  'incidents:read',
  'incidents:write',
  'audit:read',
  'admin', // users, API keys, agencies
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: readonly Permission[] = ['lists:read', 'reviews:read', 'alerts:read', 'cases:read', 'incidents:read'];

/**
 * admin: everything. analyst: screens and works alerts and cases. reviewer: an analyst who also
 * decides hits. auditor: reads everything including the audit log, writes nothing (not even a screening,
 * which would create rows in its name).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set(PERMISSIONS),
  analyst: new Set<Permission>([...READ, 'screen', 'alerts:write', 'cases:write', 'incidents:write']),
  reviewer: new Set<Permission>([...READ, 'screen', 'reviews:write', 'alerts:write', 'cases:write', 'incidents:write']),
  auditor: new Set<Permission>([...READ, 'audit:read']),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** May a role (narrowed by an API key's scopes, when the principal is a key) do this? */
export function can(role: Role, permission: Permission, scopes?: readonly Permission[]): boolean {
  if (!ROLE_PERMISSIONS[role].has(permission)) return false;
  return scopes === undefined || scopes.includes(permission);
}
