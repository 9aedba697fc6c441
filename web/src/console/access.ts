import type { Me, Role } from '../api/types';

/**
 * What the console offers a user, derived from their role grants. The server's access layer is
 * the authority (server/platform/access.ts); this only decides which menus and buttons to show,
 * so it mirrors the role → permission table there for the permissions the console uses.
 */
export type Capability = 'org.read' | 'org.write' | 'user.read' | 'user.write' | 'audit.read' | 'member.read' | 'member.write' | 'member.pii' | 'pioneer.read' | 'pioneer.write' | 'activity.read' | 'activity.write';

const roleCapabilities: Record<Role, readonly Capability[]> = {
  admin: ['org.read', 'org.write', 'user.read', 'user.write', 'audit.read', 'member.read', 'member.write', 'member.pii', 'pioneer.read', 'pioneer.write', 'activity.read', 'activity.write'],
  cadre: ['org.read', 'org.write', 'user.read', 'user.write', 'audit.read', 'member.read', 'member.write', 'member.pii', 'pioneer.read', 'pioneer.write', 'activity.read', 'activity.write'],
  viewer: ['org.read', 'user.read', 'member.read', 'pioneer.read', 'activity.read'],
  judge: [],
  member: [],
};

export function isAdmin(me: Me): boolean {
  return me.grants.some((g) => g.role === 'admin');
}

export function can(me: Me, capability: Capability): boolean {
  return me.grants.some((g) => roleCapabilities[g.role].includes(capability));
}

/** May the user change this org: an admin, or a cadre granted on the org itself or one above it. */
export function canWriteOrg(me: Me, orgId: number, ancestorIds: number[]): boolean {
  if (isAdmin(me)) return true;
  const line = new Set([orgId, ...ancestorIds]);
  return me.grants.some((g) => g.orgId !== null && line.has(g.orgId) && roleCapabilities[g.role].includes('org.write'));
}
