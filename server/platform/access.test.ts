import { describe, expect, it } from 'vitest';
import { hasAny, permissions, registerPermissions, rolePermissions, roles, scopeFor, type Grant } from './access.ts';

// The shape modules register (orgs, accounts, audit own these); this file's worker has no modules.
registerPermissions('test', { 'org.read': ['cadre', 'viewer'], 'org.write': ['cadre'], 'user.read': ['cadre', 'viewer'], 'user.write': ['cadre'], 'audit.read': ['cadre'] });

const grant = (id: number, role: Grant['role'], orgId: number | null): Grant => ({ id, role, orgId });

describe('scopeFor', () => {
  it('gives a platform admin every org for every permission', () => {
    for (const p of permissions()) expect(scopeFor([grant(1, 'admin', null)], p)).toEqual({ all: true, roots: [] });
  });

  it('gives a cadre the subtrees of the orgs the role is granted on, each once', () => {
    const grants = [grant(1, 'cadre', 10), grant(2, 'cadre', 20), grant(3, 'viewer', 10)];
    expect(scopeFor(grants, 'org.write')).toEqual({ all: false, roots: [10, 20] });
    expect(scopeFor(grants, 'org.read')).toEqual({ all: false, roots: [10, 20] });
  });

  it('gives a viewer reading but not writing', () => {
    const grants = [grant(1, 'viewer', 10)];
    expect(scopeFor(grants, 'org.read')).toEqual({ all: false, roots: [10] });
    expect(scopeFor(grants, 'user.read')).toEqual({ all: false, roots: [10] });
    expect(scopeFor(grants, 'org.write')).toEqual({ all: false, roots: [] });
    expect(scopeFor(grants, 'audit.read')).toEqual({ all: false, roots: [] });
    expect(hasAny(scopeFor(grants, 'user.write'))).toBe(false);
  });

  it('gives judges and members nothing through the access layer', () => {
    for (const p of permissions()) {
      expect(hasAny(scopeFor([grant(1, 'judge', 10), grant(2, 'member', 10)], p))).toBe(false);
    }
  });

  it('gives nothing to a user without grants', () => {
    for (const p of permissions()) expect(scopeFor([], p)).toEqual({ all: false, roots: [] });
  });

  it('ignores a non-admin grant that names no org', () => {
    expect(scopeFor([grant(1, 'cadre', null)], 'org.read')).toEqual({ all: false, roots: [] });
  });

  it('grants the admin role every permission, and every role only known permissions', () => {
    expect([...rolePermissions('admin')].sort()).toEqual([...permissions()].sort());
    for (const role of roles) for (const p of rolePermissions(role)) expect(permissions()).toContain(p);
    expect(rolePermissions('viewer')).toEqual(['org.read', 'user.read']);
  });

  it('refuses a permission that another module already registered', () => {
    expect(() => registerPermissions('another', { 'org.read': ['viewer'] })).toThrow(/already registered by test/);
  });
});
