import type { Expression, SqlBool } from 'kysely';
import { inScope, inSubtree, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of micro-wishes: cadres and viewers see the wishes of their scope's members
 * (wish.read) and cadres moderate them (wish.write). The wall (心愿墙) shows the approved wishes of
 * the federation a person's union sits in — the subtree of its parent, so a 小镇's members see each
 * other's wishes — with the wisher's name masked; a partner's contact sees its partner's union's wall.
 */
export const readableWishes = (scope: Scope): Expression<SqlBool> => inScope('wishes.org_id', scope);
export const onWallOf = (wallOrgId: number): Expression<SqlBool> => inSubtree('wishes.org_id', wallOrgId);
