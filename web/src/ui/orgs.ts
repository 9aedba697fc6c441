import type { TFunction } from 'i18next';
import type { Grant, Org, OrgKind } from '../api/types';

/** The tag text of an org: 县级总工会 / 街道总工会 / 联合工会（楼宇）/ 基层工会 / 分会. */
export function orgKindLabel(t: TFunction, org: Pick<Org, 'kind' | 'level' | 'basis'>): string {
  if (org.kind === 'federation' && org.level) return t(`level.${org.level}`);
  if (org.kind === 'joint_union' && org.basis) return t('jointUnion', { basis: t(`basis.${org.basis}`) });
  return t(`orgKind.${org.kind}`);
}

export const orgKindColor: Record<OrgKind, string> = {
  federation: 'red',
  joint_union: 'volcano',
  grassroots_union: 'blue',
  branch: 'cyan',
};

/** "role · org" for a grant, e.g. 工会干部 · 魏塘街道总工会. */
export function grantLabel(t: TFunction, grant: Grant): string {
  const role = t(`role.${grant.role}`);
  return grant.orgName ? `${role} · ${grant.orgName}` : role;
}
