import { createGrant, createUser } from '../accounts/index.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { moderate, postWish } from './service.ts';

/**
 * 云创青年小镇's 微心愿 (the seed: 微阅读、微心愿、爱心助学… in its “微积分” love-points scheme):
 * three wishes posted by the union for its members, two approved onto the wall, one waiting. Two of
 * its members have portal accounts: `yunchuang` (the wisher of the first wish, who confirms it) and
 * `aixin` (a colleague of the same town, who claims wishes on the wall and earns the love points).
 */
export async function seedWishesDemo(deps: Deps, caller: Caller, password: string): Promise<void> {
  const members = await deps.db
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .innerJoin('orgs as top', 'top.id', 'org_closure.ancestor_id')
    .where('top.name', '=', '云创青年小镇工会联合会')
    .where('members.status', '=', 'member')
    .select(['members.id', 'members.name', 'members.org_id'])
    .orderBy('members.id')
    .limit(4)
    .execute();
  const wishes = [
    { title: '给孩子一套课外读物', description: '孩子上小学三年级，想要一套适合的课外读物。', valueFen: 15_000 },
    { title: '一件冬季工作棉服', description: '冬天在户外送餐，希望有一件保暖的工作棉服。', valueFen: 18_000 },
    { title: '一次职业技能培训报名', description: '想学习电工技能，希望资助一次培训报名费。', valueFen: 20_000 },
  ];
  for (const [username, m] of [['yunchuang', members[0]!], ['aixin', members[3]!]] as const) {
    const user = await createUser(deps, caller, { username, password, displayName: m.name, orgId: m.org_id });
    await createGrant(deps, caller, { userId: user.id, role: 'member', orgId: m.org_id });
    await deps.db.updateTable('members').set({ user_id: user.id }).where('id', '=', m.id).execute();
  }
  for (const [i, m] of members.slice(0, 3).entries()) {
    const { id } = await postWish(deps, caller, { ...wishes[i]!, memberId: m.id });
    if (i < 2) await moderate(deps, caller, id, { approve: true, reason: null });
  }
}
