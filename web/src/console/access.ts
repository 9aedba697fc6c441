import type { Me, SessionGrant } from '../api/types';

/**
 * What the console offers a user, from the permissions the server sends with each of their grants
 * (GET /api/me). The server's access layer (server/platform/access.ts) stays the authority; this
 * only decides which menus and buttons to show.
 */
export type Capability = SessionGrant['permissions'][number];

export function isAdmin(me: Me): boolean {
  return me.grants.some((g) => g.role === 'admin');
}

export function can(me: Me, capability: Capability): boolean {
  return me.grants.some((g) => g.permissions.includes(capability));
}

/** May the user change this org: an admin, or a grant carrying org.write on the org itself or one above it. */
export function canWriteOrg(me: Me, orgId: number, ancestorIds: number[]): boolean {
  if (isAdmin(me)) return true;
  const line = new Set([orgId, ...ancestorIds]);
  return me.grants.some((g) => g.orgId !== null && line.has(g.orgId) && g.permissions.includes('org.write'));
}
