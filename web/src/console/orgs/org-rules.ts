import type { FederationLevel, Org, OrgKind } from '../../api/types';

/**
 * Which kinds of org may be created under a parent, to offer only sensible choices. Mirrors the
 * placement rule of server/modules/orgs/rules.ts, which stays the authority.
 */
export interface ChildChoice {
  kind: OrgKind;
  level?: FederationLevel;
}

export function childChoices(parent: Pick<Org, 'kind' | 'level'>): ChildChoice[] {
  switch (parent.kind) {
    case 'federation':
      return parent.level === 'county'
        ? [{ kind: 'federation', level: 'street' }, { kind: 'federation', level: 'town' }, { kind: 'joint_union' }, { kind: 'grassroots_union' }]
        : [{ kind: 'joint_union' }, { kind: 'grassroots_union' }];
    case 'joint_union':
      return [{ kind: 'grassroots_union' }, { kind: 'branch' }];
    case 'grassroots_union':
      return [{ kind: 'branch' }];
    case 'branch':
      return [];
  }
}

export const jointBases = ['building', 'area', 'industry', 'town'] as const;
export const teamKinds = ['workshop', 'office', 'crew', 'project'] as const;
