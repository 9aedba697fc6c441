import type { Refusal } from '../../platform/errors.ts';

/** The union tree's shape rules. Pure: callers pass what they read, get a refusal code or null. */
export const orgKinds = ['federation', 'joint_union', 'grassroots_union', 'branch'] as const;
export type OrgKind = (typeof orgKinds)[number];
/** A county's federation; under it a street's (街道) or a town's (乡镇), of the same rank. */
export const federationLevels = ['county', 'street', 'town'] as const;
export type FederationLevel = (typeof federationLevels)[number];
export const jointBases = ['building', 'area', 'industry', 'town'] as const;
export const teamKinds = ['workshop', 'office', 'crew', 'project'] as const;

export interface OrgShape {
  kind: OrgKind;
  level: FederationLevel | null;
}

/** "kind" or "kind:level" → the parents it may sit under. */
const ALLOWED_PARENTS: Record<string, string[]> = {
  'federation:street': ['federation:county'],
  'federation:town': ['federation:county'],
  joint_union: ['federation:county', 'federation:street', 'federation:town'],
  grassroots_union: ['federation:county', 'federation:street', 'federation:town', 'joint_union'],
  branch: ['joint_union', 'grassroots_union'],
};

const key = (o: OrgShape) => (o.kind === 'federation' ? `federation:${o.level}` : o.kind);

/** May an org of this shape sit under `parent` (null: at the top of the tree)? */
export function checkPlacement(org: OrgShape, parent: OrgShape | null): Refusal | null {
  if (parent === null) return key(org) === 'federation:county' ? null : { code: 'org_root_kind' };
  const allowed = ALLOWED_PARENTS[key(org)] ?? [];
  if (allowed.includes(key(parent))) return null;
  return {
    code: 'org_parent_kind',
    params: { kind: org.kind === 'federation' ? (org.level ?? 'federation') : org.kind, parentKind: parent.kind === 'federation' ? (parent.level ?? 'federation') : parent.kind },
  };
}

/** Moving under one's own subtree would make a cycle: `ancestorsOfTarget` includes the target. */
export function checkMove(orgId: number, currentParentId: number | null, ancestorsOfTarget: number[]): Refusal | null {
  if (currentParentId === null) return { code: 'org_move_root' };
  if (ancestorsOfTarget.includes(orgId)) return { code: 'org_move_into_self' };
  return null;
}

export function checkClose(openChildren: number, activeEnterprises: number): Refusal | null {
  if (openChildren > 0) return { code: 'org_has_open_children', params: { count: openChildren } };
  if (activeEnterprises > 0) return { code: 'org_has_enterprises', params: { count: activeEnterprises } };
  return null;
}

/** An enterprise covered only by a federation has no union of its own (未建会). */
export function hasUnion(coveringKind: OrgKind): boolean {
  return coveringKind !== 'federation';
}

/**
 * When an enterprise without a union should have one (应建会): once a year has passed since it was
 * founded. The source page names this moment as the one street federations watch for ("重点把握
 * 成立满一年以上非公企业和‘两新’组织…的关键节点", 天水街道, shared/seed/union-newspaper-page.zh.txt).
 * An enterprise founded on or before the returned day (today a year ago, as YYYY-MM-DD) is due:
 * string order of the dates, so SQL can filter with it too (coverage statistics, 建会率).
 */
export function unionDueFoundedBy(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
}

/** A year after founding, an enterprise without a union is a prompt to set one up (see unionDueFoundedBy). */
export function needsUnion(coveringKind: OrgKind, foundedOn: string | null, today: string): boolean {
  if (hasUnion(coveringKind) || !foundedOn) return false;
  return foundedOn <= unionDueFoundedBy(today);
}
