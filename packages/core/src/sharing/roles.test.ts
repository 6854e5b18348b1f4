import { describe, expect, it } from 'vitest';
import { grantActive, isAgencyId, isUsername } from './principal.js';
import { can, ROLES } from './roles.js';

describe('roles', () => {
  it('lets an admin do everything and an auditor write nothing', () => {
    expect(can('admin', 'admin')).toBe(true);
    expect(can('auditor', 'lists:read')).toBe(true);
    expect(can('auditor', 'screen')).toBe(false);
    expect(can('auditor', 'reviews:write')).toBe(false);
    expect(can('auditor', 'audit:read')).toBe(true);
  });
  it('keeps analysts out of admin and reviews', () => {
    expect(can('analyst', 'screen')).toBe(true);
    expect(can('analyst', 'admin')).toBe(false);
    expect(can('analyst', 'reviews:write')).toBe(false);
    expect(can('reviewer', 'reviews:write')).toBe(true);
  });
  it('narrows a role to an API key scope, never widens it', () => {
    expect(can('admin', 'admin', ['screen'])).toBe(false);
    expect(can('admin', 'screen', ['screen'])).toBe(true);
    expect(can('auditor', 'screen', ['screen'])).toBe(false);
    expect(ROLES).toHaveLength(4);
  });
  it('validates ids and grants', () => {
    expect(isAgencyId('default')).toBe(true);
    expect(isAgencyId('public')).toBe(false);
    expect(isAgencyId('Bad Id')).toBe(false);
    expect(isUsername("x' OR 1=1 --")).toBe(false);
    const g = { id: 'g', fromAgencyId: 'a', toAgencyId: 'b', kind: 'case', subject: 'c1', purpose: 'p', createdAt: '2026-01-01' } as const;
    expect(grantActive({ ...g, expiresAt: '2026-02-01' }, '2026-01-15')).toBe(true);
    expect(grantActive({ ...g, expiresAt: '2026-02-01' }, '2026-03-01')).toBe(false);
    expect(grantActive({ ...g, revokedAt: '2026-01-10' }, '2026-01-15')).toBe(false);
  });
});
